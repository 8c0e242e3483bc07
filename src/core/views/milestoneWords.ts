/**
 * The words every surface uses for a milestone's status and progress (tree rows, their tooltips and
 * accessible labels, the status bar), so they all say the same thing. Plain text: a surface that
 * renders markdown escapes it. Nothing here imports `vscode`.
 */
import type { Milestone, StatusCategory } from '../model';

/** The name of each status category, as group rows and tooltips show it. */
export const STATUS_LABEL: Readonly<Record<StatusCategory, string>> = {
  active: 'Active', blocked: 'Blocked', 'awaiting-approval': 'Awaiting approval', planned: 'Planned', unknown: 'No status', done: 'Done', dropped: 'Dropped',
};

/** `in_progress (Active)` when the file states a status, else the category its steps imply: `Active`. */
export function statusText(milestone: Milestone): string {
  const category = STATUS_LABEL[milestone.statusCategory];
  return milestone.status ? `${milestone.status} (${category})` : category;
}

/** `3/7`, or '' when the milestone has no step to count. */
export function progressText(milestone: Milestone): string {
  return milestone.progress.total > 0 ? `${milestone.progress.done}/${milestone.progress.total}` : '';
}

/** `3 of 7 steps done`, or `no steps to count`. */
export function progressWords(milestone: Milestone): string {
  const { done, total } = milestone.progress;
  return total > 0 ? `${done} of ${total} ${total === 1 ? 'step' : 'steps'} done` : 'no steps to count';
}
