import { decisionsFileOf, readApprovalLog, type ApprovalLog } from '../lifecycle/approval/approvalGate';
import { gateReading, needsApprovalLog } from '../lifecycle/approval/gateReading';
import type { FileReading, Milestone } from '../model';
import type { Disposable, IndexChangeEvent, IndexFileChange, IndexListener } from './indexEvents';

export type { Disposable, IndexChangeEvent, IndexFileChange, IndexListener } from './indexEvents';

/** A reading in the index, with where it lives. */
export interface IndexEntry {
  readonly folder: string;
  readonly file: string;
  readonly reading: FileReading;
}

/** A milestone with the workspace folder it belongs to (its `file` is relative to that folder). */
export interface FolderMilestone {
  readonly folder: string;
  readonly milestone: Milestone;
}

/**
 * The workspace index: the latest `FileReading` of every milestone file, keyed by (workspace folder
 * key, relative file). Pure and synchronous: the host feeds it (scan, watcher, open editors) and the
 * tree, diagnostics and CLI read it. Listeners hear which files changed after every mutation, or once
 * per `batch`.
 *
 * Readings are stored gated (`gateReading`) with the approval log (DECISIONS.md) beside them, which
 * the host feeds too (`setApprovalLog`): read once per change of the log, not per milestone.
 */
export class MilestoneIndex {
  private readonly folders = new Map<string, Map<string, FileReading>>();
  /** Per folder key: the approval logs the host has read, by their relative path. */
  private readonly approvalLogs = new Map<string, Map<string, ApprovalLog>>();
  private readonly listeners = new Set<IndexListener>();
  /** Changes collected while a batch runs; null outside a batch. */
  private pending: IndexFileChange[] | null = null;

  /**
   * Stores `reading` for `file` of `folder`, replacing what was there. A null reading (the file is
   * not, or no longer, a milestone file) removes the entry.
   */
  set(folder: string, file: string, reading: FileReading | null): void {
    if (reading === null) {
      this.delete(folder, file);
      return;
    }
    let files = this.folders.get(folder);
    if (!files) this.folders.set(folder, (files = new Map<string, FileReading>()));
    files.set(file, this.gated(folder, reading));
    this.emitOne({ folder, file, kind: 'set' });
  }

  /**
   * Stores what the approval log `file` of `folder` (a DECISIONS.md) logs, from its text (null: it
   * does not exist, or cannot be read: nothing is logged), and gates the readings beside it again:
   * those whose milestones change are reported as set.
   */
  setApprovalLog(folder: string, file: string, text: string | null): void {
    let logs = this.approvalLogs.get(folder);
    if (!logs) this.approvalLogs.set(folder, (logs = new Map<string, ApprovalLog>()));
    const log = readApprovalLog(text);
    logs.set(file, log);
    this.regate(folder, file, log);
  }

  /**
   * Forgets the approval logs of `folder` at `path` or below it (a DECISIONS.md or a folder was
   * deleted): the readings beside them are gated with nothing logged, and a reading set there later
   * `lacksApprovalLog` again.
   */
  removeApprovalLogs(folder: string, path: string): void {
    const logs = this.approvalLogs.get(folder);
    if (!logs) return;
    const gone = [...logs.keys()].filter((file) => file === path || file.startsWith(`${path}/`));
    this.batch(() => {
      for (const file of gone) {
        logs.delete(file);
        this.regate(folder, file, NO_APPROVALS);
      }
    });
  }

  /**
   * True when `reading` (of `folder`) requires an approval whose log the host has not set yet: it
   * should read that DECISIONS.md (`decisionsFileOf`) and `setApprovalLog` it, before or after `set`.
   */
  lacksApprovalLog(folder: string, reading: FileReading): boolean {
    return needsApprovalLog(reading) && this.approvalLogs.get(folder)?.has(decisionsFileOf(reading.file)) !== true;
  }

  /** Removes `file` of `folder`; returns whether it was there (no event when it was not). */
  delete(folder: string, file: string): boolean {
    const files = this.folders.get(folder);
    if (!files?.delete(file)) return false;
    if (files.size === 0) this.folders.delete(folder);
    this.emitOne({ folder, file, kind: 'delete' });
    return true;
  }

  /**
   * Moves an entry to a new path within its folder. With `reading`, that reading is stored under the
   * new path (the caller re-read the file: a move can change its convention or group); without it
   * the old reading is kept with its `file` fields rewritten. Returns false when `from` is not indexed.
   */
  rename(folder: string, from: string, to: string, reading?: FileReading | null): boolean {
    const old = this.folders.get(folder)?.get(from);
    if (!old) return false;
    this.batch(() => {
      this.delete(folder, from);
      this.set(folder, to, reading === undefined ? withFile(old, to) : reading);
    });
    return true;
  }

  /** Removes every file of `folder` (a workspace folder was closed). */
  deleteFolder(folder: string): void {
    this.approvalLogs.delete(folder);
    const files = this.folders.get(folder);
    if (!files) return;
    this.folders.delete(folder);
    this.emit([...files.keys()].map((file) => ({ folder, file, kind: 'delete' as const })));
  }

  /** Empties the index (a full rescan follows). */
  clear(): void {
    const changes: IndexFileChange[] = [];
    for (const [folder, files] of this.folders) for (const file of files.keys()) changes.push({ folder, file, kind: 'delete' });
    this.folders.clear();
    this.approvalLogs.clear();
    this.emit(changes);
  }

  /**
   * Runs `fn` and reports all its changes in a single event at the end (the first scan sets
   * thousands of files; the tree should refresh once). Batches nest; the outermost one reports.
   */
  batch<T>(fn: () => T): T {
    if (this.pending) return fn();
    this.pending = [];
    try {
      return fn();
    } finally {
      const changes = this.pending;
      this.pending = null;
      this.emit(changes);
    }
  }

  /** The reading of `file` of `folder`, if indexed. */
  get(folder: string, file: string): FileReading | undefined {
    return this.folders.get(folder)?.get(file);
  }

  /** Every indexed reading, folder by folder, in insertion order. */
  *entries(): IterableIterator<IndexEntry> {
    for (const [folder, files] of this.folders) for (const [file, reading] of files) yield { folder, file, reading };
  }

  /** The indexed files of `folder`, in insertion order. */
  filesOf(folder: string): string[] {
    return [...(this.folders.get(folder)?.keys() ?? [])];
  }

  /** Every milestone of every indexed file, with its folder. */
  milestones(): FolderMilestone[] {
    const out: FolderMilestone[] = [];
    for (const [folder, files] of this.folders) {
      for (const reading of files.values()) for (const milestone of reading.milestones) out.push({ folder, milestone });
    }
    return out;
  }

  /** The folder keys that hold at least one indexed file. */
  folderKeys(): string[] {
    return [...this.folders.keys()];
  }

  /** The number of indexed files. */
  get size(): number {
    let n = 0;
    for (const files of this.folders.values()) n += files.size;
    return n;
  }

  /**
   * Calls `listener` after every change. Every listener is called even when one throws; the first
   * error is rethrown afterwards, so a bug in one view neither hides the change from the others nor
   * goes unnoticed.
   */
  onDidChange(listener: IndexListener): Disposable {
    // A wrapper, so the same function registered twice is called twice and disposed independently.
    const entry: IndexListener = (event) => listener(event);
    this.listeners.add(entry);
    return { dispose: () => { this.listeners.delete(entry); } };
  }

  /** Gates the readings of `folder` beside the approval log `file` with `log`; reports those that change. */
  private regate(folder: string, file: string, log: ApprovalLog): void {
    const files = this.folders.get(folder);
    if (!files) return;
    this.batch(() => {
      for (const [path, reading] of files) {
        if (decisionsFileOf(path) !== file) continue;
        const gated = gateReading(reading, log);
        if (gated === reading) continue;
        files.set(path, gated);
        this.emitOne({ folder, file: path, kind: 'set' });
      }
    });
  }

  /** `reading` (of `folder`) gated with the approval log beside it (none set yet: nothing is logged), as `set` stores it. */
  gated(folder: string, reading: FileReading): FileReading {
    if (!needsApprovalLog(reading)) return reading;
    return gateReading(reading, this.approvalLogs.get(folder)?.get(decisionsFileOf(reading.file)) ?? NO_APPROVALS);
  }

  /** `emit([change])` without the array and the spread push per file inside a batch. */
  private emitOne(change: IndexFileChange): void {
    if (this.pending) this.pending.push(change);
    else this.emit([change]);
  }

  private emit(changes: IndexFileChange[]): void {
    if (changes.length === 0) return;
    if (this.pending) {
      this.pending.push(...changes);
      return;
    }
    const event: IndexChangeEvent = { changes };
    let failure: { error: unknown } | null = null;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}

const NO_APPROVALS: ApprovalLog = new Set();

/** `reading` as if read from `file`. */
function withFile(reading: FileReading, file: string): FileReading {
  return { ...reading, file, milestones: reading.milestones.map((m) => ({ ...m, file })) };
}
