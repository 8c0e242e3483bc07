import { existsSync, readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import { readScanSettings } from '../config';
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
  const maxSize = readScanSettings(folder).maxFileSize;
  return {
    files,
    text(file) {
      if (cache.has(file)) return cache.get(file)!;
      const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
      const text = open?.getText() ?? index.textOf(key, file) ?? readLocal(uri, maxSize);
      cache.set(file, text);
      return text;
    },
  };
}

/**
 * A local file's text; null when missing, not a file, or over `milestones.maxFileSize` (a huge
 * DECISIONS.md is then treated as present-but-unreadable: the plan that would create it is refused
 * because the file exists, and nothing is overwritten).
 */
function readLocal(uri: vscode.Uri, maxSize: number): string | null {
  if (uri.scheme !== 'file') return null;
  try {
    if (!existsSync(uri.fsPath)) return null;
    const stat = statSync(uri.fsPath);
    return stat.isFile() && stat.size <= maxSize ? readFileSync(uri.fsPath, 'utf8') : null;
  } catch {
    return null;
  }
}
