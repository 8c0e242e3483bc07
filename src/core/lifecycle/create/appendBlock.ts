import type { TextEdit } from '../../model';
import { contentStart, preferredEol } from '../../text/lineEndings';

/**
 * The one edit that adds `lines` at the end of `text` with exactly one blank line before them and a
 * line ending after them, written with the file's line ending (its first one; LF when it has none).
 * Only the end changes: a last line without a line ending gets one, and blank lines at the end
 * (spaces, tabs, empty lines) become the one blank line. Every other byte stays, a BOM and the
 * trailing spaces of the last line with content included. A text with nothing but blank lines
 * (after its BOM) gets `lines` as its whole content. The edit is minimal: it starts where the old
 * end and the new one first differ.
 */
export function appendBlock(text: string, lines: readonly string[]): TextEdit {
  const eol = preferredEol(text);
  const block = lines.join(eol) + eol;
  const start = contentStart(text);
  let last = text.length;
  while (last > start && /[ \t\r\n]/.test(text[last - 1]!)) last--;
  let from: number;
  let wanted: string;
  if (last === start) {
    from = start;
    wanted = block;
  } else {
    const lineEnd = text.indexOf('\n', last);
    from = lineEnd === -1 ? text.length : lineEnd - (text[lineEnd - 1] === '\r' ? 1 : 0);
    wanted = eol + eol + block;
  }
  const old = text.slice(from);
  let same = 0;
  while (same < old.length && same < wanted.length && old[same] === wanted[same]) same++;
  return { start: from + same, end: text.length, newText: wanted.slice(same) };
}
