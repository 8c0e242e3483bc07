import { normaliseStatus } from '../../conventions/status';
import { CONVENTION_LABEL } from '../../model';
import type { JsonSchema } from '../../schema/schemaTypes';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import { findActionable } from './actionableMilestone';
import { finishMilestone } from './completeMilestone';
import { fieldPlan, milestoneFieldEdits, unchangedPlan } from './milestoneFieldEdits';
import { matchStatus, statusValues } from './statusValues';

/**
 * Sets the milestone's status to `status`, which must be one of `statusValues(convention, schema)`
 * (matched ignoring case, spaces, `_` and `-`; refused, naming them, otherwise). A done value goes
 * through the same checks as `completeMilestone` without force (open steps, approval gate); an
 * ExecPlan is never set to `archived` here (Archive moves the file too). ExecPlan also bumps
 * `updated` and adds the Changelog entry `- YYYY-MM-DD — Status set to <status>.`; session JSON bumps
 * `updated_at`; STATUS.md writes `**Status:** <value>`. The same status already: a plan without changes.
 */
export function setMilestoneStatus(snapshot: FolderSnapshot, ref: MilestoneRef, status: string, schema: JsonSchema | null, ctx: LifecycleContext): PlanOutcome {
  const found = findActionable(snapshot, ref, 'given a status');
  if (found.kind === 'refused') return found;
  const { milestone } = found;
  const values = statusValues(milestone.convention, schema);
  const value = matchStatus(values, status);
  if (value === null) {
    return refused(`"${status}" is not a status of ${CONVENTION_LABEL[milestone.convention]}; use one of ${values.join(', ')}`, 'invalid-input');
  }
  if (milestone.convention === 'execplan' && /^archived$/i.test(value)) {
    return refused('use Archive, which also moves the file to milestones/archive/YYYY/MM/DD/', 'not-applicable');
  }
  if (milestone.status === value) return unchangedPlan(found, `"${milestone.title}" is already ${value}`);
  const changelog = `Status set to ${value}.`;
  if (normaliseStatus(value) === 'done') return finishMilestone(snapshot, found, value, false, changelog, ctx);
  return fieldPlan(found, milestoneFieldEdits(found, 'status', value, { changelog }, ctx), `Set the status of "${milestone.title}" to ${value}`);
}
