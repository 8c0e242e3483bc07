import type { FolderSnapshot, MilestoneRef, Refusal } from '../changePlan';
import { refused } from '../changePlan';
import { findMilestone } from '../findMilestone';
import type { FoundMilestone } from '../findMilestone';

/**
 * Finds the milestone `ref` names for an action that changes its owner or status, refusing
 * (`not-applicable`) a handoff note: it records a session and has neither. `done` is the past
 * participle of the action for the reason (`claimed`, `completed` …).
 */
export function findActionable(snapshot: FolderSnapshot, ref: MilestoneRef, done: string): FoundMilestone | Refusal {
  const found = findMilestone(snapshot, ref);
  if (found.kind === 'refused') return found;
  if (found.milestone.convention === 'handoff') {
    return refused(`"${found.milestone.title}" is a handoff note, which has no owner or status field; it cannot be ${done}`, 'not-applicable');
  }
  return found;
}
