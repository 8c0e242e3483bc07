/**
 * What the extension does differently on the desktop (a Node extension host: a language server
 * process, Node's file system, git) and on the web (vscode.dev, github.dev: a web worker extension
 * host, the language server in another web worker, every file through `vscode.workspace.fs`). The
 * entry sets it once: `extension.ts` the desktop's (desktop/desktopPlatform.ts), `webExtension.ts`
 * the web's (web/webPlatform.ts). Everything else is the same code on both.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { SchemaHost } from '../core/schema/schemaTypes';
import type { FileRead } from './workspaceFiles';
import { entrySetting } from '../core/entrySetting';

export interface ExtensionPlatform {
  readonly kind: 'desktop' | 'web';
  /** Starts the language server (a process, or a web worker) and returns its client, not yet started. */
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
  /**
   * Starts what keeps the server's view of the files current besides the open editors: on the
   * desktop the server reads the disk and hears VS Code's watcher through `options.synchronize`; on
   * the web the extension sends it the files (mirrorProtocol.ts).
   */
  watchFiles(log: vscode.LogOutputChannel): FileWatch;
  /** Schema files on disk, behind the open editors (the web reads none: only built-in schemas run there). */
  readonly schemaDisk: SchemaHost;
  /** Who marks a step done when `milestones.identity` is empty. */
  defaultIdentity(): Promise<string>;
  /** Reads a `file:` URI with Node's fs (fast, no round trip); undefined: the platform has none, use `workspace.fs`. */
  readonly readLocal?: (uri: vscode.Uri, maxFileSize: number) => Promise<FileRead>;
  /** The text of a local file read synchronously (`FolderSnapshot.text` is synchronous); undefined on the web. */
  readonly readLocalSync?: (uri: vscode.Uri, file: string, maxFileSize: number) => string | null;
}

/** How the server hears of file changes (see `ExtensionPlatform.watchFiles`). */
export interface FileWatch extends vscode.Disposable {
  /** The client's `synchronize` option (the desktop: VS Code's watcher). */
  readonly synchronize?: LanguageClientOptions['synchronize'];
  /** Called once the client runs (again, after a restart of the server). */
  started(client: BaseLanguageClient): void;
}

const platform = entrySetting<ExtensionPlatform>('Milestones was activated without its platform (setExtensionPlatform).');

/** Sets the platform; the entry calls this before anything else. */
export const setExtensionPlatform = (value: ExtensionPlatform): void => platform.set(value);
export const extensionPlatform = (): ExtensionPlatform => platform.get();
