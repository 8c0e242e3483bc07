import * as vscode from 'vscode';
import { matcher } from '../core/workspace/globs';
import { readScanSettings } from './config';
import type { ScanSettings } from './config';
import { relativePath } from './workspaceFiles';

/** One glob from several: `{a,b}`; undefined when there are none. */
export function joinGlobs(globs: readonly string[]): string | undefined {
  if (globs.length === 0) return undefined;
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/**
 * The files of `folder` matched by the include globs and by none of the exclude globs, found with
 * VS Code's file search; only those below `under` (a folder-relative path) when it is given.
 */
export async function findMilestoneFiles(
  folder: vscode.WorkspaceFolder,
  settings: ScanSettings,
  under?: string,
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  // Without an exclude VS Code would apply `files.exclude`; ours replaces it (null: exclude nothing).
  const exclude = joinGlobs(settings.exclude) ?? null;
  const found = new Map<string, vscode.Uri>();
  for (const include of settings.include) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, undefined, token);
    for (const uri of uris) found.set(uri.toString(), uri);
  }
  const all = [...found.values()];
  if (under === undefined) return all;
  return all.filter((uri) => relativePath(folder.uri, uri)?.startsWith(`${under}/`));
}

const compiled = new Map<string, (file: string) => boolean>();

/** Whether `file` (relative to `folder`) passes the folder's include and exclude settings. */
export function isScanned(folder: vscode.WorkspaceFolder, file: string): boolean {
  const { include, exclude } = readScanSettings(folder);
  const key = JSON.stringify([include, exclude]);
  let test = compiled.get(key);
  if (!test) {
    const included = matcher(include);
    const excluded = matcher(exclude);
    test = (f) => included(f) && !excluded(f);
    if (compiled.size > 16) compiled.clear();
    compiled.set(key, test);
  }
  return test(file);
}
