/**
 * Applies the approval gate to what a reader read: a reader sees one file, and whether an approval is
 * logged is in another (DECISIONS.md). Every surface that shows or counts milestones (the index
 * behind the tree, roll-ups and Next; `list` and `next` on the command line; the lifecycle actions)
 * gates its readings here, so an approval-required milestone is never done before its approval is.
 */
import type { FileReading, Milestone, StatusCategory } from '../../model';
import { approvalOf, approvalRequired, decisionsFileOf, readApprovalLog, type ApprovalLog } from './approvalGate';

/**
 * `milestone` with its `approval` and, where it would be done but the approval is not logged, the
 * category `awaiting-approval`. Idempotent and reversible (a milestone gated with an older log is
 * gated again with the new one); the same object when nothing changes.
 */
export function gateMilestone(milestone: Milestone, log: ApprovalLog): Milestone {
  const approval = approvalOf(milestone, log);
  if (approval === undefined) return milestone;
  // Only a milestone that would be done waits: the gate is the last step to done, not a status of its own.
  const ungated: StatusCategory = milestone.statusCategory === 'awaiting-approval' ? 'done' : milestone.statusCategory;
  const statusCategory: StatusCategory = ungated === 'done' && !approval.logged ? 'awaiting-approval' : ungated;
  if (milestone.approval?.logged === approval.logged && milestone.statusCategory === statusCategory) return milestone;
  return { ...milestone, approval, statusCategory };
}

/** True when a milestone of `reading` requires an approval, so its gate needs the log beside it. */
export function needsApprovalLog(reading: FileReading): boolean {
  return reading.convention === 'status-md' && reading.milestones.some(approvalRequired);
}

/** `reading` with every milestone gated by `log` (the DECISIONS.md beside it); the same object when nothing changes. */
export function gateReading(reading: FileReading, log: ApprovalLog): FileReading {
  if (!needsApprovalLog(reading)) return reading;
  const milestones = reading.milestones.map((m) => gateMilestone(m, log));
  return milestones.every((m, i) => m === reading.milestones[i]) ? reading : { ...reading, milestones };
}

/**
 * The readings of one folder gated, each DECISIONS.md read through `textOf` (folder-relative path;
 * null: no such file) at most once, and only where a milestone requires an approval.
 */
export function gateReadings(readings: readonly FileReading[], textOf: (file: string) => string | null): FileReading[] {
  const logs = new Map<string, ApprovalLog>();
  return readings.map((reading) => {
    if (!needsApprovalLog(reading)) return reading;
    const file = decisionsFileOf(reading.file);
    let log = logs.get(file);
    if (log === undefined) logs.set(file, (log = readApprovalLog(textOf(file))));
    return gateReading(reading, log);
  });
}
