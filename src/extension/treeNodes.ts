// The Milestones tree's rows as the extension holds them: the server's rows (`viewProtocol.TreeRow`,
// shaped in the core) with their parent row and, for a row of a file, that file's URI and folder.
import * as vscode from 'vscode';
import type { FolderRow, GroupRow, HealthGroupRow, HealthItemRow, MessageRow, MilestoneRow, MoreRow, StepRow, TreeRow } from '../protocol/viewProtocol';
import { workspaceFolderOf } from './servedIndex';

export type { TreeOptions } from '../core/views/treeRows';

interface Placed {
  readonly parent: TreeNode | undefined;
  readonly workspaceFolder: vscode.WorkspaceFolder;
}
interface OfFile extends Placed {
  readonly uri: vscode.Uri;
}
export type FolderNode = FolderRow & Placed;
export type GroupNode = GroupRow & Placed;
export type MilestoneNode = MilestoneRow & OfFile;
export type MoreNode = MoreRow & Placed;
export type StepNode = StepRow & OfFile;
export type HealthGroupNode = HealthGroupRow & OfFile;
export type HealthNode = HealthItemRow & OfFile;
export type MessageNode = MessageRow & { readonly parent: undefined };
export type TreeNode = FolderNode | GroupNode | MilestoneNode | MoreNode | StepNode | HealthGroupNode | HealthNode | MessageNode;

/** `row` under `parent`, as the tree holds it; undefined when its workspace folder is no longer open. */
export function nodeOf(row: TreeRow, parent: TreeNode | undefined): TreeNode | undefined {
  if (row.kind === 'message') return { ...row, parent: undefined };
  const workspaceFolder = workspaceFolderOf(row.folder);
  if (!workspaceFolder) return undefined;
  if (row.kind === 'folder' || row.kind === 'group' || row.kind === 'more') return { ...row, parent, workspaceFolder };
  return { ...row, parent, workspaceFolder, uri: vscode.Uri.joinPath(workspaceFolder.uri, ...row.file.split('/')) };
}

/** The milestone row a row belongs to (itself for a milestone row); undefined for folder, group, more and message rows. */
export function milestoneNodeOf(node: TreeNode): MilestoneNode | undefined {
  for (let n: TreeNode | undefined = node; n; n = n.parent) {
    if (n.kind === 'milestone') return n;
    if (n.kind === 'folder' || n.kind === 'group' || n.kind === 'more') return undefined;
  }
  return undefined;
}
