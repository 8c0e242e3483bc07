import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

/** What reading one file gave: its text, or why there is none. */
export type FileRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'directory' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string };

// Keep a BOM as U+FEFF, as the core readers and the CLI see it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function isMissing(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Reads a file of the workspace: with Node's fs for local files (fast, no round trip), with
 * `workspace.fs` for any other scheme. Never throws.
 */
export async function readWorkspaceFile(uri: vscode.Uri, maxFileSize: number): Promise<FileRead> {
  try {
    if (uri.scheme === 'file') {
      const stat = await fs.stat(uri.fsPath);
      if (stat.isDirectory()) return { kind: 'directory' };
      if (stat.size > maxFileSize) return { kind: 'too-large', size: stat.size };
      return { kind: 'text', text: decoder.decode(await fs.readFile(uri.fsPath)) };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
    if (stat.size > maxFileSize) return { kind: 'too-large', size: stat.size };
    return { kind: 'text', text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The path of `uri` relative to `folder`, `/`-separated, or null when it is not inside it. */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | null {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return null;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) && uri.path.length > base.length ? uri.path.slice(base.length) : null;
}

/** The workspace folder holding `uri` and the path inside it, or null. */
export function locate(uri: vscode.Uri): { readonly folder: vscode.WorkspaceFolder; readonly file: string } | null {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return null;
  const file = relativePath(folder.uri, uri);
  return file === null ? null : { folder, file };
}

/**
 * The unsaved text of an editor for `uri`, which wins over the file on disk; undefined when no open
 * document has unsaved changes (a saved one holds what the disk holds, or is about to reload it).
 */
export function openDocumentText(uri: vscode.Uri): string | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed && d.isDirty)?.getText();
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
