import * as vscode from 'vscode';
import { startBenchProbe } from './benchProbe';
import { registerMcpServerDefinitions } from './agents/mcpServerDefinitions';
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

export type { MilestonesApi } from './testApi';
export type { FormApi } from './form/formEditorProvider';

/** Composes the extension: log, language server and client, index, tree, status bar, commands, the form editor. */
export function activate(context: vscode.ExtensionContext): MilestonesApi {
  // Off unless `npm run bench:vscode` set MILESTONES_BENCH_PROBE=1; first, so it sees the whole scan.
  const probe = startBenchProbe();
  if (probe) context.subscriptions.push(probe);
  const log = vscode.window.createOutputChannel('Milestones', { log: true });
  // The language server reads, parses and checks every file; the views ask it for what they show.
  const validation = registerValidation(context, log);
  const index = new ServedIndex(validation.client, log);
  const toggler = new StepToggler(log);
  const tree = registerTree(index, toggler, log);
  probe?.attachServer(() => validation.server.status());
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
    registerMcpServerDefinitions(context.extensionUri, packageVersion(context)),
  );
  probe?.activated();
  return {
    index, tree: tree.provider, treeView: tree.view, statusBar: status.statusBar, checks: validation.checks, languageServer: validation.server, form: form.form,
    next: { provider: next.provider, view: next.view },
    whenIndexed: () => index.whenIndexed(), onDidIndex: index.onDidIndex,
  };
}

export function deactivate(): void {}

function packageVersion(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return typeof version === 'string' ? version : '';
}
