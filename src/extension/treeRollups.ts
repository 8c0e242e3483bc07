import * as vscode from 'vscode';
import type { RollupView } from '../protocol/viewProtocol';

/**
 * The roll-up a folder or group row shows (see `groupRollup`: milestones done, or in a status group
 * the steps done of its milestones; hidden ones included), and a tooltip that says what the numbers
 * mean.
 */
export function applyRollup(item: vscode.TreeItem, name: string, rollup: RollupView): void {
  item.description = rollup.label;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(name).appendMarkdown('**\n\n');
  for (const sentence of rollup.explanation) md.appendText(sentence).appendMarkdown('  \n');
  const { awaiting } = rollup;
  if (awaiting > 0) md.appendText(`${awaiting} awaiting approval (not logged in DECISIONS.md) ${awaiting === 1 ? 'is' : 'are'} not done.`).appendMarkdown('  \n');
  if (rollup.phases.length > 0) {
    md.appendMarkdown('\n**Phases** (deliverables done of all deliverables of the phase\'s milestones)  \n');
    for (const p of rollup.phases) md.appendText(`${p.phase}: ${p.done}/${p.total} · ${p.percent}% — ${p.milestones.done}/${p.milestones.total} milestones done`).appendMarkdown('  \n');
  }
  item.tooltip = md;
}
