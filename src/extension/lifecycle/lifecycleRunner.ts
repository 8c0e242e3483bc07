import * as vscode from 'vscode';
import type { ChangePlan, FolderSnapshot, LifecycleContext, PlanOutcome } from '../../core/lifecycle/changePlan';
import { writtenAt, type WrittenAt } from '../../core/lifecycle/writtenAt';
import type { ConventionId } from '../../core/model';
import { schemaData } from '../../core/schema/schemaData';
import type { JsonSchema } from '../../core/schema/schemaTypes';
import { readScanSettings, resolveIdentity } from '../config';
import { currentText } from '../workspaceFiles';
import type { SchemaService } from '../schemaService';
import type { RevealInTree } from '../treeReveal';
import type { ServedIndex } from '../servedIndex';
import { folderSnapshot, settled } from './folderSnapshot';
import type { LifecycleResult } from './lifecycleResult';
import { applyPlan } from './planApplier';

/** What the lifecycle commands share. */
export interface LifecycleDeps {
  readonly index: ServedIndex;
  readonly schemas: SchemaService;
  readonly log: vscode.LogOutputChannel;
  /** Shows the milestone an action wrote in, in the Milestones tree. */
  readonly revealInTree: RevealInTree;
}

export interface RunOptions {
  /**
   * Open the plan's primary file afterwards, at what was written, besides showing it in the tree:
   * for an action a person asked for through prompts (a new milestone, a distilled one, a logged
   * approval). Callers that pass every input (tests, other commands) leave the editors alone.
   */
  readonly open?: boolean;
  /** Show a refusal as a warning (default); callers that offer a way on show it themselves. */
  readonly showRefusal?: boolean;
  /**
   * Say what was done in a notification (default). An agent's tool call says it in the chat
   * instead; the log has it either way.
   */
  readonly announce?: boolean;
}

/**
 * Runs one lifecycle action on `folder`: the snapshot, the core's plan (or refusal), the
 * `WorkspaceEdit`, one message for the user, and what was written shown (see `showWritten`).
 * `action` names it for messages and the log (`complete "Query box"`).
 */
export async function runLifecycle(
  deps: LifecycleDeps, folder: vscode.WorkspaceFolder, action: string,
  compute: (snapshot: FolderSnapshot, context: LifecycleContext) => PlanOutcome, options: RunOptions = {},
): Promise<LifecycleResult> {
  let result: LifecycleResult;
  let written: WrittenAt | null = null;
  try {
    const snapshot = await folderSnapshot(deps.index, folder);
    const context = { identity: await resolveIdentity(), now: new Date() };
    const outcome = await settled(snapshot, (s) => compute(s, context));
    if (outcome.kind === 'refused') {
      result = outcome;
    } else if (outcome.plan.changes.length === 0) {
      result = { kind: 'ok', summary: outcome.plan.summary, changed: [] };
    } else {
      result = await applyPlan(folder, snapshot, outcome.plan);
      if (result.kind === 'ok') {
        await catchUp(deps.index, folder, outcome.plan);
        written = writtenAt(outcome.plan, (file) => snapshot.text(file));
      }
    }
  } catch (error) {
    deps.log.error(`Could not ${action}`, error instanceof Error ? error : String(error));
    result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  report(deps, action, result, options);
  if (result.kind === 'ok' && written) await showWritten(deps, folder, written, options.open === true);
  return result;
}

/**
 * Shows what an action wrote: the milestone that holds it is revealed and selected in the tree
 * (the focus stays where it is), and with `open` the file is opened at that line (a DECISIONS.md
 * entry, which no row shows, is seen only there).
 */
async function showWritten(deps: LifecycleDeps, folder: vscode.WorkspaceFolder, at: WrittenAt, open: boolean): Promise<void> {
  try {
    await deps.revealInTree(folder, at.file, at.line);
  } catch (error) {
    deps.log.warn(`Could not reveal ${at.file} in the Milestones tree: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!open) return;
  const start = new vscode.Position(at.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...at.file.split('/')), { preview: false, selection: new vscode.Range(start, start) });
}

/**
 * Tells the index at once what the plan changed, instead of waiting for the file watcher: the next
 * action (an agent creating three milestones in a row) must see this one's files, or it would
 * number its milestone the same.
 */
async function catchUp(index: ServedIndex, folder: vscode.WorkspaceFolder, plan: ChangePlan): Promise<void> {
  const uriOf = (file: string) => vscode.Uri.joinPath(folder.uri, ...file.split('/'));
  await index.refreshFiles(plan.changes.flatMap((change) => change.kind === 'rename' ? [uriOf(change.from), uriOf(change.to)] : [uriOf(change.file)]));
}

function report(deps: LifecycleDeps, action: string, result: LifecycleResult, options: RunOptions): void {
  switch (result.kind) {
    case 'ok':
      deps.log.info(`${result.summary}${result.changed.length > 0 ? ` (${result.changed.join(', ')})` : ''}`);
      if (options.announce !== false) void vscode.window.showInformationMessage(result.summary);
      break;
    case 'refused':
      deps.log.warn(`Could not ${action}: ${result.reason}${result.items ? ` (${result.items.join('; ')})` : ''}`);
      if (options.showRefusal !== false) {
        void vscode.window.showWarningMessage(result.items && result.items.length > 0 ? vscode.l10n.t('Could not {0}: {1}: {2}.', action, result.reason, result.items.join('; ')) : vscode.l10n.t('Could not {0}: {1}.', action, result.reason));
      }
      break;
    case 'failed':
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not {0}: {1}.', action, result.message));
      break;
    case 'cancelled':
      break;
  }
}

/**
 * The schema that checks `file` (as the diagnostics pick it): `$schema`, the `milestones.schemas`
 * setting, NAME.jsonschema.yaml beside NAME.kb/, the built-in one. `text` null: a file not written yet.
 */
export function schemaOf(deps: LifecycleDeps, folder: vscode.WorkspaceFolder, file: string, convention: ConventionId, text: string | null): JsonSchema | null {
  return schemaOfData(deps, folder, file, convention, text === null ? null : schemaData(text, convention, file));
}

/** `schemaOf` from the file's parsed header (`data`, null for a file not written yet). */
export function schemaOfData(deps: LifecycleDeps, folder: vscode.WorkspaceFolder, file: string, convention: ConventionId, data: Readonly<Record<string, unknown>> | null): JsonSchema | null {
  return deps.schemas.registryFor(folder).resolve(folder.uri.fsPath, file, convention, data).use?.schema ?? null;
}


/** `schemaOf` the file as the person sees it now (its open document, else the disk). */
export async function schemaOfFile(deps: LifecycleDeps, folder: vscode.WorkspaceFolder, file: string, convention: ConventionId): Promise<JsonSchema | null> {
  const text = await currentText(vscode.Uri.joinPath(folder.uri, ...file.split('/')), readScanSettings(folder).maxFileSize);
  return schemaOf(deps, folder, file, convention, text);
}
