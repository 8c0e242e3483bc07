import path from 'node:path';
import * as vscode from 'vscode';
import { locate } from '../workspaceFiles';

/**
 * How the agents' tools name files in VS Code: relative to the workspace folder; in a multi-root
 * workspace prefixed by the folder's name (`web/docs/x.md`), so every printed path says its folder.
 * An absolute path inside a folder is taken too (agents often pass one).
 */
export function folderPrefix(folder: vscode.WorkspaceFolder): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/` : '';
}

/** The workspace folder and folder-relative path `printed` names; a sentence for the model when none. */
export function toolFile(printed: string): { readonly folder: vscode.WorkspaceFolder; readonly file: string } | string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return 'no folder is open in VS Code';
  if (path.isAbsolute(printed)) {
    const place = locate(vscode.Uri.file(printed));
    return place ?? `${printed} is in none of the workspace folders`;
  }
  const clean = printed.replace(/\\/g, '/').replace(/^\.\//, '');
  const folder = folders.length === 1 ? folders[0]! : folders.find((f) => clean.startsWith(`${f.name}/`));
  if (folder === undefined) return `${printed} is in none of the workspace folders; start it with one of ${folders.map((f) => `${f.name}/`).join(', ')}`;
  const file = path.posix.normalize(clean.slice(folderPrefix(folder).length));
  if (file === '.' || file === '..' || file.startsWith('../') || path.posix.isAbsolute(file)) return `${printed} is not a file inside the workspace folder ${folder.name}`;
  return { folder, file };
}
