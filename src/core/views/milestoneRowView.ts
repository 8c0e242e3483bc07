/**
 * What a milestone row of the tree shows, as plain data. The description is short so that it is
 * not cut at the default side-bar width: the status is the row's icon and the first line of its
 * tooltip, and is read out in the accessible label. Nothing here imports `vscode`.
 */
import { decisionsFileOf } from '../lifecycle/approval/approvalGate';
import type { Milestone } from '../model';
import { progressText, progressWords, statusText } from './milestoneWords';

export interface MilestoneRowView {
  /** `3/7`, `3/7 · 2 problems`, `2 problems` or ''. */
  readonly description: string;
  /** What a screen reader says: `Index builder, in_progress (Active), 3 of 7 steps done, 2 problems`. */
  readonly accessibleLabel: string;
  /** The tooltip's lines after the title, status first: `['Status', 'in_progress (Active)']`, … */
  readonly details: readonly (readonly [string, string])[];
}

function fieldText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(', ') : null;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are excluded; the rest are primitives (TypeScript keeps `{}`)
  return typeof value === 'object' ? null : String(value);
}

/** The tooltip's Approval, for a milestone that requires one. */
function approvalText(milestone: Milestone): string | null {
  if (milestone.approval === undefined) return null;
  const log = decisionsFileOf(milestone.file);
  return milestone.approval.logged ? `required, logged in ${log}` : `required, not logged in ${log} yet (Log Approval…)`;
}

/** The row of `milestone`; `problems` is what the row says of its problems (`2 problems`), or ''. */
export function milestoneRowView(milestone: Milestone, problems: string): MilestoneRowView {
  const progress = progressText(milestone);
  const rows: [string, string | null][] = [
    ['Status', statusText(milestone)],
    ['Approval', approvalText(milestone)],
    ['Progress', progress === '' ? null : progressWords(milestone)],
    ['File', `${milestone.file}:${milestone.line + 1}`],
    ['Id', milestone.id],
    ['Goal', fieldText(milestone.fields.goal)],
    ['Owner', fieldText(milestone.fields.owner)],
    ['Updated', fieldText(milestone.fields.updated ?? milestone.fields.updated_at)],
    ['Phase', fieldText(milestone.fields.phase)],
  ];
  if (milestone.storedProgress != null) rows.push(['Stored progress', `${milestone.storedProgress}%`]);
  return {
    // Awaiting approval looks done by its ticks: the row says what is missing.
    description: [progress, milestone.statusCategory === 'awaiting-approval' ? 'awaiting approval' : '', problems].filter((p) => p !== '').join(' · '),
    accessibleLabel: [milestone.title, statusText(milestone), progress === '' ? null : progressWords(milestone), problems === '' ? null : problems]
      .filter((p): p is string => p !== null).join(', '),
    details: rows.filter((r): r is [string, string] => r[1] !== null),
  };
}
