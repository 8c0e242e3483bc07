import type { TextEdit } from '../model';

/**
 * The edit that ticks or unticks a task item whose `[` is at `markerOffset`: only the character
 * between the brackets changes (`[ ]` → `[x]`, `[x]` / `[X]` → `[ ]`; Kiro's in-progress `[-]` →
 * `[x]`; `doneMark` `X` for a file that writes its done boxes so, as Spec Kit does). Empty when the
 * box is already in the wanted state; null when the text at the offset is not such a marker.
 */
export function taskMarkerEdits(text: string, markerOffset: number, done: boolean, doneMark: 'x' | 'X' = 'x'): TextEdit[] | null {
  if (text[markerOffset] !== '[' || text[markerOffset + 2] !== ']') return null;
  const inside = text[markerOffset + 1];
  const isDone = inside === 'x' || inside === 'X';
  if (!isDone && inside !== ' ' && inside !== '-') return null;
  if (isDone === done) return [];
  return [{ start: markerOffset + 1, end: markerOffset + 2, newText: done ? doneMark : ' ' }];
}

/** `X` when the text's done task boxes are written `[X]` and never `[x]`, else `x`. */
export function doneMarkOf(text: string): 'x' | 'X' {
  return text.includes('[X]') && !text.includes('[x]') ? 'X' : 'x';
}

const DONE_TOKEN = '\u2705'; // ✅
const OPEN_TOKEN = '\u23F3'; // ⏳
const WARN_TOKEN = '\u26A0'; // ⚠, often followed by the emoji presentation selector U+FE0F

/**
 * The edit that marks a table row's status cell [cellOffset, cellOffset + cellLength) done (⏳ or ⚠️ → ✅)
 * or open (✅ → ⏳). Only the status token changes; any words beside it in the cell stay. Empty when
 * already in the wanted state; null when the cell holds no status token.
 */
export function tableStatusEdits(text: string, cellOffset: number, cellLength: number, done: boolean): TextEdit[] | null {
  const cell = text.slice(cellOffset, cellOffset + cellLength);
  const doneAt = cell.indexOf(DONE_TOKEN);
  const openAt = cell.indexOf(OPEN_TOKEN);
  const warnAt = cell.indexOf(WARN_TOKEN);
  if (done) {
    if (openAt >= 0) return [{ start: cellOffset + openAt, end: cellOffset + openAt + 1, newText: DONE_TOKEN }];
    if (warnAt >= 0) {
      const length = cell.charCodeAt(warnAt + 1) === 0xfe0f ? 2 : 1;
      return [{ start: cellOffset + warnAt, end: cellOffset + warnAt + length, newText: DONE_TOKEN }];
    }
    return doneAt >= 0 ? [] : null;
  }
  if (doneAt >= 0) return [{ start: cellOffset + doneAt, end: cellOffset + doneAt + 1, newText: OPEN_TOKEN }];
  return openAt >= 0 || warnAt >= 0 ? [] : null;
}
