// The Milestones tree's rows (shaped in the core, `core/views/treeRows`) for VS Code's folders and URIs.
import * as vscode from 'vscode';
import * as rows from '../core/views/treeRows';
import type { FolderMilestones } from './workspaceIndexService';

export type { TreeOptions } from '../core/views/treeRows';
export type TreeNode = rows.TreeNode<vscode.WorkspaceFolder, vscode.Uri>;
export type FolderNode = rows.FolderNode<vscode.WorkspaceFolder, vscode.Uri>;
export type GroupNode = rows.GroupNode<vscode.WorkspaceFolder, vscode.Uri>;
export type MilestoneNode = rows.MilestoneNode<vscode.WorkspaceFolder, vscode.Uri>;
export type StepNode = rows.StepNode<vscode.WorkspaceFolder, vscode.Uri>;
export type HealthGroupNode = rows.HealthGroupNode<vscode.WorkspaceFolder, vscode.Uri>;
export type HealthNode = rows.HealthNode<vscode.WorkspaceFolder, vscode.Uri>;
export type MessageNode = rows.MessageNode;

const host: rows.TreeHost<vscode.WorkspaceFolder, vscode.Uri> = {
  folderKey: (folder) => folder.uri.toString(),
  fileUri: (folder, file) => vscode.Uri.joinPath(folder.uri, ...file.split('/')),
};

/** The top rows (see `core/views/treeRows`). */
export function rootNodes(folders: readonly FolderMilestones[], options: rows.TreeOptions, scanned: boolean): TreeNode[] {
  return rows.rootNodes(host, folders, options, scanned);
}

/** The rows under `node`. */
export function childNodes(node: TreeNode, options: rows.TreeOptions): TreeNode[] {
  return rows.childNodes(host, node, options);
}
