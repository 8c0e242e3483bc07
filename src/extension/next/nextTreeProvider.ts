import * as vscode from 'vscode';
import { nextItemNodes, nextRootNodes } from './nextNodes';
import type { NextMilestoneNode, NextNode, NextSource } from './nextNodes';
import { toNextTreeItem } from './nextTreeItems';
import type { WorkspaceIndexService } from '../workspaceIndexService';

/**
 * The Next view: what to pick up across the milestones in progress. Reads only the in-memory index
 * (readings and the texts they were made from); repaints after each index update. With nothing in
 * progress it has no rows, so the view's welcome text shows.
 */
export class NextTreeProvider implements vscode.TreeDataProvider<NextNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NextNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The rows of the last index state, built on first request. */
  private roots: NextMilestoneNode[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: WorkspaceIndexService) {
    this.subscription = service.onDidIndex(() => this.refresh());
  }

  /** Builds the rows again from the index and repaints. */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: NextNode): vscode.TreeItem {
    return toNextTreeItem(node);
  }

  getChildren(node?: NextNode): NextNode[] {
    if (node === undefined) return (this.roots ??= nextRootNodes(this.source()));
    return node.kind === 'milestone' ? nextItemNodes(node) : [];
  }

  getParent(node: NextNode): NextNode | undefined {
    return node.kind === 'item' ? node.parent : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private source(): NextSource {
    const { service } = this;
    return {
      folders: vscode.workspace.workspaceFolders ?? [],
      *readings(folderKey) {
        for (const entry of service.index.entries()) {
          if (entry.folder === folderKey) yield { reading: entry.reading, text: service.textOf(entry.folder, entry.file) ?? '' };
        }
      },
    };
  }
}
