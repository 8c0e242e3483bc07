/**
 * Quick-fix edits that work on whole lines of a markdown file: closing an unclosed frontmatter and
 * turning a non-standard task marker into a standard one.
 */
import { splitFrontmatter } from '../frontmatter/splitFrontmatter';
import type { TextEdit } from '../model';
import { LineIndex } from '../text/lineIndex';
import { preferredEol } from '../text/lineEndings';

/**
 * Inserts `fence` and the file's line ending at the start of 0-based `line`, or appends the fence at
 * the end when `line` is the line count. Null when the header is no longer unclosed, or opened by
 * another fence, or `line` is out of range.
 */
export function closeFrontmatterEdit(text: string, line: number, fence: '---' | '+++'): TextEdit | null {
  const split = splitFrontmatter(text);
  if (split.kind !== 'error' || (split.language === 'yaml') !== (fence === '---')) return null;
  const index = new LineIndex(text);
  if (line < 1 || line > index.lineCount) return null;
  const eol = preferredEol(text);
  if (line === index.lineCount) {
    // Text without a final line break: the fence goes on a new last line, still without one.
    return { start: text.length, end: text.length, newText: eol + fence };
  }
  const at = index.lineStart(line);
  return { start: at, end: at, newText: fence + eol };
}

/** A marker fix: the edits and whether it also made the line a list item. */
export interface MarkerEdit {
  readonly edits: TextEdit[];
  readonly madeItem: boolean;
}

const LIST_MARKER = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * Replaces the non-standard task marker on 0-based `line` (`[-]`, `[~]`, `[/]`, `[]` …) with
 * `marker`, touching only the bracket part; a bare `[ ] text` line that is no list item becomes
 * `- [ ] text`. Null when the line holds no such marker any more.
 */
export function standardMarkerEdits(text: string, line: number, marker: '[ ]' | '[x]'): MarkerEdit | null {
  const index = new LineIndex(text);
  if (line < 0 || line >= index.lineCount) return null;
  let start = index.lineStart(line);
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  const lineText = text.slice(start, index.lineEnd(line));
  const list = LIST_MARKER.exec(lineText);
  const q = list ? list[0].length : lineText.length - lineText.trimStart().length;
  if (lineText[q] !== '[') return null;
  const close = lineText[q + 1] === ']' ? q + 1 : lineText[q + 2] === ']' ? q + 2 : -1;
  if (close < 0) return null;
  const inner = lineText.slice(q + 1, close);
  const standard = inner === ' ' || inner === 'x' || inner === 'X';
  if (standard && list) return null;
  if (inner.length === 1 && /[\p{L}\p{N}[\]]/u.test(inner) && !standard) return null;
  const after = lineText[close + 1];
  // `[ ]*` and the like: the marker is glued to more punctuation, which may mean something; leave it.
  if (after !== undefined && after !== ' ' && after !== '\t' && standard) return null;
  const space = after === undefined || after === ' ' || after === '\t' ? '' : ' ';
  const bullet = list ? '' : '- ';
  const edit: TextEdit = inner === marker.slice(1, 2) && !space
    ? { start: start + q, end: start + q, newText: bullet }
    : { start: start + q, end: start + close + 1, newText: bullet + marker + space };
  return { edits: [edit], madeItem: !list };
}
