import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A per-run folder under /tmp holding everything a server and a browser write. */
export interface RunFolder {
  readonly dir: string;
  /** XDG_* and TMPDIR pointing inside `dir`, for the server and the browser. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Creates /tmp/ms-<tag>-XXXXXX. The path stays short on purpose: the server puts Unix sockets in
 * it, and their paths are limited to 108 characters.
 */
export function createRunFolder(tag: string): RunFolder {
  const dir = mkdtempSync(`/tmp/ms-${tag}-`);
  const env = {
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_CACHE_HOME: path.join(dir, 'xdg/cache'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  for (const folder of Object.values(env)) mkdirSync(folder, { recursive: true });
  return { dir, env };
}

/** Copies `source` into the run folder as `ws/` and returns its path, so tests never touch the repo. */
export function copyWorkspace(run: RunFolder, source: string): string {
  const target = path.join(run.dir, 'ws');
  cpSync(source, target, { recursive: true });
  return target;
}

/** One folder of a multi-root workspace: `source` is copied as `ws/<name>`. */
export interface WorkspaceFolderSource {
  readonly name: string;
  readonly source: string;
}

/**
 * Copies each folder into the run folder as `ws/<name>/` and writes `ws/<file>` (a
 * `.code-workspace` listing them, in order, by relative path). Returns the workspace file's path,
 * to open with the workbench URL's `workspace=`.
 */
export function copyMultiRootWorkspace(run: RunFolder, folders: readonly WorkspaceFolderSource[], file = 'milestones.code-workspace'): string {
  const dir = path.join(run.dir, 'ws');
  for (const folder of folders) cpSync(folder.source, path.join(dir, folder.name), { recursive: true });
  const workspaceFile = path.join(dir, file);
  writeFileSync(workspaceFile, `${JSON.stringify({ folders: folders.map((f) => ({ path: f.name })), settings: {} }, null, 2)}\n`);
  return workspaceFile;
}

export function removeRunFolder(run: RunFolder): void {
  rmSync(run.dir, { recursive: true, force: true });
}
