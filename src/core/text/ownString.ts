/**
 * Returns a copy of `s` that does not keep the string it was sliced from alive.
 *
 * Why: V8 represents `text.slice(a, b)` (13+ chars) as a SlicedString pointing into `text`, so a
 * milestone title kept in the index retains its whole file. Measured (shared/docs/parsing-facts.md):
 * summaries keeping parser strings as-is held ~10 KB per file (490 MB at 50k files); copies brought
 * it to ~350 B per file. Use this for every string the model keeps.
 *
 * How: `' ' + s` is a ConsString; `.slice(1)` flattens it into a fresh sequential string (a copy of
 * `s` plus one char) and slices that, so the result points at the copy, never at the file.
 * Short strings (< 13 chars) are already copied by V8 on slice, so they are returned as they are.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** `ownString` for a nullable string. */
export function ownNullable(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : ownString(s);
}

/**
 * Deep-copies parsed data (YAML/JSON/TOML values) so that none of its strings retain the source
 * text. Dates (TOML) become their ISO text; functions and other exotic values become strings.
 */
export function ownValue(value: unknown): unknown {
  if (typeof value === 'string') return ownString(value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  }
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return value.map(ownValue);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[ownString(key)] = ownValue((value as Record<string, unknown>)[key]);
  return out;
}

function dateText(d: Date): string {
  // smol-toml's TomlDate prints its original form (a local date stays `2026-05-05`).
  try { return d.toISOString(); } catch { return String(d); }
}
