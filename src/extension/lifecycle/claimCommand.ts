import * as vscode from 'vscode';
import { hasLifecycle } from '../../core/lifecycle/applicable';
import { claimMilestone } from '../../core/lifecycle/status/claimMilestone';
import { CommandId } from '../commandIds';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, type LifecycleDeps } from './lifecycleRunner';
import { resolveTarget } from './milestoneTarget';

/** `milestones.claim(target?)`: the owner becomes `milestones.identity` (else git user.name, else the OS user). */
export function registerClaimCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.claim, async (arg?: unknown): Promise<LifecycleResult> => {
    const target = await resolveTarget(deps.index, arg, hasLifecycle, 'Claim which milestone?');
    if (!target) return CANCELLED;
    return runLifecycle(deps, target.folder, `claim "${target.milestone.title}"`, (snapshot, ctx) => claimMilestone(snapshot, target.ref, ctx));
  });
}
