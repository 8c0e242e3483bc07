import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/problems';
import { DIAGNOSTIC_SOURCE } from '../protocol/serverProtocol';

const SEVERITY: Readonly<Partial<Record<vscode.DiagnosticSeverity, Severity>>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
};

/**
 * The problems the language server shows for each file, read back from the diagnostics for the
 * tree's rows ("2 problems" on a row; their messages in its tooltip, made when hovered). Fires only
 * when what the rows show changed: how many problems each milestone has, which the lines of a
 * file's problems decide. Not on every other extension's diagnostics, and not when only a message
 * changed (a tick changes the "60% complete" one of STATUS.md): each event repaints the tree, a
 * click or key press during a repaint is lost, and the server's answer comes a moment after the
 * tick's own repaint, while the user goes on.
 */
export class ServedProblems implements vscode.Disposable {
  private readonly shown = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** The files whose rows show other problems now. */
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    const files: vscode.Uri[] = [];
    for (const uri of e.uris) {
      const key = uri.toString();
      const signature = this.ours(uri).map((d) => d.range.start.line).sort((a, b) => a - b).join(',');
      if ((this.shown.get(key) ?? '') === signature) continue;
      if (signature === '') this.shown.delete(key);
      else this.shown.set(key, signature);
      files.push(uri);
    }
    if (files.length > 0) this.changed.fire(files);
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
