/**
 * The web's file access for the language server (vscode.dev, github.dev). A language server in a
 * browser's web worker cannot read the workspace (it has no file system, and `vscode.workspace.fs`
 * is the extension host's), so the extension sends it what it needs to read: the bytes of every file
 * that can be a milestone file, and the names of all others (the checks across files ask whether a
 * linked file exists). The desktop server reads the disk itself and hears none of this. Type-only,
 * like the other protocol files; which files' bytes are sent is `readsBytes` (core/workspace/scanItems.ts).
 */
/** One file as the extension found it. */
export interface MirrorFile {
  /** The file's URI, as VS Code writes it. */
  readonly uri: string;
  /** Its bytes; absent when it was not read: a file no reader needs, a file over the size bound (`size`), or one that could not be read (`reason`). */
  readonly bytes?: Uint8Array;
  /** Its size in bytes, when known. */
  readonly size?: number;
  /** Why it could not be read (one short clause). */
  readonly reason?: string;
}

export interface MirrorParams {
  /** Files found, created or changed. */
  readonly files: readonly MirrorFile[];
  /** Files or folders gone (every file below a folder goes with it). */
  readonly gone: readonly string[];
  /** True on the notification that ends the first listing of every folder: the server's first scan starts then. */
  readonly complete?: boolean;
}

/** Notification, client → server, on the web only: files found or changed (params `MirrorParams`). */
export const MIRROR_NOTIFICATION = 'milestones/mirror';
