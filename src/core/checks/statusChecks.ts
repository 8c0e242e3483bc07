import type { Milestone, Step } from '../model';
import type { Problem } from '../problems';
import { normaliseStatus } from '../conventions/status';
import { milestonesByName, nameKey, openCount } from './milestoneNames';
import { percentageProblems } from './statusPercentages';
import type { TextPlacer } from './textPlacer';

/**
 * The STATUS.md checks (seed 004): `status-complete-open` on a milestone marked complete (✅ or
 * `(COMPLETE)` in its heading, `**Status:** complete`, or `[x]` in a list that names milestones
 * defined in the same file) while its own items have unticked ones; `status-percentage` on stated
 * percentages that disagree with what they measure (see `percentageProblems`).
 */
export function statusProblems(file: string, milestones: readonly Milestone[], place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  for (const m of milestones) {
    if (m.status === null || normaliseStatus(m.status) !== 'done' || openCount(m) === 0) continue;
    out.push({
      file, severity: 'warning', code: 'status-complete-open', range: place.line(m.line),
      message: `"${m.title}" is marked ${describeStatus(m.status)} but ${unticked(m)}`,
    });
  }
  if (milestones.length >= 2 && milestones.some((m) => openCount(m) > 0)) out.push(...tickedListProblems(file, milestones, place));
  if (place.text.indexOf('%') !== -1) out.push(...percentageProblems(file, milestones, place));
  return out;
}

/**
 * `[x]` items of a list that names milestones of the same file (`- [x] Foundation Complete (Phase 0)`
 * naming `## Milestone: Foundation Complete`) whose milestone has unticked items. A list names
 * milestones when it says so (a "Milestones" section) or names two of them. Only ticked items are
 * looked up first, so a file without such an item costs one name per ticked item.
 */
function tickedListProblems(file: string, milestones: readonly Milestone[], place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  // Cheap first pass: a ticked item can name an open milestone only if it contains that name.
  const openKeys = milestones.filter((m) => openCount(m) > 0).map((m) => nameKey(m.title)).filter((k) => k.length >= 2);
  const mayName = (s: Step): boolean => {
    if (s.state !== 'done' || s.source.kind !== 'task') return false;
    const lower = s.text.toLowerCase();
    return openKeys.some((k) => lower.includes(k));
  };
  if (!milestones.some((m) => m.steps.some(mayName))) return out;
  const byName = milestonesByName(milestones);
  for (const list of milestones) {
    const hits = list.steps.filter((s) => mayName(s) && openTarget(byName, s, list) !== null);
    if (hits.length === 0) continue;
    const named = list.steps.filter((s) => s.source.kind === 'task' && target(byName, s, list) !== null);
    if (named.length < 2 && !named.some((s) => /milestone|里程碑/i.test(s.section ?? ''))) continue;
    for (const s of hits) {
      const m = target(byName, s, list)!;
      out.push({
        file, severity: 'warning', code: 'status-complete-open', range: place.line(s.line),
        message: `"${m.title}" is ticked as complete here but ${unticked(m)} (line ${m.line + 1})`,
      });
    }
  }
  return out;
}

function openTarget(byName: Map<string, Milestone | null>, s: Step, list: Milestone): Milestone | null {
  const m = target(byName, s, list);
  return m !== null && openCount(m) > 0 ? m : null;
}

function target(byName: Map<string, Milestone | null>, s: Step, list: Milestone): Milestone | null {
  const m = byName.get(nameKey(s.text));
  return m === undefined || m === null || m === list ? null : m;
}

function describeStatus(status: string): string {
  const t = status.trim();
  return /^[a-z ]+$/i.test(t) ? `"${t}"` : `complete (${t})`;
}

function unticked(m: Milestone): string {
  const open = openCount(m);
  return `${open} of its ${m.progress.total} criteria ${open === 1 ? 'is' : 'are'} unticked`;
}
