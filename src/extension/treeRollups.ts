import * as vscode from 'vscode';
import type { Milestone } from '../core/model';
import { overallRollup, phaseRollups, rollupLabel } from '../core/rollups/progressRollups';

/**
 * The roll-up a folder or group row shows: `2/5 done · 40%` (milestones completed of the row's
 * milestones, hidden ones included), and a tooltip that says what the numbers mean. Memory only.
 */
export function applyRollup(item: vscode.TreeItem, name: string, all: readonly Milestone[]): void {
  const overall = overallRollup(all);
  item.description = rollupLabel(overall);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(name).appendMarkdown('**\n\n');
  md.appendText(`${overall.done} of ${overall.total} milestones are done (${overall.percent}%, rounded down).`).appendMarkdown('  \n');
  md.appendText('Done means a completed status (done, completed, archived …); the steps ticked of each milestone are on its row.').appendMarkdown('  \n');
  const awaiting = all.filter((m) => m.statusCategory === 'awaiting-approval').length;
  if (awaiting > 0) md.appendText(`${awaiting} awaiting approval (not logged in DECISIONS.md) ${awaiting === 1 ? 'is' : 'are'} not done.`).appendMarkdown('  \n');
  const phases = phaseRollups(all);
  if (phases.length > 0) {
    md.appendMarkdown('\n**Phases** (deliverables done of all deliverables of the phase\'s milestones)  \n');
    for (const p of phases) md.appendText(`${p.phase}: ${p.done}/${p.total} · ${p.percent}% — ${p.milestones.done}/${p.milestones.total} milestones done`).appendMarkdown('  \n');
  }
  item.tooltip = md;
}
