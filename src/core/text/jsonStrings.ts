/**
 * Two steps every hand-written JSON scanner here takes (`jsonStepLines`, `sessionTokens`,
 * `jsonDuplicateKeys`: each faster than a jsonc-parser tree for what it needs), kept in one place.
 */

/**
 * The offset of the quote that closes the string opening at `open` (a `"`), or -1 when it is never
 * closed. A quote after an odd run of backslashes is escaped. Strings are skipped with `indexOf`
 * rather than char by char: valid JSON holds no raw line break inside a string.
 */
export function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q !== -1) {
    let b = q;
    while (b > open + 1 && text.charCodeAt(b - 1) === 92) b--;
    if (((q - b) & 1) === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

/** Whether the string closed at `close` is a key: the next character after blanks is `:`. */
export function isKey(text: string, close: number): boolean {
  let j = close + 1;
  let d = text.charCodeAt(j);
  while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++j);
  return d === 58;
}
