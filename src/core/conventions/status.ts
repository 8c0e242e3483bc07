import type { Progress, StatusCategory } from '../model';
import { hasDoneMark } from './statusMarks';

const WORDS: Record<string, StatusCategory> = {};
function add(category: StatusCategory, words: string): void {
  for (const w of words.split(' ')) WORDS[w] = category;
}
add('planned', 'not-started notstarted planned pending todo to-do backlog new next draft proposed open queued scheduled ready');
add('active', 'in-progress inprogress active started wip ongoing doing in-review review partial partially-done current');
add('done', 'completed complete done passed archived finished closed shipped merged resolved delivered accepted');
add('blocked', 'blocked on-hold onhold stuck waiting failed failing');
add('dropped', 'abandoned cancelled canceled dropped wontfix won\'t-fix obsolete superseded skipped rejected deferred');

/**
 * Normalises a status word as written in any convention (`not-started`, `IN PROGRESS`, `COMPLETE`,
 * `PASSED`, `✅`, `BLOCKED (by #1)` …) to a category; `unknown` for anything else. Case, spaces and
 * underscores do not matter; a trailing remark after the first word group is ignored.
 */
export function normaliseStatus(status: string): StatusCategory {
  const t = status.trim().toLowerCase();
  if (t.length === 0) return 'unknown';
  if (hasDoneMark(status) || t.includes('✔') || t.includes('☑')) return 'done';
  if (t.includes('🚧')) return 'active';
  if (t.includes('⛔') || t.includes('🛑')) return 'blocked';
  const key = t.replace(/[\s_]+/g, '-');
  const direct = WORDS[key];
  if (direct !== undefined) return direct;
  // "blocked (by #1)", "complete - 2026-01-28", "in progress: 3/5"
  const head = /^[a-z'-]+(?:[\s_-]+[a-z']+)?/.exec(t);
  if (head !== null) {
    const words = head[0].replace(/[\s_]+/g, '-');
    const two = WORDS[words];
    if (two !== undefined) return two;
    const one = WORDS[words.split('-')[0]!];
    if (one !== undefined) return one;
  }
  return 'unknown';
}

/** The category a file implies when it states no status: all counted steps done → done, some → active, else planned. */
export function deriveStatus(progress: Progress): StatusCategory {
  if (progress.total > 0 && progress.done === progress.total) return 'done';
  return progress.done > 0 ? 'active' : 'planned';
}

/** Category of a milestone: from its written status when there is one, else derived from its steps. */
export function statusCategoryOf(status: string | null, progress: Progress): StatusCategory {
  return status === null || status.trim() === '' ? deriveStatus(progress) : normaliseStatus(status);
}
