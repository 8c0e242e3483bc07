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
      const text = open?.getText() ?? index.textOf(key, file) ?? readLocal(uri, file, maxSize);
      cache.set(file, text);
      return text;
    },
  };
}

/**
 * A local file's text; null when missing or not a file. A file over `milestones.maxFileSize` (a
 * DECISIONS.md grown huge) is neither read synchronously nor taken as missing, which would let a
 * plan "create" it: the action stops with a message naming the file, its size and the setting.
 */
function readLocal(uri: vscode.Uri, file: string, maxSize: number): string | null {
  if (uri.scheme !== 'file') return null;
  let size: number;
  try {
    if (!existsSync(uri.fsPath)) return null;
    const stat = statSync(uri.fsPath);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size > maxSize) {
    throw new Error(`${file} is ${megabytes(size)}, over milestones.maxFileSize (${megabytes(maxSize)}); raise that setting to let Milestones edit it`);
  }
  return readFileSync(uri.fsPath, 'utf8');
}

function megabytes(bytes: number): string {
  const mb = bytes / 1048576;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
