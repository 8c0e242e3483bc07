import * as vscode from 'vscode';
import { CommandId, ContextKey } from '../commandIds';
import { locate } from '../workspaceFiles';
import type { WorkspaceIndexService } from '../workspaceIndexService';
import { FormEditorProvider } from './formEditorProvider';

/** Whether `uri` is a milestone file the index holds. */
function isIndexed(index: WorkspaceIndexService, uri: vscode.Uri): boolean {
  const place = locate(uri);
  return place !== null && index.index.get(place.folder.uri.toString(), place.file) != null;
}

/** The file of the active editor tab, text or custom (the form itself). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** The command's argument: a Uri (editor title bar, tests) or a tree row with a `uri` (context menu). */
function uriArgument(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const node = target as { uri?: unknown } | null | undefined;
  return typeof node === 'object' && node !== null && node.uri instanceof vscode.Uri ? node.uri : undefined;
}

/** Asks which milestone file to open, from the index; undefined when the person cancels. */
async function pickMilestoneFile(index: WorkspaceIndexService): Promise<vscode.Uri | undefined> {
  const seen = new Set<string>();
  const items: Array<vscode.QuickPickItem & { uri: vscode.Uri }> = [];
  for (const { folder, milestone } of index.index.milestones()) {
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(folder), ...milestone.file.split('/'));
    const key = `${uri.toString()}#${milestone.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ label: milestone.title, description: vscode.workspace.asRelativePath(uri), uri });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Milestones: no milestone file found in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Open in Form', placeHolder: 'Milestone to open in the form', matchOnDescription: true });
  return picked?.uri;
}

/**
 * `milestones.openForm([uri | tree row])`: opens the file in the Milestone Form (the active editor's
 * file from the palette, or a milestone picked from a list when no milestone file is active); and the
 * context key `milestones.activeEditorIsMilestone` the editor title bar's button shows by.
 */
export function registerOpenFormCommand(index: WorkspaceIndexService, log: vscode.LogOutputChannel): vscode.Disposable {
  const syncContext = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', ContextKey.activeEditorIsMilestone, uri !== undefined && isIndexed(index, uri));
  };
  syncContext();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(syncContext),
    index.onDidIndex(syncContext),
    vscode.commands.registerCommand(CommandId.openForm, async (target?: unknown) => {
      const active = activeTabUri();
      const uri = uriArgument(target) ?? (active && isIndexed(index, active) ? active : await pickMilestoneFile(index));
      if (!uri) return;
      try {
        await vscode.commands.executeCommand('vscode.openWith', uri, FormEditorProvider.viewType);
      } catch (error) {
        log.error(`Could not open ${uri.toString()} in the form`, error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(`Could not open ${vscode.workspace.asRelativePath(uri)} in the form: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}
