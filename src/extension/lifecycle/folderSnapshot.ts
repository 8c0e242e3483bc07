import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import { byteSize } from '../../core/text/byteSize';
import { readScanSettings } from '../config';
import { extensionPlatform } from '../platform';
import type { ServedIndex } from '../servedIndex';
import { forEachLimited, readWorkspaceFile } from '../workspaceFiles';

/** A snapshot whose missing texts can be read before the core asks again (see `settled`). */
export interface LiveSnapshot extends FolderSnapshot {
  /** Reads the files asked for that were not read yet; false when there were none. */
  readMissed(): Promise<boolean>;
}

/** Rounds of `settled` at most: each reads what the round before found it needs (a link's target, say). */
const MAX_ROUNDS = 8;
/** Reads under way at once for one round (a network round trip each on github.dev). */
const READS_AT_ONCE = 16;

/**
 * What a lifecycle action sees of one workspace folder: the milestone files the index holds and,
 * for any file, the text of an editor with unsaved changes (they win), else the file on disk. Waits
 * for the index to catch up first, so a file saved a moment ago is seen. A document without unsaved
 * changes is not asked on the desktop: just after another program wrote the file (an agent's
 * `milestones mcp`) it still holds the old text until VS Code reloads it, and a plan made from that
 * would miss the new text (`applyPlan` waits for the reload before it edits).
 *
 * The core asks for texts synchronously. On the desktop a plan reads the few files it acts on from
 * disk, one small file at a time, each once. On the web nothing can be read synchronously: a file
 * not read yet answers null and is noted, and `settled` reads the noted files (through
 * `workspace.fs`) and asks the core again, until the core needs no other file.
 */
export async function folderSnapshot(index: ServedIndex, folder: vscode.WorkspaceFolder): Promise<LiveSnapshot> {
  await index.whenIndexed();
  // Only files the index read: one it could not read (too large, binary …) is indexed for its problem, but has no text to edit.
  const files = await index.folderFiles(folder);
  const cache = new Map<string, string | null>();
  const tooLarge = new Map<string, number>();
  const missed = new Set<string>();
  const maxSize = readScanSettings(folder).maxFileSize;
  const readSync = extensionPlatform().readLocalSync;
  const uriOf = (file: string) => vscode.Uri.joinPath(folder.uri, ...file.split('/'));
  return {
    files,
    text(file) {
      if (cache.has(file)) return cache.get(file)!;
      const size = tooLarge.get(file);
      if (size !== undefined) throw tooLargeToEdit(file, size, maxSize);
      const uri = uriOf(file);
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
      let text: string | null;
      if (open !== undefined && (open.isDirty || uri.scheme !== 'file' || !readSync)) text = open.getText();
      else if (readSync) text = readSync(uri, file, maxSize);
      else {
        missed.add(file);
        return null;
      }
      cache.set(file, text);
      return text;
    },
    async readMissed() {
      if (missed.size === 0) return false;
      const wanted = [...missed];
      missed.clear();
      await forEachLimited(wanted, READS_AT_ONCE, async (file) => {
        const read = await readWorkspaceFile(uriOf(file), maxSize);
        if (read.kind === 'too-large') tooLarge.set(file, read.size);
        else cache.set(file, read.kind === 'text' ? read.text : null);
      });
      return true;
    },
  };
}

/**
 * Runs the core's pure `compute` on `snapshot` until it asked for no file the snapshot had not read
 * (on the desktop, once). Each round reads what the one before asked for: its answer is made from
 * every text it needs, never from a file taken as missing because it was not read yet.
 */
export async function settled<T>(snapshot: LiveSnapshot, compute: (snapshot: FolderSnapshot) => T): Promise<T> {
  for (let round = 1; ; round++) {
    const result = compute(snapshot);
    if (!(await snapshot.readMissed())) return result;
    if (round === MAX_ROUNDS) throw new Error(`the action needs more files than ${MAX_ROUNDS} rounds of reads brought; try it again`);
  }
}

/**
 * A file over `milestones.maxFileSize` (a DECISIONS.md grown huge) is neither read synchronously
 * nor taken as missing, which would let a plan "create" it: the action stops with this error,
 * naming the file, its size and the setting.
 */
export function tooLargeToEdit(file: string, size: number, maxSize: number): Error {
  return new Error(`${file} is ${byteSize(size)}, over milestones.maxFileSize (${byteSize(maxSize)}); raise that setting to let Milestones edit it`);
}
