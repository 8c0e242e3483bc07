import { toggleStepInReading } from '../../edits/toggleStep';
import type { Milestone, Step } from '../../model';
import { isCounted, refOf } from '../../model';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome, Refusal } from '../changePlan';
import { refused } from '../changePlan';
import { findMilestone } from '../findMilestone';

/**
 * The step of `milestone` that `query` names: its 1-based number among the counted steps (the
 * checkboxes, JSON steps and ✅/⏳ rows, in the order `list --json` shows them), else the step with
 * exactly that text, else the only one whose text contains it ignoring case. Text is looked for among
 * the counted steps first, then among all (so a step without a checkbox is found and the edit can say
 * why it cannot be ticked). Refuses (`not-found`, `invalid-input` with the candidates when ambiguous).
 */
export function stepByQuery(milestone: Milestone, query: string): Step | Refusal {
  const counted = milestone.steps.filter(isCounted);
  const q = query.trim();
  if (/^\d+$/.test(q)) {
    const step = counted[Number(q) - 1];
    if (step !== undefined) return step;
    return refused(`"${milestone.title}" has ${counted.length} step${counted.length === 1 ? '' : 's'} with a checkbox; there is no step ${q}`, 'not-found');
  }
  const lower = q.toLowerCase();
  for (const pool of [counted, milestone.steps]) {
    const exact = pool.filter((s) => s.text === q);
    if (exact.length === 1) return exact[0]!;
    const hits = exact.length > 1 ? exact : pool.filter((s) => s.text.toLowerCase().includes(lower));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      return refused(`"${q}" matches ${hits.length} steps of "${milestone.title}"; give more of the text or the step's number`, 'invalid-input', hits.map((s) => `${counted.indexOf(s) + 1 || '-'}. ${s.text}`));
    }
  }
  return refused(`"${milestone.title}" has no step matching "${q}"`, 'not-found', counted.map((s, i) => `${i + 1}. ${s.text}`));
}

/**
 * Ticks (`done`) or unticks the step `query` names (see `stepByQuery`) with exactly the edit of the
 * tree's checkbox (`toggleStepInReading`: `- [x]`, a JSON step's status and stamps, a ✅ row, the
 * ExecPlan `updated`). Already in that state: a plan without changes.
 */
export function markStep(snapshot: FolderSnapshot, ref: MilestoneRef, query: string, done: boolean, ctx: LifecycleContext): PlanOutcome {
  const found = findMilestone(snapshot, ref);
  if (found.kind === 'refused') return found;
  const step = stepByQuery(found.milestone, query);
  if ('kind' in step) return step;
  const outcome = toggleStepInReading(found.text, found.reading, refOf(step), done, ctx);
  if (outcome.kind === 'refused') return refused(outcome.reason, 'invalid-input');
  const file = found.milestone.file;
  const state = done ? 'done' : 'not done';
  const summary = outcome.edits.length === 0 ? `"${step.text}" is already ${state}` : `Marked "${step.text}" ${state} in "${found.milestone.title}"`;
  return { kind: 'ok', plan: { changes: outcome.edits.length === 0 ? [] : [{ kind: 'edit', file, edits: outcome.edits }], summary, primary: file } };
}
