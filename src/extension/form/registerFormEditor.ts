import * as vscode from 'vscode';
import type { DocumentChecks } from '../documentChecks';
import type { FormFocus } from '../milestoneStatusBar';
import type { SchemaService } from '../schemaService';
import type { ServedIndex } from '../servedIndex';
import { FormEditorProvider, type FormApi } from './formEditorProvider';
import { FormStateSource } from './formStateSource';
import { registerOpenFormCommand } from './openFormCommand';

/**
 * The Milestone Form: the custom text editor `milestones.form` and the Open in Form command.
 * Its field types and its problems come from the same SchemaService, so they agree, and schema
 * files are watched once.
 */
export function registerFormEditor(context: vscode.ExtensionContext, index: ServedIndex, checks: DocumentChecks, schemas: SchemaService, log: vscode.LogOutputChannel): { form: FormApi; focus: FormFocus; disposable: vscode.Disposable } {
  const source = new FormStateSource(schemas, checks);
  const provider = new FormEditorProvider({ extensionUri: context.extensionUri, source, log });
  const disposable = vscode.Disposable.from(
    source,
    provider,
    vscode.window.registerCustomEditorProvider(FormEditorProvider.viewType, provider, {
      // The page is rebuilt from the document when shown again: no hidden webview holds memory.
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    registerOpenFormCommand(index, provider, log),
  );
  return { form: provider, focus: provider, disposable };
}
