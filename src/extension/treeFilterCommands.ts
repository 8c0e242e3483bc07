import * as vscode from 'vscode';
import { CommandId, ContextKey } from './commandIds';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';

/** The line above the tree while it is filtered, or undefined. */
export function filterMessage(filter: string): string | undefined {
  return filter === '' ? undefined : vscode.l10n.t('Filtered by "{0}". Escape or Clear Filter shows every milestone.', filter);
}

/**
 * Asks for the filter in an input box and filters the tree as the person types; Enter keeps it,
 * Escape puts back the filter from before.
 */
function askFilter(provider: MilestoneTreeProvider, apply: (text: string) => void): Promise<void> {
  const before = provider.filter;
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Filter the Milestones tree');
  box.placeholder = vscode.l10n.t('Part of a milestone or step label (Enter keeps it, Escape undoes it)');
  box.value = before;
  let accepted = false;
  return new Promise((resolve) => {
    const subscriptions = [
      box.onDidChangeValue(apply),
      box.onDidAccept(() => { accepted = true; box.hide(); }),
      box.onDidHide(() => {
        if (!accepted) apply(before);
        vscode.Disposable.from(...subscriptions, box).dispose();
        resolve();
      }),
    ];
    box.show();
  });
}

/**
 * `milestones.filter([text])` (Ctrl+F in the view, the title bar): filters the tree by milestone and
 * step labels, steps of collapsed milestones included; with `text` it filters without asking.
 * `milestones.clearFilter` (Escape in the filtered view) shows everything again.
 */
export function registerTreeFilter(provider: MilestoneTreeProvider, showMessage: () => void): vscode.Disposable {
  const apply = (text: string): void => {
    provider.setFilter(text);
    showMessage();
    void vscode.commands.executeCommand('setContext', ContextKey.filtered, provider.filter !== '');
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.filter, (text?: unknown) => (typeof text === 'string' ? apply(text) : askFilter(provider, apply))),
    vscode.commands.registerCommand(CommandId.clearFilter, () => apply('')),
  );
}
