// A plain Language Server Protocol client (vscode-jsonrpc over the child's stdin and stdout, no
// VS Code) talking to `node dist/cli.js lsp --stdio`, as Neovim or Helix would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { CLI } from '../cli/cliHarness';

export interface Diagnostic {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly severity?: number;
  readonly code?: string;
  readonly source?: string;
  readonly message: string;
  readonly data?: unknown;
}

/** A temporary workspace folder with `files` (relative path → text); `uri(file)` names one, `write` adds or changes one. */
export function workspaceWith(files: Readonly<Record<string, string>>): { root: string; uri(file: string): string; write(file: string, text: string): void; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-lsp-'));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { root, uri: (file) => pathToFileURL(path.join(root, file)).href, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export class LspClient {
  readonly connection: MessageConnection;
  /** The diagnostics last published for each URI (push model). */
  readonly published = new Map<string, Diagnostic[]>();
  private readonly waiters: (() => void)[] = [];
  private stderr = '';

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.published.set(params.uri, params.diagnostics);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  /**
   * Starts the server with `root` as the one workspace folder and initializes it; `pull` declares
   * pull diagnostics (`textDocument/diagnostic`), else the server pushes them. VS Code's client
   * passes its settings as `initializationOptions` (`ServerInitOptions`).
   */
  static async start(root: string, pull: boolean, initializationOptions?: unknown): Promise<LspClient> {
    const client = new LspClient(spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root }));
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
      initializationOptions,
      capabilities: {
        textDocument: { ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}), publishDiagnostics: {} },
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['rename'] }, workspaceFolders: true },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits until the diagnostics published for `uri` satisfy `ok` (each publication is checked). */
  async diagnosticsWhen(uri: string, ok: (d: readonly Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.published.get(uri);
      if (seen && ok(seen)) return seen;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(seen)}; server stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Shuts the server down as a client does (`shutdown`, `exit`) and returns its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
