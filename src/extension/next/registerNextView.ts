import * as vscode from 'vscode';
import { ViewId } from '../commandIds';
import type { ServedIndex } from '../servedIndex';
import type { NextNode } from './nextNodes';
import { NextTreeProvider } from './nextTreeProvider';

/** The Next view (`milestones.next`) in the Milestones container: milestones in progress and what to do in each. */
export function registerNextView(
  index: ServedIndex,
): { readonly disposable: vscode.Disposable; readonly provider: NextTreeProvider; readonly view: vscode.TreeView<NextNode> } {
  const provider = new NextTreeProvider(index);
  const view = vscode.window.createTreeView(ViewId.next, { treeDataProvider: provider, showCollapseAll: true });
  return { disposable: vscode.Disposable.from(provider, view), provider, view };
}
