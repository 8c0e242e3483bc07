import * as vscode from 'vscode';

/** The id of the provider in package.json's `mcpServerDefinitionProviders`. */
export const MCP_PROVIDER_ID = 'milestones.mcpServer';

/**
 * Tells VS Code's agents about `milestones mcp` without any configuration: one server per local
 * workspace folder (the extension's own dist/cli.js, run by the extension host's runtime as Node),
 * working in that folder. None in Restricted Mode: the server writes files. The list follows the
 * workspace folders and the trust.
 */
export function registerMcpServerDefinitions(extensionUri: vscode.Uri, version: string): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions() {
      if (!vscode.workspace.isTrusted) return [];
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
      const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
      return folders.map((folder) => {
        const label = folders.length > 1 ? vscode.l10n.t('Milestones ({0})', folder.name) : vscode.l10n.t('Milestones');
        // ELECTRON_RUN_AS_NODE: in desktop VS Code the host's runtime is Electron, which then runs as Node.
        const definition = new vscode.McpStdioServerDefinition(label, process.execPath, [cli, 'mcp'], { ELECTRON_RUN_AS_NODE: '1' }, version);
        definition.cwd = folder.uri;
        return definition;
      });
    },
  };
  return vscode.Disposable.from(
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
  );
}
