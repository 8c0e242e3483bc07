import * as vscode from 'vscode';
import { nextItemNodes, nextRootNodes } from './nextNodes';
import type { NextNode } from './nextNodes';
import { toNextTreeItem } from './nextTreeItems';
import type { ServedIndex } from '../servedIndex';

/**
 * The Next view: what to pick up across the milestones in progress, as the language server finds
 * them in its index; asked again after each index update. With nothing in progress it has no rows,
 * so the view's welcome text shows.
 */
export class NextTreeProvider implements vscode.TreeDataProvider<NextNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NextNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: ServedIndex) {
    // Not while the first scan reads the files: the view is asked once it ends (each answer reads
    // the files of the milestones in progress again, and would slow the scan down).
    this.subscription = index.onDidIndex((update) => { if (update.reason === 'scan' || (update.changes.length > 0 && index.hasScanned)) this.refresh(); });
  }

  /** Asks for the rows again and repaints. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: NextNode): vscode.TreeItem {
    return toNextTreeItem(node);
  }

  async getChildren(node?: NextNode): Promise<NextNode[]> {
    if (node === undefined) return nextRootNodes(vscode.workspace.workspaceFolders ?? [], await this.index.next());
    return node.kind === 'milestone' ? nextItemNodes(node) : [];
  }

  getParent(node: NextNode): NextNode | undefined {
    return node.kind === 'item' ? node.parent : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
