/**
 * The Milestones language server: the core's checks of milestone files through the standard
 * protocol, for any editor (`milestones lsp --stdio`). Diagnostics of open documents (pulled when
 * the client asks for them, else pushed as the text changes), the file's own problems and those that
 * need several files (duplicate ids …, from an index of every milestone file of the folders);
 * completion and hover in YAML headers from the file's JSON Schema; quick fixes. Schema files,
 * `.vscode/settings.json` and milestone files are watched: a change checks the open documents again.
 */
import {
  CodeActionKind, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localToday } from '../core/checks/today';
import { documentCompletions, documentFixes, documentHover, documentProblems } from '../core/engine/documentFeatures';
import type { Problem } from '../core/problems';
import { hasSchemaFileName } from '../core/schema/schemaLocations';
import type { SchemaHost } from '../core/schema/schemaTypes';
import { nodeSchemaHost } from '../core/workspace/nodeSchemaHost';
import { fixHintsOf, toCompletionItem, toDiagnostic, toHover, toWorkspaceEdit, type EditSupport } from './lspShapes';
import { fileSystemPath, ServerFolders } from './serverFolders';
import { ServerIndex } from './serverIndex';

/** Quiet time after the last change to a document before its diagnostics are pushed again. */
const TYPING_DELAY_MS = 200;

/** Serves `connection` until the client shuts it down. */
export function serveMilestones(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** Schema files are read from their open document when there is one (unsaved edits count). */
  const host: SchemaHost = {
    stat: (abs) => nodeSchemaHost.stat(abs),
    readText(abs, maxBytes) {
      const open = documents.all().find((d) => fileSystemPath(d.uri) === abs);
      if (!open) return nodeSchemaHost.readText(abs, maxBytes);
      const text = open.getText();
      return Buffer.byteLength(text, 'utf8') > maxBytes ? { kind: 'too-large' } : { kind: 'text', text };
    },
  };
  let folders = new ServerFolders(host, true);
  let pull = false;
  let refreshSupport = false;
  let watchDynamically = false;
  let folderEvents = false;
  let editSupport: EditSupport = { documentChanges: false, rename: false };
  const typing = new Map<string, ReturnType<typeof setTimeout>>();

  const fail = (what: string, error: unknown): void => connection.console.error(`${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);

  /** Each open document's own problems, for the version they were computed from. */
  const own = new Map<string, { version: number; problems: readonly Problem[] }>();
  /** The text of a milestone file when a document of it is open. */
  const openText = (root: string, file: string): string | null => {
    const document = documents.all().find((d) => { const place = folders.placeOf(d.uri); return place?.folderRoot === root && place.file === file; });
    return document?.getText() ?? null;
  };
  const index = new ServerIndex(openText);

  /** The problems of an open document, its own and the cross-file ones; [] when it is no milestone file of the workspace. */
  const problemsOf = (document: TextDocument): Problem[] => {
    const place = folders.placeOf(document.uri);
    if (!place) return [];
    let mine = own.get(document.uri);
    if (mine?.version !== document.version) {
      try {
        const env = { schemas: folders.schemasOf(place.folderRoot), folderRoot: place.folderRoot, today: localToday() };
        mine = { version: document.version, problems: documentProblems(place, document.getText(), env) ?? [] };
      } catch (error) {
        fail(`Validating ${place.file} failed`, error);
        mine = { version: document.version, problems: [] };
      }
      own.set(document.uri, mine);
    }
    let across: readonly Problem[] = [];
    try {
      across = index.problemsOf(place.folderRoot, place.file);
    } catch (error) {
      fail('The cross-file checks failed', error);
    }
    return [...mine.problems, ...across];
  };
  const push = (document: TextDocument): void => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: problemsOf(document).map(toDiagnostic) });
  };
  /** Every open document may have other problems now (a schema, the settings or another file changed). */
  const checkAllAgain = (schemasChanged: boolean): void => {
    if (schemasChanged) own.clear();
    if (!pull) for (const document of documents.all()) { if (folders.placeOf(document.uri)) push(document); }
    else if (refreshSupport) void connection.languages.diagnostics.refresh();
  };
  const scan = (): void => {
    try {
      index.scan(folders.all.map((f) => f.root));
    } catch (error) {
      fail('Reading the workspace failed', error);
    }
    checkAllAgain(false);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as { workspaceSchemas?: unknown } | undefined;
    folders = new ServerFolders(host, options?.workspaceSchemas !== false);
    folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const capabilities = params.capabilities;
    pull = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = capabilities.workspace?.workspaceFolders === true;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    editSupport = { documentChanges: workspaceEdit?.documentChanges === true, rename: workspaceEdit?.resourceOperations?.includes('rename') === true };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pull ? { diagnosticProvider: { identifier: 'milestones', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'milestones' },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,json,yaml,yml}' }],
      });
    }
    // After the answer to `initialized` is out: the scan takes a while in a large workspace.
    setImmediate(scan);
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const uris = new Set(folders.all.map((f) => f.uri));
        for (const removed of event.removed) uris.delete(removed.uri);
        for (const added of event.added) uris.add(added.uri);
        folders.set([...uris]);
        own.clear();
        scan();
      });
    }
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let schemasChanged = false;
    for (const change of changes) {
      const abs = fileSystemPath(change.uri);
      if (abs === null) continue;
      if (/[\\/]\.vscode[\\/]settings\.json$/.test(abs)) {
        folders.reset();
        schemasChanged = true;
        continue;
      }
      if (hasSchemaFileName(abs) || folders.usesSchemaFile(abs)) {
        folders.invalidate(abs);
        schemasChanged = true;
      }
      // A milestone file changed on disk; an open one is known by its document.
      const place = folders.placeOf(change.uri);
      if (place && !documents.get(change.uri)) index.reread(place.folderRoot, place.file);
    }
    checkAllAgain(schemasChanged);
  });

  documents.onDidChangeContent(({ document }) => {
    const abs = fileSystemPath(document.uri);
    if (abs !== null && (hasSchemaFileName(abs) || folders.usesSchemaFile(abs))) {
      folders.invalidate(abs);
      checkAllAgain(true);
    }
    const place = folders.placeOf(document.uri);
    if (!place) return;
    clearTimeout(typing.get(document.uri));
    typing.set(document.uri, setTimeout(() => {
      typing.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      index.update(place.folderRoot, place.file, current.getText());
      checkAllAgain(false);
    }, TYPING_DELAY_MS));
  });
  documents.onDidOpen(({ document }) => { if (!pull && folders.placeOf(document.uri)) push(document); });
  documents.onDidClose(({ document }) => {
    clearTimeout(typing.get(document.uri));
    typing.delete(document.uri);
    own.delete(document.uri);
    const place = folders.placeOf(document.uri);
    if (!place) return;
    // What is on disk counts again (the editor may close without saving).
    index.reread(place.folderRoot, place.file);
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    checkAllAgain(false);
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: 'full', items: document ? problemsOf(document).map(toDiagnostic) : [] };
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && folders.placeOf(document.uri);
    if (!document || !place) return [];
    try {
      const completions = documentCompletions(place, document.getText(), document.offsetAt(params.position), folders.schemasOf(place.folderRoot), localToday());
      return completions.map((c, i) => toCompletionItem(document, c, i));
    } catch (error) {
      fail('Frontmatter completion failed', error);
      return [];
    }
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && folders.placeOf(document.uri);
    if (!document || !place) return null;
    try {
      const hover = documentHover(place, document.getText(), document.offsetAt(params.position), folders.schemasOf(place.folderRoot));
      return hover && toHover(document, hover);
    } catch (error) {
      fail('Frontmatter hover failed', error);
      return null;
    }
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const place = document && folders.placeOf(document.uri);
    if (!document || !place) return [];
    const only = params.context.only;
    if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '')) return [];
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

  documents.listen(connection);
  connection.listen();
}
