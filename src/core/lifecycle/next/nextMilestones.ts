import { CONVENTIONS } from '../../model';
import type { ConventionId, FileReading, Milestone, Progress, StatusCategory } from '../../model';
import { execplanBlockers } from './execplanBlockers';
import { itemText } from './itemText';
import { sessionJsonLists } from './sessionJsonLists';
import { statusBlockers } from './statusBlockers';

/** What an item asks of the next person: clear a blocker, do what the last session asked, take the next step. */
export type NextItemKind = 'next' | 'blocker' | 'step';

export interface NextItem {
  readonly kind: NextItemKind;
  readonly text: string;
  /** 0-based line in the file */
  readonly line: number;
}

/** A milestone in progress and what to pick up in it. */
export interface NextMilestone {
  readonly file: string;
  readonly convention: ConventionId;
  readonly title: string;
  readonly id: string | null;
  readonly status: string | null;
  readonly statusCategory: StatusCategory;
  /** 0-based */
  readonly line: number;
  readonly owner: string | null;
  readonly progress: Progress;
  readonly items: readonly NextItem[];
}

/**
 * Across all milestones in progress (statusCategory 'active', 'blocked' or 'awaiting-approval': the
 * readings must be gated, `gateReading`), what to pick up next.
 *
 * Each milestone's items come in this order: its blockers (session JSON `blockers[]`; ExecPlan task
 * and health rows marked ⚠️ / ❌ / blocked, in file order; a STATUS.md `**Blockers:**` field unless it
 * says "None", and its missing approval), then the session JSON `next_session_should[]` entries as
 * `next`, then its first open step that is not already listed as a blocker as `step`. Milestones come
 * blocked or awaiting approval first, then by convention (in `CONVENTIONS` order), file and line;
 * milestones not in progress are left out.
 * `files` are readings with the texts they were read from (for the lines of JSON entries and fields).
 * Never throws on odd data: non-string entries are skipped, a text that does not parse gives no items.
 */
export function nextMilestones(files: Iterable<{ readonly reading: FileReading; readonly text: string }>): NextMilestone[] {
  const out: NextMilestone[] = [];
  for (const { reading, text } of files) {
    for (const milestone of reading.milestones) {
      if (!inProgress(milestone)) continue;
      out.push({
        file: milestone.file,
        convention: milestone.convention,
        title: milestone.title,
        id: milestone.id,
        status: milestone.status,
        statusCategory: milestone.statusCategory,
        line: milestone.line,
        owner: ownerOf(milestone),
        progress: milestone.progress,
        items: itemsOf(milestone, text),
      });
    }
  }
  return sortNext(out);
}

/** `milestones` (of several `nextMilestones` calls, one a file) in the order `nextMilestones` gives them. */
export function sortNext(milestones: NextMilestone[]): NextMilestone[] {
  return milestones.sort(compareMilestones);
}

/** A milestone awaiting its approval is still in progress: someone has to approve it. */
const IN_PROGRESS: ReadonlySet<StatusCategory> = new Set(['active', 'blocked', 'awaiting-approval']);

/** Whether `nextMilestones` lists the milestone (and reads its steps). */
export function inProgress(milestone: Milestone): boolean {
  return IN_PROGRESS.has(milestone.statusCategory);
}

function itemsOf(milestone: Milestone, text: string): NextItem[] {
  const items: NextItem[] = [];
  switch (milestone.convention) {
    case 'session-json': {
      const lists = sessionJsonLists(text);
      items.push(...lists.blockers, ...lists.next);
      break;
    }
    case 'execplan':
      items.push(...execplanBlockers(milestone));
      break;
    case 'status-md':
      items.push(...statusBlockers(milestone, text));
      break;
    case 'kb':
    case 'handoff':
    case 'codex-plan':
    case 'kiro':
    case 'spec-kit':
      break;
  }
  const listed = new Set(items.filter((i) => i.kind === 'blocker').map((i) => i.line));
  // A step marked in progress (Kiro's `[-]`) first, else the first open one that is not optional.
  const open = milestone.steps.filter((s) => s.state === 'open' && !listed.has(s.line));
  for (const step of [...open.filter((s) => s.inProgress === true), ...open.filter((s) => s.inProgress !== true && s.optional !== true)]) {
    const text = itemText(step.text, false);
    if (text === null) continue;
    items.push({ kind: 'step', text, line: step.line });
    break;
  }
  return items;
}

/** `owner` as written (a string, or a number such as a session number), else null. */
export function ownerOf(milestone: Milestone): string | null {
  const owner = milestone.fields['owner'];
  const text = typeof owner === 'string' ? owner.trim() : typeof owner === 'number' ? String(owner) : '';
  return text === '' ? null : text;
}

function compareMilestones(a: NextMilestone, b: NextMilestone): number {
  return blockedRank(a) - blockedRank(b)
    || CONVENTIONS.indexOf(a.convention) - CONVENTIONS.indexOf(b.convention)
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.line - b.line;
}

/** Waiting on someone (a blocker, an approval) comes before work that can go on. */
function blockedRank(m: NextMilestone): number {
  return m.statusCategory === 'active' ? 1 : 0;
}
