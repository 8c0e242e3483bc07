import type { Milestone } from '../model';
import type { Problem } from '../problems';
import type { TextPlacer } from './textPlacer';

/** The sections OpenAI's PLANS.md asks every ExecPlan to keep up to date as work goes on. */
const LIVING_SECTIONS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['Progress', /^progress\b/i],
  ['Surprises & Discoveries', /^surprises\s*(?:&|and)\s*discoveries\b/i],
  ['Decision Log', /^decision\s+log\b/i],
  ['Outcomes & Retrospective', /^outcomes\s*(?:&|and)\s*retrospective\b/i],
];

/**
 * A Codex ExecPlan without one of its living sections (`codex-plan-section`, warning, on the title
 * line): the next agent relies on them to resume the work. One problem names every missing section.
 */
export function codexPlanProblems(file: string, milestones: readonly Milestone[], place: TextPlacer): Problem[] {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of place.text.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) fence = fence === null ? marker[0]! : line.trim().startsWith(fence) ? null : fence;
    else if (fence === null) {
      const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading !== null) headings.push(heading[1]!);
    }
  }
  const missing = LIVING_SECTIONS.filter(([, pattern]) => !headings.some((h) => pattern.test(h))).map(([name]) => name);
  const m = milestones[0];
  if (missing.length === 0 || m === undefined) return [];
  const title = place.text.split('\n').findIndex((l) => /^\s{0,3}#\s/.test(l));
  return [{
    file, severity: 'warning', code: 'codex-plan-section', range: place.line(Math.max(0, title)),
    message: `this ExecPlan has no ${missing.map((s) => `"${s}"`).join(', ')} section${missing.length === 1 ? '' : 's'}; PLANS.md asks every plan to keep Progress, Surprises & Discoveries, Decision Log and Outcomes & Retrospective up to date`,
  }];
}
