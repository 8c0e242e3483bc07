import * as vscode from 'vscode';
import type { ServerSettings } from '../protocol/serverProtocol';
import { readScanSettings } from './config';
import { readSchemaSettings, readValidateScope, workspaceSchemasUsed } from './validationConfig';

/** The settings the language server checks with, as VS Code resolves them for each workspace folder. */
export function readServerSettings(): ServerSettings {
  return {
    scope: readValidateScope(),
    // In Restricted Mode and on the web no file of the workspace is read as a schema.
    workspaceSchemas: workspaceSchemasUsed(),
    folders: (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const scan = readScanSettings(folder);
      return { uri: folder.uri.toString(), schemas: readSchemaSettings(folder), include: scan.include, exclude: scan.exclude, maxFileSize: scan.maxFileSize };
    }),
  };
}

/** Whether a configuration change touches what the server checks with. */
export function affectsServer(event: vscode.ConfigurationChangeEvent): boolean {
  return ['schemas', 'include', 'exclude', 'maxFileSize', 'validate.scope'].some((key) => event.affectsConfiguration(`milestones.${key}`));
}
