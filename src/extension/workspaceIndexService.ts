import * as vscode from 'vscode';
import { readFoundFile, type FoundReading, type RaiseLimit } from '../core/conventions/readFoundFile';
import { classifyPath, readMilestoneFile } from '../core/conventions/readMilestoneFile';
import { MilestoneIndex } from '../core/index/milestoneIndex';
import type { IndexFileChange } from '../core/index/milestoneIndex';
import type { Milestone } from '../core/model';
import { ViewId } from './commandIds';
import { readScanSettings } from './config';
import { findMilestoneFiles } from './workspaceScan';
import { forEachLimited, locate, openDocumentText, readWorkspaceFile } from './workspaceFiles';

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

/**
 * Keeps the core `MilestoneIndex` (folder key = the workspace folder's URI string) in step with the
 * files on disk and the open editors. All file reading happens here; the tree reads the index only.
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
          const found = new Set(results[i].map((r) => r.reading.file));
          for (const entry of [...this.index.entries()]) {
            if (entry.folder === key && !found.has(entry.file)) this.index.delete(key, entry.file);
          }
          for (const read of results[i]) {
            this.keepText(key, read);
            this.index.set(key, read.reading.file, read.reading);
          }
        });
      });
      this.scanned = true;
      const count = results.reduce((n, r) => n + r.length, 0);
      this.log.info(`Indexed ${count} milestone file(s) in ${folders.length} folder(s) in ${Date.now() - started} ms.`);
      this.changed.fire({ reason: 'scan', changes: [] });
    });
    await vscode.window.withProgress({ location: { viewId: ViewId.tree }, title: 'Indexing milestone files' }, () => scan);
  }

  /** Reads `uri` again (from its open editor when there is one, else from disk) and updates the index. */
  refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = this.bump(key);
    return this.track(async () => {
      const place = locate(uri);
      if (!place) return;
      const reading = await this.read(uri, place.file, readScanSettings(place.folder).maxFileSize);
      if (this.generation.get(key) !== generation) return;
      if (reading === 'directory') {
        await this.refreshDirectory(uri);
        return;
      }
      this.log.trace(`${reading ? 'read' : 'dropped'} ${place.file}${openDocumentText(uri) !== undefined ? ' (unsaved editor)' : ''}`);
      const folder = place.folder.uri.toString();
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
    this.index.batch(() => { for (const entry of gone) this.index.delete(folder, entry.file); });
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

  private async scanFolder(folder: vscode.WorkspaceFolder): Promise<FoundReading[]> {
    const settings = readScanSettings(folder);
    const uris = await findMilestoneFiles(folder, settings);
    const readings: FoundReading[] = [];
    await forEachLimited(uris, READ_CONCURRENCY, async (uri) => {
      const place = locate(uri);
      if (!place) return;
      const reading = await this.read(uri, place.file, settings.maxFileSize);
      if (reading && reading !== 'directory') readings.push(reading);
    });
    return readings;
  }

  /**
   * The reading of one file; null when it is not (or no longer) a milestone file. From an editor with
   * unsaved changes when there is one, else from disk through `readFoundFile`: a milestone file that
   * is too large, unreadable, binary or not UTF-8 is indexed with its note, which becomes its problem.
   */
  private async read(uri: vscode.Uri, file: string, maxFileSize: number): Promise<FoundReading | null | 'directory'> {
    if (classifyPath(file) === null) return null;
    const text = openDocumentText(uri);
    const read = text === undefined ? await readWorkspaceFile(uri, maxFileSize) : null;
    if (read?.kind === 'directory') return 'directory';
    if (read?.kind === 'missing') return null;
    try {
      if (read) return readFoundFile(file, read, raiseLimit);
      const reading = readMilestoneFile(file, text!);
      return reading ? { reading, text: text! } : null;
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
