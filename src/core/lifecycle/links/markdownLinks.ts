/**
 * Finding the link destinations of a markdown text without a full parser: inline links and images
 * `[t](dest "title")`, `[t](<dest with spaces>)`, and reference definitions `[id]: dest`. Fenced code
 * blocks, code spans, backslash escapes and the frontmatter header are skipped; destinations are
 * reported as written (still percent-encoded), for edits that replace them.
 */
import { fencedRanges } from '../../checks/fencedCode';
import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';

/** One link destination in the text. */
export interface MarkdownLink {
  readonly kind: 'inline' | 'reference';
  /** Offsets of the destination as written: inside the `<…>` of an angle-bracket one, fragment and query included. */
  readonly start: number;
  readonly end: number;
  /** Written in angle brackets (`<…>`): spaces need no encoding. */
  readonly angle: boolean;
}

/** A reference definition at the start of a line: up to 3 spaces, `[label]:`, the destination (maybe on the next line). */
const DEFINITION = / {0,3}\[((?:[^\\[\]\n]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t]*)?(<[^<>\n]*>|[^\s<]\S*)/y;

/** Every link destination of `text` outside the header and code, in text order. */
export function markdownLinks(text: string): MarkdownLink[] {
  const split = splitFrontmatter(text);
  const bodyStart = split.kind === 'none' ? (text.charCodeAt(0) === 0xfeff ? 1 : 0) : split.bodyStart;
  const fences = fencedRanges(text.slice(bodyStart)).map(([s, e]) => [s + bodyStart, e + bodyStart] as const);
  const out: MarkdownLink[] = [];
  const opens: number[] = []; // offsets of the `[` not closed yet
  let fence = 0;
  let i = bodyStart;
  while (i < text.length) {
    if (fence < fences.length && i >= fences[fence]![0]) {
      i = fences[fence]![1] + 1;
      fence++;
      opens.length = 0;
      continue;
    }
    if (i === bodyStart || text.charCodeAt(i - 1) === 10) {
      if (isBlankLine(text, i)) opens.length = 0;
      DEFINITION.lastIndex = i;
      const m = DEFINITION.exec(text);
      if (m !== null && !m[1]!.startsWith('^')) {
        const dest = m[2]!;
        const start = m.index + m[0].length - dest.length;
        const angle = dest.startsWith('<');
        out.push({ kind: 'reference', start: angle ? start + 1 : start, end: angle ? start + dest.length - 1 : start + dest.length, angle });
        const nl = text.indexOf('\n', start);
        i = nl < 0 ? text.length : nl + 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 92) i += 2; // `\x`: an escaped character is no syntax
    else if (c === 96) i = afterCodeSpan(text, i);
    else if (c === 91) { opens.push(i); i++; }
    else if (c === 93 && opens.length > 0) {
      opens.pop();
      const link = text.charCodeAt(i + 1) === 40 ? inlineDestination(text, i + 2) : null;
      if (link === null) i++;
      else {
        out.push({ kind: 'inline', start: link.start, end: link.end, angle: link.angle });
        i = link.next;
      }
    } else i++;
  }
  return out;
}

function isBlankLine(text: string, at: number): boolean {
  let p = at;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return p === text.length || text.charCodeAt(p) === 10 || (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10);
}

/** Where the code span opened by the backtick run at `at` ends; just past the run when nothing closes it in the paragraph. */
function afterCodeSpan(text: string, at: number): number {
  let n = at;
  while (text.charCodeAt(n) === 96) n++;
  const run = n - at;
  for (let p = text.indexOf('`', n); p !== -1; p = text.indexOf('`', p)) {
    let q = p;
    while (text.charCodeAt(q) === 96) q++;
    if (/\n[ \t]*\r?\n/.test(text.slice(n, p))) return n;
    if (q - p === run) return q;
    p = q;
  }
  return n;
}

/** Skips spaces and tabs, and at most one line break among them. */
function skipSpace(text: string, at: number): number {
  let p = at;
  let breaks = 0;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9) p++;
    else if (breaks === 0 && (c === 10 || (c === 13 && text.charCodeAt(p + 1) === 10))) { p += c === 13 ? 2 : 1; breaks++; }
    else return p;
  }
}

/** The destination of an inline link whose `(` ends just before `at`, and the offset after its `)`; null when it is no link. */
function inlineDestination(text: string, at: number): { start: number; end: number; angle: boolean; next: number } | null {
  let p = skipSpace(text, at);
  let start: number;
  let end: number;
  const angle = text.charCodeAt(p) === 60;
  if (angle) {
    let q = p + 1;
    while (q < text.length) {
      const c = text.charCodeAt(q);
      if (c === 62 || c === 60 || c === 10) break;
      q += c === 92 ? 2 : 1;
    }
    if (text.charCodeAt(q) !== 62) return null;
    start = p + 1;
    end = q;
    p = q + 1;
  } else {
    let depth = 0;
    let q = p;
    while (q < text.length) {
      const c = text.charCodeAt(q);
      if (c <= 32) break;
      if (c === 92) { q += 2; continue; }
      if (c === 40) depth++;
      else if (c === 41) { if (depth === 0) break; depth--; }
      q++;
    }
    if (depth !== 0) return null;
    start = p;
    end = q;
    p = q;
  }
  const beforeTitle = p;
  p = skipSpace(text, p);
  const open = text.charCodeAt(p);
  if (p > beforeTitle && (open === 34 || open === 39 || open === 40)) {
    const close = open === 40 ? 41 : open;
    let q = p + 1;
    while (q < text.length && text.charCodeAt(q) !== close) q += text.charCodeAt(q) === 92 ? 2 : 1;
    if (q >= text.length || /\n[ \t]*\r?\n/.test(text.slice(p, q))) return null;
    p = skipSpace(text, q + 1);
  }
  if (text.charCodeAt(p) !== 41) return null;
  return { start, end, angle, next: p + 1 };
}
