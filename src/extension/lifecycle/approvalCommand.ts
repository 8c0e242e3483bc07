import * as vscode from 'vscode';
import { logApproval, type ApprovalInput } from '../../core/lifecycle/approval/logApproval';
import { CommandId } from '../commandIds';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, type LifecycleDeps } from './lifecycleRunner';
import { resolveTarget } from './milestoneTarget';

/**
 * `milestones.logApproval(target?, input?)`: appends the seed-004 approval entry for a STATUS.md
 * milestone to DECISIONS.md beside it (created when missing). Without `input` it asks for the
 * decision (a sensible default is offered), and opens DECISIONS.md at the new entry.
 */
export function registerLogApprovalCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.logApproval, async (arg?: unknown, second?: unknown): Promise<LifecycleResult> => {
    // From the tree with several rows selected, the second argument is the selection, not an input.
    const given = second && typeof second === 'object' && !Array.isArray(second) ? second as ApprovalInput : undefined;
    const target = await resolveTarget(deps.index, arg, (m) => m.convention === 'status-md', 'Log the approval of which milestone?');
    if (!target) return CANCELLED;
    let input: ApprovalInput = given ?? {};
    if (!given) {
      const decision = await vscode.window.showInputBox({
        title: vscode.l10n.t('Log approval: {0}', target.milestone.title),
        prompt: vscode.l10n.t('The decision, as it goes into DECISIONS.md (leave as is for the default)'),
        value: vscode.l10n.t('Approved to advance to the next milestone'),
      });
      if (decision === undefined) return CANCELLED;
      input = { decision };
    }
    return runLifecycle(deps, target.folder, `log the approval of "${target.milestone.title}"`, (snapshot, ctx) => logApproval(snapshot, target.ref, input, ctx), { open: !given });
  });
}
