import { existsSync, readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import type { WorkspaceIndexService } from '../workspaceIndexService';

/**
 * What a lifecycle action sees of one workspace folder: the milestone files the index holds and,
 * for any file, the text of an open document (unsaved changes win), else the text the index read,
 * else the file on disk. Waits for the index to catch up first, so a file saved a moment ago is seen.
 *
 * The disk fallback (files no index holds, such as DECISIONS.md or a link target) reads
 * synchronously because the core asks synchronously; it reads one small file at a time, and only
 * for local folders.
 */
export async function folderSnapshot(index: WorkspaceIndexService, folder: vscode.WorkspaceFolder): Promise<FolderSnapshot> {
  await index.whenIndexed();
  const key = folder.uri.toString();
  const files = [...index.index.entries()].filter((e) => e.folder === key).map((e) => e.file).sort();
  const cache = new Map<string, string | null>();
  return {
    files,
    text(file) {
      if (cache.has(file)) return cache.get(file)!;
      const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
      const text = open?.getText() ?? index.textOf(key, file) ?? readLocal(uri);
      cache.set(file, text);
      return text;
    },
  };
}

function readLocal(uri: vscode.Uri): string | null {
  if (uri.scheme !== 'file') return null;
  try {
    return existsSync(uri.fsPath) && statSync(uri.fsPath).isFile() ? readFileSync(uri.fsPath, 'utf8') : null;
  } catch {
    return null;
  }
}
