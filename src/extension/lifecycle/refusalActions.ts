import * as vscode from 'vscode';
import { completeMilestone } from '../../core/lifecycle/status/completeMilestone';
import { CommandId } from '../commandIds';
import type { LifecycleResult } from './lifecycleResult';
import { runLifecycle, schemaOf, type LifecycleDeps } from './lifecycleRunner';
import type { MilestoneTarget } from './milestoneTarget';

const COMPLETE_ANYWAY = 'Complete Anyway';
const LOG_APPROVAL = 'Log Approval…';

/**
 * Shows a refusal of Complete (or of a done status) with the way on it offers: open criteria are
 * listed in a modal dialog with "Complete Anyway"; a missing approval offers "Log Approval…", then
 * completes. Any other refusal is a warning. Returns what finally happened.
 */
export async function offerWayOn(deps: LifecycleDeps, target: MilestoneTarget, result: LifecycleResult): Promise<LifecycleResult> {
  if (result.kind !== 'refused') return result;
  const title = target.milestone.title;
  if (result.code === 'open-steps') {
    const detail = (result.items ?? []).map((i) => `• ${i}`).join('\n');
    const choice = await vscode.window.showWarningMessage(`${capitalized(result.reason)}.`, { modal: true, detail }, COMPLETE_ANYWAY);
    if (choice !== COMPLETE_ANYWAY) return result;
    return complete(deps, target, true);
  }
  if (result.code === 'approval-required') {
    const choice = await vscode.window.showWarningMessage(`${capitalized(result.reason)}.`, { modal: true }, LOG_APPROVAL);
    if (choice !== LOG_APPROVAL) return result;
    const logged = await vscode.commands.executeCommand<LifecycleResult>(CommandId.logApproval, { uri: target.uri, line: target.ref.line, title });
    if (logged?.kind !== 'ok') return logged ?? result;
    return offerWayOn(deps, target, await complete(deps, target, false, false));
  }
  void vscode.window.showWarningMessage(`Could not change "${title}": ${result.reason}.`);
  return result;
}

/** Runs Complete on `target`. */
export function complete(deps: LifecycleDeps, target: MilestoneTarget, force: boolean, showRefusal = true): Promise<LifecycleResult> {
  const { folder, milestone } = target;
  const schema = schemaOf(deps, folder, milestone.file, milestone.convention, deps.index.textOf(folder.uri.toString(), milestone.file) ?? null);
  return runLifecycle(deps, folder, `complete "${milestone.title}"`, (snapshot, ctx) => completeMilestone(snapshot, target.ref, { force }, schema, ctx), { showRefusal });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
