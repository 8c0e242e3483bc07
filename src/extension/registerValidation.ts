import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { DocumentChecks } from './documentChecks';
import { languageServerApi, startLanguageClient, validateWorkspace, type LanguageServerApi } from './languageClient';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SchemaService } from './schemaService';

/**
 * Validation: the language server holds the index and checks every milestone file and schema file
 * (diagnostics, completion, hover and quick fixes come from it; the tree's rows show its problems);
 * here, its client, Validate Workspace, and the schemas and per-version checks the form and the
 * lifecycle actions use.
 */
export function registerValidation(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { checks: DocumentChecks; schemas: SchemaService; client: BaseLanguageClient; server: LanguageServerApi; disposable: vscode.Disposable } {
  const schemas = new SchemaService(log);
  const checks = new DocumentChecks(schemas, log);
  const server = startLanguageClient(context, log);
  const disposable = vscode.Disposable.from(
    server.disposable,
    schemas,
    vscode.commands.registerCommand(CommandId.validateWorkspace, async () => {
      log.info('Validate Workspace: reading schemas again and validating every file.');
      schemas.reset();
      const checked = await validateWorkspace(server.client);
      log.info(`Validate Workspace: ${checked} milestone file(s) checked.`);
    }),
  );
  return { checks, schemas, client: server.client, server: languageServerApi(server.client), disposable };
}
