import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/problems';

/** Where a file's problems came from; each layer is replaced on its own. */
export type ProblemLayer = 'file' | 'workspace' | 'schema';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'milestones';

function toRange(problem: Problem): vscode.Range {
  const { start, end } = problem.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

interface Entry {
  readonly uri: vscode.Uri;
  /** The document version the file layer was computed from; null when it came from the index's text. */
  version: number | null;
  readonly layers: Map<ProblemLayer, readonly Problem[]>;
}

/**
 * The problems of every file, by layer, and the one DiagnosticCollection `milestones` they are shown
 * in. Keeps the Problem objects (with their fix hints) beside the diagnostics so code actions find them.
 */
export class ProblemStore implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** What each file shows now, as `signature` gives it: '' or absent for nothing. */
  private readonly shownAs = new Map<string, string>();
  /** Fires after what is shown changed (for the tree). */
  readonly onDidChange = this.changed.event;
  private fireScheduled = false;

  constructor(private readonly shown: (uri: vscode.Uri) => boolean) {}

  /** Replaces one layer of `uri` and shows the result. */
  set(uri: vscode.Uri, layer: ProblemLayer, problems: readonly Problem[], version: number | null = null): void {
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      if (problems.length === 0) return this.publish(key, uri);
      this.entries.set(key, (entry = { uri, version: null, layers: new Map() }));
    }
    if (layer === 'file') entry.version = version;
    if (problems.length > 0) entry.layers.set(layer, problems);
    else entry.layers.delete(layer);
    if (entry.layers.size === 0) this.entries.delete(key);
    this.publish(key, uri);
  }

  /** Replaces a layer for every file at once: files missing from `byUri` lose it. */
  replaceLayer(layer: ProblemLayer, byUri: ReadonlyMap<string, { uri: vscode.Uri; problems: Problem[] }>): void {
    for (const [key, entry] of [...this.entries]) if (entry.layers.has(layer) && !byUri.has(key)) this.set(entry.uri, layer, []);
    for (const { uri, problems } of byUri.values()) this.set(uri, layer, problems, this.entries.get(uri.toString())?.version ?? null);
  }

  /** Drops everything known about `uri` (the file is gone). */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.entries.delete(key) && !this.collection.has(uri)) return;
    this.publish(key, uri);
  }

  /** Shows again what `shown` allows (the scope changed, a document opened or closed). */
  republish(uri?: vscode.Uri): void {
    if (uri) return this.publish(uri.toString(), uri);
    this.collection.forEach((u) => { if (!this.entries.has(u.toString())) this.collection.delete(u); });
    for (const [key, entry] of this.entries) this.publish(key, entry.uri);
  }

  /** Every problem of `uri` that is shown, and the version the file layer was computed from. */
  problemsOf(uri: vscode.Uri): { readonly problems: readonly Problem[]; readonly version: number | null } {
    const entry = this.entries.get(uri.toString());
    if (!entry || !this.shown(uri)) return { problems: [], version: null };
    return { problems: [...entry.layers.values()].flat(), version: entry.version };
  }

  /** The document version the file layer of `uri` was last computed from (null: from the index's text, or never). */
  fileVersion(uri: vscode.Uri): number | null {
    return this.entries.get(uri.toString())?.version ?? null;
  }

  /** The problem behind one of our diagnostics (same code, range and message), with its fix hints. */
  problemFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Problem | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    return this.problemsOf(uri).problems.find((p) =>
      p.code === diagnostic.code && p.message === diagnostic.message && toRange(p).isEqual(diagnostic.range));
  }

  /** Every uri that has problems in some layer. */
  uris(): vscode.Uri[] {
    return [...this.entries.values()].map((e) => e.uri);
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
    this.entries.clear();
    this.shownAs.clear();
  }

  private publish(key: string, uri: vscode.Uri): void {
    const entry = this.entries.get(key);
    const problems = entry && this.shown(uri) ? [...entry.layers.values()].flat() : [];
    if (problems.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, problems.map(toDiagnostic));
    // Only a change of what is shown repaints the tree: every repaint makes VS Code forget the rows'
    // handles until it has asked for them again, and a checkbox clicked in that moment is lost.
    // Validating a file that stays clean (each save, each startup file) changes nothing.
    const now = signature(problems);
    if ((this.shownAs.get(key) ?? '') === now) return;
    if (now === '') this.shownAs.delete(key);
    else this.shownAs.set(key, now);
    if (!this.fireScheduled) {
      this.fireScheduled = true;
      queueMicrotask(() => { this.fireScheduled = false; this.changed.fire(); });
    }
  }
}

/** What the tree shows of a file's problems: each one's severity, code, place and message. */
function signature(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.severity}:${p.code}:${p.range.start.line}:${p.range.start.character}:${p.message}`).join('\n');
}
