import type { Milestone } from '../model';

/**
 * A milestone name as lists and progress lines spell it, reduced for comparison:
 * `Foundation Complete (Phase 0)`, `MVP Functional (Phase 2) - 65%`, `Milestone: Auth ✓` →
 * `foundation complete`, `mvp functional`, `auth`.
 */
export function nameKey(text: string): string {
  // Each rewrite runs only when its characters occur: this runs for every title and ticked item on
  // every edit of a STATUS file, and most names need none of them.
  let t = text;
  if (PARENS.test(t)) t = t.replace(PAREN_GROUP, ' ');
  if (DASH.test(t)) t = t.replace(DASH_TAIL, '');
  if (MARKS.test(t)) t = t.replace(MARKS_ALL, ' ');
  if (COLON.test(t)) t = t.replace(LABEL, '');
  t = t.trim();
  if (TRAIL.test(t)) t = t.replace(TRAIL, '');
  if (SPACES.test(t)) t = t.replace(SPACES_ALL, ' ');
  return t.toLowerCase();
}

const PARENS = /[([（]/;
const PAREN_GROUP = /[([（][^)\]）]*[)\]）]/g;
const DASH = /\s[-–—]\s/;
const DASH_TAIL = /\s+[-–—]\s+[^]*$/;
const MARKS = /[✓✔✅☑]/;
const MARKS_ALL = /[✓✔✅☑]\uFE0F?/g;
const COLON = /[:：]/;
const LABEL = /^\s*(?:milestone|phase|stage|deliverable)\s*[:：]\s*/i;
const TRAIL = /[\s:：.*_`]+$/;
const SPACES = /\s\s|\t/;
const SPACES_ALL = /\s+/g;

/** Milestones by `nameKey` of their titles; a name two milestones share maps to null (ambiguous). */
export function milestonesByName(milestones: readonly Milestone[]): Map<string, Milestone | null> {
  const out = new Map<string, Milestone | null>();
  for (const m of milestones) {
    const key = nameKey(m.title);
    if (key.length < 2) continue;
    out.set(key, out.has(key) ? null : m);
  }
  return out;
}

/** Counted steps of a milestone still open. */
export function openCount(m: Milestone): number {
  return m.progress.total - m.progress.done;
}
