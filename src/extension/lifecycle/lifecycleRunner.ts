import * as vscode from 'vscode';
import type { ChangePlan, FolderSnapshot, LifecycleContext, PlanOutcome } from '../../core/lifecycle/changePlan';
import { readFrontmatter } from '../../core/frontmatter/readFrontmatter';
import type { ConventionId } from '../../core/model';
import type { JsonSchema } from '../../core/schema/schemaTypes';
import { resolveIdentity } from '../config';
import type { SchemaService } from '../schemaService';
import type { WorkspaceIndexService } from '../workspaceIndexService';
import { folderSnapshot } from './folderSnapshot';
import type { LifecycleResult } from './lifecycleResult';
import { applyPlan } from './planApplier';

/** What the lifecycle commands share. */
export interface LifecycleDeps {
  readonly index: WorkspaceIndexService;
  readonly schemas: SchemaService;
  readonly log: vscode.LogOutputChannel;
}

export interface RunOptions {
  /** Open the plan's primary file afterwards (a new milestone). */
  readonly open?: boolean;
  /** Show a refusal as a warning (default); callers that offer a way on show it themselves. */
  readonly showRefusal?: boolean;
}

/**
 * Runs one lifecycle action on `folder`: the snapshot, the core's plan (or refusal), the
 * `WorkspaceEdit`, and one message for the user. `action` names it for messages and the log
 * (`complete "Query box"`).
 */
export async function runLifecycle(
  deps: LifecycleDeps, folder: vscode.WorkspaceFolder, action: string,
  compute: (snapshot: FolderSnapshot, context: LifecycleContext) => PlanOutcome, options: RunOptions = {},
): Promise<LifecycleResult> {
  let result: LifecycleResult;
  try {
    const snapshot = await folderSnapshot(deps.index, folder);
    const outcome = compute(snapshot, { identity: await resolveIdentity(), now: new Date() });
    if (outcome.kind === 'refused') {
      result = outcome;
    } else if (outcome.plan.changes.length === 0) {
      result = { kind: 'ok', summary: outcome.plan.summary, changed: [] };
    } else {
      result = await applyPlan(folder, snapshot, outcome.plan);
      if (result.kind === 'ok') await catchUp(deps.index, folder, outcome.plan);
    }
  } catch (error) {
    deps.log.error(`Could not ${action}`, error instanceof Error ? error : String(error));
    result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  report(deps, action, result, options);
  if (result.kind === 'ok' && options.open && result.primary !== undefined) {
    const uri = vscode.Uri.joinPath(folder.uri, ...result.primary.split('/'));
    await vscode.window.showTextDocument(uri, { preview: false });
  }
  return result;
}

/**
 * Tells the index at once what the plan changed, instead of waiting for the file watcher: the next
 * action (an agent creating three milestones in a row) must see this one's files, or it would
 * number its milestone the same.
 */
async function catchUp(index: WorkspaceIndexService, folder: vscode.WorkspaceFolder, plan: ChangePlan): Promise<void> {
  const uriOf = (file: string) => vscode.Uri.joinPath(folder.uri, ...file.split('/'));
  const reads: Promise<void>[] = [];
  for (const change of plan.changes) {
    if (change.kind === 'rename') {
      index.removePath(uriOf(change.from));
      reads.push(index.refreshFile(uriOf(change.to)));
    } else {
      reads.push(index.refreshFile(uriOf(change.file)));
    }
  }
  await Promise.all(reads);
}

function report(deps: LifecycleDeps, action: string, result: LifecycleResult, options: RunOptions): void {
  switch (result.kind) {
    case 'ok':
      deps.log.info(`${result.summary}${result.changed.length > 0 ? ` (${result.changed.join(', ')})` : ''}`);
      void vscode.window.showInformationMessage(result.summary);
      break;
    case 'refused':
      deps.log.warn(`Could not ${action}: ${result.reason}${result.items ? ` (${result.items.join('; ')})` : ''}`);
      if (options.showRefusal !== false) {
        void vscode.window.showWarningMessage(`Could not ${action}: ${result.reason}${result.items && result.items.length > 0 ? `: ${result.items.join('; ')}` : ''}.`);
      }
      break;
    case 'failed':
      void vscode.window.showErrorMessage(`Could not ${action}: ${result.message}.`);
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
  const data = text === null ? null : dataOf(text, convention);
  return deps.schemas.registryFor(folder).resolve(folder.uri.fsPath, file, convention, data).use?.schema ?? null;
}

function dataOf(text: string, convention: ConventionId): Readonly<Record<string, unknown>> | null {
  if (convention !== 'session-json') return readFrontmatter(text).data;
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null;
  } catch {
    return null;
  }
}
