import type * as vscode from 'vscode';
import { activateMilestones } from './activateMilestones';
import { registerMcpServerDefinitions } from './agents/mcpServerDefinitions';
import { startBenchProbe } from './benchProbe';
import { desktopPlatform } from './desktop/desktopPlatform';
import { setExtensionPlatform } from './platform';
import type { MilestonesApi } from './testApi';

export type { MilestonesApi } from './testApi';
export type { FormApi } from './form/formEditorProvider';

/**
 * The desktop entry (package.json `main`): the extension with its language server as a Node
 * process, and what only the desktop has: the MCP server for agents (`milestones mcp`, a Node
 * program) and the bench's probe.
 */
export function activate(context: vscode.ExtensionContext): MilestonesApi {
  // Off unless `npm run bench:vscode` set MILESTONES_BENCH_PROBE=1; first, so it sees the whole scan.
  const probe = startBenchProbe();
  if (probe) context.subscriptions.push(probe);
  setExtensionPlatform(desktopPlatform);
  const api = activateMilestones(context);
  probe?.attachServer(() => api.languageServer.status());
  context.subscriptions.push(registerMcpServerDefinitions(context.extensionUri, packageVersion(context)));
  probe?.activated();
  return api;
}

export function deactivate(): void {}

function packageVersion(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return typeof version === 'string' ? version : '';
}
