import * as vscode from 'vscode';
import { documentFixes } from '../core/engine/documentFeatures';
import type { Fix, FixHint } from '../core/problems';
import type { ProblemStore } from './problemStore';
import { locate } from './workspaceFiles';

/** The documents quick fixes are offered in (milestone files are markdown or JSON, on disk). */
export const MILESTONE_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'json', scheme: 'file' },
  { language: 'jsonc', scheme: 'file' },
];

/** A fix as a WorkspaceEdit on `document`: minimal text edits, then the rename when there is one. */
export function workspaceEditOf(document: vscode.TextDocument, folder: vscode.WorkspaceFolder, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  if (fix.renameTo !== undefined) {
    edit.renameFile(document.uri, vscode.Uri.joinPath(folder.uri, ...fix.renameTo.split('/')), { overwrite: false });
  }
  return edit;
}

/** Quick fixes for our diagnostics: each problem's fix hints made concrete on the document's current text. */
export class MilestonesCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: ProblemStore, private readonly log: vscode.LogOutputChannel) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const place = locate(document.uri);
    if (!place) return [];
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const problem = this.store.problemFor(document.uri, diagnostic);
      if (!problem?.fixes) continue;
      const failed = (hint: FixHint, error: unknown) => this.log.error(`Quick fix ${hint.kind} for ${place.file} failed`, error instanceof Error ? error : String(error));
      for (const fix of documentFixes(place.file, text, problem.fixes, failed)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEditOf(document, place.folder, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
    }
    return actions;
  }
}

export function registerCodeActions(store: ProblemStore, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(MILESTONE_DOCUMENTS, new MilestonesCodeActionProvider(store, log), MilestonesCodeActionProvider.metadata);
}
