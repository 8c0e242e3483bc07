/**
 * The desktop's platform (see platform.ts): the language server is a Node process of its own
 * (dist/server.js), local files are read with Node's fs, and the identity falls back to git's
 * `user.name`, then the OS user.
 */
import { execFile } from 'node:child_process';
import { promises as fs, existsSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { nodeSchemaHost } from '../../core/workspace/nodeSchemaHost';
import { tooLargeToEdit } from '../lifecycle/folderSnapshot';
import type { ExtensionPlatform } from '../platform';
import { decodedRead, type FileRead } from '../workspaceFiles';

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

export const desktopPlatform: ExtensionPlatform = {
  kind: 'desktop',
  createClient(context, options) {
    const module = context.asAbsolutePath('dist/server.js');
    const run = { module, transport: TransportKind.ipc, options: { execArgv: [`--max-old-space-size=${SERVER_HEAP_MB}`, `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`] } };
    const serverOptions: ServerOptions = { run, debug: run };
    return new LanguageClient('milestones', 'Milestones', serverOptions, options);
  },
  watchFiles() {
    // The server reads the disk itself; VS Code's watcher tells it what changed.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    return { synchronize: { fileEvents: watcher }, started() {}, dispose: () => { watcher.dispose(); } };
  },
  async defaultIdentity() {
    const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    return (await readGitUserName(cwd)) ?? osUserName();
  },
  async readLocal(uri, maxFileSize): Promise<FileRead> {
    const stat = await fs.stat(uri.fsPath);
    if (stat.isDirectory()) return { kind: 'directory' };
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (stat.size > maxFileSize) return { kind: 'too-large', size: stat.size, limit: maxFileSize };
    return decodedRead(await fs.readFile(uri.fsPath));
  },
  readLocalSync,
  schemaDisk: nodeSchemaHost,
};

let gitUserName: Promise<string | null> | undefined;

/** `git config user.name`, run once per session; null when git is missing or has no name. */
function readGitUserName(cwd: string | undefined): Promise<string | null> {
  gitUserName ??= new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000, windowsHide: true }, (error, stdout) => {
      const name = String(stdout ?? '').trim();
      resolve(error || name === '' ? null : name);
    });
  });
  return gitUserName;
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** A local file's text; null when missing or not a file; over the size bound, `tooLargeToEdit`. */
function readLocalSync(uri: vscode.Uri, file: string, maxSize: number): string | null {
  if (uri.scheme !== 'file') return null;
  let size: number;
  try {
    if (!existsSync(uri.fsPath)) return null;
    const stat = statSync(uri.fsPath);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size > maxSize) throw tooLargeToEdit(file, size, maxSize);
  return readFileSync(uri.fsPath, 'utf8');
}
