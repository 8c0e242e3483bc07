/**
 * What a handoff note says under the headings of a milestone summary (seed 002): the list items and
 * the sentences of the paragraphs under "Changes", "Decisions" and "Discoveries" and the names notes
 * really give them ("Summary", "What changed", "Key decisions", "Deviations", "Findings" …), and
 * under "Work in Progress" / "Next Steps" / "Current Status", which say what the summary's Current
 * State is. The note's lead paragraphs (under its title) count as changes. "Problems & Solutions"
 * goes to the lessons (`problemSolutions`); "References", priorities and unnamed sections stay in
 * the note.
 */
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import type { MarkdownScan, ScanBullet, ScanTask } from '../../markdown/markdownScan';
import { scanMarkdown } from '../../markdown/scanMarkdown';
import { TextLines } from '../../form/edits/textLines';

/** The sections of a summary the notes fill: the seed's three, and Current State. */
export type SummarySection = 'changes' | 'decisions' | 'discoveries' | 'state';

export const SUMMARY_SECTIONS: readonly SummarySection[] = ['changes', 'decisions', 'discoveries', 'state'];

/** Heading names per section, tried in this order; the first that matches names the section. */
const NAMES: readonly (readonly [SummarySection | null, RegExp])[] = [
  // Copied elsewhere (the lessons) or not at all: these never feed a summary section.
  [null, /\b(?:problems?|solutions?|lessons?|references?|resources|links|priorit(?:y|ies))\b/i],
  ['decisions', /\b(?:decisions?|decided|deviations?|rationale|trade-?offs?|design choices)\b/i],
  ['discoveries', /\b(?:discover(?:y|ies|ed)|findings?|insights?|observations?|gotchas?|surprises?)\b/i],
  ['state', /\b(?:next steps?|work in progress|wip|current (?:project )?(?:state|status)|remaining|open (?:items|tasks|questions)|to ?do)\b/i],
  ['changes', /\b(?:changes?|changed|summary|overview|accomplish(?:ed|ments?)|completed|work done|what (?:was |we |i )?(?:did|done|built)|implemented|implementation|delivered|achievements?)\b/i],
];

/**
 * A list item or a sentence to copy: its text as written (checkbox dropped; under Current State a
 * task item starts with `Done: ` or `To do: `) and its nesting below the section's list.
 */
export interface NoteItem {
  readonly text: string;
  readonly depth: number;
}

/** What one note gives the summary. */
export interface NoteSections {
  readonly items: Readonly<Record<SummarySection, readonly NoteItem[]>>;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** Lines that are no prose: a table row, a thematic break or setext underline, a link definition, an HTML comment line. */
const NOT_PROSE = /^\s*(?:\||(?:[-*_=][ \t]*){3,}$|\[[^\]]+\]:\s|<!--)/;

/** The summary items of the note `text`, in the note's order (list items and paragraph sentences mixed by line). */
export function noteSections(text: string): NoteSections {
  const fm = readFrontmatter(text);
  const scan = scanMarkdown(text, fm.bodyStart, fm.bodyLine);
  const sectionOf = sectionsOf(scan);
  const found: { line: number; section: SummarySection; item: NoteItem }[] = [];
  const listed: (ScanBullet | ScanTask)[] = [...scan.bullets, ...scan.tasks];
  for (const item of listed) {
    const section = sectionOf(item.heading);
    if (section === null || item.text.trim() === '') continue;
    // In Current State a task item says whether it is done: the summary has no checkboxes to say it.
    const state = section === 'state' && 'checked' in item && !item.nonstandard ? (item.checked ? 'Done: ' : 'To do: ') : '';
    found.push({ line: item.line, section, item: { text: state + item.text.trim(), depth: item.depth } });
  }
  for (const p of paragraphs(text, fm.bodyLine, scan)) {
    const section = sectionOf(p.heading);
    if (section !== null) for (const s of sentences(p.text)) found.push({ line: p.line, section, item: { text: s, depth: 0 } });
  }
  found.sort((a, b) => a.line - b.line);
  const items: Record<SummarySection, NoteItem[]> = { changes: [], decisions: [], discoveries: [], state: [] };
  for (const f of found) items[f.section].push(f.item);
  return { items };
}

/**
 * The section of the content under each heading: the nearest heading at level 2 or deeper, from
 * that heading up, whose name says one (`NAMES`; a name that says "none", such as Problems, stops
 * the search). The note's title (level 1) names nothing: content right under it, or before any
 * heading, is the note's lead and counts as changes; content under an unnamed `##` is not copied.
 */
function sectionsOf(scan: MarkdownScan): (heading: number) => SummarySection | null {
  const memo = new Map<number, SummarySection | null>();
  return (heading) => {
    let found = memo.get(heading);
    if (found !== undefined) return found;
    found = null;
    let h = heading;
    for (; h >= 0 && scan.headings[h]!.level >= 2; h = scan.headings[h]!.parent) {
      const named = NAMES.find(([, re]) => re.test(scan.headings[h]!.text));
      if (named !== undefined) { found = named[0]; break; }
    }
    if (found === null && (heading < 0 || scan.headings[heading]!.level === 1)) found = 'changes';
    memo.set(heading, found);
    return found;
  };
}

/**
 * The paragraphs of the text from `firstLine`: runs of prose lines, each with its first line and
 * the heading it stands under. Not prose: headings, list items and the lines that continue them
 * (lazily or indented, also after a blank line), fenced code, tables, HTML comments, `**Key:** value`
 * lines, thematic breaks.
 */
function paragraphs(text: string, firstLine: number, scan: MarkdownScan): { line: number; heading: number; text: string }[] {
  const lines = new TextLines(text);
  const headingAt = new Map(scan.headings.map((h, i) => [h.line, i]));
  const listed = new Set([...scan.bullets, ...scan.tasks].map((i) => i.line));
  const fields = new Set(scan.fields.map((f) => f.line));
  const out: { line: number; heading: number; text: string }[] = [];
  let heading = -1;
  let para: { line: number; heading: number; parts: string[] } | null = null;
  let fence: string | null = null;
  let inComment = false;
  let inList = false;
  let prevBlank = true;
  const flush = (): void => {
    if (para !== null) out.push({ line: para.line, heading: para.heading, text: para.parts.join(' ') });
    para = null;
  };
  for (let n = firstLine; n < lines.count; n++) {
    const content = lines.content(n).replace(/^\uFEFF/, '');
    const f = FENCE.exec(content);
    if (fence !== null) { if (f !== null && f[1]!.startsWith(fence)) fence = null; continue; }
    if (f !== null) { flush(); fence = f[1]!; continue; }
    if (inComment) { if (content.includes('-->')) inComment = false; continue; }
    const h = headingAt.get(n);
    if (h !== undefined) { flush(); heading = h; inList = false; prevBlank = false; continue; }
    if (lines.blank(n)) { flush(); prevBlank = true; continue; }
    const wasBlank = prevBlank;
    prevBlank = false;
    if (listed.has(n)) { flush(); inList = true; continue; }
    // A list item's own lines: lazy continuation, or indented under it after a blank line.
    if (inList && (!wasBlank || lines.indent(n) >= 2)) continue;
    inList = false;
    if (content.trimStart().startsWith('<!--')) { flush(); inComment = !content.includes('-->'); continue; }
    if (NOT_PROSE.test(content) || fields.has(n) || lines.indent(n) >= 4) { flush(); continue; }
    if (para === null) para = { line: n, heading, parts: [] };
    para.parts.push(content.trim());
  }
  flush();
  return out;
}

/** Words a period follows without ending the sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|no|fig|mr|mrs|ms|dr)\.$/i;

/** The sentences of a paragraph: split after `.`, `!` or `?` before a capital, a digit or markup; not after an abbreviation. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  const end = /[.!?]+["')\]]*\s+(?=[\p{Lu}\d"'`(*_[])/gu;
  let start = 0;
  for (let m = end.exec(paragraph); m !== null; m = end.exec(paragraph)) {
    const upTo = paragraph.slice(start, m.index + m[0].trimEnd().length);
    if (m[0].startsWith('.') && ABBREVIATION.test(upTo)) continue;
    out.push(upTo.trim());
    start = m.index + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}
