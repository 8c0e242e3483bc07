/**
 * What the language server needs of the place it runs in, set once by its entry: how a document URI
 * maps to the path the engine keys files by, and how files are listed and read. On the desktop
 * (`main.ts`) that is Node's file system (`nodePlatform.ts`); in a browser's web worker
 * (`webMain.ts`, vscode.dev and github.dev) it is the mirror of the workspace's milestone files the
 * extension sends in (`mirrorPlatform.ts`), because a web worker has no file system of its own and
 * the engine's reads are synchronous (see `scanFolder`: the synchronous reads are the fast path).
 * Why a module-level setting rather than a parameter threaded through every class: the URI mapping
 * is a free function used in a dozen places, and there is one platform per process.
 */
import type { SchemaHost, SchemaSetting } from '../core/schema/schemaTypes';
import type { ScanItem, ScanOptions } from '../core/workspace/scanFolder';
import { entrySetting } from '../core/entrySetting';

export interface ServerPlatform {
  /** The path (absolute, `/`-separated on the web) the engine keys a document URI by; null when the URI is not one the platform reads. */
  pathOf(uri: string): string | null;
  /** The URI of such a path. */
  uriOf(abs: string): string;
  /** Every candidate milestone file of the folder `root`, as `scanFolder` yields them. */
  scanFolder(root: string, options: ScanOptions): Iterable<ScanItem>;
  /** One file of `root` as the scan reads it; null when it is gone or a folder. */
  scanOneFile(root: string, file: string, maxFileSize: number): ScanItem | null;
  /** Whether anything (file or folder) is at `abs`. */
  exists(abs: string): boolean;
  /** Schema files (stat and bounded reads). */
  readonly schemaHost: SchemaHost;
  /** The `milestones.schemas` of `<root>/.vscode/settings.json` (for clients that send no settings). */
  readSchemaSettings(root: string): SchemaSetting[];
  /** The process's memory, where the platform can tell. */
  memory(): { heapUsed: number; rss: number } | null;
  /** Runs `then` on a later turn of the event loop, after pending I/O (a scan's pause). */
  yieldTurn(then: () => void): void;
}

const platform = entrySetting<ServerPlatform>('The language server was started without its platform (setServerPlatform).');

/** Sets the platform; the entry calls this before anything else. */
export const setServerPlatform = (value: ServerPlatform): void => platform.set(value);
export const serverPlatform = (): ServerPlatform => platform.get();
