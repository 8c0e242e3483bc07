import { statSync } from 'node:fs';
import path from 'node:path';
import { readFoundFile, type FoundReading, type RaiseLimit } from '../core/conventions/readFoundFile';
import { classifyPath, whySkipped } from '../core/conventions/readMilestoneFile';
import { describedByPath } from '../core/conventions/skipReasons';
import { isApprovalLog } from '../core/lifecycle/approval/approvalGate';
import { gateReadings, needsApprovalLog } from '../core/lifecycle/approval/gateReading';
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

/**
 * Called with each milestone file's reading (before the approval gate) and the text it was read
 * from (null: not read, e.g. too large), in scan order, while the scan goes on: `validate` checks
 * each file here, so no file's text has to outlive its check; `next` keeps the texts.
 */
export type ReadingSink = (folder: string, reading: FileReading, text: string | null) => void;

/** The end of a too-large file's message on the command line, which reads no editor settings. */
const raiseLimit: RaiseLimit = (size) => `raise the limit with --max-file-size ${size} to check it`;

/**
 * Scans each folder and reads every milestone file in it (`readFoundFile`), sorted by folder (in
 * argument order) and path. Never throws on a file: a milestone file that cannot be read, is too
 * large, binary or not UTF-8 is listed with its note (`file-…`), a reader failure becomes a note, a
 * folder that cannot be listed a note without a line, and the rest is still listed. Shared by `list`,
 * `next` and `validate` (which pass `onReading` to see the text of each file that was read).
 * The readings are gated (`gateReadings`) with the DECISIONS.md files the same scan read: one that is
 * missing, too large or unreadable logs no approval.
 * With `explainSkips` (`list --verbose`), a file that looks like a milestone file but only describes
 * a convention (a guide, template, index or legend: `whySkipped`) gets an info note `skipped-<reason>`.
 */
export function collectMilestones(folders: readonly string[], onReading?: ReadingSink, maxFileSize = DEFAULT_MAX_FILE_SIZE, explainSkips = false): Collected {
  const { files, notes } = collectSummaries(folders, (_folder, reading) => reading, onReading, maxFileSize, explainSkips);
  return { readings: files.map((f) => ({ folder: f.folder, reading: f.summary })), notes };
}

/** What a command keeps of one milestone file's (gated) reading, with the folder it was found under. */
export interface FolderSummary<T> {
  readonly folder: string;
  readonly file: string;
  readonly summary: T;
}

/** `collectMilestones` with each reading turned into what the command keeps of it. */
export interface CollectedSummaries<T> {
  readonly files: readonly FolderSummary<T>[];
  readonly notes: readonly FileNote[];
}

/**
 * `collectMilestones`, keeping of each reading only `summarize(folder, gatedReading)`, in the same
 * order. A reading is summarized as soon as it is read, except one that waits for its approval log
 * (`needsApprovalLog`: the folder's DECISIONS.md may come later in the scan), which is gated and
 * summarized when its folder's scan ends.
 * Why: `list` keeps a few strings per milestone instead of every reading (steps, fields, health rows)
 * until the end; holding the readings of 10,000 files made GC the largest cost of `list` (25% of
 * its CPU profile on the bench workspace).
 */
export function collectSummaries<T>(
  folders: readonly string[], summarize: (folder: string, reading: FileReading) => T,
  onReading?: ReadingSink, maxFileSize = DEFAULT_MAX_FILE_SIZE, explainSkips = false,
): CollectedSummaries<T> {
  const files: FolderSummary<T>[] = [];
  const notes: FileNote[] = [];
  // Guides and templates are left out by their path: asked why, the scan must still reach them.
  const classify = explainSkips ? (file: string) => classifyPath(file) ?? describedByPath(file) : undefined;
  for (const folder of folders) {
    const found: { file: string; summary?: T; waiting?: FileReading }[] = [];
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
      onReading?.(folder, reading, text);
      // The gate leaves a reading that needs no approval log as it is.
      found.push(needsApprovalLog(reading) ? { file: reading.file, waiting: reading } : { file: reading.file, summary: summarize(folder, reading) });
      for (const note of reading.notes) {
        notes.push({ folder, file: item.file, line: note.line + 1, severity: note.severity, code: note.code, message: note.message });
      }
    }
    found.sort((a, b) => compare(a.file, b.file));
    const waiting = found.filter((f) => f.waiting !== undefined);
    const gated = gateReadings(waiting.map((f) => f.waiting!), (file) => approvalLogs.get(file) ?? null);
    waiting.forEach((f, i) => { f.summary = summarize(folder, gated[i]!); });
    for (const f of found) files.push({ folder, file: f.file, summary: f.summary! });
  }
  const order = new Map(folders.map((f, i) => [f, i]));
  notes.sort((a, b) => order.get(a.folder)! - order.get(b.folder)! || compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { files, notes };
}

/** Code-point order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
