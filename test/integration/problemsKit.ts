// Shared by the *.problems.test.ts suites (the fixtures/problems workspace): our diagnostics, waiting
// on `languages.onDidChangeDiagnostics` (never on a clock), quick fixes through the code action
// provider, and plain ranges to compare.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { milestonesApi, uriOf } from './milestonesTestKit';

export { milestonesApi, uriOf };

/** [startLine, startCharacter, endLine, endCharacter], 0-based. */
export type RangeTuple = readonly [number, number, number, number];

export function tupleOf(range: vscode.Range): RangeTuple {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** Our diagnostics of `file` (source `milestones`). */
export function ours(file: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uriOf(file)).filter((d) => d.source === 'milestones');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** One line per diagnostic, for failure messages. */
export function describe(file: string): string {
  const list = ours(file).map((d) => `  ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${JSON.stringify(tupleOf(d.range))} ${d.message}`);
  return `${file}:\n${list.join('\n') || '  (none)'}`;
}

/** Resolves when `holds()` is true: checked now and after every diagnostics change. */
export function waitForDiagnostics(what: string, holds: () => boolean, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`diagnostics did not show ${what} within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!holds()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** Waits until `file` has a diagnostic with `code`, and returns those diagnostics. */
export async function diagnosticsWithCode(file: string, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  try {
    await waitForDiagnostics(`${code} on ${file}`, () => ours(file).some((d) => codeOf(d) === code), timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${describe(file)}`, { cause: error });
  }
  return ours(file).filter((d) => codeOf(d) === code);
}

/**
 * The quick fixes with an edit offered on the range of the diagnostic `code` of `file` (the command
 * needs the document loaded; the actions it returns do not carry their diagnostics).
 */
export async function quickFixes(file: string, code: string): Promise<vscode.CodeAction[]> {
  await vscode.workspace.openTextDocument(uriOf(file));
  const [diagnostic] = await diagnosticsWithCode(file, code);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uriOf(file), diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && a.edit !== undefined);
}

/** Opens `file` in an active editor and returns its document. */
export async function openInEditor(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(file));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Applies the quick fix of `code` on `file` (opened in an active editor) whose title matches
 * `title` (the first when omitted); returns the text before and after.
 */
export async function applyQuickFix(file: string, code: string, title?: RegExp): Promise<{ doc: vscode.TextDocument; before: string; after: string; action: vscode.CodeAction }> {
  const doc = await openInEditor(file);
  const before = doc.getText();
  const actions = await quickFixes(file, code);
  const action = title ? actions.find((a) => title.test(a.title)) : actions[0];
  assert.ok(action?.edit, `no quick fix${title ? ` matching ${title}` : ''} for ${code} on ${file}; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applying "${action.title}" failed`);
  return { doc, before, after: doc.getText(), action };
}

/** Ctrl+Z in the active editor, then waits until the document shows `expected`. */
export async function undoUntil(doc: vscode.TextDocument, expected: string): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('undo');
  if (doc.getText() === expected) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('undo did not restore the text within 2000 ms')); }, 2000);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || doc.getText() !== expected) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** Today as YYYY-MM-DD, local time (what the `updated` fix writes). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
