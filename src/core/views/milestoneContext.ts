import { approvalRequired } from '../lifecycle/approval/approvalGate';
import { hasLifecycle, isArchivable, isDistillableNote } from '../lifecycle/applicable';
import type { Milestone } from '../model';

/**
 * The milestone row's `viewItem`: `milestone` and tokens the menus match with `=~ /\btoken\b/`:
 * the convention, `done` / `notdone`, `lifecycle` (claim, status, complete apply: not a handoff),
 * `archivable` (an ExecPlan milestone in milestones/active/), `handoff-note` (a note not yet distilled),
 * `gated` (a STATUS.md milestone whose completion waits for an approval). A milestone awaiting its
 * approval is `notdone`: Complete (which offers Log Approval…) applies, Reopen does not.
 */
export function milestoneContext(milestone: Milestone): string {
  const tokens = ['milestone', milestone.convention, milestone.statusCategory === 'done' ? 'done' : 'notdone'];
  if (hasLifecycle(milestone)) tokens.push('lifecycle');
  if (isArchivable(milestone)) tokens.push('archivable');
  if (isDistillableNote(milestone)) tokens.push('handoff-note');
  if (milestone.convention === 'status-md' && approvalRequired(milestone)) tokens.push('gated');
  return tokens.join(' ');
}
