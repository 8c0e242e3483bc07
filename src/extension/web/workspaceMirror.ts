/**
 * On the web, what keeps the language server's view of the files current (see mirrorProtocol.ts):
 * each workspace folder listed with `findFiles` and the bytes of the files a scan reads
 * (`readsBytes`) read through `vscode.workspace.fs`, then every change VS Code's watcher reports.
 * The names of the other files go too, bytes-less: the checks across files ask whether a linked
 * file exists.
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
/** Reads under way at once (`workspace.fs` on github.dev is a network round trip a file). */
const READS_AT_ONCE = 16;

export class WorkspaceMirror implements FileWatch {
  private readonly subscriptions: vscode.Disposable[] = [];
  private client: BaseLanguageClient | undefined;
  /** Bumped by each full listing: a listing a newer one replaced stops sending. */
  private generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.changed(uri)),
      watcher.onDidChange((uri) => void this.changed(uri)),
      watcher.onDidDelete((uri) => this.send({ files: [], gone: [uri.toString()] })),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        this.send({ files: [], gone: e.removed.map((f) => f.uri.toString()) });
        void this.list(e.added, false);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Other include, exclude or size bound: the files the server needs are others.
        if (['include', 'exclude', 'maxFileSize'].some((k) => e.affectsConfiguration(`milestones.${k}`))) void this.list(vscode.workspace.workspaceFolders ?? [], true);
      }),
    );
  }

  /** The client runs (again: a new server holds nothing): every folder is listed and sent. */
  started(client: BaseLanguageClient): void {
    this.client = client;
    void this.list(vscode.workspace.workspaceFolders ?? [], true);
  }

  dispose(): void {
    this.generation++;
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** Lists `folders` and sends what they hold; `complete`: this listing is the server's first, its scan starts when it ends. */
  private async list(folders: readonly vscode.WorkspaceFolder[], complete: boolean): Promise<void> {
    const generation = ++this.generation;
    const started = Date.now();
    let sent = 0;
    try {
      for (const folder of folders) {
        const settings = readScanSettings(folder);
        const wanted = this.wanted(folder);
        // The exclude globs prune the listing as they prune the scan on the desktop.
        const exclude = settings.exclude.length > 0 ? `{${settings.exclude.join(',')}}` : null;
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude);
        if (generation !== this.generation) return;
        for (let i = 0; i < uris.length; i += BATCH) {
          const files = await this.mirrorFiles(uris.slice(i, i + BATCH), wanted, settings.maxFileSize);
          if (generation !== this.generation) return;
          this.send({ files, gone: [] });
          sent += files.length;
        }
      }
    } catch (error) {
      this.log.error('Listing the workspace for the language server failed', error instanceof Error ? error : String(error));
    }
    if (complete) this.send({ files: [], gone: [], complete: true });
    this.log.info(`Sent ${sent} file(s) of ${folders.length} folder(s) to the language server in ${Date.now() - started} ms.`);
  }

  /** A file or folder created or changed: sent again (a folder: every file below it). */
  private async changed(uri: vscode.Uri): Promise<void> {
    const at = locate(uri);
    if (!at) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const settings = readScanSettings(at.folder);
      const uris = stat.type & vscode.FileType.Directory ? await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*')) : [uri];
      this.send({ files: await this.mirrorFiles(uris, this.wanted(at.folder), settings.maxFileSize), gone: [] });
    } catch {
      // Gone again before it could be read: its delete event follows.
    }
  }

  /** Whether the server needs the bytes of `file` of `folder`: in the scan's globs, and a file a scan reads. */
  private wanted(folder: vscode.WorkspaceFolder): (file: string) => boolean {
    const settings = readScanSettings(folder);
    const included = matcher(settings.include);
    const excluded = fileExcludeMatcher(settings.exclude);
    return (file) => included(file) && !excluded(file) && readsBytes(file);
  }

  private async mirrorFiles(uris: readonly vscode.Uri[], wanted: (file: string) => boolean, maxFileSize: number): Promise<MirrorFile[]> {
    const files: MirrorFile[] = [];
    await forEachLimited(uris, READS_AT_ONCE, async (uri) => {
      const at = locate(uri);
      const file = at && relativePath(at.folder.uri, uri);
      if (!file || !wanted(file)) {
        files.push({ uri: uri.toString() });
        return;
      }
      files.push(await readMirrorFile(uri, maxFileSize));
    });
    return files;
  }

  private send(params: MirrorParams): void {
    if (!this.client?.isRunning()) return;
    void this.client.sendNotification(MIRROR_NOTIFICATION, params);
  }
}

/** One file's bytes within `maxFileSize`; over it, only its size; unreadable, why. */
async function readMirrorFile(uri: vscode.Uri, maxFileSize: number): Promise<MirrorFile> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxFileSize) return { uri: uri.toString(), size: stat.size };
    return { uri: uri.toString(), bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (error) {
    return { uri: uri.toString(), reason: errorReason(error) };
  }
}
