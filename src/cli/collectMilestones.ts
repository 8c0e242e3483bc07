import { statSync } from 'node:fs';
import path from 'node:path';
import { readFoundFile, type FoundReading, type RaiseLimit } from '../core/conventions/readFoundFile';
import { classifyPath, whySkipped } from '../core/conventions/readMilestoneFile';
import { describedByPath } from '../core/conventions/skipReasons';
import { isApprovalLog } from '../core/lifecycle/approval/approvalGate';
import { gateReadings } from '../core/lifecycle/approval/gateReading';
import type { FileReading, NoteSeverity } from '../core/model';
import { DEFAULT_MAX_FILE_SIZE, scanFolder } from '../core/workspace/scanFolder';

/** A reading with the folder argument it was found under. */
export interface FolderReading {
  /** The folder as given on the command line. */
  readonly folder: string;
  readonly reading: FileReading;
}

/** Something to tell about a file: a reader's note, or why it was not read. `line` is 1-based. */
export interface FileNote {
  readonly folder: string;
  readonly file: string;
  readonly line: number | null;
  readonly severity: NoteSeverity;
  readonly code: string;
  readonly message: string;
}

export interface Collected {
  readonly readings: readonly FolderReading[];
  readonly notes: readonly FileNote[];
}

/** A folder argument that does not name a folder: the message for a person. */
export function checkFolder(folder: string): string | null {
  try {
    if (statSync(folder).isDirectory()) return null;
    return `not a folder: ${folder}`;
  } catch {
    return `no such folder: ${folder}`;
  }
}

/** Called with the text of each milestone file read (`validate` needs the texts; `list` does not keep them). */
export type TextSink = (folder: string, file: string, text: string) => void;

/** The end of a too-large file's message on the command line, which reads no editor settings. */
const raiseLimit: RaiseLimit = (size) => `raise the limit with --max-file-size ${size} to check it`;

/**
 * Scans each folder and reads every milestone file in it (`readFoundFile`), sorted by folder (in
 * argument order) and path. Never throws on a file: a milestone file that cannot be read, is too
 * large, binary or not UTF-8 is listed with its note (`file-…`), a reader failure becomes a note, a
 * folder that cannot be listed a note without a line, and the rest is still listed. Shared by `list`,
 * `next` and `validate` (which passes `onText` to keep the text of each file that was read).
 * The readings are gated (`gateReadings`) with the DECISIONS.md files the same scan read: one that is
 * missing, too large or unreadable logs no approval.
 * With `explainSkips` (`list --verbose`), a file that looks like a milestone file but only describes
 * a convention (a guide, template, index or legend: `whySkipped`) gets an info note `skipped-<reason>`.
 */
export function collectMilestones(folders: readonly string[], onText?: TextSink, maxFileSize = DEFAULT_MAX_FILE_SIZE, explainSkips = false): Collected {
  const readings: FolderReading[] = [];
  const notes: FileNote[] = [];
  // Guides and templates are left out by their path: asked why, the scan must still reach them.
  const classify = explainSkips ? (file: string) => classifyPath(file) ?? describedByPath(file) : undefined;
  for (const folder of folders) {
    const found: FolderReading[] = [];
    const approvalLogs = new Map<string, string>();
    for (const item of scanFolder(path.resolve(folder), { maxFileSize, classify })) {
      if (item.kind === 'text' && isApprovalLog(item.file)) approvalLogs.set(item.file, item.text);
      if (item.kind === 'unreadable-folder') {
        notes.push({ folder, file: item.file, line: null, severity: 'warning', code: 'folder-unreadable', message: `could not be listed: ${item.message}` });
        continue;
      }
      let read: FoundReading | null;
      try {
        read = readFoundFile(item.file, item, raiseLimit);
      } catch (error) {
        // A reader bug must not hide every other file from the listing.
        notes.push({ folder, file: item.file, line: null, severity: 'error', code: 'read-failed', message: `the reader failed: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      if (!read) {
        const skipped = explainSkips && item.kind === 'text' ? whySkipped(item.file, item.text) : null;
        if (skipped !== null) notes.push({ folder, file: item.file, line: skipped.line === null ? null : skipped.line + 1, severity: 'info', code: `skipped-${skipped.reason}`, message: skipped.message });
        continue;
      }
      const { reading, text } = read;
      if (text !== null) onText?.(folder, item.file, text);
      found.push({ folder, reading });
      for (const note of reading.notes) {
        notes.push({ folder, file: item.file, line: note.line + 1, severity: note.severity, code: note.code, message: note.message });
      }
    }
    found.sort((a, b) => compare(a.reading.file, b.reading.file));
    const gated = gateReadings(found.map((r) => r.reading), (file) => approvalLogs.get(file) ?? null);
    readings.push(...gated.map((reading) => ({ folder, reading })));
  }
  const order = new Map(folders.map((f, i) => [f, i]));
  notes.sort((a, b) => order.get(a.folder)! - order.get(b.folder)! || compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { readings, notes };
}

/** Code-point order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
