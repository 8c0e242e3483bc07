import * as vscode from 'vscode';
import { refOf } from '../core/model';
import { CommandId, ContextKey, ViewId } from './commandIds';
import { affectsTree, readTreeSettings, updateTreeSetting } from './config';
import { MilestoneTreeProvider } from './milestoneTreeProvider';
import type { StepToggler } from './toggleStepCommand';
import { filterMessage, registerTreeFilter } from './treeFilterCommands';
import type { TreeNode } from './treeNodes';
import type { ServedIndex } from './servedIndex';
import { extensionPlatform } from './platform';

function setContext(key: string, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

function syncContextKeys(service: ServedIndex): void {
  const settings = readTreeSettings();
  setContext(ContextKey.groupBy, settings.groupBy);
  setContext(ContextKey.hideCompleted, settings.hideCompleted);
  setContext(ContextKey.empty, service.hasScanned && service.milestoneFiles === 0);
}

/**
 * Above the tree where only the built-in schemas apply (`workspaceSchemasUsed`): on the web, where
 * nothing is compiled at run time, and in Restricted Mode until the workspace is trusted.
 */
function schemaNotice(): string | undefined {
  if (extensionPlatform().kind === 'web') return vscode.l10n.t('On the web, only the built-in schemas apply.');
  return vscode.workspace.isTrusted ? undefined : vscode.l10n.t('Restricted Mode: only the built-in schemas apply until you trust this workspace.');
}

/** Ticking a checkbox edits the file; when the edit does not happen the tree shows the file's truth again. */
async function onCheckboxes(e: vscode.TreeCheckboxChangeEvent<TreeNode>, provider: MilestoneTreeProvider, toggler: StepToggler, log: vscode.LogOutputChannel): Promise<void> {
  // VS Code forgets the rows between a repaint and its next request for them, and sends a checkbox
  // clicked in that moment with no row: the click is lost. Repaint, so the box shows the file again
  // (it shows the click until then), and say so.
  if (e.items.length === 0) {
    log.info('A checkbox was clicked while the tree repainted; VS Code did not say which row.');
    provider.repaintAll();
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) Milestones: the tree was updating and missed that click; please click again.'), 5000);
    return;
  }
  let repaint = false;
  for (const [node, state] of e.items) {
    if (node.kind !== 'step') continue;
    const result = await toggler.toggle(node.uri, refOf(node.step), state === vscode.TreeItemCheckboxState.Checked);
    if (result.kind !== 'ok' || result.edits === 0) repaint = true;
  }
  if (repaint) provider.repaintAll();
}

/** The Milestones view: tree, checkboxes, title-bar actions and the context keys their `when` clauses read. */
export function registerTree(
  service: ServedIndex, toggler: StepToggler, log: vscode.LogOutputChannel,
): { provider: MilestoneTreeProvider; view: vscode.TreeView<TreeNode>; disposable: vscode.Disposable } {
  const provider = new MilestoneTreeProvider(service);
  const view = vscode.window.createTreeView(ViewId.tree, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // Several handoff notes are distilled into one milestone at once.
    canSelectMany: true,
    // Ticking a milestone's step must not tick its nested steps, nor the parent.
    manageCheckboxStateManually: true,
  });
  syncContextKeys(service);
  const showMessage = () => {
    const lines = [schemaNotice(), filterMessage(provider.filter)].filter((l) => l !== undefined);
    view.message = lines.length > 0 ? lines.join(' ') : undefined;
  };
  showMessage();
  const disposable = vscode.Disposable.from(
    provider,
    view,
    vscode.workspace.onDidGrantWorkspaceTrust(showMessage),
    view.onDidChangeCheckboxState((e) => void onCheckboxes(e, provider, toggler, log)),
    view.onDidExpandElement((e) => provider.setOpenedByUser(e.element.id, true)),
    view.onDidCollapseElement((e) => provider.setOpenedByUser(e.element.id, false)),
    service.onDidIndex(() => syncContextKeys(service)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsTree(e)) return;
      syncContextKeys(service);
      provider.reloadSettings();
    }),
    vscode.commands.registerCommand(CommandId.refresh, () => service.rescan()),
    vscode.commands.registerCommand(CommandId.hideCompleted, () => updateTreeSetting('hideCompleted', true)),
    vscode.commands.registerCommand(CommandId.showCompleted, () => updateTreeSetting('hideCompleted', false)),
    vscode.commands.registerCommand(CommandId.groupByStatus, () => updateTreeSetting('groupBy', 'status')),
    vscode.commands.registerCommand(CommandId.groupByConvention, () => updateTreeSetting('groupBy', 'convention')),
    vscode.commands.registerCommand(CommandId.showMore, async (more?: TreeNode) => {
      if (more?.kind !== 'more') return;
      const first = await provider.showMore(more);
      // The keyboard goes on from the first row shown now (the row that showed them moved below).
      if (first) await view.reveal(first, { select: true, focus: true }).then(undefined, (error: unknown) => log.warn(`Show More: ${String(error)}`));
    }),
    registerTreeFilter(provider, showMessage),
  );
  return { provider, view, disposable };
}
