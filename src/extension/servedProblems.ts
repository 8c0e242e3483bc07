import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/problems';
import { DIAGNOSTIC_SOURCE } from '../protocol/serverProtocol';

const SEVERITY: Readonly<Partial<Record<vscode.DiagnosticSeverity, Severity>>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
};

/**
 * The problems the language server shows for each file, read back from the diagnostics for the
 * tree's rows ("2 problems" and their lines in the tooltip). Fires only when what a file shows
 * changed (the lines and codes of its problems), not on every other extension's diagnostics: each
 * event repaints the tree, and a click on a checkbox during a repaint is lost.
 */
export class ServedProblems implements vscode.Disposable {
  private readonly shown = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    let any = false;
    for (const uri of e.uris) {
      const key = uri.toString();
      const signature = this.problemsOf(uri).map((p) => `${p.range.start.line}:${p.range.start.character} ${p.code} ${p.message}`).join('\n');
      if ((this.shown.get(key) ?? '') === signature) continue;
      if (signature === '') this.shown.delete(key);
      else this.shown.set(key, signature);
      any = true;
    }
    if (any) this.changed.fire();
  });

  /** The problems shown for `uri`, as the core's plain data (no fix hints: the server has those). */
  problemsOf(uri: vscode.Uri): Problem[] {
    return this.ours(uri).map((d) => ({
      file: '',
      severity: SEVERITY[d.severity] ?? 'info',
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
      message: d.message,
      range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private ours(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  }
}
