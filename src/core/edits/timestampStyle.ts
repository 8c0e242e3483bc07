/**
 * The way a file writes its timestamps, learned from one of them, so a new timestamp looks like its
 * neighbours: `2025-11-15 00:20:00 UTC`, `2025-11-15T00:20:00Z`, `2025-11-15T00:20:00.123Z`,
 * `2025-11-15T02:20:00+02:00`, `2025-11-15` …
 */
export interface TimestampStyle {
  /** Separator between date and time, or null for a date only. */
  readonly separator: 'T' | ' ' | null;
  readonly seconds: boolean;
  /** Digits after the seconds' dot (0 = none). */
  readonly fractionDigits: number;
  /** The zone exactly as written after the time (`Z`, ` UTC`, `+02:00`, `+0200`), or '' for none. */
  readonly zone: string;
  /** Minutes east of UTC the times are written in: 0 unless the file shows an offset. */
  readonly offsetMinutes: number;
}

/** ISO-8601 in UTC with seconds, used when a file shows no timestamp to imitate. */
export const DEFAULT_TIMESTAMP_STYLE: TimestampStyle = { separator: 'T', seconds: true, fractionDigits: 0, zone: 'Z', offsetMinutes: 0 };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:([T ])\d{2}:\d{2}(?::\d{2}(?:\.(\d{1,9}))?)?)?(\s*(?:Z|UTC|GMT)|\s*[+-]\d{2}(?::?\d{2})?)?$/i;

/** The style of `sample`, or null when it is not a timestamp of a recognised shape. */
export function detectTimestampStyle(sample: string): TimestampStyle | null {
  const m = TIMESTAMP.exec(sample);
  if (!m) return null;
  const separator = (m[1] as 'T' | ' ' | undefined) ?? null;
  const zone = m[3] ?? '';
  const seconds = separator !== null && /\d{2}:\d{2}:\d{2}/.test(sample);
  return { separator, seconds, fractionDigits: m[2]?.length ?? 0, zone, offsetMinutes: offsetOf(zone) };
}

/** True when `value` looks like a timestamp or a date this module can imitate. */
export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value);
}

/** Writes `date` in `style`. */
export function formatTimestamp(date: Date, style: TimestampStyle): string {
  // Shifting the instant and reading the UTC fields gives the wall clock at the file's offset.
  const t = new Date(date.getTime() + style.offsetMinutes * 60_000);
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (style.separator === null) return day + style.zone;
  let time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  if (style.seconds) {
    time += `:${pad(t.getUTCSeconds())}`;
    if (style.fractionDigits > 0) {
      time += '.' + String(t.getUTCMilliseconds()).padStart(3, '0').padEnd(style.fractionDigits, '0').slice(0, style.fractionDigits);
    }
  }
  return day + style.separator + time + style.zone;
}

/** `date` as the local calendar day, `YYYY-MM-DD` (frontmatter `updated:` is a day in the writer's time zone). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function offsetOf(zone: string): number {
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(zone.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
