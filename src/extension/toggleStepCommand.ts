import * as vscode from 'vscode';
import { readMilestoneFile } from '../core/conventions/readMilestoneFile';
import { findStep } from '../core/edits/findStep';
import { toggleStep } from '../core/edits/toggleStep';
import { refOf, type StepRef } from '../core/model';
import { CommandId, ContextKey } from './commandIds';
import { resolveIdentity } from './config';
import type { StepNode, TreeNode } from './treeNodes';
import { hasUnsavedChanges, locate, readWorkspaceFile } from './workspaceFiles';

/** What became of a request to tick or untick a step. */
export type ToggleResult =
  | { readonly kind: 'ok'; readonly edits: number }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

const STEP_KINDS: readonly string[] = ['task', 'table-row', 'json-step', 'criterion'];

function isStepRef(value: unknown): value is StepRef {
  const ref = value as StepRef | null;
  return typeof ref === 'object' && ref !== null && typeof ref.line === 'number' && typeof ref.text === 'string'
    && (ref.section === null || typeof ref.section === 'string') && STEP_KINDS.includes(ref.kind);
}

/** Whether the file's text has the step `ref` ticked now (false when it is not found: the edit then says why). */
function isDoneIn(text: string, file: string, ref: StepRef): boolean {
  const reading = readMilestoneFile(file, text);
  const found = reading ? findStep(reading, ref) : null;
  return found?.kind === 'found' && found.found.step.state === 'done';
}

/** What a tick or untick is called in messages: `mark "Parser" done`. */
function markAction(text: string, done: boolean): string {
  return done ? vscode.l10n.t('mark "{0}" done', text) : vscode.l10n.t('mark "{0}" not done', text);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How long a saved document may take to reload a file that changed on disk before a tick is refused. */
const RELOAD_WAIT_MS = 1500;

/**
 * Whether `doc` holds what the disk holds, waiting a little for VS Code to reload it when the file
 * was just changed by another program (an edit on the old text could not be saved). A document
 * with unsaved changes is the user's truth and is used as it is.
 */
async function caughtUpWithDisk(doc: vscode.TextDocument): Promise<boolean> {
  if (doc.isDirty || doc.uri.scheme !== 'file') return true;
  const disk = await readWorkspaceFile(doc.uri, Number.POSITIVE_INFINITY);
  if (disk.kind !== 'text') return true;
  // The document never holds the BOM, and holds mixed line endings as one kind; the disk keeps both.
  const plain = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const want = plain(disk.text);
  const same = () => doc.isDirty || plain(doc.getText()) === want;
  if (same()) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => { clearTimeout(timer); listener.dispose(); resolve(ok); };
    const timer = setTimeout(() => done(same()), RELOAD_WAIT_MS);
    const listener = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc && same()) done(true); });
  });
}

/**
 * Ticks (`done`) or unticks the step `ref` of the file `uri` through a `WorkspaceEdit`, so the
 * editor's undo reverts it; saves the file afterwards only when it had no unsaved changes before.
 * The step is found again by the core (line + text + section); a refusal is shown to the user.
 */
export class StepToggler {
  /** Toggles run one after another: each one reads the text the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** `done`: tick, untick, or `flip` what the file says now (a row of the tree may show an older state). */
  toggle(uri: vscode.Uri, ref: StepRef, done: boolean | 'flip'): Promise<ToggleResult> {
    const run = this.queue.then(() => this.run(uri, ref, done));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(uri: vscode.Uri, ref: StepRef, wanted: boolean | 'flip'): Promise<ToggleResult> {
    let action = wanted === 'flip' ? vscode.l10n.t('tick or untick "{0}"', ref.text) : markAction(ref.text, wanted);
    const place = locate(uri);
    if (!place) return this.refuse(action, uri, 'the file is not in an open workspace folder');
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      if (!(await caughtUpWithDisk(doc))) return this.refuse(action, uri, 'the file changed on disk; reload it and retry');
      const wasDirty = await hasUnsavedChanges(doc);
      // Who ticks is asked for only for a tick: an untick writes no name, and on the web the name
      // may be a question to the person.
      const ticks = wanted === 'flip' ? !isDoneIn(doc.getText(), place.file, ref) : wanted;
      const identity = ticks ? await resolveIdentity() : '';
      // No await between reading the text and applying the edit: the offsets stay valid.
      const text = doc.getText();
      const done = wanted === 'flip' ? !isDoneIn(text, place.file, ref) : wanted;
      // The step was unticked elsewhere while the name was asked for: nothing is written unsigned.
      if (done && !ticks) return this.refuse(action, uri, 'the file changed meanwhile; try again');
      action = markAction(ref.text, done);
      const outcome = toggleStep(text, place.file, ref, done, { identity, now: new Date() });
      if (outcome.kind === 'refused') return this.refuse(action, uri, outcome.reason);
      if (outcome.edits.length === 0) {
        this.log.info(`"${ref.text}" is ${done ? 'done' : 'not done'} already in ${place.file}: nothing to write.`);
        return { kind: 'ok', edits: 0 };
      }
      const edit = new vscode.WorkspaceEdit();
      for (const e of outcome.edits) {
        edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
      }
      if (!(await vscode.workspace.applyEdit(edit))) {
        return this.fail(action, uri, 'VS Code did not apply the edit (the file may have changed); retry.');
      }
      if (!wasDirty && !(await doc.save())) {
        return this.fail(action, uri, 'the change was made but the file could not be saved.');
      }
      this.log.info(`Marked "${ref.text}" ${done ? 'done' : 'not done'} in ${place.file} (${outcome.edits.length} edit(s)${wasDirty ? ', left unsaved' : ''}).`);
      void vscode.commands.executeCommand('setContext', ContextKey.steppedOnce, true);
      return { kind: 'ok', edits: outcome.edits.length };
    } catch (error) {
      this.log.error(`Could not ${action} in ${uri.toString()}`, error instanceof Error ? error : String(error));
      return this.fail(action, uri, errorText(error));
    }
  }

  private refuse(action: string, uri: vscode.Uri, reason: string): ToggleResult {
    this.log.warn(`Could not ${action} in ${uri.toString()}: ${reason}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not {0}: {1}', action, reason));
    return { kind: 'refused', reason };
  }

  private fail(action: string, uri: vscode.Uri, message: string): ToggleResult {
    this.log.error(`Could not ${action} in ${uri.toString()}: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not {0}: {1}', action, message));
    return { kind: 'failed', message };
  }
}

/** A row of the Milestones tree (the keybinding's focused row, a context menu's row). */
function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { id?: unknown }).id === 'string';
}

/** A row whose checkbox a person can tick: a step with a real checkbox (done or open). */
function isTickable(node: TreeNode): node is StepNode {
  return node.kind === 'step' && (node.step.state === 'done' || node.step.state === 'open');
}

/** How often, and after how long, Space retries a row VS Code could not name while the tree repainted. */
const KEYBOARD_RETRY_MS: readonly number[] = [100, 250, 500];

/** The argument package.json binds to Space; VS Code turns its object into the focused row. */
const FOCUSED_ROW = { $treeViewId: 'milestones.tree', $focusedTreeItem: true } as const;

/**
 * Space's argument: `[row, attempt?]`, the row that had the keyboard focus. While the tree repaints
 * (after every index update) VS Code cannot name the row for a moment and passes `undefined` (or the
 * object unconverted); undefined when `target` is not Space's argument at all.
 */
function keyboardArgument(target: unknown): { readonly row: TreeNode | undefined; readonly attempt: number } | undefined {
  if (!Array.isArray(target) || target.length < 1 || target.length > 2) return undefined;
  const [first, attempt] = target as [unknown, unknown];
  if (first !== undefined && first !== null && !isTreeNode(first) && !(typeof first === 'object' && '$treeViewId' in first)) return undefined;
  return { row: isTreeNode(first) ? first : undefined, attempt: typeof attempt === 'number' ? attempt : 0 };
}

/**
 * `milestones.toggleStep`, three ways:
 * - `(uri: string | Uri, ref: StepRef, done: boolean): ToggleResult`, used by the tree's checkboxes
 *   and by tests;
 * - `(row: TreeNode)`: the step's context menu, and tests: a tickable step is ticked or unticked
 *   as the file has it now;
 * - `([row])`: Space in the Milestones view, with the focused row; a row that is not a tickable step
 *   gets what Space does in every tree (expand or collapse it, else open it). A row VS Code cannot
 *   name yet (the tree is repainting) is asked for again through the window, a few times.
 */
export function registerToggleStepCommand(toggler: StepToggler): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.toggleStep, async (target: unknown, ref: unknown, done: unknown): Promise<ToggleResult | undefined> => {
    const keyboard = keyboardArgument(target);
    const row = keyboard ? keyboard.row : isTreeNode(target) ? target : undefined;
    if (keyboard && !row) {
      const wait = KEYBOARD_RETRY_MS[keyboard.attempt];
      if (wait === undefined) return undefined;
      await new Promise((resolve) => setTimeout(resolve, wait));
      // Through the window, so that VS Code names the focused row again.
      await vscode.commands.executeCommand('runCommands', { commands: [{ command: CommandId.toggleStep, args: [FOCUSED_ROW, keyboard.attempt + 1] }] });
      return undefined;
    }
    if (row) {
      if (isTickable(row)) return toggler.toggle(row.uri, refOf(row.step), 'flip');
      if (keyboard) await vscode.commands.executeCommand('list.toggleExpand');
      return undefined;
    }
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
    if (!uri || !isStepRef(ref) || typeof done !== 'boolean') {
      return { kind: 'failed', message: 'expected (uri, StepRef, done: boolean) or a row of the Milestones tree' };
    }
    return toggler.toggle(uri, ref, done);
  });
}
