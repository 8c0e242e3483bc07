import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Problem } from '../core/problems';
import { kbSchemaFiles } from '../core/schema/schemaLocations';
import { workspaceProblems } from '../core/validate/workspaceProblems';
import type { IndexedFile } from '../core/validate/workspaceProblems';
import type { SchemaService } from './schemaService';
import type { WorkspaceIndexService } from './workspaceIndexService';

export type ProblemsByUri = Map<string, { uri: vscode.Uri; problems: Problem[] }>;

function add(out: ProblemsByUri, uri: vscode.Uri, problem: Problem): void {
  const key = uri.toString();
  let entry = out.get(key);
  if (!entry) out.set(key, (entry = { uri, problems: [] }));
  entry.problems.push(problem);
}

function fileUri(folderKey: string, file: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.parse(folderKey), ...file.split('/'));
}

/** Whether `file` of the folder exists: an open document, or the disk (local folders only). */
function exists(folderKey: string, file: string): boolean {
  const uri = fileUri(folderKey, file);
  if (vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === uri.toString())) return true;
  return uri.scheme === 'file' && existsSync(uri.fsPath);
}

/** The cross-file problems of the whole index (duplicate ids, depends-on, numbering, handoffs), by file. */
export function workspaceFileProblems(
  service: WorkspaceIndexService,
  textOf: (uri: vscode.Uri, folder: string, file: string) => string | null,
): ProblemsByUri {
  const files: IndexedFile[] = [...service.index.entries()].map((e) => ({ folder: e.folder, reading: e.reading }));
  const out: ProblemsByUri = new Map();
  const found = workspaceProblems(files, (folder, file) => textOf(fileUri(folder, file), folder, file), { exists });
  for (const { folder, problem } of found) add(out, fileUri(folder, problem.file), problem);
  return out;
}

/** Problems of the schema files themselves (`$ref` to a missing file or a URL, syntax), on those files. */
export function schemaFileProblems(service: WorkspaceIndexService, schemas: SchemaService): ProblemsByUri {
  const out: ProblemsByUri = new Map();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const key = folder.uri.toString();
    const indexed = [...service.index.entries()].filter((e) => e.folder === key).map((e) => e.file);
    const candidates = new Set([...kbSchemaFiles(indexed), ...schemas.configuredSchemaFiles(folder)]);
    const registry = schemas.registryFor(folder);
    for (const file of candidates) {
      if (!exists(key, file)) continue;
      const uri = fileUri(key, file);
      for (const problem of registry.schemaFileProblems(folder.uri.fsPath, file)) add(out, uri, problem);
    }
  }
  return out;
}
