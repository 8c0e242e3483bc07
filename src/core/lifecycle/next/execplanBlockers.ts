import { marksIn } from '../../conventions/statusMarks';
import { normaliseStatus } from '../../conventions/status';
import type { Milestone } from '../../model';
import { itemText } from './itemText';
import type { NextItem } from './nextMilestones';

/**
 * True for an ExecPlan status cell that flags trouble: a lone ⚠️ or ❌ (mojibake forms too), or a
 * word that means blocked (`BLOCKED`, `failing`). ⏳ and 🚧 are work in progress, not blockers; a
 * placeholder listing several marks (`✅ / ⏳ / ⚠️`) is no verdict at all.
 */
export function isWarningCell(cell: string): boolean {
  const marks = marksIn(cell);
  if (marks.length === 1) return marks[0] === '⚠' || marks[0] === '❌';
  return marks.length === 0 && normaliseStatus(cell) === 'blocked';
}

/**
 * The blockers of an ExecPlan milestone, in file order: its open Workstreams & Tasks rows whose
 * status flags trouble (text: the row's id and description) and its Current Health Snapshot rows
 * that do (text: `Area: notes`).
 */
export function execplanBlockers(milestone: Milestone): NextItem[] {
  const items: NextItem[] = [];
  for (const step of milestone.steps) {
    if (step.state !== 'open' || step.source.kind !== 'table-row' || !isWarningCell(step.source.cell)) continue;
    const text = itemText(step.text, false);
    if (text !== null) items.push({ kind: 'blocker', text, line: step.line });
  }
  for (const row of milestone.health) {
    if (!isWarningCell(row.status)) continue;
    const text = itemText(row.notes === '' ? row.area : row.area === '' ? row.notes : `${row.area}: ${row.notes}`, false);
    if (text !== null) items.push({ kind: 'blocker', text, line: row.line });
  }
  return items.sort((a, b) => a.line - b.line);
}
