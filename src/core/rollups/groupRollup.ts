/**
 * The roll-up a group row of the tree shows, chosen so that its numbers mean something for the
 * way the row groups:
 * - a folder, convention or plan row counts its milestones that are done (seed 004's overall
 *   roll-up): its milestones have all kinds of status;
 * - a status row counts the steps done of its milestones: every milestone in it has the same
 *   status, so "milestones done" would be 0 % or 100 % by construction.
 * Plain data; nothing here imports `vscode`.
 */
import type { Milestone } from '../model';
import { overallRollup, percentOf, rollupLabel, type Rollup } from './progressRollups';

/** How a group row gathers its milestones. */
export type GroupKind = 'folder' | 'convention' | 'plan' | 'status';

export interface GroupRollup {
  /** What is counted: completed milestones, or ticked steps. */
  readonly counts: 'milestones' | 'steps';
  readonly rollup: Rollup;
  /** The row's description: `2/5 done · 40%`, `9/20 steps · 45%`, or `3 milestones` when there is nothing to count. */
  readonly label: string;
  /** The tooltip's sentences: what the numbers are, and why these. */
  readonly explanation: readonly string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The roll-up of a row of kind `kind` over `milestones` (every milestone of the row, hidden ones included). */
export function groupRollup(kind: GroupKind, milestones: readonly Milestone[]): GroupRollup {
  if (kind !== 'status') {
    const rollup = overallRollup(milestones);
    return {
      counts: 'milestones', rollup, label: rollupLabel(rollup),
      explanation: [
        `${rollup.done} of ${plural(rollup.total, 'milestone')} are done (${rollup.percent}%, rounded down).`,
        'Done means a completed status (done, completed, archived …); the steps ticked of each milestone are on its row.',
      ],
    };
  }
  const done = milestones.reduce((n, m) => n + m.progress.done, 0);
  const total = milestones.reduce((n, m) => n + m.progress.total, 0);
  const rollup: Rollup = { done, total, percent: percentOf(done, total) };
  const why = 'Every milestone here has this status, so the row counts their steps.';
  if (total === 0) {
    return { counts: 'steps', rollup, label: plural(milestones.length, 'milestone'), explanation: [`${plural(milestones.length, 'milestone')}, with no step to count.`, why] };
  }
  return {
    counts: 'steps', rollup, label: `${done}/${total} steps · ${rollup.percent}%`,
    explanation: [`${done} of ${plural(total, 'step')} of ${plural(milestones.length, 'milestone')} are done (${rollup.percent}%, rounded down).`, why],
  };
}
