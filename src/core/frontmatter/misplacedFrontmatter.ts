import type { ReadNote } from '../model';

const KEY_LINE = /^[A-Za-z_][\w.-]*:(?:[ \t]|$)/;
const YAML_LINE = /^(?:[A-Za-z_][\w.-]*:(?:[ \t]|$)|[ \t]+\S|- |#)/;

/**
 * Finds a YAML header that stands later in the file instead of at its very start: a `---` line
 * followed directly by `key: value` lines (lists, indented lines and comments allowed) and a closing
 * `---` within 60 lines. A `---` followed by prose or a blank line is a thematic break, not a header.
 * `dashLines`/`dashOffsets` are the `---` lines outside code found by the markdown scan.
 * Returns one note for the first such block, or null.
 */
export function findMisplacedFrontmatter(text: string, dashLines: readonly number[], dashOffsets: readonly number[]): ReadNote | null {
  for (let i = 0; i + 1 < dashLines.length; i++) {
    const open = dashLines[i]!;
    const close = dashLines[i + 1]!;
    if (close - open < 2 || close - open > 60) continue;
    const from = text.indexOf('\n', dashOffsets[i]) + 1;
    const body = text.slice(from, dashOffsets[i + 1]).split('\n');
    body.pop(); // the empty piece after the last line break
    if (body.length === 0 || !KEY_LINE.test(body[0]!)) continue;
    if (!body.every((l) => YAML_LINE.test(l.replace(/\r$/, '')))) continue;
    return {
      severity: 'warning', code: 'frontmatter-not-at-start',
      message: 'This looks like a YAML header, but a header is only read at the very start of the file; move it to line 1.',
      line: open, endLine: close,
    };
  }
  return null;
}
