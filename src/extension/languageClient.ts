import * as vscode from 'vscode';
import { RevealOutputChannelOn, State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { SETTINGS_NOTIFICATION, STATUS_REQUEST, VALIDATE_WORKSPACE_REQUEST, type ServerInitOptions, type ServerStatus } from '../protocol/serverProtocol';
import { diagnosticBatches } from './diagnosticBatches';
import { extensionPlatform } from './platform';
import { affectsServer, readServerSettings } from './serverSettings';

/** The collection the server's diagnostics are shown in (the Problems panel's source is `milestones`). */
export const DIAGNOSTIC_COLLECTION = 'milestones';

/**
 * Starts the Milestones language server and its client: every check of milestone files runs there,
 * off the extension host (on the desktop a Node process, dist/server.js; on the web a web worker,
 * dist/web/server.js). The client shows its diagnostics, and asks it for completion, hover and quick
 * fixes in milestone files (markdown and JSON) and schema files (YAML, JSON); the server hears of
 * every file change (see `ExtensionPlatform.watchFiles`) and of setting changes from here.
 */
export function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { client: BaseLanguageClient; disposable: vscode.Disposable } {
  const platform = extensionPlatform();
  const files = platform.watchFiles(log);
  // Called only once the client below runs.
  const batches = diagnosticBatches(() => client.diagnostics);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSchemes(platform.kind).flatMap((scheme) => ['markdown', 'json', 'jsonc', 'yaml'].map((language) => ({ scheme, language }))),
    diagnosticCollectionName: DIAGNOSTIC_COLLECTION,
    ...(files.synchronize ? { synchronize: files.synchronize } : {}),
    initializationOptions: { settings: readServerSettings(), views: true } satisfies ServerInitOptions,
    outputChannel: log,
    // Problems of the server go to the Milestones log, not in the user's face.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: { handleDiagnostics: (uri, diagnostics) => batches.handle(uri, diagnostics) },
  };
  const client = platform.createClient(context, clientOptions);
  const sendSettings = () => { if (client.isRunning()) void client.sendNotification(SETTINGS_NOTIFICATION, readServerSettings()); };
  const disposable = vscode.Disposable.from(
    files,
    batches,
    vscode.workspace.onDidChangeConfiguration((e) => { if (affectsServer(e)) sendSettings(); }),
    vscode.workspace.onDidChangeWorkspaceFolders(sendSettings),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
    // A stopped server's problems still waiting would land after the client cleared its own.
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) batches.drop();
      if (e.newState === State.Running) files.started(client);
    }),
    { dispose: () => void client.stop() },
  );
  void client.start().catch((error: unknown) => log.error('The Milestones language server did not start', error instanceof Error ? error : String(error)));
  return { client, disposable };
}

/**
 * The URI schemes whose documents the server checks: `file` on the desktop; on the web the schemes
 * of the workspace folders (`vscode-vfs` on github.dev, `vscode-remote`, a local folder's `file`).
 */
function documentSchemes(kind: 'desktop' | 'web'): string[] {
  if (kind === 'desktop') return ['file'];
  const schemes = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme));
  return schemes.size > 0 ? [...schemes] : ['file'];
}

/** Asks the server to read every schema again and check every file; resolves when it has. */
export async function validateWorkspace(client: BaseLanguageClient): Promise<number> {
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

export function languageServerApi(client: BaseLanguageClient): LanguageServerApi {
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
