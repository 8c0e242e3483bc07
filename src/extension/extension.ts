import * as vscode from 'vscode';
import { registerIndexWatchers } from './indexWatchers';
import { registerOpenLocationCommand } from './openLocationCommand';
import { registerTree } from './registerTree';
import { registerValidation } from './registerValidation';
import type { MilestonesApi } from './testApi';
import { registerToggleStepCommand, StepToggler } from './toggleStepCommand';
import { WorkspaceIndexService } from './workspaceIndexService';

export type { MilestonesApi } from './testApi';

/** Composes the extension: log, index, watchers, tree, validation, commands. */
export function activate(context: vscode.ExtensionContext): MilestonesApi {
  const log = vscode.window.createOutputChannel('Milestones', { log: true });
  const index = new WorkspaceIndexService(log);
  const toggler = new StepToggler(log);
  const tree = registerTree(index, toggler);
  const validation = registerValidation(index, tree.provider, log);
  context.subscriptions.push(
    log,
    index,
    registerIndexWatchers(index, log),
    tree.disposable,
    validation.disposable,
    registerToggleStepCommand(toggler),
    registerOpenLocationCommand(log),
  );
  void index.rescan();
  return { index, tree: tree.provider, diagnostics: validation.diagnostics, whenIndexed: () => index.whenIndexed(), onDidIndex: index.onDidIndex };
}

export function deactivate(): void {}
