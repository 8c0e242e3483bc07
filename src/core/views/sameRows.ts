/**
 * Whether a file read again keeps its tree rows: the same milestones, in the same order, each with
 * the same key (id and title), status, convention and group, and with steps or health rows as
 * before. Then only what those rows show (their descriptions, their steps) can differ: the tree
 * repaints those rows, not the groups of thousands around them. Plain data; nothing here imports
 * `vscode`.
 */
import { hasRows } from '../index/slimReading';
import type { FileReading, Milestone } from '../model';

export function sameRows(before: FileReading, after: FileReading): boolean {
  if (before.convention !== after.convention || before.milestones.length !== after.milestones.length) return false;
  return before.milestones.every((m, i) => sameRow(m, after.milestones[i]!));
}

function sameRow(a: Milestone, b: Milestone): boolean {
  return a.id === b.id && a.title === b.title && a.statusCategory === b.statusCategory && a.convention === b.convention
    && a.group === b.group && a.file === b.file && hasRows(a) === hasRows(b);
}
