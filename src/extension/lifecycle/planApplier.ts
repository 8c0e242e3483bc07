import * as vscode from 'vscode';
import type { ChangePlan, FolderSnapshot } from '../../core/lifecycle/changePlan';
import type { TextEdit } from '../../core/model';
import { hasUnsavedChanges } from '../workspaceFiles';
import type { LifecycleResult } from './lifecycleResult';

/**
 * Applies a plan as ONE `WorkspaceEdit` (so one Undo reverts it all): text edits through the open
 * documents (unsaved editors keep their unsaved changes and stay unsaved), new files with their
 * contents, moves with `renameFile` (VS Code then updates open editors). Each edited file's text must
 * still be the one the plan was computed from (else refused: the user retries). Afterwards saves
 * every edited document that had no unsaved changes before, so the files on disk say what the tree shows.
 */
export async function applyPlan(folder: vscode.WorkspaceFolder, snapshot: FolderSnapshot, plan: ChangePlan): Promise<LifecycleResult> {
  const uriOf = (file: string) => vscode.Uri.joinPath(folder.uri, ...file.split('/'));
  const edit = new vscode.WorkspaceEdit();
  const toSave = new Map<string, vscode.Uri>();
  const changed: string[] = [];
  const moved = new Map<string, string>();
  for (const change of plan.changes) {
    if (change.kind === 'create') {
      if (await exists(uriOf(change.file))) return { kind: 'refused', reason: `${change.file} already exists`, code: 'exists' };
      edit.createFile(uriOf(change.file), { contents: new TextEncoder().encode(change.text), overwrite: false });
      changed.push(change.file);
    } else if (change.kind === 'edit') {
      if (change.edits.length === 0) continue;
      const doc = await vscode.workspace.openTextDocument(uriOf(change.file));
      const base = snapshot.text(change.file);
      const shift = base === null ? null : await caughtUp(doc, base);
      if (shift === null) return { kind: 'refused', reason: `${change.file} changed while the change was being prepared; try again` };
      for (const e of change.edits) edit.replace(doc.uri, rangeOf(doc, e, shift), e.newText);
      if (!(await hasUnsavedChanges(doc))) toSave.set(change.file, doc.uri);
      changed.push(change.file);
    } else {
      if (await exists(uriOf(change.to))) return { kind: 'refused', reason: `${change.to} already exists`, code: 'exists' };
      edit.renameFile(uriOf(change.from), uriOf(change.to), { overwrite: false });
      moved.set(change.from, change.to);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) return { kind: 'failed', message: 'VS Code did not apply the change (a file may have changed); try again' };
  for (const [file, uri] of toSave) {
    const target = moved.has(file) ? uriOf(moved.get(file)!) : uri;
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.isDirty && !(await doc.save())) return { kind: 'failed', message: `the change was made but ${moved.get(file) ?? file} could not be saved` };
  }
  const files = [...new Set([...changed.map((f) => moved.get(f) ?? f), ...moved.values()])];
  return plan.primary === undefined ? { kind: 'ok', summary: plan.summary, changed: files } : { kind: 'ok', summary: plan.summary, changed: files, primary: plan.primary };
}

/** How long `applyPlan` waits for a document without unsaved changes to reload what another program wrote. */
const RELOAD_WAIT_MS = 3000;

/**
 * `offsetShift` of the document against the plan's text. A document without unsaved changes that
 * holds other text than the plan read from disk has not reloaded yet what another program wrote:
 * wait for VS Code to reload it (an event, at most `RELOAD_WAIT_MS`). Null when it never matches.
 */
async function caughtUp(doc: vscode.TextDocument, base: string): Promise<number | null> {
  const now = offsetShift(doc.getText(), base);
  if (now !== null || doc.isDirty) return now;
  return new Promise((resolve) => {
    const done = (shift: number | null): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(shift);
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc) return;
      const shift = offsetShift(doc.getText(), base);
      if (shift !== null || doc.isDirty) done(shift);
    });
    const timer = setTimeout(() => done(offsetShift(doc.getText(), base)), RELOAD_WAIT_MS);
  });
}

/**
 * How the document's offsets differ from the plan's: 0 when the texts are the same, -1 when the
 * plan's text starts with a BOM the document does not hold (VS Code keeps the BOM outside the
 * document), null when the text changed in between.
 */
function offsetShift(docText: string, base: string): number | null {
  if (docText === base) return 0;
  if (base.charCodeAt(0) === 0xfeff && docText === base.slice(1)) return -1;
  return null;
}

function rangeOf(doc: vscode.TextDocument, e: TextEdit, shift: number): vscode.Range {
  return new vscode.Range(doc.positionAt(Math.max(0, e.start + shift)), doc.positionAt(Math.max(0, e.end + shift)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
