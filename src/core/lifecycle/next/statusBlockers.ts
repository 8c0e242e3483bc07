import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';
import { scanMarkdown } from '../../markdown/scanMarkdown';
import type { Milestone } from '../../model';
import { itemText } from './itemText';
import type { NextItem } from './nextMilestones';

/**
 * The `**Blockers:** …` field of a STATUS.md milestone as one blocker, unless it says there is none.
 * The reader keeps the value (`fields.blockers`) but not its line: the line is that of the first
 * Blockers field within the milestone's lines, found by scanning the text again (only for a
 * milestone that has such a field, so a rare cost).
 */
export function statusBlockers(milestone: Milestone, text: string): NextItem[] {
  const value = milestone.fields['blockers'];
  if (typeof value !== 'string') return [];
  const blocker = itemText(value, true);
  if (blocker === null) return [];
  const split = splitFrontmatter(text);
  const scan = split.kind === 'none' ? scanMarkdown(text) : scanMarkdown(text, split.bodyStart, split.bodyLine);
  const field = scan.fields.find((f) => f.line >= milestone.line && f.line <= milestone.endLine && /^blockers$/i.test(f.key.trim()));
  return [{ kind: 'blocker', text: blocker, line: field?.line ?? milestone.line }];
}
