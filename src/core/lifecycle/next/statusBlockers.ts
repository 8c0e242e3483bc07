import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';
import { scanMarkdown } from '../../markdown/scanMarkdown';
import type { Milestone } from '../../model';
import { decisionsFileOf } from '../approval/approvalGate';
import { itemText } from './itemText';
import type { NextItem } from './nextMilestones';

/**
 * The blockers of a STATUS.md milestone: its `**Blockers:** …` field as one blocker, unless it says
 * there is none; then, for a milestone awaiting its approval (seed 004), the missing approval, on its
 * `**Approval Required:**` line. The reader keeps the fields' values but not their lines: the line is
 * that of the first such field within the milestone's lines, found by scanning the text again (only
 * for a milestone that has a blocker, so a rare cost).
 */
export function statusBlockers(milestone: Milestone, text: string): NextItem[] {
  const value = milestone.fields['blockers'];
  const blocker = typeof value === 'string' ? itemText(value, true) : null;
  const awaiting = milestone.statusCategory === 'awaiting-approval';
  if (blocker === null && !awaiting) return [];
  const split = splitFrontmatter(text);
  const scan = split.kind === 'none' ? scanMarkdown(text) : scanMarkdown(text, split.bodyStart, split.bodyLine);
  const lineOf = (key: RegExp): number =>
    scan.fields.find((f) => f.line >= milestone.line && f.line <= milestone.endLine && key.test(f.key.trim()))?.line ?? milestone.line;
  const items: NextItem[] = [];
  if (blocker !== null) items.push({ kind: 'blocker', text: blocker, line: lineOf(/^blockers$/i) });
  if (awaiting) items.push({ kind: 'blocker', text: `Awaiting approval: not logged in ${decisionsFileOf(milestone.file)}`, line: lineOf(/^approval[ -]required$/i) });
  return items;
}
