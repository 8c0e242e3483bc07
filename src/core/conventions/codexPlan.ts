import type { FileReading, ReadNote, Step } from '../model';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import { scanMarkdownKeeping } from '../markdown/scanMarkdown';
import type { ScanHeading } from '../markdown/markdownScan';
import { ownString } from '../text/ownString';
import { isMarkdownName, segmentsOf, stemOf } from './paths';
import { criterionStep, firstH1, makeMilestone, SectionNames, taskStep } from './readerKit';
import { describedByPath } from './skipReasons';

/**
 * OpenAI's ExecPlans (Codex's PLANS.md convention): a living plan document whose `## Progress`
 * checklist items carry the time they were done (`- [x] (2025-10-01 13:00Z) Step`), with the
 * living sections Surprises & Discoveries, Decision Log and Outcomes & Retrospective. Found as
 * `.agent/PLANS.md` (when it holds a Progress list of its own, not only the guide's example in a
 * code block) and any markdown file under an `execplans/` folder of `.agent/`, `.agents/` or
 * `docs/` (`EP-2026-02-11__slug.md`).
 */
export function isCodexPlanPath(file: string): boolean {
  if (!isMarkdownName(file)) return false;
  const segs = segmentsOf(file).map((s) => s.toLowerCase());
  const n = segs.length;
  if (n >= 2 && segs[n - 1] === 'plans.md' && (segs[n - 2] === '.agent' || segs[n - 2] === '.agents')) return true;
  const at = segs.lastIndexOf('execplans');
  return at >= 1 && at < n - 1 && ['.agent', '.agents', 'docs'].includes(segs[at - 1]!) && !GUIDES.has(segs[n - 1]!) && describedByPath(file) === null;
}

/** Files of a plans folder that are about the plans: not plans. */
const GUIDES: ReadonlySet<string> = new Set(['readme.md', 'agents.md', 'claude.md', 'index.md', 'plans.md', 'template.md']);

/** The sections a plan keeps up to date as work goes on: shown as criteria (notes), not counted. */
const LIVING = /^(surprises\s*(?:&|and)\s*discoveries|decision\s+log|outcomes\s*(?:&|and)\s*retrospective)\b/i;
const PROGRESS = /^progress\b/i;

/** `(2025-10-01 13:00Z)` at the start of a Progress item: when it was done. */
export const PROGRESS_STAMP = /^\((\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?\s*(?:Z|UTC|[+-]\d\d:?\d\d)?)\)\s*/;

/**
 * Reads a plan: one milestone for the file (title: its H1, else the file name; id: the file's
 * name), its steps the task items under `Progress` (the leading timestamp is not part of a step's
 * text: the tick writes and removes it), and the living sections' bullets as criteria. No status
 * is written in these plans: the steps say it. Null for a file without a Progress checklist (the
 * guide itself, which shows its skeleton in a code block).
 */
export function readCodexPlan(file: string, text: string): FileReading | null {
  const fm = sharedFrontmatter(text);
  const keep = (headings: readonly ScanHeading[], heading: number): boolean => heading >= 0 && LIVING.test(headings[heading]!.text);
  const scan = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, keep);
  const progress = scan.headings.findIndex((h) => PROGRESS.test(h.text));
  if (progress < 0) return null;
  const notes: ReadNote[] = [];
  const sections = new SectionNames(scan);
  const under = (heading: number, ancestor: number): boolean => {
    for (let h = heading; h >= 0; h = scan.headings[h]!.parent) if (h === ancestor) return true;
    return false;
  };
  const steps: Step[] = [];
  for (const task of scan.tasks) {
    if (!under(task.heading, progress)) continue;
    const step = taskStep(task, sections.of(task.heading), notes);
    const stamp = PROGRESS_STAMP.exec(step.text);
    steps.push(stamp === null ? step : { ...step, text: ownString(step.text.slice(stamp[0].length)) });
  }
  for (const bullet of scan.bullets) steps.push(criterionStep(bullet.text, bullet.line, sections.of(bullet.heading), bullet.depth));
  steps.sort((a, b) => a.line - b.line);
  const h1 = firstH1(scan);
  const milestone = makeMilestone({
    convention: 'codex-plan', file, id: stemOf(file), title: h1 ?? stemOf(file), status: null,
    line: 0, endLine: Math.max(0, text.split('\n').length - 1), group: groupOf(file), fields: {}, steps,
  });
  return { file, convention: 'codex-plan', milestones: [milestone], notes };
}

/** The folder that holds the plans (`.agent/execplans`, `docs/execplans`), or `.agent` for PLANS.md. */
function groupOf(file: string): string {
  const segs = segmentsOf(file);
  const at = segs.map((s) => s.toLowerCase()).lastIndexOf('execplans');
  return (at >= 0 ? segs.slice(0, at + 1) : segs.slice(0, -1)).join('/');
}
