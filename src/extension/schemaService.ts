import * as path from 'node:path';
import * as vscode from 'vscode';
import { hasSchemaFileName } from '../core/schema/schemaLocations';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import type { SchemaHost } from '../core/schema/schemaTypes';
import { utf8Length } from '../core/text/utf8Length';
import { extensionPlatform } from './platform';
import { readSchemaSettings, SCHEMAS_KEY, workspaceSchemasUsed } from './validationConfig';

/** Quiet time after the last keystroke in an open schema before everything is validated again. */
const SCHEMA_TYPING_DELAY_MS = 200;
/** Batches several schema events (a checkout, a save plus its watcher event) into one re-validation. */
const CHANGE_DELAY_MS = 50;

/**
 * Reads schema files: the text of an open editor wins over the disk (also unsaved), bounded like
 * the disk; the disk (the platform's `schemaDisk`) still says whether the path is a regular file inside the
 * folder. `readSchemaFile` decides what may be read.
 */
export const editorFirstHost: SchemaHost = {
  stat(absolutePath) {
    const open = openDocument(absolutePath);
    const disk = extensionPlatform().schemaDisk.stat(absolutePath);
    if (open === undefined) return disk;
    return { regular: disk?.regular ?? true, size: utf8Length(open.getText()), realPath: disk?.realPath ?? absolutePath };
  },
  readText(absolutePath, maxBytes) {
    const open = openDocument(absolutePath);
    if (open !== undefined) {
      const text = open.getText();
      return utf8Length(text) > maxBytes ? { kind: 'too-large' } : { kind: 'text', text };
    }
    const read = extensionPlatform().schemaDisk.readText(absolutePath, maxBytes);
    // The editor's text has no BOM: the disk's must not differ by one, or opening a file would recompile it.
    return read.kind === 'text' && read.text.charCodeAt(0) === 0xfeff ? { kind: 'text', text: read.text.slice(1) } : read;
  },
};

function openDocument(absolutePath: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && !d.isClosed && d.uri.fsPath === absolutePath);
}

/**
 * One `SchemaRegistry` per workspace folder (its `milestones.schemas` are relative to that folder),
 * kept current: a schema file created, changed (on disk or in an editor) or deleted is invalidated,
 * a settings change starts over; `onDidChange` then asks for everything to be validated again.
 */
export class SchemaService implements vscode.Disposable {
  private readonly registries = new Map<string, SchemaRegistry>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (batched) after schemas were invalidated: every file's diagnostics may differ now. */
  readonly onDidChange = this.changed.event;
  private configured: vscode.Disposable = new vscode.Disposable(() => undefined);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    for (const glob of ['**/*.jsonschema.{yaml,yml,json}', '**/*.schema.{json,yaml,yml}']) this.subscriptions.push(this.watch(glob));
    this.watchConfigured();
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0 && this.isSchemaFile(e.document.uri)) this.invalidateSoon(e.document.uri); }),
      vscode.workspace.onDidCloseTextDocument((doc) => { if (this.isSchemaFile(doc.uri)) this.invalidate(doc.uri); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(SCHEMAS_KEY)) this.reset(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('The workspace is trusted now: its own schemas are used.');
        this.reset();
      }),
    );
    if (extensionPlatform().kind === 'web') {
      this.log.info('On the web, milestone files are checked against the built-in schemas only; the workspace\'s own schemas are used in VS Code on the desktop.');
    } else if (!vscode.workspace.isTrusted) {
      this.log.info('Restricted Mode: milestone files are checked against the built-in schemas only; the workspace\'s own schemas are used once you trust it.');
    }
  }

  /**
   * The registry of `folder`, created on first use. In Restricted Mode it uses the built-in schemas
   * only (no workspace schema is read or compiled: see `SchemaRegistry`); granting trust starts over.
   */
  registryFor(folder: vscode.WorkspaceFolder): SchemaRegistry {
    const key = folder.uri.toString();
    let registry = this.registries.get(key);
    if (!registry) {
      registry = new SchemaRegistry(editorFirstHost, readSchemaSettings(folder), { workspaceSchemas: workspaceSchemasUsed() });
      this.registries.set(key, registry);
    }
    return registry;
  }

  /** The schema files `milestones.schemas` names inside `folder`, relative to it. */
  configuredSchemaFiles(folder: vscode.WorkspaceFolder): string[] {
    const root = folder.uri.fsPath;
    return readSchemaSettings(folder)
      .map((s) => path.relative(root, path.resolve(root, s.schema)).split(path.sep).join('/'))
      .filter((rel) => rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** Whether `uri` is a schema file: by its name, or named in `milestones.schemas`. */
  isSchemaFile(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    if (hasSchemaFileName(uri.path)) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined && this.configuredSchemaFiles(folder).some((rel) => path.join(folder.uri.fsPath, rel) === uri.fsPath);
  }

  /** Forgets what was read from `uri` and asks for validation again. */
  invalidate(uri: vscode.Uri): void {
    this.log.trace(`schema changed: ${uri.fsPath}`);
    for (const registry of this.registries.values()) registry.invalidate(uri.fsPath);
    this.fireSoon();
  }

  /** Forgets every compiled schema (Validate Workspace, settings changed). */
  reset(): void {
    this.registries.clear();
    this.watchConfigured();
    this.fireSoon();
  }

  dispose(): void {
    for (const timer of this.typing.values()) clearTimeout(timer);
    this.typing.clear();
    clearTimeout(this.fireTimer);
    this.configured.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  private fireSoon(): void {
    clearTimeout(this.fireTimer);
    this.fireTimer = setTimeout(() => { this.fireTimer = undefined; this.changed.fire(); }, CHANGE_DELAY_MS);
  }

  private invalidateSoon(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.typing.get(key));
    this.typing.set(key, setTimeout(() => { this.typing.delete(key); this.invalidate(uri); }, SCHEMA_TYPING_DELAY_MS));
  }

  private watch(pattern: vscode.GlobPattern): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onEvent = (uri: vscode.Uri) => this.invalidate(uri);
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  /** Watchers for the schema files named in `milestones.schemas` (their names may be anything). */
  private watchConfigured(): void {
    this.configured.dispose();
    const watchers: vscode.Disposable[] = [];
    // Nothing to watch where no workspace schema is read (the web: its `fsPath`s are no paths to resolve).
    if (!workspaceSchemasUsed()) {
      this.configured = vscode.Disposable.from();
      return;
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const setting of readSchemaSettings(folder)) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(setting.schema)) continue; // a URL: never fetched, nothing to watch
        const abs = path.resolve(folder.uri.fsPath, setting.schema);
        watchers.push(this.watch(new vscode.RelativePattern(vscode.Uri.file(path.dirname(abs)), path.basename(abs))));
      }
    }
    this.configured = vscode.Disposable.from(...watchers);
  }
}
