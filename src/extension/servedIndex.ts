import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import type { FileReading, Milestone } from '../core/model';
import type { TreeOptions } from '../core/views/treeRows';
import { VALIDATE_WORKSPACE_REQUEST } from '../protocol/serverProtocol';
import {
  FILE_READING_REQUEST, FOLDER_FILES_REQUEST, INDEX_CHANGED_NOTIFICATION, MILESTONE_LIST_REQUEST, NEXT_REQUEST, REFRESH_FILES_REQUEST,
  TREE_CHILDREN_REQUEST, TREE_PATH_REQUEST, TREE_ROWS_REQUEST, WHEN_INDEXED_REQUEST,
  type FolderFile, type FolderMilestoneList, type MilestoneListParams, type FolderNext, type IndexChange, type TreePath, type TreeRow,
} from '../protocol/viewProtocol';
import { ViewId } from './commandIds';
import { locate } from './workspaceFiles';

/** One batch of changes that reached the server's index. */
export interface IndexUpdate {
  /** `scan`: a scan ended or the server started again (everything may have changed); `change`: some files. */
  readonly reason: 'scan' | 'change';
  /** Files read again, added or removed (their folder's URI string and path). */
  readonly changes: readonly FolderFile[];
  /** Files whose rows show other problems now (and nothing else changed of them). */
  readonly problems: readonly FolderFile[];
  /** The files of `changes` kept their rows (none came, went or moved): only what rows show changed. */
  readonly rowsOnly: boolean;
}

/** The milestones of one workspace folder. */
export interface FolderMilestones {
  readonly folder: vscode.WorkspaceFolder;
  readonly milestones: readonly Milestone[];
}

/** A file of a workspace folder as the server names it. */
export function folderFileOf(uri: vscode.Uri): FolderFile | null {
  const place = locate(uri);
  return place ? { folder: place.folder.uri.toString(), file: place.file } : null;
}

/** The URI string of `file` of the workspace folder `folder` (its URI string), as VS Code writes it. */
export function workspaceFileUri(folder: string, file: string): string {
  return vscode.Uri.joinPath(vscode.Uri.parse(folder), ...file.split('/')).toString();
}

/** The workspace folder whose URI string is `folder`, if it is still open. */
export function workspaceFolderOf(folder: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === folder);
}

/**
 * The index of milestone files as the extension sees it: the language server's (it reads and parses
 * every file, once, in its own process), asked for what a view shows when it shows it. The extension
 * host keeps no reading and no text of its own; it hears of changes (`onDidIndex`) and asks again.
 */
export class ServedIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IndexUpdate>();
  /** Fires after each batch of changes reached the server's index, after every scan, and when the server runs again. */
  readonly onDidIndex = this.changed.event;
  private ready = false;
  private files = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: BaseLanguageClient, private readonly log: vscode.LogOutputChannel) {
    // The first scan shows its progress on the view until the server says it has read every file.
    void vscode.window.withProgress({ location: { viewId: ViewId.tree }, title: vscode.l10n.t('Indexing milestone files') }, () => new Promise<void>((resolve) => {
      const sub = this.onDidIndex(() => {
        if (!this.ready) return;
        sub.dispose();
        resolve();
      });
    }));
    this.subscriptions = [
      client.onNotification(INDEX_CHANGED_NOTIFICATION, (change: IndexChange) => this.take(change)),
      // A server started again has read everything again: every view asks again.
      client.onDidChangeState((e) => { if (e.newState === State.Running && this.ready) this.changed.fire({ reason: 'scan', changes: [], problems: [], rowsOnly: false }); }),
    ];
  }

  /** Whether the server's first scan has ended. */
  get hasScanned(): boolean {
    return this.ready;
  }

  /** Milestone files in the server's index at its last notice. */
  get milestoneFiles(): number {
    return this.files;
  }

  /** Resolves once the server has taken in every change (typing included) and no scan is pending. */
  async whenIndexed(): Promise<void> {
    await this.ask(WHEN_INDEXED_REQUEST, undefined, undefined);
  }

  /** Reads every file again (the Refresh action), with progress on the view. */
  async rescan(): Promise<void> {
    const scan = this.ask<number>(VALIDATE_WORKSPACE_REQUEST, undefined, 0);
    await vscode.window.withProgress({ location: { viewId: ViewId.tree }, title: vscode.l10n.t('Indexing milestone files') }, () => scan);
  }

  /** The reading of `uri` as the index holds it (approvals applied); undefined when it holds none. */
  async reading(uri: vscode.Uri): Promise<FileReading | undefined> {
    const at = folderFileOf(uri);
    if (!at) return undefined;
    return (await this.ask<FileReading | null>(FILE_READING_REQUEST, at, null)) ?? undefined;
  }

  /**
   * Each open workspace folder, in workspace order, with its milestones: without their steps and
   * health rows (`Milestone.slim`) unless `full` (which reads every file again: for tests).
   */
  async list(full = false): Promise<FolderMilestones[]> {
    const params: MilestoneListParams = { full };
    const lists = await this.ask<FolderMilestoneList[]>(MILESTONE_LIST_REQUEST, params, []);
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
      folder, milestones: lists.find((l) => l.folder === folder.uri.toString())?.milestones ?? [],
    }));
  }

  /** The milestone files of `folder` whose text the index read, sorted. */
  folderFiles(folder: vscode.WorkspaceFolder): Promise<string[]> {
    return this.ask<string[]>(FOLDER_FILES_REQUEST, { folder: folder.uri.toString() }, []);
  }

  /** The Next view's milestones in progress, folder by folder. */
  next(): Promise<FolderNext[]> {
    return this.ask<FolderNext[]>(NEXT_REQUEST, undefined, []);
  }

  /** Has the server read these files again now (an action wrote them), without waiting for the file watcher. */
  async refreshFiles(uris: readonly vscode.Uri[]): Promise<void> {
    const files = uris.map(folderFileOf).filter((f) => f !== null);
    if (files.length > 0) await this.ask(REFRESH_FILES_REQUEST, { files }, undefined);
  }

  treeChildren(parent: string | null, options: TreeOptions): Promise<TreeRow[]> {
    return this.ask<TreeRow[]>(TREE_CHILDREN_REQUEST, { parent, options }, []);
  }

  treeRows(ids: readonly string[], options: TreeOptions): Promise<(TreeRow | null)[]> {
    return this.ask<(TreeRow | null)[]>(TREE_ROWS_REQUEST, { ids, options }, ids.map(() => null));
  }

  treePath(at: FolderFile, line: number, options: TreeOptions): Promise<TreePath | null> {
    return this.ask<TreePath | null>(TREE_PATH_REQUEST, { ...at, line, options }, null);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  private take(change: IndexChange): void {
    this.ready = change.ready;
    this.files = change.milestoneFiles;
    this.changed.fire({ reason: change.scanned ? 'scan' : 'change', changes: change.files, problems: change.problems, rowsOnly: change.rowsOnly });
  }

  /**
   * Asks the server; `fallback` when it cannot answer (stopped after a crash, until the client has
   * started it again: then `onDidIndex` fires and the views ask again).
   */
  private async ask<T>(method: string, params: unknown, fallback: T): Promise<T> {
    try {
      return params === undefined ? await this.client.sendRequest<T>(method) : await this.client.sendRequest<T>(method, params);
    } catch (error) {
      this.log.warn(`The language server did not answer ${method}: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  }
}
