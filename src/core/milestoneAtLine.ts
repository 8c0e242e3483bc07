import type { Milestone } from './model';

/**
 * Index in `milestones` (one file's, as its reading lists them) of the milestone that owns the
 * 0-based `line`: the innermost one whose lines hold it (a `### Milestone` inside a `## Phase` owns
 * its own lines), else -1: the line belongs to the file, not to a milestone (lines above a
 * STATUS.md's first milestone, such as its *Current State*, or a section that is no milestone).
 * A whole-file milestone (KB, ExecPlan, session JSON, handoff) starts at line 0 and owns every line.
 */
export function milestoneIndexAtLine(milestones: readonly Milestone[], line: number): number {
  let best = -1;
  milestones.forEach((m, i) => {
    if (m.line <= line && line <= m.endLine && (best < 0 || m.line >= milestones[best]!.line)) best = i;
  });
  return best;
}

/** The milestone that owns `line` (see `milestoneIndexAtLine`), or null when the line belongs to the file. */
export function milestoneAtLine(milestones: readonly Milestone[], line: number): Milestone | null {
  const i = milestoneIndexAtLine(milestones, line);
  return i < 0 ? null : milestones[i]!;
}

/**
 * The items of one file (problems, diagnostics …) that belong to `milestone`, one of `milestones`:
 * those whose 0-based line (`lineOf`) it owns. Items on the file's own lines belong to none.
 */
export function ownedByMilestone<T>(milestones: readonly Milestone[], milestone: Milestone, items: readonly T[], lineOf: (item: T) => number): T[] {
  return items.filter((item) => {
    const owner = milestoneAtLine(milestones, lineOf(item));
    return owner !== null && owner.line === milestone.line && owner.title === milestone.title;
  });
}

/**
 * `milestoneAtLine`, or the file's first milestone when no milestone holds `line`: where a place in
 * the file must lead to some milestone (the form opened from a cursor, the row to reveal after an
 * action); undefined only for a file without milestones.
 */
export function milestoneAtLineOrFirst(milestones: readonly Milestone[], line: number): Milestone | undefined {
  return milestoneAtLine(milestones, line) ?? milestones[0];
}
