import type { Milestone } from '../model';

/** An ExecPlan milestone still in `…/milestones/active/`: Archive applies. */
export function isArchivable(milestone: Pick<Milestone, 'convention' | 'file'>): boolean {
  return milestone.convention === 'execplan' && /(^|\/)milestones\/active\/[^/]+$/.test(milestone.file);
}

/** A numbered handoff note directly in a `handoffs/` folder (not yet distilled into a milestone folder). */
export function isDistillableNote(milestone: Pick<Milestone, 'convention' | 'file'>): boolean {
  return milestone.convention === 'handoff' && /(^|\/)handoffs?\/[1-9]\d*-[^/]*\.(?:md|markdown)$/i.test(milestone.file);
}

/**
 * Claim, set status, complete and reopen apply: every convention that writes an owner and a status.
 * Not handoff notes, nor the task lists whose ticked tasks are their status (Codex ExecPlans, Kiro
 * and Spec Kit tasks.md): those are done by ticking.
 */
export function hasLifecycle(milestone: Pick<Milestone, 'convention'>): boolean {
  return !NO_LIFECYCLE.has(milestone.convention);
}

const NO_LIFECYCLE: ReadonlySet<Milestone['convention']> = new Set(['handoff', 'codex-plan', 'kiro', 'spec-kit']);
