import * as vscode from 'vscode';
import { registerAgentTools } from './agents/registerAgentTools';
import { registerFormEditor } from './form/registerFormEditor';
import { registerLifecycle } from './lifecycle/registerLifecycle';
import { registerStatusBar } from './milestoneStatusBar';
import { registerNextView } from './next/registerNextView';
import { registerOpenLocationCommand } from './openLocationCommand';
import { registerTree } from './registerTree';
import { registerValidation } from './registerValidation';
import type { MilestonesApi } from './testApi';
import { registerToggleStepCommand, StepToggler } from './toggleStepCommand';
import { treeRevealer } from './treeReveal';
import { ServedIndex } from './servedIndex';

/**
 * Composes the extension, the same on the desktop and the web (the entries, extension.ts and
 * webExtension.ts, set the platform first): log, language server and client, index, tree, status
 * bar, commands, the form editor, the agents' tools.
 */
export function activateMilestones(context: vscode.ExtensionContext): MilestonesApi {
  const log = vscode.window.createOutputChannel('Milestones', { log: true });
  // The language server reads, parses and checks every file; the views ask it for what they show.
  const validation = registerValidation(context, log);
  const index = new ServedIndex(validation.client, log);
  const toggler = new StepToggler(log);
  const tree = registerTree(index, toggler, log);
  const form = registerFormEditor(context, index, validation.checks, validation.schemas, log);
  const status = registerStatusBar(index, tree.provider, tree.view, form.focus);
  const next = registerNextView(index);
  const lifecycle = { index, schemas: validation.schemas, log, revealInTree: treeRevealer(index, tree.provider, tree.view) };
  context.subscriptions.push(
    log,
    validation.disposable,
    index,
    tree.disposable,
    registerToggleStepCommand(toggler),
    registerOpenLocationCommand(log),
    form.disposable,
    status.disposable,
    next.disposable,
    registerLifecycle(lifecycle),
    registerAgentTools(lifecycle),
  );
  return {
    index, tree: tree.provider, treeView: tree.view, statusBar: status.statusBar, checks: validation.checks, languageServer: validation.server, form: form.form,
    next: { provider: next.provider, view: next.view },
    whenIndexed: () => index.whenIndexed(), onDidIndex: index.onDidIndex,
  };
}
