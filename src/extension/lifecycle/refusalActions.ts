import * as vscode from 'vscode';
import { completeMilestone } from '../../core/lifecycle/status/completeMilestone';
import { CommandId } from '../commandIds';
import type { LifecycleResult } from './lifecycleResult';
import { runLifecycle, schemaOfFile, type LifecycleDeps } from './lifecycleRunner';
import type { MilestoneTarget } from './milestoneTarget';

const COMPLETE_ANYWAY = vscode.l10n.t('Complete Anyway');
const LOG_APPROVAL = vscode.l10n.t('Log Approval…');

/**
 * The safe answer, first: VS Code makes the first item that is not `isCloseAffordance` the default
 * button of a modal message (the primary one, focused, what Enter presses, on every platform and in
 * the custom and native dialogs), and the `isCloseAffordance` item (else a "Cancel" it adds) what
 * Escape and the dialog's close button answer. No item can be both, so Enter keeps the milestone
 * open and Escape cancels: neither does what the dialog warns about.
 */
const KEEP_OPEN: vscode.MessageItem = { title: vscode.l10n.t('Keep Open') };
const CANCEL: vscode.MessageItem = { title: vscode.l10n.t('Cancel'), isCloseAffordance: true };

/**
 * Shows a refusal of Complete (or of a done status) with the way on it offers: open criteria are
 * listed in a modal dialog with "Complete Anyway"; a missing approval offers "Log Approval…", which
 * logs it (DECISIONS.md) and completes, also after "Complete Anyway" (`force`). Any other refusal is
 * a warning. Returns what finally happened.
 */
export async function offerWayOn(deps: LifecycleDeps, target: MilestoneTarget, result: LifecycleResult, force = false): Promise<LifecycleResult> {
  if (result.kind !== 'refused') return result;
  const title = target.milestone.title;
  if (result.code === 'open-steps') {
    const detail = (result.items ?? []).map((i) => `• ${i}`).join('\n');
    if (!(await confirmed(`${capitalized(result.reason)}.`, detail, COMPLETE_ANYWAY))) return result;
    return offerWayOn(deps, target, await complete(deps, target, true, false), true);
  }
  if (result.code === 'approval-required') {
    const detail = vscode.l10n.t('{0} adds the approval of "{1}" to DECISIONS.md, then completes it.', LOG_APPROVAL, title);
    if (!(await confirmed(`${capitalized(result.reason)}.`, detail, LOG_APPROVAL))) return result;
    const logged = await vscode.commands.executeCommand<LifecycleResult>(CommandId.logApproval, { uri: target.uri, line: target.ref.line, title });
    if (logged?.kind !== 'ok') return logged ?? result;
    return offerWayOn(deps, target, await complete(deps, target, force, false), force);
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('Could not change "{0}": {1}.', title, result.reason));
  return result;
}

/** Runs Complete on `target`. */
export async function complete(deps: LifecycleDeps, target: MilestoneTarget, force: boolean, showRefusal = true): Promise<LifecycleResult> {
  const { folder, milestone } = target;
  const schema = await schemaOfFile(deps, folder, milestone.file, milestone.convention);
  return runLifecycle(deps, folder, `complete "${milestone.title}"`, (snapshot, ctx) => completeMilestone(snapshot, target.ref, { force }, schema, ctx), { showRefusal });
}

/** A modal warning offering `action` over a refusal; true only when the person picked it. */
async function confirmed(message: string, detail: string, action: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, KEEP_OPEN, { title: action }, CANCEL);
  return choice?.title === action;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
