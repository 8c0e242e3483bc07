import type * as vscode from 'vscode';
import type { DocumentChecks } from './documentChecks';
import type { LanguageServerApi } from './languageClient';
import type { FormApi } from './form/formEditorProvider';
import type { StatusBarApi } from './milestoneStatusBar';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import type { NextNode } from './next/nextNodes';
import type { NextTreeProvider } from './next/nextTreeProvider';
import type { TreeNode } from './treeNodes';
import type { IndexUpdate, ServedIndex } from './servedIndex';

/**
 * What `activate` returns: enough for integration tests to wait on a state instead of sleeping.
 * (`vscode.extensions.getExtension('milestones-dev.milestones').exports`.)
 */
export interface MilestonesApi {
  /** The index as the extension sees it (the language server's): `await index.list()` gives each folder's milestones. */
  readonly index: ServedIndex;
  /** The tree's data provider, to read the rows the view shows. */
  readonly tree: MilestoneTreeProvider;
  /** The Milestones view: its `selection` shows what `milestones.revealInTree` selected. */
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The status bar item of the active editor's milestone: `statusBar.text`, e.g. `$(milestone) Index builder 3/7`. */
  readonly statusBar: StatusBarApi;
  /** A document's own problems for its current version, as the form shows them (`checks.problemsOf(doc)`). */
  readonly checks: DocumentChecks;
  /** The language server that checks every file: its process and state. */
  readonly languageServer: LanguageServerApi;
  /** The Milestone Form: the states posted to its panels, for tests. */
  readonly form: FormApi;
  /** The Next view: its provider's rows and the TreeView. */
  readonly next: { readonly provider: NextTreeProvider; readonly view: vscode.TreeView<NextNode> };
  /** Resolves when the server has taken in every change and no scan is pending. */
  whenIndexed(): Promise<void>;
  /** Fires after each batch of changes reached the index. */
  readonly onDidIndex: vscode.Event<IndexUpdate>;
}
