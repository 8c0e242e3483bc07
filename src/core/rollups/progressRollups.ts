/**
 * Progress roll-ups (seed 004, "Calculation Method"), as plain data:
 * - overall   = completed milestones / total milestones (of a group);
 * - phase     = completed deliverables / total deliverables of the milestones in that phase;
 * - milestone = met acceptance criteria / total acceptance criteria (the milestone's progress).
 * "Completed" means statusCategory `done`: of gated milestones (`gateReading`), so one whose criteria
 * are met but whose required approval is not logged (`awaiting-approval`) is not completed.
 * Deliverables and criteria are the counted steps.
 * Percentages are rounded down, and 0 when there is nothing to count. Nothing here imports `vscode`.
 */
import type { Milestone } from '../model';

export interface Rollup {
  readonly done: number;
  readonly total: number;
  /** floor(done / total * 100); 0 when total is 0. */
  readonly percent: number;
}

export interface PhaseRollup extends Rollup {
  /** The phase as written (`fields.phase`), trimmed. */
  readonly phase: string;
  /** How many of the phase's milestones are completed, of how many. */
  readonly milestones: Rollup;
}

/** Percent of done in total, rounded down; 0 when total is 0. */
export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.floor((done * 100) / total) : 0;
}

function rollup(done: number, total: number): Rollup {
  return { done, total, percent: percentOf(done, total) };
}

/** Overall: completed milestones of total milestones. */
export function overallRollup(milestones: readonly Milestone[]): Rollup {
  return rollup(milestones.filter((m) => m.statusCategory === 'done').length, milestones.length);
}

/** Milestone: met criteria (done steps) of counted steps. */
export function milestoneRollup(milestone: Milestone): Rollup {
  return rollup(milestone.progress.done, milestone.progress.total);
}

function phaseOf(milestone: Milestone): string | null {
  const value = milestone.fields.phase;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Phase: completed deliverables of all deliverables per phase, in order of first appearance; milestones without a phase are left out. */
export function phaseRollups(milestones: readonly Milestone[]): PhaseRollup[] {
  const phases = new Map<string, Milestone[]>();
  for (const milestone of milestones) {
    const phase = phaseOf(milestone);
    if (phase === null) continue;
    const members = phases.get(phase) ?? [];
    members.push(milestone);
    phases.set(phase, members);
  }
  return [...phases].map(([phase, members]) => {
    const done = members.reduce((n, m) => n + m.progress.done, 0);
    const total = members.reduce((n, m) => n + m.progress.total, 0);
    return { phase, ...rollup(done, total), milestones: overallRollup(members) };
  });
}

/** `2/5 done · 40%`: the overall roll-up as a tree row shows it. */
export function rollupLabel(r: Rollup): string {
  return `${r.done}/${r.total} done · ${r.percent}%`;
}
