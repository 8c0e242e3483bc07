import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import { byteSize } from '../../core/text/byteSize';
import { readScanSettings } from '../config';
import { extensionPlatform } from '../platform';
import type { ServedIndex } from '../servedIndex';

/**
 * What a lifecycle action sees of one workspace folder: the milestone files the index holds and,
 * for any file, the text of an editor with unsaved changes (they win), else the file on disk. Waits
 * for the index to catch up first, so a file saved a moment ago is seen. A document without unsaved
 * changes is not asked: just after another program wrote the file (an agent's `milestones mcp`)
 * it still holds the old text until VS Code reloads it, and a plan made from that would miss the
 * new text (`applyPlan` waits for the reload before it edits).
 *
 * The core asks for texts synchronously. On the desktop a plan reads the few files it acts on from
 * disk, one small file at a time, each once. On the web nothing can be read synchronously, so the
 * snapshot takes in, first, the texts of the folder's files the language server was sent (every
 * markdown and milestone file: all a plan reads), in one request.
 */
export async function folderSnapshot(index: ServedIndex, folder: vscode.WorkspaceFolder): Promise<FolderSnapshot> {
  await index.whenIndexed();
  // Only files the index read: one it could not read (too large, binary …) is indexed for its problem, but has no text to edit.
  const files = await index.folderFiles(folder);
  const cache = new Map<string, string | null>();
  const maxSize = readScanSettings(folder).maxFileSize;
  const readSync = extensionPlatform().readLocalSync;
  const served = readSync ? null : await index.folderTexts(folder);
  const fromDisk = (uri: vscode.Uri, file: string): string | null => {
    if (readSync) return readSync(uri, file, maxSize);
    const size = served?.tooLarge[file];
    if (size !== undefined) throw tooLargeToEdit(file, size, maxSize);
    return served?.texts[file] ?? null;
  };
  return {
    files,
    text(file) {
      if (cache.has(file)) return cache.get(file)!;
      const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
      const text = open !== undefined && (open.isDirty || uri.scheme !== 'file' || !readSync) ? open.getText() : fromDisk(uri, file);
      cache.set(file, text);
      return text;
    },
  };
}

/**
 * A file over `milestones.maxFileSize` (a DECISIONS.md grown huge) is neither read synchronously
 * nor taken as missing, which would let a plan "create" it: the action stops with this error,
 * naming the file, its size and the setting.
 */
export function tooLargeToEdit(file: string, size: number, maxSize: number): Error {
  return new Error(`${file} is ${byteSize(size)}, over milestones.maxFileSize (${byteSize(maxSize)}); raise that setting to let Milestones edit it`);
}
