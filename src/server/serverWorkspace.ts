/**
 * The language server's state of the workspace and every check it publishes: the folders and their
 * schemas, the index of readings (for the checks across files), the open documents, and the
 * problems of each file in layers. Each change comes in as a method call (a document opened,
 * edited or closed; a file changed on disk; new settings) and goes out as `publish(uri, problems)`
 * for each file whose problems changed. No LSP types here: milestonesServer.ts wires the protocol.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localToday } from '../core/checks/today';
import { readFoundFile, type FoundReading } from '../core/conventions/readFoundFile';
import { readMilestoneFile } from '../core/conventions/readMilestoneFile';
import { documentProblems, type DocumentPlace } from '../core/engine/documentFeatures';
import type { Problem } from '../core/problems';
import { hasSchemaFileName } from '../core/schema/schemaLocations';
import type { SchemaHost } from '../core/schema/schemaTypes';
import { validateFile } from '../core/validate/validateFile';
import { utf8Length } from '../core/text/utf8Length';
import type { ServerSettings } from '../protocol/serverProtocol';
import type { FolderFile, IndexChange } from '../protocol/viewProtocol';
import { isApprovalLog } from '../core/lifecycle/approval/approvalGate';
import { sameRows } from '../core/views/sameRows';
import { schemaFileLayer } from './schemaFileLayer';
import { ServerViews } from './serverViews';
import { ProblemLayers, type ProblemLayer } from './problemLayers';
import { fileSystemPath, fileUri, folderFileUri, keyOf, ServerFolders, type ServerFolder } from './serverFolders';
import { IndexNotices } from './indexNotices';
import { serverPlatform } from './serverPlatform';
import { ServerIndex } from './serverIndex';
import { raiseLimit, readFolderFile, sameReading } from './serverReads';

/** Quiet time after index changes before the checks across files run again. */
const ACROSS_DELAY_MS = 200;
/** Quiet time after a schema or settings change before every file is checked again. */
const RECHECK_DELAY_MS = 50;
/**
 * How long a scan works before it lets requests be answered (a turn of the event loop). Why time,
 * not a number of files: a file's checks cost 0.3–3 ms on a busy machine, and 50 files a turn made
 * the tree's requests wait up to 150 ms each while the checks ran.
 */
const SCAN_SLICE_MS = 8;
/** At the end of a scan, the problems of this many files are sent a turn, `PUBLISH_PAUSE_MS` apart. */
const PUBLISH_SLICE = 100;
const PUBLISH_PAUSE_MS = 10;

export interface WorkspaceOutput {
  /** The problems of `uri` changed (an open document's URI as the client gave it). */
  publish(uri: string, problems: readonly Problem[], version: number | undefined): void;
  /** A check threw (a bug): logged, the rest goes on. */
  fail(what: string, error: unknown): void;
  /** The index or the problems its rows show changed (gathered; see `IndexChange`). */
  indexChanged?(change: IndexChange): void;
  /** A line for the log (the Milestones output in VS Code). */
  log?(message: string): void;
}

export class ServerWorkspace {
  readonly folders: ServerFolders;
  private readonly layers = new ProblemLayers();
  private readonly index: ServerIndex;
  /** Open documents by normalised URI (`keyOf`). */
  private readonly open = new Map<string, TextDocument>();
  /** The version of each open document the server has taken in. */
  private readonly versions = new Map<string, number>();
  /** The document version each open document's file layer was computed from. */
  private readonly checkedVersion = new Map<string, number>();
  private scope: ServerSettings['scope'] = 'openFiles';
  private scanGeneration = 0;
  private disposed = false;
  private acrossTimer: ReturnType<typeof setTimeout> | undefined;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private scanned: Promise<number> = Promise.resolve(0);
  /** The views of the index the extension asks for (tree, Next, lists). */
  readonly views: ServerViews;
  /** Files indexed only for their note (too large, binary …): there is no text to edit. */
  private readonly textless = new Set<string>();
  /** The notices of index changes to the client (`milestones/indexChanged`). */
  private readonly notices: IndexNotices;
  private scanning = false;
  /** The file being stored with the same rows as before (`sameRows`), while it is stored. */
  private sameRowsKey: string | null = null;
  /** Files read from disk again while a scan checks the files it read (its results for them are older); null outside that pass. */
  private readSinceScan: Set<string> | null = null;
  private ready = false;
  /** `Date.now()` when the first scan had read every file (the tree was full); null before. */
  indexedAt: number | null = null;

  constructor(private readonly out: WorkspaceOutput) {
    /** Schema files are read from their open document when there is one (unsaved edits count). */
    const host: SchemaHost = {
      stat: (abs) => serverPlatform().schemaHost.stat(abs),
      readText: (abs, maxBytes) => {
        const doc = this.open.get(fileUri(abs));
        if (!doc) return serverPlatform().schemaHost.readText(abs, maxBytes);
        const text = doc.getText();
        return utf8Length(text) > maxBytes ? { kind: 'too-large' } : { kind: 'text', text };
      },
    };
    this.folders = new ServerFolders(host);
    this.index = new ServerIndex(
      (root, file) => this.open.get(folderFileUri(root, file))?.getText() ?? null,
      (root) => this.folders.all.find((f) => f.root === root)?.maxFileSize ?? Infinity,
    );
    this.views = new ServerViews({
      folders: () => this.folders.all,
      readings: this.index.readings,
      ready: () => this.ready,
      problemsOf: (root, file) => {
        const key = folderFileUri(root, file);
        return this.shown(key) ? this.layers.problemsOf(key) : [];
      },
      textOf: (root, file) => this.index.currentText(root, file),
      full: (root, file, remember) => this.index.full(root, file, remember),
    });
    this.notices = new IndexNotices(out.indexChanged?.bind(out), () => ({ scanning: this.scanning, ready: this.ready, milestoneFiles: this.milestoneFiles }));
    this.index.readings.onDidChange((e) => {
      for (const change of e.changes) {
        const folder = this.folderAt(change.folder);
        const key = `${change.folder}\0${change.file}`;
        this.notices.fileChanged(key, folder ? { folder: folder.uri, file: change.file } : null, key === this.sameRowsKey);
      }
    });
  }

  /** Resolves once the scan under way and any scan waiting to start (a recheck still in its pause) have ended. */
  async whenIndexed(): Promise<void> {
    for (;;) {
      const scan = this.scanned;
      await scan;
      if (this.recheckTimer !== undefined) {
        clearTimeout(this.recheckTimer);
        this.recheckTimer = undefined;
        void this.scan();
      }
      if (scan === this.scanned) return;
    }
  }

  /** The milestone files of the folder `folder` (its URI) whose text the index read, sorted. */
  folderFiles(folder: string): string[] {
    const at = this.folders.all.find((f) => f.uri === folder);
    if (!at) return [];
    return this.index.filesOf(at.root).filter((file) => !this.textless.has(`${at.root}\0${file}`)).sort();
  }

  /** Reads these files again now (open document, else disk), as a watcher event would. */
  refreshFiles(files: readonly FolderFile[]): void {
    for (const { folder, file } of files) {
      const at = this.folders.all.find((f) => f.uri === folder);
      if (!at) continue;
      const key = folderFileUri(at.root, file);
      const doc = this.open.get(key);
      if (doc) {
        if (isApprovalLog(file)) this.index.readings.setApprovalLog(at.root, file, doc.getText());
        this.checkDocument(key, doc);
        continue;
      }
      const abs = fileSystemPath(key);
      this.changedOnDisk(key, abs === null || serverPlatform().schemaHost.stat(abs) === null);
    }
  }

  /**
   * On the web, files the extension sent while it lists the workspace, before the first scan (which
   * waits for the whole listing): their readings go in the index now, so the tree fills as they
   * arrive, as it does during a scan on the desktop; their checks wait for that scan.
   */
  listed(uris: readonly string[]): void {
    // Notices are paced as during a scan: each one repaints the tree.
    this.scanning = true;
    for (const uri of uris) {
      const key = keyOf(uri);
      const place = this.placeOf(key);
      const folder = place && this.folderAt(place.folderRoot);
      if (!place || !folder || this.open.has(key)) continue;
      const found = this.safely(place.file, () => readFolderFile(folder, place.file));
      this.setReading(folder.root, place.file, found?.reading ?? null, found?.text != null);
    }
  }

  /** The folders given at start-up, with the defaults (other editors). */
  start(uris: readonly string[], settings: ServerSettings | undefined): void {
    if (settings) this.applySettings(settings);
    else this.folders.set(uris);
  }

  applySettings(settings: ServerSettings): void {
    this.scope = settings.scope;
    this.folders.setSettings(settings);
  }

  /** Settings or folders changed: everything is read and checked again. */
  settingsChanged(settings: ServerSettings): void {
    const scope = this.scope;
    this.applySettings(settings);
    // What is shown changes at once with the scope: the files that are not open show their problems, or none.
    if (scope !== this.scope) for (const key of this.layers.uris()) this.emit(key);
    this.recheckSoon();
  }

  /** Folders added or removed (clients that send no settings). */
  foldersChanged(uris: readonly string[]): void {
    this.folders.set(uris);
    this.recheckSoon();
  }

  /** Reads every schema again and checks every file; resolves with the number of milestone files checked. */
  async validateWorkspace(): Promise<number> {
    this.folders.reset();
    clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
    return this.scan();
  }

  /** Resolves when the scan under way (if any) has ended. */
  whenScanned(): Promise<number> {
    return this.scanned;
  }

  /** Milestone files in the index. */
  get milestoneFiles(): number {
    return this.index.readings.size;
  }

  /** The open document of `uri`, if any. */
  document(uri: string): TextDocument | undefined {
    return this.open.get(keyOf(uri));
  }

  /** Every problem of `uri` as shown now (the pull model asks for this); its file layer is brought up to date first. */
  problemsOf(document: TextDocument): readonly Problem[] {
    const key = keyOf(document.uri);
    if (this.checkedVersion.get(key) !== document.version) this.checkDocument(key, document);
    return this.shown(key) ? this.layers.problemsOf(key) : [];
  }

  opened(document: TextDocument): void {
    const key = keyOf(document.uri);
    this.open.set(key, document);
    this.versions.set(key, document.version);
    // An open schema is read from its document: what counts changes only when it differs from the disk.
    if (this.isSchemaFile(key)) return this.differsFromDisk(key, document) ? this.schemasChanged(key) : undefined;
    this.approvalLogChanged(key, document.getText());
    if (this.placeOf(key)) {
      const problems = this.documentChecked(key, document);
      if (problems !== null) this.layers.set(key, 'file', problems);
    }
    this.emit(key);
  }

  /** The text of an open document changed (after the client's typing pause). */
  changed(document: TextDocument): void {
    const key = keyOf(document.uri);
    if (this.versions.get(key) === document.version) return;
    this.open.set(key, document);
    this.versions.set(key, document.version);
    if (this.isSchemaFile(key)) return this.schemasChanged(key);
    this.approvalLogChanged(key, document.getText());
    this.checkDocument(key, document);
  }

  /** A document was closed: its file on disk counts again (an editor may close without saving). */
  closed(uri: string): void {
    const key = keyOf(uri);
    const document = this.open.get(key);
    this.open.delete(key);
    this.versions.delete(key);
    this.checkedVersion.delete(key);
    if (this.isSchemaFile(key)) return document && this.differsFromDisk(key, document) ? this.schemasChanged(key) : this.emit(key);
    const place = this.placeOf(key);
    this.approvalLogChanged(key, undefined);
    if (place) this.readFromDisk(key, place);
    this.emit(key);
  }

  /** A file or folder changed on disk (`deleted`: it is gone). */
  changedOnDisk(uri: string, deleted: boolean): void {
    const key = keyOf(uri);
    const abs = fileSystemPath(key);
    if (abs === null) return;
    const at = this.folders.locate(abs);
    if (at && at.folder.schemas === null && at.file === '.vscode/settings.json') {
      this.folders.reset();
      return this.recheckSoon();
    }
    if (this.isSchemaFile(key)) return this.schemasChanged(key);
    if (!at) return;
    if (!this.open.has(key)) this.approvalLogChanged(key, deleted ? null : undefined);
    if (deleted) {
      for (const file of this.index.removeUnder(at.folder.root, at.file)) {
        const gone = folderFileUri(at.folder.root, file);
        if (this.layers.forget(gone)) this.emit(gone);
      }
      return this.acrossSoon();
    }
    const doc = this.open.get(key);
    if (doc) {
      // An open document is what counts; a file deleted and written again is indexed from it again
      // (VS Code keeps the document of a closed editor a while, and reloads it only if the text differs).
      if (!this.index.has(at.folder.root, at.file)) this.checkDocument(key, doc);
      return;
    }
    const place = this.placeOf(key);
    if (place) return this.readFromDisk(key, place);
    // A folder moved in (not one the scan skips, like node_modules/): its files are read with everything else.
    if (!at.folder.pruned(at.file) && serverPlatform().schemaHost.stat(abs)?.regular === false) this.recheckSoon();
  }

  dispose(): void {
    this.disposed = true;
    this.scanGeneration++;
    clearTimeout(this.acrossTimer);
    clearTimeout(this.recheckTimer);
    this.notices.dispose();
  }

  /**
   * Reads every milestone file of every folder (`SCAN_SLICE_MS` a turn) and keeps its reading in the
   * index; the tree is then full, and told so. Then, with the scope `workspace`, checks each file's
   * own problems (an open document's from its text), the checks across files and of the schema files.
   * Why two passes: the checks cost several times the reading (schemas, cross-file), and the person
   * waits for the tree, not for the Problems panel. A newer scan stops this one.
   */
  scan(): Promise<number> {
    const generation = ++this.scanGeneration;
    const started = Date.now();
    this.scanning = true;
    const indexed = () => {
      if (generation !== this.scanGeneration || !this.scanning) return;
      this.out.log?.(`Indexed ${this.milestoneFiles} milestone file(s) in ${this.folders.all.length} folder(s) in ${Date.now() - started} ms.`);
      this.scanning = false;
      this.ready = true;
      this.indexedAt ??= Date.now();
      this.views.invalidate();
      this.notices.flush(true);
    };
    this.scanned = this.scanFolders(generation, started, indexed).catch((error: unknown) => {
      this.out.fail('Reading the workspace failed', error);
      return 0;
    }).finally(() => {
      // The problems the second pass found reach the rows as any other change of problems does:
      // only the rows showing them are repainted (a repaint of all would close a group the person
      // is opening at that moment).
      if (generation === this.scanGeneration) indexed();
    });
    return this.scanned;
  }

  private async scanFolders(generation: number, started: number, indexed: () => void): Promise<number> {
    /** Files the scan found on disk (an open document of a deleted file is checked, not indexed). */
    const onDisk = new Set<string>();
    /** Files read from disk whose own problems the second pass checks. */
    const toCheck: DocumentPlace[] = [];
    let sliceStart = performance.now();
    const pause = async (): Promise<boolean> => {
      if (performance.now() - sliceStart >= SCAN_SLICE_MS) {
        await new Promise<void>((resolve) => serverPlatform().yieldTurn(resolve));
        sliceStart = performance.now();
      }
      return generation === this.scanGeneration;
    };
    this.index.keepFolders(this.folders.all.map((f) => f.root));
    for (const folder of this.folders.all) {
      const seen = new Set<string>();
      for (const item of serverPlatform().scanFolder(folder.root, { include: folder.include, exclude: folder.exclude, maxFileSize: folder.maxFileSize })) {
        if (!(await pause())) return 0;
        if (item.kind === 'unreadable-folder') continue;
        const found = this.safely(item.file, () => readFoundFile(item.file, item, raiseLimit));
        if (!found) continue;
        seen.add(item.file);
        const key = folderFileUri(folder.root, item.file);
        onDisk.add(key);
        const doc = this.open.get(key);
        if (doc) {
          this.setReading(folder.root, item.file, this.safely(item.file, () => readMilestoneFile(item.file, doc.getText())), true);
          continue;
        }
        this.setReading(folder.root, item.file, found.reading, found.text !== null);
        if (this.scope === 'workspace') toCheck.push({ folderRoot: folder.root, file: item.file });
      }
      for (const file of this.index.filesOf(folder.root)) if (!seen.has(file) && !this.open.has(folderFileUri(folder.root, file))) this.index.set(folder.root, file, null);
      this.loadApprovalLogs(folder);
    }
    if (generation !== this.scanGeneration) return 0;
    indexed();
    const fileLayer = new Map<string, readonly Problem[]>();
    // A file read again since the first pass (an outside edit, a tick) keeps what that read found.
    const readSince = new Set<string>();
    this.readSinceScan = readSince;
    for (const place of toCheck) {
      if (!(await pause())) return 0;
      const key = folderFileUri(place.folderRoot, place.file);
      if (readSince.has(key)) continue;
      // Read again: keeping 10,000 texts from the first pass would cost their size in memory.
      const folder = this.folderAt(place.folderRoot);
      const found = folder ? this.safely(place.file, () => readFolderFile(folder, place.file)) : null;
      if (found) fileLayer.set(key, this.checkFound(place, found));
    }
    for (const key of readSince) fileLayer.set(key, this.layers.layerOf(key, 'file'));
    this.readSinceScan = null;
    // Open documents keep the layer computed from their text, checked again with today's schemas.
    for (const [key, doc] of this.open) {
      const problems = this.documentChecked(key, doc, onDisk.has(key));
      if (problems !== null) fileLayer.set(key, problems);
    }
    // Sent a slice at a time: thousands of files' problems at once held the extension host (which
    // converts them) and the window (which draws them) ahead of everything else.
    const changed = new Set(this.replace('file', fileLayer, false));
    for (const key of this.checkAcross(false)) changed.add(key);
    const keys = [...changed];
    for (let i = 0; i < keys.length; i += PUBLISH_SLICE) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, PUBLISH_PAUSE_MS));
      // Not stopped by a newer scan: it sends only what changes from here, and these have changed.
      if (this.disposed) return 0;
      // Each file's problems as they are now (a file changed meanwhile was sent already: again, the same).
      for (const key of keys.slice(i, i + PUBLISH_SLICE)) this.emit(key);
    }
    this.out.log?.(`Checked ${toCheck.length} file(s) on disk and ${this.open.size} open document(s) since the scan began, in ${Date.now() - started} ms.`);
    return this.milestoneFiles;
  }

  /** Replaces a layer of problems; sends what changed unless `publish` is false (then the caller sends them); the files whose problems changed. */
  private replace(layer: ProblemLayer, next: ReadonlyMap<string, readonly Problem[]>, publish = true): string[] {
    const changed = this.layers.replace(layer, next);
    if (publish) for (const key of changed) this.emit(key);
    return changed;
  }

  /** Checks an open document from its text: its file layer (published when it changed) and its reading in the index. */
  private checkDocument(key: string, doc: TextDocument): void {
    const problems = this.documentChecked(key, doc);
    if (problems !== null && this.layers.set(key, 'file', problems)) this.emit(key);
  }

  /**
   * The own problems of an open document (null: no milestone file), its reading kept in the index
   * unless `index` is false (VS Code keeps the document of a deleted file a while: it is gone).
   */
  private documentChecked(key: string, doc: TextDocument, index = true): readonly Problem[] | null {
    const place = this.placeOf(key);
    if (!place) return null;
    this.checkedVersion.set(key, doc.version);
    const text = doc.getText();
    let problems: readonly Problem[] = [];
    try {
      problems = documentProblems(place, text, this.envOf(place.folderRoot)) ?? [];
    } catch (error) {
      this.out.fail(`Validating ${place.file} failed`, error);
    }
    if (!index) return problems;
    this.setReading(place.folderRoot, place.file, this.safely(place.file, () => readMilestoneFile(place.file, text)), true);
    this.loadApprovalLogs(this.folderAt(place.folderRoot), place.file);
    this.acrossSoon();
    return problems;
  }

  /** Reads a file that is not open from disk: its reading in the index and (scope `workspace`) its file layer. */
  private readFromDisk(key: string, place: DocumentPlace): void {
    const folder = this.folderAt(place.folderRoot);
    if (!folder) return;
    const found = this.safely(place.file, () => readFolderFile(folder, place.file));
    this.setReading(folder.root, place.file, found?.reading ?? null, found?.text != null);
    this.loadApprovalLogs(folder, place.file);
    const problems = found && this.scope === 'workspace' ? this.checkFound(place, found) : [];
    this.readSinceScan?.add(key);
    if (this.layers.set(key, 'file', problems)) this.emit(key);
    this.acrossSoon();
  }

  /** The own problems of a file read from disk (one that could not be read: the reading's note). */
  private checkFound(place: DocumentPlace, found: FoundReading): readonly Problem[] {
    try {
      return validateFile(place.file, found.text ?? '', found.reading, this.envOf(place.folderRoot));
    } catch (error) {
      this.out.fail(`Validating ${place.file} failed`, error);
      return [];
    }
  }

  private acrossSoon(): void {
    clearTimeout(this.acrossTimer);
    this.acrossTimer = setTimeout(() => this.checkAcross(), ACROSS_DELAY_MS);
  }

  /** The checks across files and the schema files' own problems, published where they changed (unless `publish` is false); the files whose problems changed. */
  private checkAcross(publish = true): string[] {
    clearTimeout(this.acrossTimer);
    const across = new Map<string, readonly Problem[]>();
    try {
      for (const { at, problems } of this.index.crossFileProblems()) across.set(folderFileUri(at.root, at.file), problems);
    } catch (error) {
      this.out.fail('The cross-file checks failed', error);
    }
    const changed = this.replace('across', across, publish);
    const schema = schemaFileLayer(this.folders, (root) => this.index.filesOf(root), (uri) => this.open.has(uri), (what, error) => this.out.fail(what, error));
    return [...changed, ...this.replace('schema', schema, publish)];
  }

  /** A schema file changed (typed in, saved, created, deleted, opened or closed): every file may have other problems now. */
  private schemasChanged(key: string): void {
    const abs = fileSystemPath(key);
    if (abs !== null) this.folders.invalidate(abs);
    this.recheckSoon();
  }

  private recheckSoon(): void {
    clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      void this.scan();
    }, RECHECK_DELAY_MS);
  }

  /** Sends what `key` shows now; notes a file whose rows show other problems now (their lines changed). */
  private emit(key: string): void {
    const doc = this.open.get(key);
    const problems = this.shown(key) ? this.layers.problemsOf(key) : [];
    this.out.publish(doc?.uri ?? key, problems, doc?.version);
    const lines = problems.map((p) => p.range.start.line).sort((a, b) => a - b).join(',');
    const abs = fileSystemPath(key);
    const at = abs === null ? null : this.folders.locate(abs);
    this.notices.problemsShown(key, at ? { folder: at.folder.uri, file: at.file } : null, lines);
  }

  private setReading(root: string, file: string, reading: FoundReading['reading'] | null, hasText: boolean): void {
    if (reading && !hasText) this.textless.add(`${root}\0${file}`);
    else this.textless.delete(`${root}\0${file}`);
    // The same reading again (an editor opened on the file, a save of text already taken in) changes
    // nothing: no notice, so the tree does not repaint. Why it matters: during a repaint VS Code
    // forgets the rows for a moment, and a click or a context-menu command on one then loses its row.
    const before = this.index.readings.get(root, file);
    // Compared as the index keeps it (a file no editor has open, without its steps): an editor
    // opened on a file is then a change (its steps are kept now), which repaints no row.
    if (!this.scanning && reading && sameReading(before, this.index.kept(root, file, reading))) return;
    // Compared before the approval gate: a status it changes is then a change of rows (cautious).
    this.sameRowsKey = before !== undefined && reading !== null && sameRows(before, reading) ? `${root}\0${file}` : null;
    try {
      this.index.set(root, file, reading);
    } finally {
      this.sameRowsKey = null;
    }
  }

  /** The approval logs (DECISIONS.md) that milestones of `folder` (of `file` only, when given) need and the index lacks. */
  private loadApprovalLogs(folder: ServerFolder | undefined, file?: string): void {
    if (folder) this.index.loadApprovalLogs(folder.root, file);
  }

  /**
   * `key` is an approval log (DECISIONS.md) that changed: what it logs is read again from `text`
   * (undefined: from disk; null: it is gone). Milestones beside it may be done now, or not.
   */
  private approvalLogChanged(key: string, text: string | null | undefined): void {
    const abs = fileSystemPath(key);
    const at = abs === null ? null : this.folders.locate(abs);
    if (at && isApprovalLog(at.file)) this.index.approvalLogChanged(at.folder.root, at.file, text);
  }

  /** With the scope `openFiles`, only open documents show problems. */
  private shown(key: string): boolean {
    return this.scope === 'workspace' || this.open.has(key);
  }

  private differsFromDisk(key: string, document: TextDocument): boolean {
    const abs = fileSystemPath(key);
    const disk = abs === null ? null : serverPlatform().schemaHost.readText(abs, utf8Length(document.getText()));
    return disk?.kind !== 'text' || disk.text !== document.getText();
  }

  private isSchemaFile(key: string): boolean {
    const abs = fileSystemPath(key);
    if (abs === null) return false;
    if (hasSchemaFileName(abs) || this.folders.usesSchemaFile(abs)) return true;
    const at = this.folders.locate(abs);
    return at !== null && this.folders.configuredSchemaFiles(at.folder).includes(at.file);
  }

  private placeOf(key: string): DocumentPlace | null {
    return this.folders.placeOf(key);
  }

  private folderAt(root: string): ServerFolder | undefined {
    return this.folders.all.find((f) => f.root === root);
  }

  private envOf(root: string) {
    return { schemas: this.folders.schemasOf(root), folderRoot: root, today: localToday() };
  }

  /** `run()`, or null when it throws (a reader bug: logged, the file is left out). */
  private safely<T>(file: string, run: () => T | null): T | null {
    try {
      return run();
    } catch (error) {
      this.out.fail(`Reading ${file} failed`, error);
      return null;
    }
  }
}
