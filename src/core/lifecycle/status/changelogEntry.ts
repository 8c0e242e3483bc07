import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import { scanMarkdownKeeping } from '../../markdown/scanMarkdown';
import type { ScanHeading } from '../../markdown/markdownScan';
import type { TextEdit } from '../../model';
import { itemBlockEnd, listMarkerOf, TextLines } from '../../form/edits/textLines';

const CHANGELOG = /^change\s*log\b/i;
/** `2026-11-12 — ` / `2026-03-29: ` at the start of an entry: the separator the file writes after the date. */
const DATED = /^\d{4}-\d\d-\d\d(\s*(?:—|–|:|-)\s*)/;

/**
 * The edit that adds the entry `- <day> — <sentence>` at the end of the list of the markdown text's
 * "Changelog" section (seed 003), written like the entry before it (bullet, indentation, the
 * separator after the date: ` — `, `: ` …). A section without a list gets one under its heading; a
 * text without the section gets `## Changelog` and the entry at its end. New lines use the text's
 * line ending; nothing else moves.
 */
export function changelogEdit(text: string, day: string, sentence: string): TextEdit {
  const fm = readFrontmatter(text);
  const isLog = (headings: readonly ScanHeading[], h: number): boolean => h >= 0 && CHANGELOG.test(headings[h]!.text);
  const scan = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, isLog);
  const lines = new TextLines(text);
  const h = scan.headings.findIndex((_, i) => isLog(scan.headings, i));
  if (h < 0) {
    const last = lines.count - 1;
    const eolBefore = text.length > 0 && !text.endsWith('\n') ? lines.eol : '';
    const blank = text.length > 0 && !lines.blank(last) ? lines.eol : '';
    return { start: text.length, end: text.length, newText: `${eolBefore}${blank}## Changelog${lines.eol}${lines.eol}- ${day} — ${sentence}${lines.eol}` };
  }
  const heading = scan.headings[h]!;
  const items = scan.bullets.filter((b) => b.heading === h && b.depth === 0);
  const last = items.at(-1);
  if (last === undefined) {
    const entry = `- ${day} — ${sentence}`;
    const after = heading.line + 1 < lines.count && lines.blank(heading.line + 1) ? heading.line + 1 : heading.line;
    const before = after === heading.line ? [''] : [];
    const blankAfter = after + 1 < lines.count && !lines.blank(after + 1) ? [''] : [];
    return lines.insertAfter(after, [...before, entry, ...blankAfter]);
  }
  const content = lines.content(last.line).replace(/^\uFEFF/, '');
  const marker = listMarkerOf(content);
  if (marker === null) return lines.insertAfter(itemBlockEnd(lines, last.line), [`- ${day} — ${sentence}`]);
  const bullet = marker.delimiter === '' ? marker.bullet : `${Number(marker.bullet) + 1}${marker.delimiter}`;
  const separator = DATED.exec(content.slice(marker.contentAt))?.[1] ?? ' — ';
  return lines.insertAfter(itemBlockEnd(lines, last.line), [`${marker.indent}${bullet}${marker.spaces}${day}${separator}${sentence}`]);
}
