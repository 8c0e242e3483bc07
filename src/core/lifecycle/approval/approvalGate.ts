/**
 * The approval gate of seed 004: a STATUS.md milestone marked `**Approval Required:** Yes` passes to
 * done only once DECISIONS.md beside it logs its approval (`## YYYY-MM-DD: Milestone "<title>" Approved`).
 * The one place that says whether an approval is required and whether it is logged: the index (tree,
 * roll-ups, Next), `list --json` and Complete all ask here.
 */
import { dirOf } from '../../conventions/paths';
import type { Milestone, MilestoneApproval } from '../../model';
import type { FolderSnapshot, Refusal } from '../changePlan';
import { refused } from '../changePlan';

/** True for a STATUS.md milestone whose `Approval Required` field starts with "yes" (any case: `Yes`, `YES (major milestone)`). */
export function approvalRequired(milestone: Milestone): boolean {
  const value = milestone.fields['approval-required'];
  return milestone.convention === 'status-md' && typeof value === 'string' && /^\s*yes\b/i.test(value);
}

/** The approval log of the milestones of `file`: DECISIONS.md in the same folder. */
export function decisionsFileOf(file: string): string {
  const dir = dirOf(file);
  return dir === '' ? 'DECISIONS.md' : `${dir}/DECISIONS.md`;
}

/** True when `file` is an approval log (a DECISIONS.md, any folder): the index follows its changes. */
export function isApprovalLog(file: string): boolean {
  return decisionsFileOf(file) === file;
}

/**
 * What one DECISIONS.md logs: the titles of its approval entries, as `approvalLogged` compares them.
 * Made once per change of the file (`readApprovalLog`), then asked once per milestone.
 */
export type ApprovalLog = ReadonlySet<string>;

/** An approval heading of the seed's log: `## 2026-02-16: Milestone "MVP Functional" Approved` (any heading level, straight or curly quotes). */
const APPROVED = /^[ ]{0,3}#{1,6}[ \t]+\d{4}-\d\d-\d\d[ \t]*:[ \t]*Milestone[ \t]+["“](.+)["”][ \t]+Approved\b/gim;

/** Titles are compared ignoring case and surrounding spaces: people retype them in the log. */
const titleKey = (title: string): string => title.trim().toLowerCase();

/** The approvals logged in `decisionsText` (null: there is no DECISIONS.md, so none). */
export function readApprovalLog(decisionsText: string | null): ApprovalLog {
  const titles = new Set<string>();
  if (decisionsText !== null) for (const m of decisionsText.matchAll(APPROVED)) titles.add(titleKey(m[1]!));
  return titles;
}

/** True when `log` holds an approval entry for the milestone `title`. */
export function approvalLogged(log: ApprovalLog, title: string): boolean {
  return log.has(titleKey(title));
}

/** The gate of `milestone` given the log beside it: undefined when it requires no approval. */
export function approvalOf(milestone: Milestone, log: ApprovalLog): MilestoneApproval | undefined {
  return approvalRequired(milestone) ? { required: true, logged: approvalLogged(log, milestone.title) } : undefined;
}

/** The refusal (`approval-required`) for a milestone that needs an approval not logged yet, else null. */
export function approvalRefusal(snapshot: FolderSnapshot, milestone: Milestone): Refusal | null {
  const decisions = decisionsFileOf(milestone.file);
  if (!approvalRequired(milestone) || approvalLogged(readApprovalLog(snapshot.text(decisions)), milestone.title)) return null;
  return refused(`"${milestone.title}" requires approval (Approval Required: Yes); log the approval in ${decisions} first`, 'approval-required');
}
