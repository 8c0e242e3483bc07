/**
 * The workspace folders a language server was started on, and what each gives a document in it:
 * its place (root and relative path), whether the index reads it (the folder's include and exclude
 * globs), and the folder's schemas (from `milestones.schemas` as the client gave it, else from the
 * folder's `.vscode/settings.json`, read again after it changes).
 */
import path from 'node:path';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import type { DocumentPlace } from '../core/engine/documentFeatures';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import type { SchemaHost } from '../core/schema/schemaTypes';
import type { SchemaSetting } from '../core/schema/schemaTypes';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, folderMatcher, matcher } from '../core/workspace/globs';
import { DEFAULT_MAX_FILE_SIZE } from '../core/workspace/scanItems';
import type { FolderSettings, ServerSettings } from '../protocol/serverProtocol';
import { serverPlatform } from './serverPlatform';

export interface ServerFolder {
  /** Absolute file-system path. */
  readonly root: string;
  readonly uri: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
  /** `milestones.schemas` as the client gave it; null: read from the folder's `.vscode/settings.json`. */
  readonly schemas: readonly SchemaSetting[] | null;
  /** Whether a path (relative, `/`-separated) passes `include` and `exclude`. */
  readonly scanned: (file: string) => boolean;
  /** Whether the scan never enters the folder at this path (it or a folder above it is excluded). */
  readonly pruned: (folder: string) => boolean;
}

export class ServerFolders {
  private folders: ServerFolder[] = [];
  private readonly registries = new Map<string, SchemaRegistry>();
  private workspaceSchemas = true;

  /** `host` reads schema files (open documents first). */
  constructor(private readonly host: SchemaHost) {}

  /** Sets the folders (file URIs; others are ignored) with the defaults: settings from `.vscode/settings.json`. */
  set(uris: readonly string[]): void {
    this.apply(uris.map((uri) => ({ uri, schemas: null, include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE, maxFileSize: DEFAULT_MAX_FILE_SIZE })));
  }

  /** Sets the folders and their settings as the client resolved them. */
  setSettings(settings: ServerSettings): void {
    this.workspaceSchemas = settings.workspaceSchemas;
    this.apply(settings.folders);
  }

  private apply(folders: readonly (Omit<FolderSettings, 'schemas'> & { schemas: readonly SchemaSetting[] | null })[]): void {
    // Deepest first, so a file of a nested folder belongs to it.
    this.folders = folders.flatMap((f) => {
      const root = fileSystemPath(f.uri);
      if (root === null) return [];
      const included = matcher(f.include);
      const excluded = matcher(f.exclude);
      const prune = folderMatcher(f.exclude);
      const segments = (folder: string) => folder.split('/').map((_, i, all) => all.slice(0, i + 1).join('/'));
      return [{ ...f, root, scanned: (file: string) => included(file) && !excluded(file), pruned: (folder: string) => segments(folder).some(prune) }];
    }).sort((a, b) => b.root.length - a.root.length);
    this.registries.clear();
  }

  get all(): readonly ServerFolder[] {
    return this.folders;
  }

  /** The folder holding the absolute path `abs` and the path in it (`/`-separated), or null. */
  locate(abs: string): { folder: ServerFolder; file: string } | null {
    for (const folder of this.folders) {
      const rel = path.relative(folder.root, abs);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      return { folder, file: rel.split(path.sep).join('/') };
    }
    return null;
  }

  /** The place of the document `uri` when it is a milestone file the index reads in one of the folders; else null. */
  placeOf(uri: string): DocumentPlace | null {
    const abs = fileSystemPath(uri);
    const found = abs === null ? null : this.locate(abs);
    if (!found) return null;
    return found.folder.scanned(found.file) && classifyPath(found.file) !== null ? { folderRoot: found.folder.root, file: found.file } : null;
  }

  /** The schemas of the folder at `root`. */
  schemasOf(root: string): SchemaRegistry {
    let registry = this.registries.get(root);
    if (!registry) {
      const settings = this.folders.find((f) => f.root === root)?.schemas ?? serverPlatform().readSchemaSettings(root);
      this.registries.set(root, (registry = new SchemaRegistry(this.host, settings, { workspaceSchemas: this.workspaceSchemas })));
    }
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

  /** The schema files the settings of `folder` name inside it (relative, `/`-separated). */
  configuredSchemaFiles(folder: ServerFolder): string[] {
    const settings = folder.schemas ?? serverPlatform().readSchemaSettings(folder.root);
    return settings.flatMap(({ schema }) => {
      const rel = path.relative(folder.root, path.resolve(folder.root, schema));
      return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? [] : [rel.split(path.sep).join('/')];
    });
  }
}

/** The path the engine keys the document `uri` by (on the desktop its file-system path; null for a scheme it does not read). */
export function fileSystemPath(uri: string): string | null {
  return serverPlatform().pathOf(uri);
}

/** The URI of such a path (on the desktop its `file:` URI). */
export function fileUri(abs: string): string {
  return serverPlatform().uriOf(abs);
}

/** A document URI as one string per file (a client may encode a path's characters differently). */
export function keyOf(uri: string): string {
  const abs = fileSystemPath(uri);
  return abs === null ? uri : fileUri(abs);
}

/** `file:` URIs of folder roots, by root: most files' URIs are their root's and their path as it is. */
const rootUris = new Map<string, string>();
/** A relative path whose characters a file URI keeps as they are. */
const PLAIN_PATH = /^[\w.-]+(?:\/[\w.-]+)*$/;

/**
 * The URI of `file` (relative, `/`-separated) in the folder `root`: what `fileUri` makes of the
 * joined path. Why not always `fileUri`: it builds and encodes a URL for each file, 10% of the
 * server's first pass (16 µs a file); a plain path needs no encoding and no `..` resolved, only its
 * root's URI.
 */
export function folderFileUri(root: string, file: string): string {
  if (!PLAIN_PATH.test(file) || file.split('/').some((part) => part === '.' || part === '..')) return fileUri(path.join(root, ...file.split('/')));
  let rootUri = rootUris.get(root);
  if (rootUri === undefined) {
    rootUri = fileUri(root).replace(/\/$/, '');
    if (rootUris.size >= 64) rootUris.clear();
    rootUris.set(root, rootUri);
  }
  return `${rootUri}/${file}`;
}
