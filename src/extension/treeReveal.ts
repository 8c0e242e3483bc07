import * as vscode from 'vscode';
import { milestoneAtLineOrFirst } from '../core/milestoneAtLine';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import type { MilestoneNode, TreeNode } from './treeNodes';
import type { ServedIndex } from './servedIndex';

/**
 * Reveals and selects the row of `milestone` (of the folder `folderKey`), expanding the rows that
 * hold it; with `focus` the tree takes the keyboard. Undefined when the tree does not show it
 * (completed milestones hidden).
 */
export async function revealMilestoneRow(
  provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>, folderKey: string, milestone: { readonly file: string; readonly line: number }, focus: boolean,
): Promise<MilestoneNode | undefined> {
  const node = await provider.findMilestone(folderKey, milestone.file, milestone.line);
  if (!node) return undefined;
  await view.reveal(node, { select: true, focus, expand: false });
  return node;
}

/**
 * Shows in the tree the milestone of `file` whose lines hold `line` (what an action wrote there),
 * leaving the focus where it is; false when the file holds no milestone the tree shows.
 */
export type RevealInTree = (folder: vscode.WorkspaceFolder, file: string, line: number) => Promise<boolean>;

export function treeRevealer(index: ServedIndex, provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>): RevealInTree {
  return async (folder, file, line) => {
    const folderKey = folder.uri.toString();
    const milestone = milestoneAtLineOrFirst((await index.reading(vscode.Uri.joinPath(folder.uri, ...file.split('/'))))?.milestones ?? [], line);
    if (milestone === undefined) return false;
    // Repaint now: `reveal` waits for a pending repaint, so the window knows the new row when asked to show it.
    provider.refresh();
    return (await revealMilestoneRow(provider, view, folderKey, milestone, false)) !== undefined;
  };
}
