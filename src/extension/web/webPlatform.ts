/**
 * The web's platform (vscode.dev, github.dev; see platform.ts): the language server runs in a web
 * worker of its own (dist/web/server.js), every file is read through `vscode.workspace.fs` and sent
 * to it (`WorkspaceMirror`), and the identity is the setting's: there is no git nor OS user here.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, State } from 'vscode-languageclient/browser';
import type { ExtensionPlatform } from '../platform';
import { WorkspaceMirror } from './workspaceMirror';

/** A web worker, as the web worker extension host has them (the project compiles without the DOM's types). */
interface ServerWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
/** What the browser transports take: the DOM's `Worker` (unresolved here, without the DOM's types). */
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

const WORKER_NAME = 'Milestones language server';

/**
 * Starts the server's web worker from `main`. VS Code's web worker extension host refuses a worker
 * whose script is on a `vscode-remote:` location ("Creating workers from remote extensions is
 * currently not supported"): an extension a VS Code server serves (code-server, this project's
 * tests). Its script is then read through `workspace.fs` and started from a blob URL.
 */
async function serverWorker(main: vscode.Uri): Promise<ServerWorker> {
  try {
    return new Worker(main.toString(true), { name: WORKER_NAME });
  } catch {
    const script = await vscode.workspace.fs.readFile(main);
    return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { name: WORKER_NAME });
  }
}

/** The name asked for this session, once given. */
let asked: string | undefined;

export const webPlatform: ExtensionPlatform = {
  kind: 'web',
  createClient(context, options) {
    const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    // A function: the client calls it again to start a new worker after the server stopped. The
    // transports are made here: the client's own test (`instanceof Worker`) fails on the workers of
    // VS Code's web worker extension host, whose `Worker` is a wrapper.
    let running: ServerWorker | undefined;
    const client = new LanguageClient('milestones', 'Milestones', async () => {
      running?.terminate();
      running = await serverWorker(main);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- `Port` is the DOM's Worker, a type this project does not load
      const port = running as unknown as Port;
      return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
    }, options);
    // A stopped client leaves its worker running (the browser server's `exit` ends nothing): ended here.
    client.onDidChangeState((e) => {
      if (e.newState !== State.Stopped) return;
      running?.terminate();
      running = undefined;
    });
    return client;
  },
  watchFiles: (log) => new WorkspaceMirror(log),
  schemaDisk: { stat: () => null, readText: () => ({ kind: 'unreadable' }) },
  async defaultIdentity() {
    // Asked until given, then kept in the user settings; dismissed, the step says `unknown` (as
    // the desktop does without any user name), and the next action asks again.
    if (asked !== undefined) return asked;
    const name = (await vscode.window.showInputBox({
      title: vscode.l10n.t('Who marks steps done?'),
      prompt: vscode.l10n.t('Written to completed_by. Kept in the setting milestones.identity (on the web there is no git or system user name to take it from).'),
      ignoreFocusOut: true,
    }))?.trim();
    if (!name) return 'unknown';
    asked = name;
    await vscode.workspace.getConfiguration('milestones').update('identity', name, vscode.ConfigurationTarget.Global).then(undefined, () => undefined);
    return name;
  },
};
