import * as vscode from 'vscode';
import type { Milestone } from '../core/model';
import { groupRollup, type GroupKind } from '../core/rollups/groupRollup';
import { phaseRollups } from '../core/rollups/progressRollups';

/**
 * The roll-up a folder or group row shows (see `groupRollup`: milestones done, or in a status group
 * the steps done of its milestones; hidden ones included), and a tooltip that says what the numbers
 * mean. Memory only.
 */
export function applyRollup(item: vscode.TreeItem, name: string, all: readonly Milestone[], kind: GroupKind): void {
  const rollup = groupRollup(kind, all);
  item.description = rollup.label;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(name).appendMarkdown('**\n\n');
  for (const sentence of rollup.explanation) md.appendText(sentence).appendMarkdown('  \n');
  const awaiting = all.filter((m) => m.statusCategory === 'awaiting-approval').length;
  if (awaiting > 0) md.appendText(`${awaiting} awaiting approval (not logged in DECISIONS.md) ${awaiting === 1 ? 'is' : 'are'} not done.`).appendMarkdown('  \n');
  const phases = phaseRollups(all);
  if (phases.length > 0) {
    md.appendMarkdown('\n**Phases** (deliverables done of all deliverables of the phase\'s milestones)  \n');
    for (const p of phases) md.appendText(`${p.phase}: ${p.done}/${p.total} · ${p.percent}% — ${p.milestones.done}/${p.milestones.total} milestones done`).appendMarkdown('  \n');
  }
  item.tooltip = md;
}
