import * as vscode from 'vscode';
import { errorReason, type FoundFile } from '../core/conventions/readFoundFile';
import { textKind } from '../core/text/textKind';
import { extensionPlatform } from './platform';

/** What reading one file gave: its text and the kind of its bytes, or why there is none (`readFoundFile` decides what that means). */
export type FileRead = FoundFile | { readonly kind: 'directory' } | { readonly kind: 'missing' };

// Keep a BOM as U+FEFF, as the core readers and the CLI see it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function isMissing(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound';
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Reads a file of the workspace: on the desktop with Node's fs for local files (fast, no round
 * trip), else with `workspace.fs` (any other scheme, and everything on the web). Never throws. A
 * local path that is neither a file nor a folder (a named pipe) is never opened: reading it would
 * wait for a writer.
 */
export async function readWorkspaceFile(uri: vscode.Uri, maxFileSize: number): Promise<FileRead> {
  try {
    const readLocal = extensionPlatform().readLocal;
    if (uri.scheme === 'file' && readLocal) return await readLocal(uri, maxFileSize);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
    if (stat.size > maxFileSize) return { kind: 'too-large', size: stat.size, limit: maxFileSize };
    return decodedRead(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'unreadable', reason: errorReason(error) };
  }
}

/** A file's bytes read as the core reads them: UTF-8, BOM kept, and the kind of its bytes. */
export function decodedRead(bytes: Uint8Array): FileRead {
  const text = decoder.decode(bytes);
  return { kind: 'text', text, textKind: textKind(bytes, bytes.length, text) };
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
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Whether `doc` holds changes the disk does not: `isDirty`, or a text that differs from the file's.
 *
 * Why not `isDirty` alone: the extension host learns of the dirty state from an event that can
 * arrive after `applyEdit` resolved, so right after an edit a document can hold unsaved text and
 * still say it is not dirty (seen under load: an action then saved the user's unsaved line). An
 * edit that would save the document afterwards asks this instead.
 */
export async function hasUnsavedChanges(doc: vscode.TextDocument): Promise<boolean> {
  if (doc.isDirty) return true;
  if (doc.uri.scheme !== 'file') return false;
  const disk = await readWorkspaceFile(doc.uri, Number.POSITIVE_INFINITY);
  if (disk.kind !== 'text') return false;
  // The document never holds the BOM, and holds mixed line endings as one kind; the disk keeps both.
  const plain = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return plain(doc.getText()) !== plain(disk.text);
}

/**
 * The text of `uri` as the person sees it: its open document's (unsaved changes win), else the
 * file's on disk (BOM kept) within `maxFileSize`; null when there is none to edit.
 */
export async function currentText(uri: vscode.Uri, maxFileSize: number): Promise<string | null> {
  const open = openDocumentText(uri);
  if (open !== undefined) return open;
  const read = await readWorkspaceFile(uri, maxFileSize);
  return read.kind === 'text' ? read.text : null;
}
