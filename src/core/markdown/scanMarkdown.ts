import type { MarkdownScan, ScanBullet, ScanCell, ScanField, ScanHeading, ScanTable, ScanTableRow, ScanTask } from './markdownScan';
import { LazyTableRow, delimiterCells, splitCells } from './tableCells';

/**
 * One pass over the lines of a markdown text, finding headings (ATX and setext), task items as
 * GitHub renders them, non-standard markers, plain bullets, pipe tables and `**Key:** value` fields.
 *
 * Why hand-written: measured ~10 µs for a 5 KB file against ~640 µs for markdown-it and ~10 ms for
 * mdast + gfm (shared/docs/parsing-facts.md); only block structure matters here. It follows GFM where
 * it decides what is a task item: fenced code (``` / ~~~, closed by the same char at least as long,
 * unterminated = to the end; fences inside list items count), indented code, HTML comment blocks
 * (`<!--` at the start of a line, to the line holding `-->`), lazy paragraph continuation, nested
 * list items by content column. Not modelled: block quotes (`> - [ ]` is read as text), HTML blocks
 * other than comments, link reference definitions, table rows without a pipe.
 *
 * Starts at `startOffset`, which is the start of line `startLine` (e.g. after a frontmatter header).
 */
export function scanMarkdown(text: string, startOffset = 0, startLine = 0): MarkdownScan {
  return scanMarkdownKeeping(text, startOffset, startLine, undefined);
}

/**
 * Decides whether the scan keeps a plain bullet standing under heading `heading` (-1: before any),
 * given the headings found so far (which include `heading` and all its ancestors).
 */
export type BulletFilter = (headings: readonly ScanHeading[], heading: number) => boolean;

/** For readers that never look at plain bullets. */
export const noBullets: BulletFilter = () => false;

/**
 * `scanMarkdown` that keeps only the plain bullets `keepBullet` accepts (all without it). Readers
 * look at the bullets of one section at most (ExecPlan "Definition of Done", handoff summaries), and
 * a bench ExecPlan has ~40 changelog bullets: their objects and texts were ~15% of the reader's
 * allocation. The filter is asked once per heading, not per bullet.
 */
export function scanMarkdownKeeping(text: string, startOffset: number, startLine: number, keepBullet: BulletFilter | undefined): MarkdownScan {
  const headings: ScanHeading[] = [];
  const tasks: ScanTask[] = [];
  const bullets: ScanBullet[] = [];
  const tables: ScanTable[] = [];
  const fields: ScanField[] = [];
  const dashLines: number[] = [];
  const dashOffsets: number[] = [];
  const len = text.length;
  const list: number[] = []; // content columns of the open list items, outermost first
  let line = startLine - 1;
  // A BOM is not content: `\uFEFF# Title` is a heading.
  let pos = startOffset === 0 && text.charCodeAt(0) === 0xfeff ? 1 : startOffset;
  let fenceCh = 0;
  let fenceLen = 0;
  let fenceBase = 0;
  let commentEnd = -1;
  let prevBlank = true;
  let para = false;
  let paraTop = false;
  let paraLine = 0;
  let paraStart = 0;
  let paraEnd = 0;
  let rows: ScanTableRow[] | null = null;
  let pipeAt = -1;
  let heading = -1;
  let keepFor = -2; // the heading `keep` was last asked about
  let keep = true;

  const hasPipe = (from: number, to: number): boolean => {
    if (pipeAt < from) { pipeAt = text.indexOf('|', from); if (pipeAt === -1) pipeAt = Infinity; }
    return pipeAt < to;
  };

  while (pos < len) {
    line++;
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const ls = pos;
    pos = nl + 1;

    if (commentEnd >= 0) {
      if (commentEnd < nl) commentEnd = -1;
      continue;
    }
    let p = ls;
    let col = 0;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === 32) col++; else if (c === 9) col += 4 - (col & 3); else break;
      p++;
    }
    const blank = p === end;
    if (fenceCh !== 0) {
      if (blank) continue;
      if (col >= fenceBase || fenceBase === 0) {
        if (col - fenceBase < 4 && closesFence(text, p, end, fenceCh, fenceLen)) fenceCh = 0;
        continue;
      }
      fenceCh = 0; // a line left of the list item's content ends the item, and the fence in it
    }
    if (blank) { prevBlank = true; para = false; rows = null; continue; }
    const afterBlank = prevBlank;
    prevBlank = false;
    const c0 = text.charCodeAt(p);
    const itemWidth = listMarkerWidth(text, p, end, c0);
    const hr = (c0 === 45 || c0 === 42 || c0 === 95) && isThematicBreak(text, p, end, c0);
    const item = itemWidth > 0 && !hr;

    while (list.length > 0 && col < list[list.length - 1]!) {
      const lazy = para && !afterBlank && !item && !hr && c0 !== 35 && c0 !== 96 && c0 !== 126;
      if (lazy) break;
      list.pop();
    }
    const base = list.length > 0 ? list[list.length - 1]! : 0;
    // Indented 4+ columns past the container: continues a paragraph, else it is indented code.
    if (col - base >= 4) { if (para) paraEnd = end; continue; }

    if ((c0 === 96 || c0 === 126) && opensFence(text, p, end, c0)) {
      let n = p;
      while (n < end && text.charCodeAt(n) === c0) n++;
      fenceCh = c0; fenceLen = n - p; fenceBase = base;
      para = false; rows = null;
      continue;
    }
    if (c0 === 60 && text.startsWith('<!--', p)) {
      const close = text.indexOf('-->', p + 4);
      if (close === -1) commentEnd = len; else if (close >= nl) commentEnd = close;
      para = false; rows = null;
      continue;
    }
    if (c0 === 35) {
      let n = p;
      while (n < end && text.charCodeAt(n) === 35) n++;
      const level = n - p;
      if (level <= 6 && (n === end || text.charCodeAt(n) === 32 || text.charCodeAt(n) === 9)) {
        heading = addHeading(headings, heading, level, atxText(text, n, end), line);
        para = false; rows = null; list.length = 0;
        continue;
      }
    }
    if (c0 === 45 && p === ls && isExactDashes(text, p, end)) { dashLines.push(line); dashOffsets.push(ls); }
    if (para && paraTop && list.length === 0 && (c0 === 61 || c0 === 45) && isSetextUnderline(text, p, end, c0)) {
      const title = text.slice(paraStart, paraEnd).replace(/\s*\r?\n\s*/g, ' ').trim();
      heading = addHeading(headings, heading, c0 === 61 ? 1 : 2, title, paraLine);
      para = false; rows = null;
      continue;
    }
    if (hr) { para = false; rows = null; continue; }

    if (item) {
      rows = null;
      let q = p + itemWidth;
      let spaces = 0;
      while (q < end && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) { q++; spaces++; }
      list.push(q === end || spaces > 4 ? col + itemWidth + 1 : col + itemWidth + spaces);
      const depth = list.length - 1;
      if (q === end) { para = false; continue; }
      para = true; paraTop = false;
      if (text.charCodeAt(q) === 91 && readMarker(text, q, end, line, depth, heading, false, tasks)) continue;
      if (keepBullet !== undefined && keepFor !== heading) { keepFor = heading; keep = keepBullet(headings, heading); }
      if (keep) bullets.push({ line, depth, text: text.slice(q, trimEnd(text, q, end)), heading });
      if (text.charCodeAt(q) === 42 && text.charCodeAt(q + 1) === 42) addField(text, q, end, line, heading, fields);
      continue;
    }
    if (rows !== null) {
      if (hasPipe(p, end)) { rows.push(new LazyTableRow(text, line, p, end)); continue; }
      rows = null;
    }
    if (hasPipe(p, end) && pos < len) {
      let nl2 = text.indexOf('\n', pos);
      if (nl2 === -1) nl2 = len;
      let end2 = nl2;
      if (end2 > pos && text.charCodeAt(end2 - 1) === 13) end2--;
      const n = delimiterCells(text, pos, end2);
      if (n > 0) {
        const header: ScanCell[] = splitCells(text, p, end);
        if (header.length === n) {
          rows = [];
          tables.push({ line, heading, header, rows });
          line++;
          pos = nl2 + 1;
          para = false;
          continue;
        }
      }
    }
    if (c0 === 91 && list.length === 0 && readMarker(text, p, end, line, 0, heading, true, tasks)) { para = false; continue; }
    if (c0 === 42 && text.charCodeAt(p + 1) === 42) addField(text, p, end, line, heading, fields);
    if (!para) { paraLine = line; paraStart = p; paraTop = list.length === 0; }
    paraEnd = end;
    para = true;
  }
  const lastLine = Math.max(line, startLine > 0 ? startLine - 1 : 0);
  return { headings, tasks, bullets, tables, fields, dashLines, dashOffsets, lastLine };
}

/** Width of a list marker at `p` (`-`, `*`, `+`, or `1.` / `1)` up to 9 digits) followed by a space, tab or EOL; else 0. */
function listMarkerWidth(text: string, p: number, end: number, c0: number): number {
  let w: number;
  if (c0 === 45 || c0 === 42 || c0 === 43) {
    w = 1;
  } else if (c0 >= 48 && c0 <= 57) {
    let n = p;
    while (n < end && n - p < 10) { const c = text.charCodeAt(n); if (c < 48 || c > 57) break; n++; }
    const d = text.charCodeAt(n);
    if (n - p > 9 || (d !== 46 && d !== 41)) return 0;
    w = n - p + 1;
  } else {
    return 0;
  }
  if (p + w === end) return w;
  const after = text.charCodeAt(p + w);
  return after === 32 || after === 9 ? w : 0;
}

/**
 * Reads a `[…]` marker at `q` (list item content, or a bare line when `bare`) into `tasks`.
 * Returns false when it is no marker at all (a link `[text](…)`, a reference, plain text).
 */
function readMarker(text: string, q: number, end: number, line: number, depth: number, heading: number, bare: boolean, tasks: ScanTask[]): boolean {
  const a = text.charCodeAt(q + 1);
  const b = text.charCodeAt(q + 2);
  let markerEnd: number;
  let standard = false;
  if ((a === 32 || a === 120 || a === 88) && b === 93 && q + 2 < end) {
    const after = text.charCodeAt(q + 3);
    if (q + 3 >= end || after === 32 || after === 9) { standard = true; markerEnd = q + 3; }
    else if (after === 40 || after === 91 || after === 58 || !isMarkerPunct(after)) return false;
    else markerEnd = q + 4; // `[ ]*` (Kiro optional task) and the like
  } else if (a === 93 && q + 1 < end) {
    const after = text.charCodeAt(q + 2);
    if (after === 40 || after === 91 || after === 58) return false;
    markerEnd = q + 2; // `[]`
  } else if (b === 93 && q + 2 < end && isMarkerPunct(a)) {
    const after = text.charCodeAt(q + 3);
    if (after === 40 || after === 91 || after === 58) return false;
    markerEnd = q + 3; // `[-]`, `[~]`, `[/]` …
  } else {
    return false;
  }
  if (bare && !standard) return false;
  let t = markerEnd;
  while (t < end && (text.charCodeAt(t) === 32 || text.charCodeAt(t) === 9)) t++;
  tasks.push({
    line, depth, marker: text.slice(q, markerEnd), markerOffset: q,
    checked: standard && a !== 32, nonstandard: bare || !standard, bare,
    text: text.slice(t, trimEnd(text, t, end)), heading,
  });
  return true;
}

function isMarkerPunct(c: number): boolean {
  return c > 32 && c < 127 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 91 || c === 93);
}

/** Parses `**Key:** value` / `**Key**: value` at `p` (which holds `**`) into `fields`. */
function addField(text: string, p: number, end: number, line: number, heading: number, fields: ScanField[]): void {
  let k = p + 2;
  while (k + 1 < end && !(text.charCodeAt(k) === 42 && text.charCodeAt(k + 1) === 42)) k++;
  if (k + 1 >= end) return;
  let keyEnd = k;
  let valueStart = k + 2;
  const last = text.charCodeAt(k - 1);
  if (last === 58 || last === 0xff1a) {
    keyEnd = k - 1;
  } else {
    const after = text.charCodeAt(k + 2);
    if (after !== 58 && after !== 0xff1a) return;
    valueStart = k + 3;
  }
  const key = text.slice(p + 2, keyEnd).trim();
  if (key.length === 0 || key.length > 60) return;
  fields.push({ key, value: text.slice(valueStart, end).trim(), line, heading });
}

function addHeading(headings: ScanHeading[], current: number, level: number, title: string, line: number): number {
  let parent = current;
  while (parent >= 0 && headings[parent]!.level >= level) parent = headings[parent]!.parent;
  headings.push({ level, text: title, line, parent });
  return headings.length - 1;
}

/** Heading text after the `#` run: trimmed, closing `#` sequence removed. */
function atxText(text: string, from: number, end: number): string {
  let e = trimEnd(text, from, end);
  let h = e;
  while (h > from && text.charCodeAt(h - 1) === 35) h--;
  if (h < e && (h === from || text.charCodeAt(h - 1) === 32 || text.charCodeAt(h - 1) === 9)) e = h;
  return text.slice(from, e).trim();
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from) { const c = text.charCodeAt(end - 1); if (c !== 32 && c !== 9) break; end--; }
  return end;
}

function opensFence(text: string, p: number, end: number, ch: number): boolean {
  let n = p;
  while (n < end && text.charCodeAt(n) === ch) n++;
  if (n - p < 3) return false;
  if (ch === 96) { for (let i = n; i < end; i++) if (text.charCodeAt(i) === 96) return false; }
  return true;
}

function closesFence(text: string, p: number, end: number, ch: number, min: number): boolean {
  let n = p;
  while (n < end && text.charCodeAt(n) === ch) n++;
  if (n - p < min) return false;
  return trimEnd(text, n, end) === n;
}

function isThematicBreak(text: string, p: number, end: number, ch: number): boolean {
  let count = 0;
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) count++; else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

function isSetextUnderline(text: string, p: number, end: number, ch: number): boolean {
  let n = p;
  while (n < end && text.charCodeAt(n) === ch) n++;
  return trimEnd(text, n, end) === n;
}

function isExactDashes(text: string, p: number, end: number): boolean {
  return end - p >= 3 && text.charCodeAt(p + 1) === 45 && text.charCodeAt(p + 2) === 45 && trimEnd(text, p + 3, end) === p + 3;
}
