import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import { fieldPlan, milestoneFieldEdits, unchangedPlan } from './milestoneFieldEdits';
import { findActionable } from './actionableMilestone';

/**
 * Claims the milestone for `ctx.identity`: its owner becomes the identity. ExecPlan writes
 * `owner: "@<identity>"` (spaces as `-`, a leading `@` kept: the schema wants `^@`) and `updated` :=
 * today; KB sets `owner` (added at the end of the header when missing); session JSON `owner` and
 * `updated_at`; STATUS.md the milestone's `**Owner:**` line. Handoffs have no owner: refused
 * (`not-applicable`). Already owned by the identity: a plan without changes.
 */
export function claimMilestone(snapshot: FolderSnapshot, ref: MilestoneRef, ctx: LifecycleContext): PlanOutcome {
  const found = findActionable(snapshot, ref, 'claimed');
  if (found.kind === 'refused') return found;
  const { milestone } = found;
  const identity = ctx.identity.trim();
  if (identity === '') return refused('there is no identity to claim the milestone for', 'invalid-input');
  const owner = milestone.convention === 'execplan' ? `@${identity.replace(/^@/, '').replace(/\s+/g, '-')}` : identity;
  if (milestone.fields['owner'] === owner) return unchangedPlan(found, `"${milestone.title}" is already owned by ${owner}`);
  return fieldPlan(found, milestoneFieldEdits(found, 'owner', owner, {}, ctx), `Claimed "${milestone.title}" for ${owner}`);
}
