/**
 * On the web, what keeps the language server's view of the files current (see mirrorProtocol.ts):
 * each workspace folder listed with `findFiles` and the bytes of the files a scan reads
 * (`readsBytes`) read through `vscode.workspace.fs`, then every change VS Code's watcher reports.
 * The names of the other files go too, bytes-less: the checks across files ask whether a linked
 * file exists.
 *
 * Reads take a network round trip on github.dev, so they overlap, and nothing orders what they
 * send: a file read by the listing, then saved and sent again by its change event, could reach the
 * server old after new. So every event on a file (and a delete of a folder above it) is numbered,
 * and a read that an event overtook is not sent: the event's own read (or delete) is what counts.
 */
import * as vscode from 'vscode';
import { errorReason } from '../../core/conventions/readFoundFile';
import { matcher } from '../../core/workspace/globs';
import { fileExcludeMatcher, readsBytes } from '../../core/workspace/scanItems';
import { MIRROR_NOTIFICATION, type MirrorFile, type MirrorParams } from '../../protocol/mirrorProtocol';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { readScanSettings } from '../config';
import type { FileWatch } from '../platform';
import { forEachLimited, locate, relativePath } from '../workspaceFiles';

/** Files a notification carries at most: a folder's listing goes in several, so the worker takes them in as they come. */
const BATCH = 200;
/**
 * Reads under way at once: each is two round trips (`stat`, then `readFile`) to wherever the files
 * are (GitHub for github.dev, the VS Code server in the tests). Measured on the 10k-file bench
 * workspace through the VS Code server (`npm run bench:web`), the files were sent in 23 s with 16
 * at once, 12–13 s with 64 or 128, 9–10 s with 256. Why 64: at most this many files' bytes are in
 * memory at once, each up to `milestones.maxFileSize` (2 MB by default): 128 MB at worst.
 */
const READS_AT_ONCE = 64;

export class WorkspaceMirror implements FileWatch {
  private readonly subscriptions: vscode.Disposable[] = [];
  private client: BaseLanguageClient | undefined;
  /** Bumped by each full listing: a full listing a newer one replaced stops sending. */
  private generation = 0;
  /** The server waits for `complete` before its first scan: owed until a full listing ends. */
  private completeOwed = false;
  /** Numbers the watcher's events: `touched` (a file's last event) and `deleted` (a path's last delete) hold the number. */
  private events = 0;
  private readonly touched = new Map<string, number>();
  private readonly deleted = new Map<string, number>();
  /** Reads under way: when none is, no event number is needed any more, and both maps are emptied (they would grow with every event of a session). */
  private reading = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.changed(uri, true)),
      watcher.onDidChange((uri) => void this.changed(uri, false)),
      watcher.onDidDelete((uri) => this.gone(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        this.send({ files: [], gone: e.removed.map((f) => f.uri.toString()) });
        // A folder left inside a removed one lost its files with it: listed again, as the added ones.
        const remaining = (vscode.workspace.workspaceFolders ?? []).filter((f) => !e.added.includes(f));
        const inside = remaining.filter((f) => e.removed.some((r) => isBelow(f.uri, r.uri)));
        if (e.added.length + inside.length > 0) void this.list([...e.added, ...inside], false);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Other include, exclude or size bound: the files the server needs are others.
        if (['include', 'exclude', 'maxFileSize'].some((k) => e.affectsConfiguration(`milestones.${k}`))) void this.list(vscode.workspace.workspaceFolders ?? [], true);
      }),
    );
  }

  /** The client runs (again: a new server holds nothing and waits for a first listing): every folder is listed and sent. */
  started(client: BaseLanguageClient): void {
    this.client = client;
    this.completeOwed = true;
    void this.list(vscode.workspace.workspaceFolders ?? [], true);
  }

  dispose(): void {
    this.generation++;
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /**
   * Lists `folders` and sends what they hold. A `full` listing (every folder) replaces a full one
   * under way, and ends with `complete` while the server waits for one; a listing of added folders
   * runs beside it.
   */
  private async list(folders: readonly vscode.WorkspaceFolder[], full: boolean): Promise<void> {
    const generation = full ? ++this.generation : this.generation;
    const superseded = () => full && generation !== this.generation;
    const started = Date.now();
    let sent = 0;
    try {
      for (const folder of folders) {
        const settings = readScanSettings(folder);
        const wanted = wantedIn(folder);
        const listing = Date.now();
        const uris = await listFolder(folder, folder.uri, settings.exclude);
        this.log.info(`Listed ${uris.length} file(s) of ${folder.name} in ${Date.now() - listing} ms.`);
        if (superseded()) return;
        sent += await this.sendFiles(uris, wanted, settings.maxFileSize, superseded);
        if (superseded()) return;
      }
    } catch (error) {
      this.log.error('Listing the workspace for the language server failed', error instanceof Error ? error : String(error));
    }
    if (superseded()) return;
    if (full && this.completeOwed) {
      this.completeOwed = false;
      this.send({ files: [], gone: [], complete: true });
    }
    this.log.info(`Sent ${sent} file(s) of ${folders.length} folder(s) to the language server in ${Date.now() - started} ms.`);
  }

  /**
   * A file or folder created or changed: sent again (a folder: every file below it, as a listing
   * sends them). Nothing is asked of the file system for what the server does not need: a path the
   * exclude globs exclude (a build writing node_modules/), or a change to a file whose name is all
   * the server holds.
   */
  private async changed(uri: vscode.Uri, created: boolean): Promise<void> {
    this.touched.set(uri.toString(), ++this.events);
    const at = locate(uri);
    if (!at) return;
    const settings = readScanSettings(at.folder);
    if (matcher(settings.exclude)(at.file) || (!created && !wantedIn(at.folder)(at.file))) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const uris = stat.type & vscode.FileType.Directory ? await listFolder(at.folder, uri, settings.exclude) : [uri];
      await this.sendFiles(uris, wantedIn(at.folder), settings.maxFileSize, () => false);
    } catch {
      // Gone again before it could be read: its delete event follows.
    }
  }

  private gone(uri: vscode.Uri): void {
    const n = ++this.events;
    this.touched.set(uri.toString(), n);
    this.deleted.set(uri.toString(), n);
    this.send({ files: [], gone: [uri.toString()] });
  }

  /**
   * Reads `uris` (bytes where `wanted`, else the name only) and sends them `BATCH` at a time as the
   * reads end (no batch waits for its slowest read); a file an event overtook is left out, one found
   * gone is sent as gone. Stops once `stopped()`. The number of files sent.
   */
  private async sendFiles(uris: readonly vscode.Uri[], wanted: (file: string) => boolean, maxFileSize: number, stopped: () => boolean): Promise<number> {
    let files: MirrorFile[] = [];
    let gone: string[] = [];
    let sent = 0;
    const flush = () => {
      if (stopped()) return;
      this.send({ files, gone });
      sent += files.length;
      files = [];
      gone = [];
    };
    await forEachLimited(uris, READS_AT_ONCE, async (uri) => {
      if (stopped()) return;
      const since = this.events;
      const at = locate(uri);
      const file = at && relativePath(at.folder.uri, uri);
      let read: MirrorFile | null = { uri: uri.toString() };
      if (file && wanted(file)) {
        this.reading++;
        try {
          read = await readMirrorFile(uri, maxFileSize);
        } finally {
          this.reading--;
        }
      }
      const overtaken = this.overtaken(uri, since);
      if (this.reading === 0) {
        this.touched.clear();
        this.deleted.clear();
      }
      if (overtaken) return;
      if (read === null) gone.push(uri.toString());
      else files.push(read);
      if (files.length + gone.length >= BATCH) flush();
    });
    flush();
    return sent;
  }

  /** Whether an event on `uri`, or a delete of a folder above it, came after the event number `since`. */
  private overtaken(uri: vscode.Uri, since: number): boolean {
    if ((this.touched.get(uri.toString()) ?? 0) > since) return true;
    for (let child = uri; ;) {
      const parent = vscode.Uri.joinPath(child, '..');
      if (parent.path === child.path) return false;
      if ((this.deleted.get(parent.toString()) ?? 0) > since) return true;
      child = parent;
    }
  }

  private send(params: MirrorParams): void {
    if (!this.client?.isRunning() || (params.files.length === 0 && params.gone.length === 0 && params.complete !== true)) return;
    void this.client.sendNotification(MIRROR_NOTIFICATION, params);
  }
}

/** Whether the server needs the bytes of `file` of `folder`: in the scan's globs, and a file a scan reads. */
function wantedIn(folder: vscode.WorkspaceFolder): (file: string) => boolean {
  const settings = readScanSettings(folder);
  const included = matcher(settings.include);
  const excluded = fileExcludeMatcher(settings.exclude);
  return (file) => included(file) && !excluded(file) && readsBytes(file);
}

/**
 * The files below `under` (the workspace folder `folder` or a folder in it), but those the exclude
 * globs exclude. The globs go to the search too, which then skips those folders (node_modules/):
 * joined in one `{…}`, unless one holds braces itself (VS Code's globs do not nest them).
 */
async function listFolder(folder: vscode.WorkspaceFolder, under: vscode.Uri, exclude: readonly string[]): Promise<vscode.Uri[]> {
  const excluded = matcher(exclude);
  const joined = exclude.length > 0 && exclude.every((g) => !/[{}]/.test(g)) ? `{${exclude.join(',')}}` : null;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(under, '**/*'), joined);
  return uris.filter((uri) => !excluded(relativePath(folder.uri, uri) ?? ''));
}

/** Whether `uri` is `folder` or below it. */
function isBelow(uri: vscode.Uri, folder: vscode.Uri): boolean {
  return uri.scheme === folder.scheme && uri.authority === folder.authority && (uri.path === folder.path || uri.path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`));
}

/** One file's bytes within `maxFileSize`; over it, only its size; unreadable, why; null when it is gone. */
async function readMirrorFile(uri: vscode.Uri, maxFileSize: number): Promise<MirrorFile | null> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxFileSize) return { uri: uri.toString(), size: stat.size };
    return { uri: uri.toString(), bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
    return { uri: uri.toString(), reason: errorReason(error) };
  }
}
