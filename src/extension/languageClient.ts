import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_NOTIFICATION, STATUS_REQUEST, VALIDATE_WORKSPACE_REQUEST, type ServerInitOptions, type ServerStatus } from '../protocol/serverProtocol';
import { diagnosticBatches } from './diagnosticBatches';
import { affectsServer, readServerSettings } from './serverSettings';

/** The collection the server's diagnostics are shown in (the Problems panel's source is `milestones`). */
export const DIAGNOSTIC_COLLECTION = 'milestones';

/**
 * The server's heap limit, in MB. Why this much: its index keeps each milestone file's reading (no
 * text), a few KB a file; 50,000 files fit with room for a scan's garbage. Past it the server dies
 * and the client starts it again (up to 4 times in 3 minutes), and the extension host is untouched.
 */
const SERVER_HEAP_MB = 1536;

/**
 * The most V8's young generation may grow to in the server, in MB per semi-space. Why: V8 13
 * (Node 24, recent Electron) sizes it from the heap limit above, and a first scan's garbage then
 * keeps it at its largest: measured on the 10k bench workspace with Node 24, the server's RSS grew
 * 22 KB per file by default and 9–10 KB with 4 MB, with the scan no slower (2.0–2.4 s both).
 */
const SERVER_SEMI_SPACE_MB = 4;

/**
 * Starts the Milestones language server (dist/server.js, a Node process of its own) and its client:
 * every check of milestone files runs there, off the extension host. The client shows its
 * diagnostics, and asks it for completion, hover and quick fixes in milestone files (markdown and
 * JSON) and schema files (YAML, JSON) on disk; the server hears of every file change from VS Code's
 * watcher and of setting changes from here.
 */
export function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { client: LanguageClient; disposable: vscode.Disposable } {
  const module = context.asAbsolutePath('dist/server.js');
  const run = { module, transport: TransportKind.ipc, options: { execArgv: [`--max-old-space-size=${SERVER_HEAP_MB}`, `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`] } };
  const serverOptions: ServerOptions = { run, debug: run };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  // Called only once the client below runs.
  const batches = diagnosticBatches(() => client.diagnostics);
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'json', 'jsonc', 'yaml'].map((language) => ({ scheme: 'file', language })),
    diagnosticCollectionName: DIAGNOSTIC_COLLECTION,
    synchronize: { fileEvents: watcher },
    initializationOptions: { settings: readServerSettings(), views: true } satisfies ServerInitOptions,
    outputChannel: log,
    // Problems of the server go to the Milestones log, not in the user's face.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: { handleDiagnostics: (uri, diagnostics) => batches.handle(uri, diagnostics) },
  };
  const client = new LanguageClient('milestones', 'Milestones', serverOptions, clientOptions);
  const sendSettings = () => { if (client.isRunning()) void client.sendNotification(SETTINGS_NOTIFICATION, readServerSettings()); };
  const disposable = vscode.Disposable.from(
    watcher,
    batches,
    vscode.workspace.onDidChangeConfiguration((e) => { if (affectsServer(e)) sendSettings(); }),
    vscode.workspace.onDidChangeWorkspaceFolders(sendSettings),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
    // A stopped server's problems still waiting would land after the client cleared its own.
    client.onDidChangeState((e) => { if (e.newState === State.Stopped) batches.drop(); }),
    { dispose: () => void client.stop() },
  );
  void client.start().catch((error: unknown) => log.error('The Milestones language server did not start', error instanceof Error ? error : String(error)));
  return { client, disposable };
}

/** Asks the server to read every schema again and check every file; resolves when it has. */
export async function validateWorkspace(client: LanguageClient): Promise<number> {
  return client.sendRequest<number>(VALIDATE_WORKSPACE_REQUEST);
}

/** The language server as tests and the bench see it. */
export interface LanguageServerApi {
  /** Its process, its index size and its memory, once its scan has ended. */
  status(): Promise<ServerStatus>;
  /** Resolves when the client is connected to a running server (again, after a restart). */
  whenRunning(): Promise<void>;
  /** Fires when the client's connection stops (the server died) and when it runs again. */
  readonly onDidChangeState: vscode.Event<'running' | 'stopped' | 'starting'>;
}

export function languageServerApi(client: LanguageClient): LanguageServerApi {
  return {
    status: () => client.sendRequest<ServerStatus>(STATUS_REQUEST),
    onDidChangeState: (listener, thisArgs, disposables) => client.onDidChangeState(
      (e) => { listener.call(thisArgs, e.newState === State.Running ? 'running' : e.newState === State.Stopped ? 'stopped' : 'starting'); }, undefined, disposables),
    whenRunning: () => new Promise((resolve) => {
      if (client.state === State.Running) return resolve();
      const sub = client.onDidChangeState((e) => {
        if (e.newState !== State.Running) return;
        sub.dispose();
        resolve();
      });
    }),
  };
}
