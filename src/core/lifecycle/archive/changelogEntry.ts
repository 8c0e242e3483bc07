/**
 * Adding a line to the Changelog of an ExecPlan milestone (seed 003's last section): after the last
 * item of the list under the `Changelog` heading, written like that item; under the heading when it
 * has no list; as a new last section, written like the file's other sections (`---` between
 * sections, a `<!-- SECTION: … -->` comment, the same heading level), when there is none. New lines
 * take the file's line ending.
 */
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import { itemBlockEnd, listMarkerOf, TextLines } from '../../form/edits/textLines';
import type { MarkdownScan } from '../../markdown/markdownScan';
import { scanMarkdown } from '../../markdown/scanMarkdown';
import type { TextEdit } from '../../model';

const CHANGELOG = /^change\s*log$/i;

/** The edit adding the list item `entry` (text without the bullet) to the Changelog of `text`. */
export function changelogEntryEdit(text: string, entry: string): TextEdit {
  const fm = readFrontmatter(text);
  const scan = scanMarkdown(text, fm.bodyStart, fm.bodyLine);
  const lines = new TextLines(text);
  const h = scan.headings.findIndex((x) => CHANGELOG.test(x.text));
  if (h < 0) return newSection(text, lines, scan, fm.bodyLine, entry);
  const heading = scan.headings[h]!;
  let sectionEnd = lines.count;
  for (let n = h + 1; n < scan.headings.length; n++) {
    if (scan.headings[n]!.level <= heading.level) { sectionEnd = scan.headings[n]!.line; break; }
  }
  // Bullets and tasks alike: a changelog written as `- [x] …` is still its list.
  const items = [...scan.bullets, ...scan.tasks]
    .filter((b) => b.line > heading.line && b.line < sectionEnd && b.depth === 0)
    .sort((a, b) => a.line - b.line);
  const last = items.at(-1);
  if (last === undefined) {
    // A paragraph right under the heading would continue the new item: keep a blank line before it.
    const tight = heading.line + 1 < lines.count && !lines.blank(heading.line + 1);
    return lines.insertAfter(heading.line, ['', `- ${entry}`, ...(tight ? [''] : [])]);
  }
  const marker = listMarkerOf(lines.content(last.line))!;
  const bullet = marker.delimiter === '' ? marker.bullet : `${Number(marker.bullet) + 1}${marker.delimiter}`;
  return lines.insertAfter(itemBlockEnd(lines, last.line), [`${marker.indent.replace(/^\uFEFF/, '')}${bullet}${marker.spaces || ' '}${entry}`]);
}

/** A Changelog section after the last non-blank line, in the style of the file's last section. */
function newSection(text: string, lines: TextLines, scan: MarkdownScan, bodyLine: number, entry: string): TextEdit {
  let last = lines.count - 1;
  while (last >= bodyLine && lines.blank(last)) last--;
  const sections = scan.headings.filter((x) => x.level >= 2);
  const level = sections.length > 0 ? Math.min(...sections.map((x) => x.level)) : 2;
  const model = sections.filter((x) => x.level === level).at(-1);
  let comment = false;
  let rule = false;
  if (model !== undefined) {
    let n = model.line - 1;
    while (n >= 0 && lines.blank(n)) n--;
    if (n >= 0 && /^<!--\s*SECTION:.*-->\s*$/i.test(lines.content(n))) {
      comment = true;
      n--;
      while (n >= 0 && lines.blank(n)) n--;
    }
    rule = n >= bodyLine && /^ {0,3}(?:-[ \t]*){3,}$/.test(lines.content(n));
  }
  const endsWithRule = last >= bodyLine && /^ {0,3}(?:-[ \t]*){3,}$/.test(lines.content(last));
  const added = [
    '',
    ...(rule && !endsWithRule ? ['---', ''] : []),
    ...(comment ? ['<!-- SECTION: Changelog -->'] : []),
    `${'#'.repeat(level)} Changelog`,
    '',
    `- ${entry}`,
  ];
  if (last < 0 || text.length === 0) return { start: text.length, end: text.length, newText: added.slice(1).join(lines.eol) + lines.eol };
  return lines.insertAfter(last, added);
}
