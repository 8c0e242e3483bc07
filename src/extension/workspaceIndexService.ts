import * as vscode from 'vscode';
import { readFoundFile, type FoundReading, type RaiseLimit } from '../core/conventions/readFoundFile';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import { MilestoneIndex } from '../core/index/milestoneIndex';
import { decisionsFileOf, isApprovalLog } from '../core/lifecycle/approval/approvalGate';
import type { IndexFileChange } from '../core/index/milestoneIndex';
import type { Milestone } from '../core/model';
import { ViewId } from './commandIds';
import { readScanSettings } from './config';
import { findMilestoneFiles, isScanned } from './workspaceScan';
import { forEachLimited, locate, openDocumentText, readWorkspaceFile, type FileRead } from './workspaceFiles';

/** One batch of changes that reached the index. */
export interface IndexUpdate {
  /** `scan`: a (re)scan finished (fires even when nothing changed); `change`: files were read again or removed. */
  readonly reason: 'scan' | 'change';
  readonly changes: readonly IndexFileChange[];
}

/** The milestones of one workspace folder, as the tree shows them. */
export interface FolderMilestones {
  readonly folder: vscode.WorkspaceFolder;
  readonly milestones: readonly Milestone[];
}

const READ_CONCURRENCY = 32;

/** The end of a too-large file's problem in the editor. */
const raiseLimit: RaiseLimit = () => 'raise that setting to check it';

const textKey = (folder: string, file: string) => `${folder}\u0000${file}`;

/** What the scan of one folder read: the milestone files, and the approval logs (DECISIONS.md) among its files. */
interface FolderScan {
  readonly readings: readonly FoundReading[];
  readonly approvalLogs: ReadonlyMap<string, string | null>;
}

/**
 * Keeps the core `MilestoneIndex` (folder key = the workspace folder's URI string) in step with the
 * files on disk and the open editors. All file reading happens here; the tree reads the index only.
 * That includes the approval logs (DECISIONS.md) beside milestones that require an approval: read
 * once per change of the log, and before the first reading beside them is indexed.
 */
export class WorkspaceIndexService implements vscode.Disposable {
  readonly index = new MilestoneIndex();
  private readonly changed = new vscode.EventEmitter<IndexUpdate>();
  /** Fires after each batch of changes has reached the index, and after every scan. */
  readonly onDidIndex = this.changed.event;
  /** Per-URI generation: a read that finishes after a newer request for the same file is dropped. */
  private readonly generation = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The text each indexed reading was made from, so validation never reads the disk again. */
  private readonly texts = new Map<string, string>();
  private readonly subscription = this.index.onDidChange((e) => {
    for (const c of e.changes) if (c.kind === 'delete') this.texts.delete(textKey(c.folder, c.file));
    this.changed.fire({ reason: 'change', changes: e.changes });
  });
  private scanGeneration = 0;
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private scanned = false;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Each workspace folder, in workspace order, with its indexed milestones. */
  list(): FolderMilestones[] {
    const byFolder = new Map<string, Milestone[]>();
    for (const { folder, milestone } of this.index.milestones()) {
      let list = byFolder.get(folder);
      if (!list) byFolder.set(folder, (list = []));
      list.push(milestone);
    }
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ folder, milestones: byFolder.get(folder.uri.toString()) ?? [] }));
  }

  /**
   * The text the index's reading of `file` (of the folder with key `folder`) was made from (BOM kept,
   * as on disk); undefined when the index holds no reading of it, or a reading of a file it could
   * not read (too large, binary …: the reading is only that note, and there is no text to edit).
   */
  textOf(folder: string, file: string): string | undefined {
    return this.texts.get(textKey(folder, file));
  }

  /** Whether the first scan has finished. */
  get hasScanned(): boolean {
    return this.scanned;
  }

  /** Resolves once no scan, no file read and no debounced editor update is in flight. */
  whenIndexed(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Scans every workspace folder again and replaces what the index holds; progress shows on the view. */
  async rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const scan = this.track(async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const started = Date.now();
      const results = await Promise.all(folders.map((folder) => this.scanFolder(folder)));
      if (generation !== this.scanGeneration) return; // a newer scan replaces this one
      const keys = folders.map((f) => f.uri.toString());
      this.index.batch(() => {
        for (const key of this.index.folderKeys()) if (!keys.includes(key)) this.index.deleteFolder(key);
        keys.forEach((key, i) => {
          const { readings, approvalLogs } = results[i]!;
          const found = new Set(readings.map((r) => r.reading.file));
          for (const entry of [...this.index.entries()]) {
            if (entry.folder === key && !found.has(entry.file)) this.index.delete(key, entry.file);
          }
          for (const [file, text] of approvalLogs) this.index.setApprovalLog(key, file, text);
          for (const read of readings) {
            this.keepText(key, read);
            this.index.set(key, read.reading.file, read.reading);
          }
        });
      });
      this.scanned = true;
      const count = results.reduce((n, r) => n + r.readings.length, 0);
      this.log.info(`Indexed ${count} milestone file(s) in ${folders.length} folder(s) in ${Date.now() - started} ms.`);
      this.changed.fire({ reason: 'scan', changes: [] });
    });
    await vscode.window.withProgress({ location: { viewId: ViewId.tree }, title: vscode.l10n.t('Indexing milestone files') }, () => scan);
  }

  /**
   * Reads `uri` again (from its open editor when there is one, else from disk) and updates the index:
   * its reading, and what it logs when it is an approval log (DECISIONS.md), from the same read.
   */
  refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = this.bump(key);
    return this.track(async () => {
      const place = locate(uri);
      if (!place) return;
      const log = isApprovalLog(place.file);
      if (classifyPath(place.file) === null && !log) return;
      const maxFileSize = readScanSettings(place.folder).maxFileSize;
      const found = await this.load(uri, maxFileSize);
      if (this.generation.get(key) !== generation) return;
      if (found.kind === 'directory') {
        await this.refreshDirectory(uri);
        return;
      }
      const folder = place.folder.uri.toString();
      if (log) this.index.setApprovalLog(folder, place.file, approvalLogText(found));
      // An approval log outside the include settings is followed for what it logs, not read as a milestone file.
      const reading = log && !isScanned(place.folder, place.file) ? null : this.readingOf(place.file, found);
      if (reading && this.index.lacksApprovalLog(folder, reading.reading)) {
        await this.loadApprovalLog(place.folder, decisionsFileOf(place.file), maxFileSize);
        if (this.generation.get(key) !== generation) return;
      }
      // The same text read again (the watcher's event for a save whose edit is indexed already)
      // changes nothing: no event, so the tree does not repaint (a repaint makes VS Code forget
      // its rows for a moment, and a checkbox clicked then is lost).
      if (reading && reading.text !== null && this.index.get(folder, place.file) !== undefined && this.texts.get(textKey(folder, place.file)) === reading.text) {
        this.log.trace(`unchanged ${place.file}`);
        return;
      }
      this.log.trace(`${reading ? 'read' : 'dropped'} ${place.file}${openDocumentText(uri) !== undefined ? ' (unsaved editor)' : ''}`);
      if (reading) this.keepText(folder, reading);
      this.index.set(folder, place.file, reading?.reading ?? null);
    });
  }

  /** Reads `uri` again after `delayMs` of quiet (typing); counts as pending for `whenIndexed`. */
  refreshFileSoon(uri: vscode.Uri, delayMs: number): void {
    const key = uri.toString();
    const waiting = this.timers.get(key);
    if (waiting) clearTimeout(waiting);
    else this.pending++;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.refreshFile(uri).finally(() => this.settle());
    }, delayMs));
  }

  /** A folder appeared (created, moved in): reads the milestone files below it. */
  refreshUnder(uri: vscode.Uri): Promise<void> {
    return this.track(() => this.refreshDirectory(uri));
  }

  /** Forgets `uri` and, when it was a folder, every indexed file below it. */
  removePath(uri: vscode.Uri): void {
    const place = locate(uri);
    if (!place) return;
    const folder = place.folder.uri.toString();
    const gone = [...this.index.entries()]
      .filter((e) => e.folder === folder && (e.file === place.file || e.file.startsWith(`${place.file}/`)));
    for (const entry of gone) this.bump(vscode.Uri.joinPath(place.folder.uri, ...entry.file.split('/')).toString());
    this.bump(uri.toString());
    this.log.trace(`removed ${place.file}: ${gone.length} indexed file(s)`);
    this.index.batch(() => {
      for (const entry of gone) this.index.delete(folder, entry.file);
      this.index.removeApprovalLogs(folder, place.file);
    });
  }

  dispose(): void {
    this.scanGeneration++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.subscription.dispose();
    this.changed.dispose();
    this.texts.clear();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Remembers the text a reading was made from; forgets an older one when the file could not be read this time. */
  private keepText(folder: string, read: FoundReading): void {
    if (read.text !== null) this.texts.set(textKey(folder, read.reading.file), read.text);
    else this.texts.delete(textKey(folder, read.reading.file));
  }

  private bump(key: string): number {
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    return generation;
  }

  private async refreshDirectory(uri: vscode.Uri): Promise<void> {
    const place = locate(uri);
    if (!place) return;
    const uris = await findMilestoneFiles(place.folder, readScanSettings(place.folder), place.file);
    await Promise.all(uris.map((u) => this.refreshFile(u)));
  }

  /**
   * Reads the milestone files of `folder`, keeping the text of each approval log among them; then
   * reads the approval logs that milestones requiring an approval need and the scan did not find.
   */
  private async scanFolder(folder: vscode.WorkspaceFolder): Promise<FolderScan> {
    const settings = readScanSettings(folder);
    const uris = await findMilestoneFiles(folder, settings);
    const readings: FoundReading[] = [];
    const approvalLogs = new Map<string, string | null>();
    await forEachLimited(uris, READ_CONCURRENCY, async (uri) => {
      const place = locate(uri);
      if (!place || classifyPath(place.file) === null) return;
      const found = await this.load(uri, settings.maxFileSize);
      if (isApprovalLog(place.file)) approvalLogs.set(place.file, approvalLogText(found));
      const reading = this.readingOf(place.file, found);
      if (reading) readings.push(reading);
    });
    const key = folder.uri.toString();
    const missing = new Set(readings.filter((r) => this.index.lacksApprovalLog(key, r.reading)).map((r) => decisionsFileOf(r.reading.file)));
    for (const file of missing) {
      if (approvalLogs.has(file)) continue;
      const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
      approvalLogs.set(file, approvalLogText(await this.load(uri, settings.maxFileSize)));
    }
    return { readings, approvalLogs };
  }

  /** Reads the approval log `file` of `folder` into the index. */
  private async loadApprovalLog(folder: vscode.WorkspaceFolder, file: string, maxFileSize: number): Promise<void> {
    const found = await this.load(vscode.Uri.joinPath(folder.uri, ...file.split('/')), maxFileSize);
    this.index.setApprovalLog(folder.uri.toString(), file, approvalLogText(found));
  }

  /** What the index reads of `uri`: the text of an editor with unsaved changes when there is one, else the file on disk. */
  private async load(uri: vscode.Uri, maxFileSize: number): Promise<FileRead> {
    const text = openDocumentText(uri);
    return text === undefined ? readWorkspaceFile(uri, maxFileSize) : { kind: 'text', text, textKind: { kind: 'utf8' } };
  }

  /**
   * The reading of one file; null when it is not (or no longer) a milestone file. Through
   * `readFoundFile`: a milestone file that is too large, unreadable, binary or not UTF-8 is indexed
   * with its note, which becomes its problem.
   */
  private readingOf(file: string, found: FileRead): FoundReading | null {
    if (found.kind === 'directory' || found.kind === 'missing') return null;
    try {
      return readFoundFile(file, found, raiseLimit);
    } catch (error) {
      // The readers promise not to throw on content; if one does, the rest of the index keeps working.
      this.log.error(`Reading ${file} failed`, error instanceof Error ? error : String(error));
      return null;
    }
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.pending++;
    try {
      await work();
    } catch (error) {
      this.log.error('Index update failed', error instanceof Error ? error : String(error));
    } finally {
      this.settle();
    }
  }

  private settle(): void {
    if (--this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/** What an approval log logs comes from its text; a log that is missing, too large or not text logs nothing. */
function approvalLogText(found: FileRead): string | null {
  return found.kind === 'text' && (found.textKind.kind === 'utf8' || found.textKind.kind === 'invalid-utf8') ? found.text : null;
}
