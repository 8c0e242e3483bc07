import type * as vscode from 'vscode';
import { documentProblems } from '../core/engine/documentFeatures';
import type { Problem } from '../core/problems';
import type { SchemaService } from './schemaService';
import { todayLocal } from './validationConfig';
import { locate } from './workspaceFiles';

/**
 * A document's own problems for exactly its current version, for the form, which pairs each text
 * with the problem lines of that text (the language server's diagnostics come a moment later).
 * The same rule as the server's (`documentProblems`), on one document, once per version and schema
 * generation.
 */
export class DocumentChecks {
  private cache = new WeakMap<vscode.TextDocument, { version: number; generation: number; problems: readonly Problem[] }>();
  private generation = 0;

  constructor(private readonly schemas: SchemaService, private readonly log: vscode.LogOutputChannel) {}

  /** Call when the schemas changed. */
  schemasChanged(): void {
    this.generation++;
  }

  problemsOf(doc: vscode.TextDocument): readonly Problem[] {
    const cached = this.cache.get(doc);
    if (cached?.version === doc.version && cached.generation === this.generation) return cached.problems;
    let problems: readonly Problem[] = [];
    const place = locate(doc.uri);
    if (place) {
      try {
        const env = { schemas: this.schemas.registryFor(place.folder), folderRoot: place.folder.uri.fsPath, today: todayLocal() };
        problems = documentProblems({ folderRoot: place.folder.uri.fsPath, file: place.file }, doc.getText(), env) ?? [];
      } catch (error) {
        this.log.error(`Validating ${place.file} failed`, error instanceof Error ? error : String(error));
      }
    }
    this.cache.set(doc, { version: doc.version, generation: this.generation, problems });
    return problems;
  }
}
