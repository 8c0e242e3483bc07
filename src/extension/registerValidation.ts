import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { CommandId } from './commandIds';
import { DiagnosticsService } from './diagnosticsService';
import { registerFrontmatterProviders } from './frontmatterProviders';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import { SchemaService } from './schemaService';
import { problemLookup } from './treeProblems';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** Schemas, diagnostics, quick fixes, frontmatter completion and hover, problems in the tree, Validate Workspace. */
export function registerValidation(index: WorkspaceIndexService, tree: MilestoneTreeProvider, log: vscode.LogOutputChannel): { diagnostics: DiagnosticsService; schemas: SchemaService; disposable: vscode.Disposable } {
  const schemas = new SchemaService(log);
  const diagnostics = new DiagnosticsService(index, schemas, log);
  const disposable = vscode.Disposable.from(
    diagnostics,
    schemas,
    registerCodeActions(diagnostics.store, log),
    registerFrontmatterProviders(index, schemas, log),
    tree.showProblems(problemLookup(diagnostics.store, index), diagnostics.store.onDidChange),
    vscode.commands.registerCommand(CommandId.validateWorkspace, async () => {
      log.info('Validate Workspace: reading schemas again and validating every file.');
      await index.whenIndexed();
      schemas.reset(); // fires onDidChange: the diagnostics service validates everything
    }),
  );
  return { diagnostics, schemas, disposable };
}
