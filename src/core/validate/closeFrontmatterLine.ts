import type { LineIndex } from '../text/lineIndex';

/** Where the closing fence of an unclosed header goes, and why there. */
export interface CloseAt {
  /** 0-based line the fence is inserted before; `lineCount` means after the last line. */
  readonly line: number;
  readonly why: 'blank-line' | 'heading' | 'end-of-file';
}

const HEADER_LINE = /^(?:[A-Za-z_"'$][^:]*:(?:[ \t]|$)|[ \t]+\S|-(?:[ \t]|$))/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * The first line that is not part of an unclosed header opened on line 0: the first blank line
 * (before the first heading) followed by a heading or body text (not by more `key: value` / list /
 * indented lines), else the first heading, else the end of the file (the line after the last line break; the line count
 * when the text does not end with one).
 */
export function closeFrontmatterLine(index: LineIndex): CloseAt {
  const n = index.lineCount;
  const text = (l: number): string => index.lineText(l).replace(/^\ufeff/, '');
  let heading = -1;
  for (let l = 1; l < n && heading < 0; l++) if (HEADING.test(text(l))) heading = l;
  // A blank line counts only before the first heading: nothing after a heading is header.
  const limit = heading < 0 ? n : heading;
  for (let l = 1; l < limit; l++) {
    if (text(l).trim() !== '') continue;
    let next = l + 1;
    while (next < n && text(next).trim() === '') next++;
    if (next < n && (HEADING.test(text(next)) || !HEADER_LINE.test(text(next)))) return { line: l, why: 'blank-line' };
  }
  if (heading >= 0) return { line: heading, why: 'heading' };
  const last = text(n - 1);
  return { line: last === '' ? n - 1 : n, why: 'end-of-file' };
}
