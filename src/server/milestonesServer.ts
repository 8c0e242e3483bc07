/**
 * The Milestones language server: the core's checks of milestone files through the standard
 * protocol, for VS Code (the extension is its client) and any other editor (`milestones lsp
 * --stdio`). Diagnostics (pushed; pulled by clients that ask, other than VS Code's), completion and
 * hover in YAML headers from the file's JSON Schema, quick fixes; the state and the checks are
 * `ServerWorkspace`'s, this file wires them to the protocol.
 */
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localToday } from '../core/checks/today';
import { documentCompletions, documentFixes, documentHover } from '../core/engine/documentFeatures';
import {
  FILE_READING_REQUEST, FOLDER_FILES_REQUEST, INDEX_CHANGED_NOTIFICATION, MILESTONE_LIST_REQUEST, NEXT_REQUEST, REFRESH_FILES_REQUEST,
  TREE_CHILDREN_REQUEST, TREE_PATH_REQUEST, TREE_ROWS_REQUEST, WHEN_INDEXED_REQUEST,
  type FolderFile, type IndexChange, type MilestoneListParams, type RefreshFilesParams, type TreeChildrenParams, type TreePathParams, type TreeRowsParams,
} from '../protocol/viewProtocol';
import { MIRROR_NOTIFICATION, type MirrorParams } from '../protocol/mirrorProtocol';
import { SETTINGS_NOTIFICATION, STATUS_REQUEST, VALIDATE_WORKSPACE_REQUEST, type ServerInitOptions, type ServerSettings, type ServerStatus } from '../protocol/serverProtocol';
import type { MirrorFiles } from './mirrorPlatform';
import { fixHintsOf, toCompletionItem, toDiagnostic, toHover, toWorkspaceEdit, type EditSupport } from './lspShapes';
import { serverPlatform } from './serverPlatform';
import { ServerWorkspace } from './serverWorkspace';

/** Quiet time after the last change to a document before it is checked again. */
const TYPING_DELAY_MS = 200;

/**
 * Serves `connection` until the client shuts it down. `mirror`: the server runs in a web worker and
 * reads the files the client sends (mirrorProtocol.ts); its first scan waits for the first listing.
 */
export function serveMilestones(connection: Connection, mirror?: MirrorFiles): void {
  const documents = new TextDocuments(TextDocument);
  let pull = false;
  let refreshSupport = false;
  let watchDynamically = false;
  let folderEvents = false;
  let editSupport: EditSupport = { documentChanges: false, rename: false };
  const typing = new Map<string, ReturnType<typeof setTimeout>>();
  /** The client shows the server's views: it hears of index changes (see viewProtocol.ts). */
  let views = false;

  let warned = false;
  /** Logs a check that threw (a bug); tells the user once per session. */
  const fail = (what: string, error: unknown): void => {
    connection.console.error(`${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (warned) return;
    warned = true;
    void connection.window.showErrorMessage('Milestones could not validate some files; see the Milestones output for details.');
  };
  const workspace = new ServerWorkspace({
    publish(uri, problems, version) {
      if (pull) {
        if (refreshSupport) refreshSoon();
        return;
      }
      void connection.sendDiagnostics({ uri, version, diagnostics: problems.map(toDiagnostic) });
    },
    fail,
    log: (message) => connection.console.info(message),
    indexChanged(change: IndexChange) {
      if (views) void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, change);
    },
  });
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void connection.languages.diagnostics.refresh(), 50);
  };

  let initializedAt = 0;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initializedAt = Date.now();
    const options = params.initializationOptions as Partial<ServerInitOptions> | undefined;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.start(uris, options?.settings);
    views = options?.views === true;
    const capabilities = params.capabilities;
    // VS Code's client asks for pull diagnostics too, but it is shown every file's problems: pushed.
    pull = capabilities.textDocument?.diagnostic !== undefined && options?.settings === undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && options?.settings === undefined;
    folderEvents = capabilities.workspace?.workspaceFolders === true && options?.settings === undefined;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    editSupport = { documentChanges: workspaceEdit?.documentChanges === true, rename: workspaceEdit?.resourceOperations?.includes('rename') === true };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pull ? { diagnosticProvider: { identifier: 'milestones', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: folderEvents } },
      },
      serverInfo: { name: 'milestones' },
    };
  });

  connection.onInitialized(() => {
    // VS Code's client sends the file events it watches without a registration.
    if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const uris = new Set(workspace.folders.all.map((f) => f.uri));
        for (const removed of event.removed) uris.delete(removed.uri);
        for (const added of event.added) uris.add(added.uri);
        workspace.foldersChanged([...uris]);
      });
    }
    if (mirrorListed) void workspace.scan();
    else scanWhenListed = true;
  });

  /** Whether the web client has sent its first listing of every folder (always, on the desktop). */
  let mirrorListed = mirror === undefined;
  let scanWhenListed = false;
  let listed: () => void = () => {};
  /** Resolves when the first listing is in: until then the index is not even being read. */
  const whenListed = mirrorListed ? Promise.resolve() : new Promise<void>((resolve) => { listed = resolve; });
  connection.onNotification(MIRROR_NOTIFICATION, (params: MirrorParams) => {
    if (!mirror) return;
    const changed = mirror.apply(params);
    if (mirrorListed) {
      // What a watcher event is on the desktop: the file is read again (from the mirror, now current).
      const gone = new Set(params.gone);
      for (const uri of changed) workspace.changedOnDisk(uri, gone.has(uri));
    } else if (scanWhenListed) {
      // The tree fills while the listing arrives; the scan at its end checks every file.
      workspace.listed(changed);
    }
    if (params.complete === true && !mirrorListed) {
      mirrorListed = true;
      listed();
      if (scanWhenListed) void workspace.scan();
    }
  });

  connection.onNotification(SETTINGS_NOTIFICATION, (settings: ServerSettings) => workspace.settingsChanged(settings));
  connection.onRequest(VALIDATE_WORKSPACE_REQUEST, () => workspace.validateWorkspace());
  connection.onRequest(STATUS_REQUEST, async (): Promise<ServerStatus> => {
    await whenListed;
    await workspace.whenScanned();
    const memory = serverPlatform().memory();
    return {
      pid: typeof process === 'undefined' ? 0 : process.pid, milestoneFiles: workspace.milestoneFiles, heapUsedBytes: memory?.heapUsed ?? 0, rssBytes: memory?.rss ?? 0,
      startedAt: Math.round(performance.timeOrigin), initializedAt, indexedAt: workspace.indexedAt,
    };
  });

  // The views (viewProtocol.ts): answered from the index, with every document change taken in first.
  connection.onRequest(TREE_CHILDREN_REQUEST, (params: TreeChildrenParams) => { flushTyping(); return workspace.views.children(params); });
  connection.onRequest(TREE_ROWS_REQUEST, (params: TreeRowsParams) => { flushTyping(); return workspace.views.rows(params); });
  connection.onRequest(TREE_PATH_REQUEST, (params: TreePathParams) => { flushTyping(); return workspace.views.path(params); });
  connection.onRequest(FILE_READING_REQUEST, ({ folder, file }: FolderFile) => { flushTyping(); return workspace.views.reading(folder, file); });
  connection.onRequest(MILESTONE_LIST_REQUEST, (params: MilestoneListParams | undefined) => { flushTyping(); return workspace.views.list(params?.full === true); });
  connection.onRequest(NEXT_REQUEST, () => { flushTyping(); return workspace.views.next(); });
  connection.onRequest(FOLDER_FILES_REQUEST, ({ folder }: { folder: string }) => workspace.folderFiles(folder));
  connection.onRequest(REFRESH_FILES_REQUEST, ({ files }: RefreshFilesParams) => { flushTyping(); workspace.refreshFiles(files); });
  connection.onRequest(WHEN_INDEXED_REQUEST, async () => {
    await whenListed;
    flushTyping();
    await workspace.whenIndexed();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) workspace.changedOnDisk(change.uri, change.type === FileChangeType.Deleted);
  });

  documents.onDidOpen(({ document }) => workspace.opened(document));
  /** Takes in now every document change still in its typing pause (a request must see what the editor has). */
  const flushTyping = (): void => {
    for (const [uri, timer] of typing) {
      clearTimeout(timer);
      typing.delete(uri);
      const current = documents.get(uri);
      if (current) workspace.changed(current);
    }
  };
  documents.onDidChangeContent(({ document }) => {
    clearTimeout(typing.get(document.uri));
    typing.set(document.uri, setTimeout(() => {
      typing.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) workspace.changed(current);
    }, TYPING_DELAY_MS));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(typing.get(document.uri));
    typing.delete(document.uri);
    workspace.closed(document.uri);
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: 'full', items: document ? workspace.problemsOf(document).map(toDiagnostic) : [] };
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && workspace.folders.placeOf(document.uri);
    if (!document || !place) return [];
    try {
      const completions = documentCompletions(place, document.getText(), document.offsetAt(params.position), workspace.folders.schemasOf(place.folderRoot), localToday());
      return completions.map((c, i) => toCompletionItem(document, c, i));
    } catch (error) {
      fail('Frontmatter completion failed', error);
      return [];
    }
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && workspace.folders.placeOf(document.uri);
    if (!document || !place) return null;
    try {
      const hover = documentHover(place, document.getText(), document.offsetAt(params.position), workspace.folders.schemasOf(place.folderRoot));
      return hover && toHover(document, hover);
    } catch (error) {
      fail('Frontmatter hover failed', error);
      return null;
    }
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && workspace.folders.placeOf(document.uri);
    if (!document || !place) return [];
    const only = params.context.only;
    if (only && !only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
    const text = document.getText();
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const failed = (hint: { kind: string }, error: unknown) => fail(`Quick fix ${hint.kind} for ${place.file} failed`, error);
      for (const fix of documentFixes(place.file, text, fixHintsOf(diagnostic), failed)) {
        const edit = toWorkspaceEdit(document, place.folderRoot, fix, editSupport);
        if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
      }
    }
    return actions;
  });

  connection.onShutdown(() => workspace.dispose());
  documents.listen(connection);
  connection.listen();
}
