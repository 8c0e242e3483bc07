import type * as vscode from 'vscode';
import { activateMilestones } from './activateMilestones';
import { setExtensionPlatform } from './platform';
import type { MilestonesApi } from './testApi';
import { webPlatform } from './web/webPlatform';

/**
 * The web entry (package.json `browser`: vscode.dev, github.dev, and any web worker extension
 * host): the same extension, with its language server in a web worker and every file read through
 * `vscode.workspace.fs`. The MCP server (a Node program) is the desktop's only.
 */
export function activate(context: vscode.ExtensionContext): MilestonesApi {
  setExtensionPlatform(webPlatform);
  return activateMilestones(context);
}

export function deactivate(): void {}
