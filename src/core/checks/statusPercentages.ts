import { milestoneAtLine } from '../milestoneAtLine';
import type { Milestone } from '../model';
import type { Problem } from '../problems';
import { fencedRanges, inRanges } from './fencedCode';
import { milestonesByName, nameKey } from './milestoneNames';
import type { Span, TextPlacer } from './textPlacer';

const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*%/;
/** `(2/5 …` or `2/5 …` right after the percentage: the count the percentage states. */
const FRACTION = /^\s*\(?\s*(\d+)\s*\/\s*(\d+)\b/;
const OVERALL = /\b(?:overall|progress)\b[*_]*\s*[:：]?\s*[*_]*\s*(\d{1,3}(?:\.\d+)?)\s*%/i;
const KEYWORD_HEADING = /^\s{0,3}#{1,6}\s+(?:milestone|phase|stage|deliverable|里程碑)/i;

/**
 * `status-percentage`: a stated percentage that disagrees with what it measures, compared only when
 * the file says what that is:
 * - in a milestone's heading (`## Milestone: Auth (25% complete)`): that milestone's ticked items;
 * - `Overall: 45% (2/5 milestones complete)` / `Progress: 36% (4/11 gates)`: the count beside it;
 * - `**Progress:** 40%` without a count: the ticked items of the milestone section it stands in;
 * - a line naming a milestone of the file (`- [ ] MVP Functional (Phase 2) - 65%`,
 *   `**Current Milestone:** MVP Functional (65% complete)`): that milestone's ticked items.
 * Agreement is within 1 point (2/3 may be written 66% or 67%); lines in fenced code are examples.
 */
export function percentageProblems(file: string, milestones: readonly Milestone[], place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  const text = place.text;
  const headingLines = new Set<number>();
  for (const m of milestones) {
    headingLines.add(m.line);
    const p = PERCENT.exec(m.title);
    if (p === null || m.progress.total === 0 || agrees(Number(p[1]), m.progress.done, m.progress.total)) continue;
    const span = percentIn(text, place.lines.lineStart(m.line), place.lines.lineEnd(m.line), p[1]!);
    if (span !== null) out.push(againstMilestone(file, place, span, p[1]!, m));
  }
  let fences: [number, number][] | null = null;
  let byName: Map<string, Milestone | null> | null = null;
  let line = 0;
  let counted = 0;
  // Candidate lines: a `%` right after a digit. Found with indexOf, which costs nothing on the many
  // files without one; tables and headings are skipped (headings were compared above).
  for (let pc = text.indexOf('%'); pc !== -1; pc = text.indexOf('%', pc + 1)) {
    let d = pc - 1;
    while (d >= 0 && text.charCodeAt(d) === 32) d--;
    const digit = text.charCodeAt(d);
    if (d < 0 || digit < 48 || digit > 57) continue;
    const lineStart = text.lastIndexOf('\n', pc) + 1;
    let nl = text.indexOf('\n', pc);
    if (nl === -1) nl = text.length;
    for (let k = text.indexOf('\n', counted); k !== -1 && k < lineStart; k = text.indexOf('\n', k + 1)) { line++; counted = k + 1; }
    const lineText = text.slice(lineStart, nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    pc = nl; // one look per line
    if (headingLines.has(line) || /^\s*\|/.test(lineText)) continue;
    const overall = OVERALL.exec(lineText);
    if (overall !== null) {
      fences ??= fencedRanges(text);
      if (inRanges(fences, lineStart)) continue;
      const span = percentIn(text, lineStart + overall.index, lineStart + lineText.length, overall[1]!);
      if (span === null) continue;
      const fraction = FRACTION.exec(text.slice(span.end, lineStart + lineText.length));
      if (fraction !== null) {
        const done = Number(fraction[1]);
        const total = Number(fraction[2]);
        if (total > 0 && done <= total && !agrees(Number(overall[1]), done, total)) {
          out.push({
            file, severity: 'warning', code: 'status-percentage', range: place.range(span),
            message: `${overall[1]}% does not match the count beside it: ${done}/${total} is ${pct(done, total)}%`,
          });
        }
        continue;
      }
      // Without a count, only a Progress line inside a milestone's own section says what it measures.
      const m = /overall/i.test(overall[0]) ? null : milestoneAtLine(milestones, line);
      if (m !== null && KEYWORD_HEADING.test(place.lines.lineText(m.line)) && m.progress.total > 0 && !agrees(Number(overall[1]), m.progress.done, m.progress.total)) {
        out.push(againstMilestone(file, place, span, overall[1]!, m));
      }
      continue;
    }
    byName ??= milestonesByName(milestones);
    const m = byName.get(nameKey(stripLead(lineText)));
    if (m === undefined || m === null || m.progress.total === 0) continue;
    fences ??= fencedRanges(text);
    if (inRanges(fences, lineStart)) continue;
    const p = PERCENT.exec(lineText)!;
    if (agrees(Number(p[1]), m.progress.done, m.progress.total)) continue;
    out.push(againstMilestone(file, place, { start: lineStart + p.index, end: lineStart + p.index + p[0].length }, p[1]!, m));
  }
  return out;
}

function againstMilestone(file: string, place: TextPlacer, span: Span, stated: string, m: Milestone): Problem {
  const { done, total } = m.progress;
  return {
    file, severity: 'warning', code: 'status-percentage', range: place.range(span),
    message: `${stated}% does not match the ticked items of "${nameOf(m)}": ${done} of ${total} (${pct(done, total)}%)`,
  };
}

function nameOf(m: Milestone): string {
  return m.title.replace(/\s*[([（][^)\]）]*%[^)\]）]*[)\]）]\s*$/, '');
}

/** Within 1 point of done/total × 100. */
function agrees(stated: number, done: number, total: number): boolean {
  return Math.abs(stated - (done / total) * 100) < 1;
}

function pct(done: number, total: number): number {
  return Math.round((done / total) * 100);
}

/** The span of `number%` (the first one from `from`), or null. */
function percentIn(text: string, from: number, to: number, number: string): Span | null {
  const re = /(\d{1,3}(?:\.\d+)?)\s*%/g;
  const slice = text.slice(from, to);
  for (let p = re.exec(slice); p !== null; p = re.exec(slice)) {
    if (p[1] === number) return { start: from + p.index, end: from + p.index + p[0].length };
  }
  return null;
}

/** A line without its list marker, checkbox and leading `**Label:**`. */
function stripLead(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s+/, '')
    .replace(/^(?:\*\*|__)[^*_]+?[:：]?(?:\*\*|__)\s*[:：]?\s*/, '');
}
