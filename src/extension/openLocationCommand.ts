import * as vscode from 'vscode';
import { CommandId } from './commandIds';

/** `milestones.openLocation(uri: string, line: number)`: opens the file with the 0-based `line` revealed and selected. */
export function registerOpenLocationCommand(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.openLocation, async (target: unknown, line: unknown) => {
    const uri = target instanceof vscode.Uri ? target : vscode.Uri.parse(String(target));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const at = Math.min(Math.max(typeof line === 'number' ? line : 0, 0), doc.lineCount - 1);
      const selection = doc.lineAt(at).range;
      await vscode.window.showTextDocument(doc, { selection, preview: true });
    } catch (error) {
      log.error(`Could not open ${uri.toString()}`, error instanceof Error ? error : String(error));
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', uri.fsPath || uri.toString(), error instanceof Error ? error.message : String(error)));
    }
  });
}
