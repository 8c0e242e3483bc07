/**
 * What the extension (the language client) and the Milestones language server say besides the
 * standard protocol. Type-only, like formProtocol.ts: both sides import it, neither imports the
 * other. A client that sends none of this (Neovim, Helix …) gets the server's defaults: the open
 * documents checked, settings from each folder's `.vscode/settings.json`.
 */
import type { SchemaSetting } from '../core/schema/schemaTypes';

/** One workspace folder's settings, as VS Code resolves them for that folder. */
export interface FolderSettings {
  /** The folder's URI, as in `workspaceFolders`. */
  readonly uri: string;
  /** `milestones.schemas`. */
  readonly schemas: readonly SchemaSetting[];
  /** `milestones.include`, `milestones.exclude`: globs relative to the folder. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** `milestones.maxFileSize`, bytes. */
  readonly maxFileSize: number;
}

export interface ServerSettings {
  /** `milestones.validate.scope`: `workspace` checks every milestone file of the folders, `openFiles` only open ones. */
  readonly scope: 'workspace' | 'openFiles';
  /** False in VS Code's Restricted Mode: only the built-in schemas are used, no file of the workspace is read as a schema. */
  readonly workspaceSchemas: boolean;
  readonly folders: readonly FolderSettings[];
}

/** `initializationOptions` of the VS Code client. */
export interface ServerInitOptions {
  readonly settings: ServerSettings;
  /** The client shows the server's views (viewProtocol.ts): the server tells it when its index changes. */
  readonly views?: boolean;
}

/** Notification, client → server: the settings changed (a setting, the workspace folders, trust granted); params `ServerSettings`. */
export const SETTINGS_NOTIFICATION = 'milestones/settings';

/**
 * Request, client → server (Validate Workspace): read every schema again and check every file;
 * the answer (the number of files checked) comes once their diagnostics are published.
 */
export const VALIDATE_WORKSPACE_REQUEST = 'milestones/validateWorkspace';

/** Request, client → server: how the server is (answered once the scan under way has ended). */
export const STATUS_REQUEST = 'milestones/serverStatus';

export interface ServerStatus {
  /** The server's process id. */
  readonly pid: number;
  /** Milestone files in its index. */
  readonly milestoneFiles: number;
  /** `process.memoryUsage()` of the server, bytes. */
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  /** `Date.now()` when the server's process started, when the client's `initialize` reached it, and when its first scan had read every file (null before). */
  readonly startedAt: number;
  readonly initializedAt: number;
  readonly indexedAt: number | null;
}

/** The `source` of the server's diagnostics (the Problems panel shows it; the extension finds its own by it). */
export const DIAGNOSTIC_SOURCE = 'milestones';
