/**
 * Which milestone rows of the tree go under another: a handoff note moved into a distilled
 * milestone's folder (`handoffs/N-name/M-slug.md`, seed 002) belongs to that milestone, so it is
 * shown under the folder's summary (`handoffs/N-name/0-milestone-summary.md`) rather than beside
 * it. Plain data; nothing here imports `vscode`.
 */
import { handoffPath } from '../conventions/handoff';
import type { Milestone } from '../model';

export interface NestedMilestones {
  /** The milestones shown at the level of the list, in the list's order. */
  readonly top: readonly Milestone[];
  /** The milestones shown under a milestone of `top`, in the list's order; absent for none. */
  readonly under: ReadonlyMap<Milestone, readonly Milestone[]>;
}

/**
 * Nests each handoff note of a distilled milestone's folder under that folder's summary when the
 * summary is in `milestones` too (a summary hidden or grouped elsewhere leaves its notes at the top).
 */
export function nestMilestones(milestones: readonly Milestone[]): NestedMilestones {
  const summaries = new Map<string, Milestone>();
  for (const m of milestones) {
    const path = m.convention === 'handoff' ? handoffPath(m.file) : null;
    if (path?.kind === 'summary') summaries.set(path.group, m);
  }
  const top: Milestone[] = [];
  const under = new Map<Milestone, Milestone[]>();
  for (const m of milestones) {
    const path = m.convention === 'handoff' ? handoffPath(m.file) : null;
    const summary = path?.kind === 'note' ? summaries.get(path.group) : undefined;
    if (summary === undefined) {
      top.push(m);
      continue;
    }
    const notes = under.get(summary) ?? [];
    notes.push(m);
    under.set(summary, notes);
  }
  return { top, under };
}
