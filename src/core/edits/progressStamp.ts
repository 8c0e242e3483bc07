import { PROGRESS_STAMP } from '../conventions/codexPlan';
import type { TextEdit } from '../model';
import { detectTimestampStyle, formatTimestamp, type TimestampStyle } from './timestampStyle';

/** The cookbook's style for a Progress timestamp, for a plan that shows none yet: `2025-10-01 13:00Z`. */
const PLAN_STYLE: TimestampStyle = { separator: ' ', seconds: false, fractionDigits: 0, zone: 'Z', offsetMinutes: 0 };

/**
 * The edit that goes with ticking a Progress item of a Codex ExecPlan (its box is edited apart):
 * ticked, the time it was done is written before its text, `- [x] (2026-12-04 15:20Z) Text`, in
 * the style of the plan's other stamps; unticked, the stamp is taken out. An item ticked with a
 * stamp already, or unticked without one, needs nothing. `markerOffset` is the offset of `[`.
 */
export function progressStampEdits(text: string, markerOffset: number, done: boolean, now: Date): TextEdit[] {
  let start = markerOffset + 3;
  while (text[start] === ' ' || text[start] === '\t') start++;
  const lineEnd = text.indexOf('\n', start);
  const rest = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
  const stamp = PROGRESS_STAMP.exec(rest);
  if (done) {
    if (stamp !== null) return [];
    return [{ start, end: start, newText: `(${formatTimestamp(now, styleOf(text))}) ` }];
  }
  return stamp === null ? [] : [{ start, end: start + stamp[0].length, newText: '' }];
}

/** The style of the first Progress stamp in the plan, else the cookbook's. */
function styleOf(text: string): TimestampStyle {
  const first = /^[ \t]*[-*+] \[[xX]\][ \t]+\(([^)\n]+)\)/m.exec(text);
  return (first !== null ? detectTimestampStyle(first[1]!.trim()) : null) ?? PLAN_STYLE;
}
