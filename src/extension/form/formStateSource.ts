import * as vscode from 'vscode';
import { classifyPath, readMilestoneFile } from '../../core/conventions/readMilestoneFile';
import { formStateOf } from '../../core/form/formState';
import type { FileReading } from '../../core/model';
import type { Problem } from '../../core/problems';
import { schemaData } from '../../core/schema/schemaData';
import type { JsonSchema } from '../../core/schema/schemaTypes';
import type { FormState } from '../../protocol/formProtocol';
import type { DocumentChecks } from '../documentChecks';
import type { SchemaService } from '../schemaService';
import { locate } from '../workspaceFiles';

/** A state computed from one version of a document, and the problems it shows. */
export interface VersionedState {
  readonly version: number;
  /** Identifies the problems (and schemas) the state was computed with: a new one means a new state. */
  readonly problemsKey: string;
  readonly state: FormState;
}

/** The path `readMilestoneFile` classifies: relative to the workspace folder, else the whole path. */
export function fileOf(uri: vscode.Uri): string {
  return locate(uri)?.file ?? uri.path.replace(/^\/+/, '');
}

const keyOf = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.severity}|${p.code}|${p.range.start.line}:${p.range.start.character}|${p.message}`).join('\n');

/**
 * Computes what the form shows for a document (`formStateOf` on its text, its reading, its schema and
 * its problems), once per document version and set of problems: several panels of one document, and
 * a post after an unrelated diagnostics change, reuse the same state.
 */
export class FormStateSource implements vscode.Disposable {
  private cache = new WeakMap<vscode.TextDocument, VersionedState>();
  /** Counts schema changes: a state of an older generation is posted again. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a document's state may differ without its text changing: the schemas changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly schemas: SchemaService, private readonly checks: DocumentChecks) {
    this.subscriptions = [
      schemas.onDidChange(() => {
        checks.schemasChanged();
        this.cache = new WeakMap(); // field kinds and descriptions come from the schema
        this.generation++;
        this.changed.fire();
      }),
    ];
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  /** The state of `doc` as it is now. */
  stateOf(doc: vscode.TextDocument): VersionedState {
    const problems = this.problemsOf(doc);
    const cached = this.cache.get(doc);
    const problemsKey = `${this.generation}\n${keyOf(problems)}`;
    if (cached && cached.version === doc.version && cached.problemsKey === problemsKey) return cached;
    const file = fileOf(doc.uri);
    const text = doc.getText();
    const reading = readMilestoneFile(file, text);
    const state = formStateOf(file, text, reading, this.schemaOf(doc.uri, file, text, reading), problems);
    const fresh: VersionedState = { version: doc.version, problemsKey, state };
    this.cache.set(doc, fresh);
    return fresh;
  }

  /** The problems of `doc` for its current version (its own checks: the same as the server's). */
  private problemsOf(doc: vscode.TextDocument): readonly Problem[] {
    return this.checks.problemsOf(doc);
  }

  private schemaOf(uri: vscode.Uri, file: string, text: string, reading: FileReading | null): JsonSchema | null {
    const place = locate(uri);
    if (!place) return null;
    const kind = reading?.convention ?? classifyPath(file);
    const convention = kind === 'markdown' ? null : kind;
    const data = schemaData(text, convention, file);
    return this.schemas.registryFor(place.folder).resolve(place.folder.uri.fsPath, file, convention, data).use?.schema ?? null;
  }
}
