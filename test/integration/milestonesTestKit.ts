// Shared by the integration suites: the extension's test API, waiting on the index (never on a
// clock), and files written with Node's fs, i.e. from outside VS Code.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Milestone, Step } from '../../src/core/model';
import type { FolderMilestones } from '../../src/extension/servedIndex';
import type { MilestonesApi } from '../../src/extension/testApi';
import type { TreeNode } from '../../src/extension/treeNodes';

export const extensionId = 'milestones-dev.milestones';

/**
 * What the tests read of the index: the server's milestones as the extension last asked for them,
 * asked again after every index update (in order: an older answer never replaces a newer one).
 * Listeners hear each new answer.
 */
interface IndexView {
  lists: readonly FolderMilestones[];
  readonly listeners: Set<() => void>;
  refresh(): Promise<void>;
}

const views = new WeakMap<MilestonesApi, IndexView>();

function indexView(api: MilestonesApi): IndexView {
  let view = views.get(api);
  if (view) return view;
  let asked = 0;
  let shown = 0;
  const created: IndexView = {
    lists: [],
    listeners: new Set(),
    async refresh() {
      const mine = ++asked;
      // With their steps (the server keeps most files without: `Milestone.slim`).
      const lists = await api.index.list(true);
      if (mine < shown) return;
      shown = mine;
      created.lists = lists;
      for (const listener of [...created.listeners]) listener();
    },
  };
  api.onDidIndex(() => void created.refresh());
  views.set(api, (view = created));
  return view;
}

/** The activated extension's API, after the first scan. */
export async function milestonesApi(): Promise<MilestonesApi> {
  const extension = vscode.extensions.getExtension<MilestonesApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const api = await extension.activate();
  await api.whenIndexed();
  await indexView(api).refresh();
  return api;
}

/** Waits until the server has taken in every change, and the tests' view of its index shows them. */
export async function indexed(api: MilestonesApi): Promise<void> {
  await api.whenIndexed();
  await indexView(api).refresh();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

export function uriOf(file: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...file.split('/'));
}

export function fsPathOf(file: string): string {
  return path.join(workspaceFolder().uri.fsPath, ...file.split('/'));
}

/** The milestones the index holds for `file` (relative to the workspace folder `folder`, the first by default), as last seen. */
export function milestonesOf(api: MilestonesApi, file: string, folder = workspaceFolder()): Milestone[] {
  const key = folder.uri.toString();
  return indexView(api).lists.filter((l) => l.folder.uri.toString() === key).flatMap((l) => l.milestones.filter((m) => m.file === file));
}

/** Every milestone the index holds, with its folder, as last seen. */
export function allMilestones(api: MilestonesApi): { readonly folder: vscode.WorkspaceFolder; readonly milestone: Milestone }[] {
  return indexView(api).lists.flatMap((l) => l.milestones.map((milestone) => ({ folder: l.folder, milestone })));
}

/** The only step of `file` whose text contains `text`. */
export function stepOf(api: MilestonesApi, file: string, text: string): Step {
  const steps = milestonesOf(api, file).flatMap((m) => m.steps).filter((s) => s.text.includes(text));
  assert.equal(steps.length, 1, `expected one step containing "${text}" in ${file}, found ${steps.length}`);
  return steps[0]!;
}

/**
 * Resolves as soon as `holds()` is true: checked now and after every index update (once the tests'
 * view of the index has it). Rejects with `what` after `timeoutMs`.
 */
export function waitForIndex(api: MilestonesApi, what: string, holds: () => boolean, timeoutMs = 1000): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (holds()) {
      resolve(0);
      return;
    }
    const { listeners } = indexView(api);
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`the index did not show ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = () => {
      if (!holds()) return;
      clearTimeout(timer);
      listeners.delete(check);
      resolve(Date.now() - started);
    };
    listeners.add(check);
  });
}

/** Writes `text` to `file` with Node's fs (as another program would), creating folders. */
export async function writeOutside(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(fsPathOf(file)), { recursive: true });
  await fs.writeFile(fsPathOf(file), text, 'utf8');
}

export function readOutside(file: string): Promise<string> {
  return fs.readFile(fsPathOf(file), 'utf8');
}

export async function removeOutside(file: string): Promise<void> {
  await fs.rm(fsPathOf(file), { recursive: true, force: true });
}

/** Writes `file` outside VS Code and waits until the index holds a milestone of it. */
export async function createMilestoneFile(api: MilestonesApi, file: string, text: string, timeoutMs = 1000): Promise<void> {
  await writeOutside(file, text);
  await waitForIndex(api, `${file} indexed`, () => milestonesOf(api, file).length > 0, timeoutMs);
}

/** Closes every editor, reverting unsaved ones (a save prompt would hang the run). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export type ToggleResult =
  | { readonly kind: 'ok'; readonly edits: number }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Runs `milestones.toggleStep`, as the tree's checkbox does. */
export async function toggle(file: string, step: Step, done: boolean): Promise<ToggleResult> {
  const ref = { line: step.line, text: step.text, section: step.section, kind: step.source.kind };
  const result = await vscode.commands.executeCommand<ToggleResult>('milestones.toggleStep', uriOf(file).toString(), ref, done);
  assert.ok(result, 'milestones.toggleStep returned nothing');
  return result;
}

/** A tree row's label as text. */
export function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/**
 * Resolves when `holds()` is true, checked now and whenever the tree repaints (never on a clock);
 * `holds` may ask the tree for rows (async): checks run one at a time, and again after a repaint
 * that came while one ran.
 */
export function waitForTree(api: MilestonesApi, what: string, holds: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      if (error) reject(error);
      else resolve();
    };
    const check = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if (await holds()) return finish();
        } while (again && !done);
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => finish(new Error(`the tree did not show ${what} within ${timeoutMs} ms`)), timeoutMs);
    const sub = api.tree.onDidChangeTreeData(() => void check());
    void check();
  });
}

/** The rows under `node` (the top rows without one). */
export async function rowsUnder(api: MilestonesApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

/** The row reached from the top by rows whose labels contain each text in turn. */
export async function rowAt(api: MilestonesApi, ...texts: string[]): Promise<TreeNode> {
  let node: TreeNode | undefined;
  for (const text of texts) {
    const rows = await api.tree.getChildren(node);
    node = rows.find((n) => label(api.tree.getTreeItem(n)).includes(text));
    assert.ok(node, `no row "${text}" among ${rows.map((n) => label(api.tree.getTreeItem(n))).join(' | ')}`);
  }
  assert.ok(node, 'no row');
  return node;
}

/** Resolves when `doc`'s text satisfies `holds`, checked now and on each change of it (never on a clock). */
export function waitForDocument(doc: vscode.TextDocument, holds: (text: string) => boolean, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds(doc.getText())) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`the document did not change as expected; it holds:\n${doc.getText()}`)); }, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || !holds(doc.getText())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/**
 * Resolves once VS Code counts `doc` as unsaved. The dirty flag reaches the extension host after
 * the edit that set it (a change event with no content changes), later still under load.
 */
export function waitForDirty(doc: vscode.TextDocument, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (doc.isDirty) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`${doc.uri.fsPath} is not counted as unsaved`)); }, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || !doc.isDirty) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/**
 * Opens `file` in an editor once its document holds the text on disk. A document still open from an
 * earlier test keeps its old text until VS Code notices a write made outside it; saving before that
 * is refused as a conflict ("the file is newer").
 */
export async function openInSyncWithDisk(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(file));
  const onDisk = await readOutside(file);
  await waitForDocument(doc, (text) => text === onDisk);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Resolves when the tree view's selection is the row `id` or a row `holds` accepts (selection changes arrive from the window). */
export function waitForSelection<T extends { id: string }>(view: vscode.TreeView<T>, id: string | ((row: T) => boolean), timeoutMs = 3000): Promise<T> {
  const matches = (row: T | undefined): row is T => row !== undefined && (typeof id === 'string' ? row.id === id : id(row));
  return new Promise((resolve, reject) => {
    if (matches(view.selection[0])) return resolve(view.selection[0]);
    // `selection` is empty while the tree repaints (VS Code forgets its rows until it asks for them
    // again) and comes back without an event: look once more at the deadline.
    const timer = setTimeout(() => {
      sub.dispose();
      if (matches(view.selection[0])) resolve(view.selection[0]);
      else reject(new Error(`the tree did not select ${typeof id === 'string' ? id : 'the row'} within ${timeoutMs} ms (it selects ${view.selection.map((r) => r.id).join(', ') || 'nothing'})`));
    }, timeoutMs);
    const sub = view.onDidChangeSelection((e) => {
      if (!matches(e.selection[0])) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.selection[0]);
    });
  });
}
