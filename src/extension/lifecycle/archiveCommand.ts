import * as vscode from 'vscode';
import { isArchivable } from '../../core/lifecycle/applicable';
import { archiveExecPlanMilestone } from '../../core/lifecycle/archive/archiveExecPlanMilestone';
import { CommandId } from '../commandIds';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, type LifecycleDeps } from './lifecycleRunner';
import { resolveTarget } from './milestoneTarget';

/**
 * `milestones.archive(target?)`: status `archived`, `updated` today, a Changelog line, and the file
 * moved to `milestones/archive/YYYY/MM/DD/` with `renameFile` (links in other milestone files follow).
 */
export function registerArchiveCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.archive, async (arg?: unknown): Promise<LifecycleResult> => {
    const target = await resolveTarget(deps.index, arg, isArchivable, 'Archive which ExecPlan milestone?');
    if (!target) return CANCELLED;
    return runLifecycle(deps, target.folder, `archive "${target.milestone.title}"`, (snapshot, ctx) => archiveExecPlanMilestone(snapshot, target.milestone.file, ctx));
  });
}
