import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { DocumentChecks } from './documentChecks';
import { languageServerApi, startLanguageClient, validateWorkspace, type LanguageServerApi } from './languageClient';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import { SchemaService } from './schemaService';
import { ServedProblems } from './servedProblems';
import { problemLookup } from './treeProblems';
import type { WorkspaceIndexService } from './workspaceIndexService';

/**
 * Validation: the language server checks every milestone file and schema file (diagnostics,
 * completion, hover and quick fixes come from it); here, the problems on the tree's rows, Validate
 * Workspace, and the schemas and per-version checks the form and the lifecycle actions use.
 */
export function registerValidation(context: vscode.ExtensionContext, index: WorkspaceIndexService, tree: MilestoneTreeProvider, log: vscode.LogOutputChannel): { checks: DocumentChecks; schemas: SchemaService; served: ServedProblems; server: LanguageServerApi; disposable: vscode.Disposable } {
  const schemas = new SchemaService(log);
  const checks = new DocumentChecks(schemas, log);
  const served = new ServedProblems();
  const server = startLanguageClient(context, log);
  const disposable = vscode.Disposable.from(
    server.disposable,
    schemas,
    served,
    tree.showProblems(problemLookup(served, index), served.onDidChange),
    vscode.commands.registerCommand(CommandId.validateWorkspace, async () => {
      log.info('Validate Workspace: reading schemas again and validating every file.');
      await index.whenIndexed();
      schemas.reset();
      const checked = await validateWorkspace(server.client);
      log.info(`Validate Workspace: ${checked} milestone file(s) checked.`);
    }),
  );
  return { checks, schemas, served, server: languageServerApi(server.client), disposable };
}
