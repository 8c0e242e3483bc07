import * as vscode from 'vscode';
import { registerLogApprovalCommand } from './approvalCommand';
import { registerArchiveCommand } from './archiveCommand';
import { registerClaimCommand } from './claimCommand';
import { registerCompleteCommand, registerReopenCommand } from './completeCommand';
import { registerDistillCommand } from './distillCommand';
import type { LifecycleDeps } from './lifecycleRunner';
import { registerNewMilestoneCommand } from './newMilestoneCommand';
import { registerSetStatusCommand } from './setStatusCommand';

/** The lifecycle commands: new, claim, set status, complete, reopen, log approval, archive, distill. */
export function registerLifecycle(deps: LifecycleDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerNewMilestoneCommand(deps),
    registerClaimCommand(deps),
    registerSetStatusCommand(deps),
    registerCompleteCommand(deps),
    registerReopenCommand(deps),
    registerLogApprovalCommand(deps),
    registerArchiveCommand(deps),
    registerDistillCommand(deps),
  );
}
