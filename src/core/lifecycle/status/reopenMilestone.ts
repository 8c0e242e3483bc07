import type { JsonSchema } from '../../schema/schemaTypes';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import { findActionable } from './actionableMilestone';
import { fieldPlan, milestoneFieldEdits } from './milestoneFieldEdits';
import { activeValueOf, statusValues } from './statusValues';

/**
 * Sets a done milestone back to being worked on: the active value of `statusValues` (in_progress,
 * in-progress, IN PROGRESS), with the side edits of a status change (ExecPlan `updated` + Changelog
 * `- YYYY-MM-DD — Reopened.`, session JSON `updated_at`). Refuses (`invalid-input`) a milestone
 * that is not done (one awaiting its approval is not), and (`not-applicable`) an archived ExecPlan
 * (its file lies in the archive) and a handoff note.
 */
export function reopenMilestone(snapshot: FolderSnapshot, ref: MilestoneRef, schema: JsonSchema | null, ctx: LifecycleContext): PlanOutcome {
  const found = findActionable(snapshot, ref, 'reopened');
  if (found.kind === 'refused') return found;
  const { milestone } = found;
  if (milestone.statusCategory === 'awaiting-approval') {
    return refused(`"${milestone.title}" is awaiting its approval, so it is not done; only a done milestone can be reopened`, 'invalid-input');
  }
  if (milestone.statusCategory !== 'done') {
    return refused(`"${milestone.title}" is not done (status ${milestone.status ?? 'not set'}); only a done milestone can be reopened`, 'invalid-input');
  }
  if (milestone.convention === 'execplan' && /^archived$/i.test(milestone.status ?? '')) {
    return refused(`"${milestone.title}" is archived; move its file back to milestones/active/ to reopen it`, 'not-applicable');
  }
  const values = statusValues(milestone.convention, schema);
  const active = activeValueOf(values);
  if (active === null) return refused(`none of the allowed statuses (${values.join(', ')}) means in progress`, 'not-applicable');
  return fieldPlan(found, milestoneFieldEdits(found, 'status', active, { changelog: 'Reopened.' }, ctx), `Reopened "${milestone.title}" (status ${active})`);
}
