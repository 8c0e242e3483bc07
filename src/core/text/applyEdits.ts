import type { TextEdit } from '../model';

/**
 * Applies non-overlapping edits to `text` and returns the new text. Edits may come in any order;
 * offsets refer to the original text. Throws on overlapping edits (a bug in the caller, not bad content).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`overlapping or out-of-range edit [${edit.start}, ${edit.end})`);
    }
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}
