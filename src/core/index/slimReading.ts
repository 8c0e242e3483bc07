/**
 * A reading without its steps and health rows, as the language server's index keeps the files no
 * editor has open. Why: steps are most of a reading (77% of its JSON in the bench workspace), and
 * the tree, the roll-ups and the checks across files need only each milestone's own fields and
 * counts. At 10,000 files the index kept 6.3 KB a file with them. A file's steps are read again
 * when a person opens its milestone's row, filters the tree or looks at the Next view.
 */
import type { FileReading, Milestone } from '../model';

/** `reading` with each milestone's steps and health rows left out (`Milestone.slim` counts them); the same object when it has none. */
export function slimReading(reading: FileReading): FileReading {
  if (reading.milestones.every((m) => m.steps.length === 0 && m.health.length === 0)) return reading;
  return {
    ...reading,
    milestones: reading.milestones.map((m): Milestone => (m.steps.length === 0 && m.health.length === 0 ? m
      : { ...m, steps: [], health: [], slim: { steps: m.steps.length, health: m.health.length } })),
  };
}

/** Whether the reading has milestones kept without their steps or health rows. */
export function isSlim(reading: FileReading): boolean {
  return reading.milestones.some((m) => m.slim !== undefined);
}

/** Whether the milestone has steps or health rows (its tree row opens), kept or left out. */
export function hasRows(m: Milestone): boolean {
  return m.slim ? m.slim.steps + m.slim.health > 0 : m.steps.length > 0 || m.health.length > 0;
}

/**
 * The milestone of `full` (the file read again) that `slim`, the `at`-th of the kept reading, stands
 * for: the one at the same place with the same title, else the first with its title (the file may
 * have changed since it was kept; the watcher's event then brings the new reading).
 */
export function fullMilestone(full: FileReading, at: number, slim: Milestone): Milestone | undefined {
  const same = full.milestones[at];
  if (same && same.title === slim.title && same.id === slim.id) return same;
  return full.milestones.find((m) => m.title === slim.title && m.id === slim.id);
}
