/**
 * The Problem / Solution pairs of a handoff note, for the lessons learned of a distilled milestone
 * (seed 002). Both ways notes write them are read:
 *
 *     - **Problem**: Index too large            **Problem:** `Cannot import Settings`
 *       **Solution**: Store word stems only
 *                                               **Solution:**
 *                                               - Update dependency version
 *
 * A solution is the text after its marker plus the lines that belong to it (list items, continuation
 * lines, a fenced code block, kept as written apart from its indentation). A problem without a
 * solution is kept with none.
 */
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import { listMarkerOf, TextLines } from '../../form/edits/textLines';

export interface ProblemSolution {
  /** The heading the pair stands under, when that heading names this one problem (not "Problems & Solutions"). */
  readonly topic: string | null;
  readonly problem: string;
  /** The solution's list items (its text after the marker is the first). */
  readonly solution: readonly string[];
  /** Fenced code blocks of the solution, each as its lines without the common indentation. */
  readonly code: readonly (readonly string[])[];
}

const PROBLEM = /^(\s*)(?:[-*+][ \t]+)?\*\*problem(?::\*\*|\*\*[ \t]*:)[ \t]*(.*)$/i;
const SOLUTION = /^\s*(?:[-*+][ \t]+)?\*\*solution(?::\*\*|\*\*[ \t]*:)[ \t]*(.*)$/i;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})/;
/** Headings that hold many pairs: their text is no topic. */
const GENERIC = /\b(?:problems?|solutions?|issues?|lessons?|challenges?|bugs?|fixes)\b/i;

/** The pairs of the note `text`, in order. */
export function problemSolutions(text: string): ProblemSolution[] {
  const lines = new TextLines(text);
  const first = readFrontmatter(text).bodyLine;
  const found: { pair: Omit<ProblemSolution, 'topic'>; heading: string | null }[] = [];
  let heading: string | null = null;
  let fence: string | null = null;
  for (let n = first; n < lines.count; n++) {
    const content = lines.content(n).replace(/^\uFEFF/, '');
    const f = FENCE.exec(content);
    if (fence !== null) { if (f !== null && f[2]!.startsWith(fence)) fence = null; continue; }
    if (f !== null) { fence = f[2]!; continue; }
    const h = HEADING.exec(content);
    if (h !== null) { heading = (h[1] ?? '').trim(); continue; }
    const p = PROBLEM.exec(content);
    if (p === null) continue;
    const read = readPair(lines, n, p);
    found.push({ pair: read.pair, heading });
    n = read.last;
  }
  return found.map(({ pair, heading }) => {
    const specific = heading !== null && heading !== '' && !GENERIC.test(heading) && found.filter((x) => x.heading === heading).length === 1;
    return { topic: specific ? heading : null, ...pair };
  });
}

/** The pair whose problem marker is on line `n`, and the last line it takes. */
function readPair(lines: TextLines, n: number, p: RegExpExecArray): { pair: Omit<ProblemSolution, 'topic'>; last: number } {
  const inItem = listMarkerOf(lines.content(n)) !== null;
  const base = lines.indent(n);
  // Lines that belong to the pair: deeper than a list item's marker, or anything in a plain paragraph.
  const belongs = (i: number) => !inItem || lines.indent(i) > base;
  const stops = (i: number) => {
    const c = lines.content(i);
    return PROBLEM.test(c) || HEADING.test(c) || /^ {0,3}(?:[-*_][ \t]*){3,}$/.test(c) || !belongs(i);
  };
  let problem = p[2]!.trim();
  let i = n + 1;
  while (i < lines.count && !lines.blank(i) && !SOLUTION.test(lines.content(i)) && !stops(i) && listMarkerOf(lines.content(i)) === null) {
    problem = `${problem} ${lines.content(i).trim()}`.trim();
    i++;
  }
  let last = i - 1;
  let j = i;
  while (j < lines.count && lines.blank(j)) j++;
  const s = j < lines.count ? SOLUTION.exec(lines.content(j)) : null;
  if (s === null || (inItem && !belongs(j))) return { pair: { problem, solution: [], code: [] }, last };
  const solution: string[] = s[1]!.trim() === '' ? [] : [s[1]!.trim()];
  const code: string[][] = [];
  last = j;
  for (let k = j + 1; k < lines.count; k++) {
    if (lines.blank(k)) {
      let next = k + 1;
      while (next < lines.count && lines.blank(next)) next++;
      // After a blank line only what is clearly the solution's own goes on: its list (plain form) or its item's lines.
      if (next >= lines.count || stops(next) || SOLUTION.test(lines.content(next)) || (!inItem && listMarkerOf(lines.content(next)) === null && !FENCE.test(lines.content(next)))) break;
      k = next - 1;
      continue;
    }
    const content = lines.content(k);
    if (stops(k) || SOLUTION.test(content)) break;
    const f = FENCE.exec(content);
    if (f !== null) {
      const block: string[] = [];
      let e = k;
      for (; e < lines.count; e++) {
        const line = lines.content(e);
        block.push(line.startsWith(f[1]!) ? line.slice(f[1]!.length) : line.trimStart());
        if (e > k && FENCE.exec(line)?.[2]!.startsWith(f[2]!)) break;
      }
      code.push(block);
      last = k = Math.min(e, lines.count - 1);
      continue;
    }
    const marker = listMarkerOf(content);
    if (marker !== null) solution.push(content.slice(marker.contentAt).trim());
    else if (solution.length > 0) solution[solution.length - 1] = `${solution.at(-1)!} ${content.trim()}`;
    else solution.push(content.trim());
    last = k;
  }
  return { pair: { problem, solution, code }, last };
}
