import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import type { FolderSnapshot, LifecycleContext } from '../../core/lifecycle/changePlan';
import type { ConventionId } from '../../core/model';
import { SchemaRegistry } from '../../core/schema/schemaRegistry';
import type { JsonSchema } from '../../core/schema/schemaTypes';
import { nodeSchemaHost } from '../../core/workspace/nodeSchemaHost';
import { scanFolder } from '../../core/workspace/scanFolder';
import { readSchemaSettings } from '../folderSettings';
import type { ParsedArgs } from '../parseArgs';

/** The folder a lifecycle command works in and what it finds there. */
export interface CliWorkspace {
  /** Absolute path of the workspace folder (`--root`, default the current folder). */
  readonly root: string;
  readonly snapshot: FolderSnapshot;
  /** A path given on the command line (relative to the current folder) as a path relative to the root, or null when outside it. */
  relative(arg: string): string | null;
  /**
   * The schema that checks `file` (relative), as the extension and `validate` pick it: `$schema`,
   * `milestones.schemas` in .vscode/settings.json, NAME.jsonschema.yaml beside NAME.kb/, the
   * built-in one. `data` is the file's parsed header (null for a file not written yet).
   */
  schemaOf(file: string, convention: ConventionId, data: Readonly<Record<string, unknown>> | null): JsonSchema | null;
}

/**
 * The workspace for `--root` (default: the current folder): every milestone file found by the same
 * scan as `list` (default include/exclude globs), and any file's text read from disk on demand
 * (UTF-8, as written: BOM and line endings kept). Null with a message when the root is not a folder.
 */
export function openCliWorkspace(args: ParsedArgs): CliWorkspace | string {
  return openFolderWorkspace(path.resolve(args.options.get('--root') ?? '.'));
}

/** `openCliWorkspace` of the absolute folder `root`. */
export function openFolderWorkspace(root: string): CliWorkspace | string {
  try {
    if (!statSync(root).isDirectory()) return `not a folder: ${root}`;
  } catch {
    return `no such folder: ${root}`;
  }
  const texts = new Map<string, string | null>();
  const files: string[] = [];
  for (const item of scanFolder(root)) {
    if (item.kind !== 'text') continue;
    files.push(item.file);
    texts.set(item.file, item.text);
  }
  files.sort();
  const snapshot: FolderSnapshot = {
    files,
    text(file) {
      if (texts.has(file)) return texts.get(file)!;
      const full = path.join(root, ...file.split('/'));
      let text: string | null = null;
      try {
        if (existsSync(full) && statSync(full).isFile()) text = readFileSync(full, 'utf8');
      } catch {
        text = null;
      }
      texts.set(file, text);
      return text;
    },
  };
  let registry: SchemaRegistry | undefined;
  return {
    root,
    snapshot,
    schemaOf(file, convention, data) {
      registry ??= new SchemaRegistry(nodeSchemaHost, readSchemaSettings(root));
      return registry.resolve(root, file, convention, data).use?.schema ?? null;
    },
    relative(arg) {
      const rel = path.relative(root, path.resolve(arg));
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
      return rel.split(path.sep).join('/');
    },
  };
}

/**
 * Who acts and when: `--as NAME`, else the environment variable MILESTONES_IDENTITY, else git's
 * `user.name` in the root, else the OS user name (the extension's order, with `milestones.identity`
 * replaced by the first two).
 */
export function cliContext(args: ParsedArgs, root: string): LifecycleContext {
  return actingContext(args.options.get('--as'), root);
}

/** `cliContext` with the name given (`--as`, a tool's `as`), if any. */
export function actingContext(as: string | undefined, root: string): LifecycleContext {
  const given = as ?? process.env['MILESTONES_IDENTITY'];
  return { identity: given && given.trim() !== '' ? given.trim() : gitUser(root) ?? osUser(), now: new Date() };
}

function gitUser(cwd: string): string | null {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}
