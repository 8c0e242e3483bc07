import type { JsonSchema } from '../../schema/schemaTypes';
import { isCounted, type Milestone } from '../../model';
import { hasLifecycle } from '../applicable';
import { completedPathOf, moveWithLinks } from '../archive/archiveExecPlanMilestone';
import { approvalRefusal } from '../approval/approvalGate';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import type { FoundMilestone } from '../findMilestone';
import { findActionable } from './actionableMilestone';
import { fieldPlan, milestoneFieldEdits, unchangedPlan } from './milestoneFieldEdits';
import { doneValueOf, statusValues } from './statusValues';

/**
 * Marks the milestone done. Refuses (`open-steps`, the open steps as items) while any of its steps is
 * open, unless `force`; refuses (`approval-required`) a STATUS.md milestone that requires approval
 * until its DECISIONS.md logs it, `force` or not. Then writes the done value of `statusValues`:
 * ExecPlan `completed` + `updated` + Changelog `- YYYY-MM-DD — Completed.`; KB the schema's done word;
 * session JSON `completed`, stored `progress` 100 when every step is completed, `updated_at`;
 * STATUS.md `**Status:** COMPLETE`. A milestone whose stated status is already done (and whose
 * approval, where one is required, is logged): a plan without changes. Handoffs: refused (`not-applicable`).
 */
export function completeMilestone(snapshot: FolderSnapshot, ref: MilestoneRef, options: { readonly force: boolean }, schema: JsonSchema | null, ctx: LifecycleContext): PlanOutcome {
  const found = findActionable(snapshot, ref, 'completed');
  if (found.kind === 'refused') return found;
  const { milestone } = found;
  if (milestone.status !== null && milestone.statusCategory === 'done') return unchangedPlan(found, `"${milestone.title}" is already ${milestone.status}`);
  if (!hasLifecycle(milestone)) {
    // No status is written (handoffs were refused above): the tasks are the status, done when every counted one is ticked.
    const open = openRefusal(milestone);
    return open ?? unchangedPlan(found, `"${milestone.title}" is done: every task is ticked`);
  }
  const values = statusValues(milestone.convention, schema);
  const done = doneValueOf(values);
  if (done === null) return refused(`none of the allowed statuses (${values.join(', ')}) means done`, 'not-applicable');
  return finishMilestone(snapshot, found, done, options.force, 'Completed.', ctx);
}

/**
 * Writes the done status `value` after the checks every way to done goes through (open steps unless
 * `force`, the approval gate always). `changelog`: the ExecPlan Changelog sentence.
 */
export function finishMilestone(snapshot: FolderSnapshot, found: FoundMilestone, value: string, force: boolean, changelog: string, ctx: LifecycleContext): PlanOutcome {
  const { milestone } = found;
  const open = force ? null : openRefusal(milestone);
  if (open !== null) return open;
  const gate = approvalRefusal(snapshot, milestone);
  if (gate !== null) return gate;
  const fullProgress = milestone.steps.length > 0 && milestone.steps.every((s) => s.state === 'done');
  const summary = `Completed "${milestone.title}" (status ${value})`;
  const outcome = milestoneFieldEdits(found, 'status', value, { changelog, fullProgress }, ctx);
  const to = milestone.convention === 'execplan' ? completedPathOf(milestone.file) : null;
  if (to === null || outcome.kind === 'refused') return fieldPlan(found, outcome, summary);
  // agentrules' current layout: a completed milestone moves to milestones/complete/.
  if (snapshot.text(to) !== null || snapshot.files.includes(to)) return refused(`${to} already exists`, 'exists');
  const { changes } = moveWithLinks(snapshot, milestone.file, found.text, to, outcome.edits);
  return { kind: 'ok', plan: { changes, summary: `${summary}, moved to milestones/complete/`, primary: to } };
}

/** The refusal for a milestone with counted steps still open (listed), or null when none is. */
function openRefusal(milestone: Milestone): PlanOutcome | null {
  const open = milestone.steps.filter((s) => s.state === 'open' && isCounted(s));
  if (open.length === 0) return null;
  const total = milestone.progress.total;
  const noun = milestone.convention === 'status-md' || milestone.convention === 'kb' ? (total === 1 ? 'acceptance criterion' : 'acceptance criteria') : (total === 1 ? 'step' : 'steps');
  return refused(`${open.length} of ${total} ${noun} of "${milestone.title}" ${open.length === 1 ? 'is' : 'are'} still open`, 'open-steps', openItems(milestone));
}

/** The open steps' texts, each prefixed with its section where the text alone appears twice. */
function openItems(milestone: Milestone): string[] {
  const open = milestone.steps.filter((s) => s.state === 'open' && isCounted(s));
  const count = new Map<string, number>();
  for (const s of open) count.set(s.text, (count.get(s.text) ?? 0) + 1);
  return open.map((s) => ((count.get(s.text) ?? 0) > 1 && s.section !== null ? `${s.section}: ${s.text}` : s.text));
}
