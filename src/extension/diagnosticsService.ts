import * as vscode from 'vscode';
import { classifyPath, readMilestoneFile } from '../core/conventions/readMilestoneFile';
import type { FileReading } from '../core/model';
import { validateFile } from '../core/validate/validateFile';
import { ProblemStore } from './problemStore';
import type { SchemaService } from './schemaService';
import { schemaFileProblems, workspaceFileProblems } from './workspaceChecks';
import { readValidateScope, SCOPE_KEY, todayLocal } from './validationConfig';
import type { ValidateScope } from './validationConfig';
import { locate } from './workspaceFiles';
import type { WorkspaceIndexService } from './workspaceIndexService';
import { isScanned } from './workspaceScan';

/** Quiet time after the last keystroke before an open document is validated again. */
const TYPING_DELAY_MS = 200;
/** Quiet time after index changes before the cross-file and schema-file checks run again. */
const WORKSPACE_DELAY_MS = 200;
/** Files validated per turn of the event loop in a full pass (the extension host stays responsive). */
const CHUNK = 200;

/**
 * Validates milestone files into the `milestones` DiagnosticCollection:
 *  - an open milestone document on open and after every change (debounced), from its text;
 *  - every indexed file (scope `workspace`) after a scan and whenever the index changes, from the
 *    text the index read (no extra disk reads);
 *  - cross-file problems over the whole index and problems of schema files, debounced after index
 *    changes; everything again when a schema or the scope changes, or on Validate Workspace.
 */
export class DiagnosticsService implements vscode.Disposable {
  readonly store = new ProblemStore((uri) => this.scope === 'workspace' || this.isOpen(uri));
  private scope: ValidateScope = readValidateScope();
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private workspaceTimer: ReturnType<typeof setTimeout> | undefined;
  private passGeneration = 0;
  private warned = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndexService, private readonly schemas: SchemaService, private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      index.onDidIndex((update) => {
        if (update.reason === 'scan') return void this.validateAll();
        for (const change of update.changes) {
          if (change.kind === 'delete') this.store.forget(this.uriOf(change.folder, change.file));
          else this.validateIndexed(change.folder, change.file, false);
        }
        this.workspaceChecksSoon();
      }),
      schemas.onDidChange(() => void this.validateAll()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.validateDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.validateDocumentSoon(e.document); }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        clearTimeout(this.typing.get(doc.uri.toString()));
        const place = locate(doc.uri);
        if (place && this.index.index.get(place.folder.uri.toString(), place.file) !== undefined) this.validateIndexed(place.folder.uri.toString(), place.file, true);
        else this.store.forget(doc.uri);
        this.store.republish(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SCOPE_KEY)) return;
        this.scope = readValidateScope();
        void this.validateAll();
      }),
    ];
  }

  /** Validates every indexed file and open document, then the cross-file and schema-file checks. */
  async validateAll(): Promise<void> {
    const generation = ++this.passGeneration;
    const entries = [...this.index.index.entries()];
    const seen = new Set<string>();
    for (let i = 0; i < entries.length; i += CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.passGeneration) return;
      for (const { folder, file } of entries.slice(i, i + CHUNK)) {
        seen.add(this.uriOf(folder, file).toString());
        this.validateIndexed(folder, file, true);
      }
    }
    for (const doc of vscode.workspace.textDocuments) if (!seen.has(doc.uri.toString())) this.validateDocument(doc);
    for (const uri of this.store.uris()) {
      const key = uri.toString();
      if (!seen.has(key) && !this.isOpen(uri) && !this.schemas.isSchemaFile(uri)) this.store.forget(uri);
    }
    this.runWorkspaceChecks();
    this.store.republish();
  }

  /** Validates an open document from its text now (nothing when it is not a milestone file of the workspace). */
  validateDocument(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const place = this.milestonePlace(doc.uri);
    if (!place) return;
    const text = doc.getText();
    this.validate(doc.uri, place.folder, place.file, text, readMilestoneFile(place.file, text), doc.version);
  }

  dispose(): void {
    this.passGeneration++;
    for (const timer of this.typing.values()) clearTimeout(timer);
    clearTimeout(this.workspaceTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.store.dispose();
  }

  private validateDocumentSoon(doc: vscode.TextDocument): void {
    if (!this.milestonePlace(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.typing.get(key));
    this.typing.set(key, setTimeout(() => { this.typing.delete(key); this.validateDocument(doc); }, TYPING_DELAY_MS));
  }

  /**
   * Validates an indexed file from the index's text; an open document's own text wins (unless
   * `force`, not again when this version of it was validated already: the index reads typing too).
   */
  private validateIndexed(folderKey: string, file: string, force: boolean): void {
    const uri = this.uriOf(folderKey, file);
    const doc = this.openDocument(uri);
    if (doc) return force || this.store.fileVersion(uri) !== doc.version ? this.validateDocument(doc) : undefined;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === folderKey);
    const reading = this.index.index.get(folderKey, file) ?? null;
    // A file the index could not read (too large, binary …) has a reading, its note, and no text.
    const text = this.index.textOf(folderKey, file) ?? (reading !== null ? '' : undefined);
    if (!folder || text === undefined || this.scope === 'openFiles') return this.store.set(uri, 'file', []);
    this.validate(uri, folder, file, text, reading, null);
  }

  private validate(uri: vscode.Uri, folder: vscode.WorkspaceFolder, file: string, text: string, reading: FileReading | null, version: number | null): void {
    try {
      const env = { schemas: this.schemas.registryFor(folder), folderRoot: folder.uri.fsPath, today: todayLocal() };
      this.store.set(uri, 'file', reading ? validateFile(file, text, reading, env) : [], version);
    } catch (error) {
      this.fail(`Validating ${file} failed`, error);
    }
  }

  private workspaceChecksSoon(): void {
    clearTimeout(this.workspaceTimer);
    this.workspaceTimer = setTimeout(() => this.runWorkspaceChecks(), WORKSPACE_DELAY_MS);
  }

  private runWorkspaceChecks(): void {
    clearTimeout(this.workspaceTimer);
    const textOf = (uri: vscode.Uri, folder: string, file: string) => this.openDocument(uri)?.getText() ?? this.index.textOf(folder, file) ?? null;
    try {
      this.store.replaceLayer('workspace', workspaceFileProblems(this.index, textOf));
    } catch (error) {
      this.fail('The cross-file checks failed', error);
    }
    try {
      this.store.replaceLayer('schema', schemaFileProblems(this.index, this.schemas));
    } catch (error) {
      this.fail('Checking the schema files failed', error);
    }
  }

  /** The workspace folder and path of `uri` when it is a milestone file the index would read. */
  private milestonePlace(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; file: string } | null {
    const place = locate(uri);
    return place && classifyPath(place.file) !== null && isScanned(place.folder, place.file) ? place : null;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
  }

  private isOpen(uri: vscode.Uri): boolean {
    return this.openDocument(uri) !== undefined;
  }

  private uriOf(folderKey: string, file: string): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.parse(folderKey), ...file.split('/'));
  }

  /** Logs the error; tells the user once per session. */
  private fail(what: string, error: unknown): void {
    this.log.error(what, error instanceof Error ? error : String(error));
    if (this.warned) return;
    this.warned = true;
    void vscode.window.showErrorMessage(vscode.l10n.t('Milestones could not validate some files; see the Milestones output for details.'));
  }
}
