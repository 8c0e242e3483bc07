/**
 * The Milestones tree's filter: which milestones, and which of their steps, a typed text leaves in
 * the tree. It reads every step, also those of collapsed milestones (VS Code's own tree find only
 * sees rows the tree has loaded). Plain data; nothing here imports `vscode`.
 */
import type { Milestone, Step } from '../model';

/** What the filter leaves of a milestone: all of it (its title matches, or there is no filter), or only some of its steps. */
export type FilterMatch =
  | { readonly kind: 'all' }
  /** Indices into `milestone.steps`: the steps that match and the steps they are nested under. */
  | { readonly kind: 'steps'; readonly steps: ReadonlySet<number> };

const ALL: FilterMatch = { kind: 'all' };

/** The filter as typed, ready to match: trimmed and case-folded; '' for no filter. */
export function filterKey(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/**
 * What a filter (`filterKey`) leaves of `milestone`; null when nothing of it matches. A label
 * matches when it contains the filter, ignoring case. A matching nested step keeps the steps it
 * is nested under, so it is shown where it belongs.
 */
export function matchMilestone(milestone: Milestone, key: string): FilterMatch | null {
  if (key === '' || milestone.title.toLocaleLowerCase().includes(key)) return ALL;
  const kept = new Set<number>();
  const above: number[] = [];
  milestone.steps.forEach((step, i) => {
    while (above.length > 0 && milestone.steps[above[above.length - 1]!]!.depth >= step.depth) above.pop();
    if (matches(step, key)) for (const j of [...above, i]) kept.add(j);
    above.push(i);
  });
  return kept.size > 0 ? { kind: 'steps', steps: kept } : null;
}

function matches(step: Step, key: string): boolean {
  return step.text.toLocaleLowerCase().includes(key);
}
