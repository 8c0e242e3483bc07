/**
 * What the language server knows of every milestone file of its folders, for the checks that need
 * several files (duplicate ids, KB dependencies and numbering, handoff numbering): each file's
 * reading (approvals applied), no text. Kept current by the scan, open documents and watched file events; the
 * cross-file problems are computed again, once, after a change, when they are next asked for.
 */
import path from 'node:path';
import { readMilestoneFile } from '../core/conventions/readMilestoneFile';
import { MilestoneIndex } from '../core/index/milestoneIndex';
import { isSlim, slimReading } from '../core/index/slimReading';
import { decisionsFileOf } from '../core/lifecycle/approval/approvalGate';
import type { FileReading } from '../core/model';
import type { Problem } from '../core/problems';
import { crossFileFacts, workspaceProblems, type IndexedFile } from '../core/validate/workspaceProblems';
import { readBounded } from './serverFiles';
import { serverPlatform } from './serverPlatform';

/** Full readings of files kept slim that the views asked for lately (a milestone's row opened, Next). */
const FULL_READINGS_KEPT = 100;

/** A file of a folder: the folder's root and the path in it. */
export interface FolderFile {
  readonly root: string;
  readonly file: string;
}

export class ServerIndex {
  /**
   * Folder root → file → reading, with the approval logs (DECISIONS.md) beside them applied: what
   * the tree, the Next view and the pickers show (the core's `MilestoneIndex`, keyed by folder root).
   */
  readonly readings = new MilestoneIndex();
  /** `root\0file` → that file's cross-file problems; null when a change made them stale. */
  private problems: Map<string, { at: FolderFile; problems: Problem[] }> | null = null;

  /**
   * @param textOf The text of a file as an editor has it (open documents), else null: the cross-file
   *   checks place their problems in it, and read the files that are not open from disk.
   * @param maxFileSize The size bound of a folder's reads.
   */
  /**
   * Files read again with the same cross-file facts (`crossFileFacts`) that have cross-file
   * problems: only where those are placed in their text is worked out again (by `root\0file`).
   */
  private readonly toPlace = new Set<string>();
  /** The file being stored with the same facts, while it is stored. */
  private sameFacts: string | null = null;
  /** `root\0file` → the full reading of a file kept slim, read again, and the slim reading it was read for (oldest first). */
  private readonly fullReadings = new Map<string, { slim: FileReading; full: FileReading }>();

  constructor(private readonly textOf: (root: string, file: string) => string | null, private readonly maxFileSize: (root: string) => number) {
    this.readings.onDidChange((e) => {
      if (e.changes.every((c) => `${c.folder}\0${c.file}` === this.sameFacts)) return;
      this.problems = null;
      this.toPlace.clear();
    });
  }

  /**
   * Keeps `reading` as what `file` of `root` reads as; null: it is gone or no milestone file. Why the
   * facts are compared: a tick or a reworded step changes none, and the checks across files then
   * need no other file's text (read from disk: seconds at thousands of files with problems).
   */
  set(root: string, file: string, reading: FileReading | null): void {
    const key = `${root}\0${file}`;
    const before = this.readings.get(root, file);
    const same = this.problems !== null && before !== undefined && reading !== null && crossFileFacts(before) === crossFileFacts(reading);
    this.sameFacts = same ? key : null;
    try {
      this.readings.set(root, file, reading && this.kept(root, file, reading));
    } finally {
      this.sameFacts = null;
    }
    if (same && this.problems?.has(key)) this.toPlace.add(key);
  }

  /**
   * What the index keeps of `reading` of `file`: all of it while an editor has the file open (its
   * steps are shown and ticked there), else without steps and health rows (`slimReading`).
   */
  kept(root: string, file: string, reading: FileReading): FileReading {
    return this.textOf(root, file) === null ? slimReading(reading) : reading;
  }

  /**
   * The reading of `file` of `root` with its steps and health rows: the one kept, or for a file kept
   * without them the file read again (open document, else disk within the bound; the last
   * `FULL_READINGS_KEPT` of those are kept while the file's reading does not change). `remember`
   * false reads without keeping (the filter reads every file).
   */
  full(root: string, file: string, remember = true): FileReading | undefined {
    const slim = this.readings.get(root, file);
    if (slim === undefined || !isSlim(slim)) return slim;
    const key = `${root}\0${file}`;
    const known = this.fullReadings.get(key);
    if (known) {
      this.fullReadings.delete(key);
      if (known.slim === slim) {
        this.fullReadings.set(key, known);
        return known.full;
      }
    }
    const text = this.currentText(root, file);
    let read: FileReading | null = null;
    try {
      read = text === null ? null : readMilestoneFile(file, text);
    } catch {
      // A reader bug: the scan logged it when it read the file; the rows show what was kept.
    }
    if (read === null) return slim;
    const full = this.readings.gated(root, read);
    if (!remember) return full;
    this.fullReadings.set(key, { slim, full });
    for (const oldest of this.fullReadings.keys()) {
      if (this.fullReadings.size <= FULL_READINGS_KEPT) break;
      this.fullReadings.delete(oldest);
    }
    return full;
  }

  /**
   * Reads the approval logs (DECISIONS.md) that milestones of `root` requiring an approval need and
   * the index has not read yet: whether they are done depends on them. With `file`, only that file's
   * (one file changed: a walk over every file per keystroke would cost O(files)).
   */
  loadApprovalLogs(root: string, file?: string): void {
    const missing = new Set<string>();
    for (const path of file === undefined ? this.readings.filesOf(root) : [file]) {
      const reading = this.readings.get(root, path);
      if (reading && this.readings.lacksApprovalLog(root, reading)) missing.add(decisionsFileOf(path));
    }
    for (const log of missing) this.readings.setApprovalLog(root, log, this.currentText(root, log));
  }

  /** The approval log `file` of `root` changed: read again from `text` (undefined: from disk; null: it is gone). */
  approvalLogChanged(root: string, file: string, text: string | null | undefined): void {
    this.readings.setApprovalLog(root, file, text === undefined ? this.diskText(root, file) : text);
  }

  /** Forgets `file` of `root` and every file below it (a folder was deleted); the files forgotten. */
  removeUnder(root: string, file: string): string[] {
    const gone = this.filesOf(root).filter((f) => f === file || f.startsWith(`${file}/`));
    this.readings.batch(() => {
      for (const f of gone) this.readings.delete(root, f);
      this.readings.removeApprovalLogs(root, file);
    });
    return gone;
  }

  /** Forgets every folder but those at `roots`. */
  keepFolders(roots: readonly string[]): void {
    for (const root of this.readings.folderKeys()) if (!roots.includes(root)) this.readings.deleteFolder(root);
  }

  /** The files of `root` the index holds. */
  filesOf(root: string): string[] {
    return this.readings.filesOf(root);
  }

  has(root: string, file: string): boolean {
    return this.readings.get(root, file) !== undefined;
  }

  /** Every file's cross-file problems (files without any are not listed). */
  crossFileProblems(): readonly { at: FolderFile; problems: readonly Problem[] }[] {
    return [...this.current().values()];
  }

  /** The cross-file problems of `file` of `root`. */
  problemsOf(root: string, file: string): readonly Problem[] {
    return this.current().get(`${root}\0${file}`)?.problems ?? [];
  }

  private current(): Map<string, { at: FolderFile; problems: Problem[] }> {
    if (this.problems === null) {
      this.problems = this.check(null);
    } else if (this.toPlace.size > 0) {
      // The same problems; those of the files read again are placed in their new text.
      const placed = this.check(this.toPlace);
      for (const key of this.toPlace) {
        const entry = placed.get(key);
        if (entry) this.problems.set(key, entry);
        else this.problems.delete(key);
      }
      this.toPlace.clear();
    }
    return this.problems;
  }

  /** The text of `file` of `root` as an editor has it, else on disk (bounded); null when there is none. */
  currentText(root: string, file: string): string | null {
    return this.textOf(root, file) ?? this.diskText(root, file);
  }

  /** A file's text on disk, within the folder's size bound; null when it is missing, too large or not a file. */
  private diskText(root: string, file: string): string | null {
    return readBounded(path.join(root, ...file.split('/')), this.maxFileSize(root));
  }

  /** The problems of every file, placed in the texts of `only` (null: of all; the others at their first line). */
  private check(only: ReadonlySet<string> | null): Map<string, { at: FolderFile; problems: Problem[] }> {
    const files: IndexedFile[] = [];
    for (const { folder, reading } of this.readings.entries()) files.push({ folder, reading });
    const texts = (root: string, file: string) => (only !== null && !only.has(`${root}\0${file}`) ? null : this.currentText(root, file));
    const facts = { exists: (root: string, file: string) => this.textOf(root, file) !== null || serverPlatform().exists(path.join(root, ...file.split('/'))) };
    const out = new Map<string, { at: FolderFile; problems: Problem[] }>();
    for (const { folder, problem } of workspaceProblems(files, texts, facts)) {
      const key = `${folder}\0${problem.file}`;
      const entry = out.get(key);
      if (entry) entry.problems.push(problem);
      else out.set(key, { at: { root: folder, file: problem.file }, problems: [problem] });
    }
    return out;
  }
}
