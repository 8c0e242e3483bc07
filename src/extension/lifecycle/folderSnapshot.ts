import { existsSync, readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import { byteSize } from '../../core/text/byteSize';
import { readScanSettings } from '../config';
import type { ServedIndex } from '../servedIndex';

/**
 * What a lifecycle action sees of one workspace folder: the milestone files the index holds and,
 * for any file, the text of an editor with unsaved changes (they win), else the file on disk. Waits
 * for the index to catch up first, so a file saved a moment ago is seen. A document without unsaved
 * changes is not asked: just after another program wrote the file (an agent's `milestones mcp`)
 * it still holds the old text until VS Code reloads it, and a plan made from that would miss the
 * new text (`applyPlan` waits for the reload before it edits).
 *
 * The disk reads (the index's texts stay in the language server) are synchronous because the core
 * asks synchronously; a plan reads the few files it acts on, one small file at a time, each once,
 * and only for local folders.
 */
export async function folderSnapshot(index: ServedIndex, folder: vscode.WorkspaceFolder): Promise<FolderSnapshot> {
  await index.whenIndexed();
  // Only files the index read: one it could not read (too large, binary …) is indexed for its problem, but has no text to edit.
  const files = await index.folderFiles(folder);
  const cache = new Map<string, string | null>();
  const maxSize = readScanSettings(folder).maxFileSize;
  return {
    files,
    text(file) {
      if (cache.has(file)) return cache.get(file)!;
      const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
      const text = open !== undefined && (open.isDirty || uri.scheme !== 'file') ? open.getText() : readLocal(uri, file, maxSize);
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
    throw new Error(`${file} is ${byteSize(size)}, over milestones.maxFileSize (${byteSize(maxSize)}); raise that setting to let Milestones edit it`);
  }
  return readFileSync(uri.fsPath, 'utf8');
}
