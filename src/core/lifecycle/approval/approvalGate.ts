/**
 * The approval gate of seed 004: a STATUS.md milestone marked `**Approval Required:** Yes` passes to
 * done only once DECISIONS.md beside it logs its approval (`## YYYY-MM-DD: Milestone "<title>" Approved`).
 */
import { dirOf } from '../../conventions/paths';
import type { Milestone } from '../../model';
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

/** An approval heading of the seed's log: `## 2026-02-16: Milestone "MVP Functional" Approved` (any heading level, straight or curly quotes). */
const APPROVED = /^[ ]{0,3}#{1,6}[ \t]+\d{4}-\d\d-\d\d[ \t]*:[ \t]*Milestone[ \t]+["“](.+)["”][ \t]+Approved\b/gim;

/** True when `decisionsText` (null: no such file) holds an approval entry for the milestone `title` (compared ignoring case and surrounding spaces). */
export function approvalLogged(decisionsText: string | null, title: string): boolean {
  if (decisionsText === null) return false;
  const wanted = title.trim().toLowerCase();
  for (const m of decisionsText.matchAll(APPROVED)) if (m[1]!.trim().toLowerCase() === wanted) return true;
  return false;
}

/** The refusal (`approval-required`) for a milestone that needs an approval not logged yet, else null. */
export function approvalRefusal(snapshot: FolderSnapshot, milestone: Milestone): Refusal | null {
  if (!approvalRequired(milestone)) return null;
  const decisions = decisionsFileOf(milestone.file);
  if (approvalLogged(snapshot.text(decisions), milestone.title)) return null;
  return refused(`"${milestone.title}" requires approval (Approval Required: Yes); log the approval in ${decisions} first`, 'approval-required');
}
