/** The line ending a file uses. `mixed` when both LF and CRLF lines occur; `none` for a one-line text. */
export type LineEnding = '\n' | '\r\n' | 'mixed' | 'none';

export const BOM = '\uFEFF';

/** True when the text starts with a byte order mark (U+FEFF, as decoded from UTF-8 `EF BB BF`). */
export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** Offset where the content starts: 1 after a BOM, else 0. */
export function contentStart(text: string): number {
  return hasBom(text) ? 1 : 0;
}

/**
 * Detects the line ending from the whole text (one pass of `indexOf`, no regex), so edits can
 * write new lines the way the file already does. Lone `\r` line endings are not supported and count as
 * no line break.
 */
export function detectLineEnding(text: string): LineEnding {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++; else lf++;
    if (lf > 0 && crlf > 0) return 'mixed';
  }
  if (crlf > 0) return '\r\n';
  return lf > 0 ? '\n' : 'none';
}

/** The line ending to use when inserting a line: the file's own, LF when unknown or mixed (majority not worth a pass). */
export function preferredEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}
