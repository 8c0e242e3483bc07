/** How the language server reads one file of a folder: the same in every pass (the scan's checks, an outside edit, the web's listing). */
import type { FileReading } from '../core/model';
import { readFoundFile, type FoundReading, type RaiseLimit } from '../core/conventions/readFoundFile';
import type { ServerFolder } from './serverFolders';
import { serverPlatform } from './serverPlatform';

/** The end of a too-large file's problem: the setting is the editor's (`milestones.maxFileSize`). */
export const raiseLimit: RaiseLimit = () => 'raise that setting to check it';

/** `file` of `folder` read as the scan reads it (its reading and text); null when it is gone or no milestone file. Throws what a reader throws. */
export function readFolderFile(folder: ServerFolder, file: string): FoundReading | null {
  const item = serverPlatform().scanOneFile(folder.root, file, folder.maxFileSize);
  return item === null || item.kind === 'unreadable-folder' ? null : readFoundFile(file, item, raiseLimit);
}

/**
 * Whether `next` reads as `indexed` does (the index keeps readings with their approvals applied,
 * so a reading an approval changes never compares equal: it is stored again, which is right).
 */
export function sameReading(indexed: FileReading | undefined, next: FileReading): boolean {
  return indexed !== undefined && JSON.stringify(indexed) === JSON.stringify(next);
}
