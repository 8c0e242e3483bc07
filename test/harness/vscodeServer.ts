import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { serverInstall } from './repoPaths';
import type { RunFolder } from './runFolder';

export interface VsCodeServerOptions {
  readonly run: RunFolder;
  /** Defaults to a free port. */
  readonly port?: number;
  /** Extra environment for the server; it reaches the extension host, and so the tests. */
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
  /**
   * Workspace Trust on, folders not trusted and never asked about: the workbench opens in Restricted
   * Mode. Default off (trust disabled, everything trusted).
   */
  readonly restricted?: boolean;
  /** User settings added to the quiet ones (e.g. the bench's `explorer.sortOrder`). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Give `folder` or `workspace`. */
export interface WorkbenchUrlOptions {
  /** Absolute path of the folder to open (`?folder=`). */
  readonly folder?: string;
  /** Absolute path of a `.code-workspace` file to open (`?workspace=`): a multi-root workspace. */
  readonly workspace?: string;
  readonly extensionDevelopmentPath?: string;
  readonly extensionTestsPath?: string;
}

export interface VsCodeServer {
  readonly port: number;
  /** The process group of the server, its extension hosts included. */
  readonly processGroup: number;
  readonly logFile: string;
  /** Settles when the server process exits, with its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  workbenchUrl(options: WorkbenchUrlOptions): string;
  /** Kills the server's whole process group (the extension host included). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * User settings for a quiet workbench: no welcome page, chat, secondary side bar, git or telemetry;
 * and auto save off, VS Code's default (code-server's is `afterDelay`, which saves an unsaved editor
 * a second after each edit: what the extension does with unsaved editors could not be seen).
 */
const quietSettings = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

const liveGroups = new Set<number>();
let exitHooksInstalled = false;

/** Makes sure no server outlives this process, whether it ends normally, by a signal or by a crash. */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pgid of liveGroups) killGroup(pgid, 'SIGTERM');
      // A caller with its own handler (scripts/start.mjs) finishes its clean-up and exits itself.
      if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** A port that was free a moment ago (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the VS Code server bundled in code-server (a real VS Code: Node extension host, web
 * workbench), detached in its own process group, with all its state inside `run.dir`. Resolves
 * once it logs "Extension host agent listening"; rejects with the log's tail if it exits or
 * times out first.
 */
export async function startVsCodeServer(options: VsCodeServerOptions): Promise<VsCodeServer> {
  const { run } = options;
  const { node, serverMain } = serverInstall();
  const port = options.port ?? (await freePort());
  const dirs = { serverData: path.join(run.dir, 'sd'), userData: path.join(run.dir, 'udd'), extensions: path.join(run.dir, 'exts') };
  for (const settingsDir of [path.join(dirs.userData, 'User'), path.join(dirs.serverData, 'data/Machine')]) {
    mkdirSync(settingsDir, { recursive: true });
    const trust = options.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
    writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({ ...quietSettings, ...trust, ...options.settings }, null, 2));
  }
  mkdirSync(dirs.extensions, { recursive: true });
  const logFile = path.join(run.dir, 'server.log');
  const log = createWriteStream(logFile);
  const args = [
    serverMain, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-telemetry', ...(options.restricted ? [] : ['--disable-workspace-trust']),
    '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
  ];
  installExitHooks();
  const child = spawn(node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...run.env, ...options.env },
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${node}`);
  liveGroups.add(pgid);
  const exitedPromise = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stop = async (): Promise<void> => {
    if (!liveGroups.has(pgid)) return;
    killGroup(pgid, 'SIGTERM');
    await waitForExit(child, 5000);
    killGroup(pgid, 'SIGKILL');
    liveGroups.delete(pgid);
    log.end();
  };
  try {
    await waitForListening(child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`${(error as Error).message}; last lines of ${logFile}:\n${tail}`, { cause: error });
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    processGroup: pgid,
    logFile,
    exited: exitedPromise,
    stop,
    workbenchUrl({ folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
      if ((folder === undefined) === (workspace === undefined)) throw new Error('workbenchUrl: give either folder or workspace');
      const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
      const payload: [string, string][] = [];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      const target = folder !== undefined ? `folder=${encodeURIComponent(folder)}` : `workspace=${encodeURIComponent(workspace ?? '')}`;
      const query = target.replaceAll('%2F', '/') + (payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
      return `${origin}/?${query}`;
    },
  };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`VS Code server not listening after ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes('Extension host agent listening')) done();
      // The server logs a taken port and keeps running without listening: fail at once.
      else if (seen.includes('EADDRINUSE')) done(new Error('the port is already in use (EADDRINUSE)'));
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`VS Code server exited (${signal ?? code}) before listening`));
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
