/**
 * The workspace folders a language server was started on, and what each gives a document in it:
 * its place (root and relative path), whether the index would read it, and the folder's schemas
 * (built from its `.vscode/settings.json` `milestones.schemas`, read again after it changes).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSchemaSettings } from '../cli/folderSettings';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import type { DocumentPlace } from '../core/engine/documentFeatures';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import type { SchemaHost } from '../core/schema/schemaTypes';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, matcher } from '../core/workspace/globs';

export interface ServerFolder {
  /** Absolute file-system path. */
  readonly root: string;
  readonly uri: string;
}

const included = matcher(DEFAULT_INCLUDE);
const excluded = matcher(DEFAULT_EXCLUDE);

export class ServerFolders {
  private folders: ServerFolder[] = [];
  private readonly registries = new Map<string, SchemaRegistry>();

  /** `host` reads schema files (open documents first); `workspaceSchemas` false: only the built-in schemas. */
  constructor(private readonly host: SchemaHost, private readonly workspaceSchemas: boolean) {}

  /** Sets the folders (file URIs; others are ignored), deepest first so a nested folder wins. */
  set(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => {
      const root = fileSystemPath(uri);
      return root === null ? [] : [{ root, uri }];
    }).sort((a, b) => b.root.length - a.root.length);
    this.registries.clear();
  }

  get all(): readonly ServerFolder[] {
    return this.folders;
  }

  /** The place of the document `uri` when it is a milestone file the index reads in one of the folders; else null. */
  placeOf(uri: string): DocumentPlace | null {
    const abs = fileSystemPath(uri);
    if (abs === null) return null;
    for (const folder of this.folders) {
      const rel = path.relative(folder.root, abs);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const file = rel.split(path.sep).join('/');
      return included(file) && !excluded(file) && classifyPath(file) !== null ? { folderRoot: folder.root, file } : null;
    }
    return null;
  }

  /** The schemas of the folder at `root`. */
  schemasOf(root: string): SchemaRegistry {
    let registry = this.registries.get(root);
    if (!registry) this.registries.set(root, (registry = new SchemaRegistry(this.host, readSchemaSettings(root), { workspaceSchemas: this.workspaceSchemas })));
    return registry;
  }

  /** Forgets what was read of the schema file `abs` (every folder may use it). */
  invalidate(abs: string): void {
    for (const registry of this.registries.values()) registry.invalidate(abs);
  }

  /** Forgets every folder's schemas and settings: they are built again when next asked for. */
  reset(): void {
    this.registries.clear();
  }

  /** Whether `abs` is a schema file some folder's schemas read. */
  usesSchemaFile(abs: string): boolean {
    return [...this.registries.values()].some((registry) => registry.schemaFiles().includes(abs));
  }
}

/** The file-system path of a `file:` URI; null for any other scheme. */
export function fileSystemPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The `file:` URI of an absolute path. */
export function fileUri(abs: string): string {
  return pathToFileURL(abs).href;
}
