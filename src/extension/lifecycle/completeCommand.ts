import * as vscode from 'vscode';
import { hasLifecycle } from '../../core/lifecycle/applicable';
import { reopenMilestone } from '../../core/lifecycle/status/reopenMilestone';
import { CommandId } from '../commandIds';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, schemaOfFile, type LifecycleDeps } from './lifecycleRunner';
import { resolveTarget } from './milestoneTarget';
import { complete, offerWayOn } from './refusalActions';

/**
 * `milestones.complete(target?, options?)`: refused while criteria or steps are open (a dialog lists
 * them and offers "Complete Anyway"; `options.force` says it without asking) and, for a milestone
 * with `**Approval Required:** Yes`, until its approval is in DECISIONS.md. With `options` given no
 * dialog is shown and the refusal is returned.
 */
export function registerCompleteCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.complete, async (arg?: unknown, options?: { force?: boolean }): Promise<LifecycleResult> => {
    const target = await resolveTarget(deps.index, arg, (m) => hasLifecycle(m) && m.statusCategory !== 'done', 'Complete which milestone?');
    if (!target) return CANCELLED;
    // From the tree with several rows selected, the second argument is the selection: ask as usual.
    if (options && typeof options === 'object' && !Array.isArray(options)) return complete(deps, target, options.force === true);
    return offerWayOn(deps, target, await complete(deps, target, false, false));
  });
}

/** `milestones.reopen(target?)`: a done milestone back to in progress. */
export function registerReopenCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.reopen, async (arg?: unknown): Promise<LifecycleResult> => {
    const target = await resolveTarget(deps.index, arg, (m) => hasLifecycle(m) && m.statusCategory === 'done', 'Reopen which milestone?');
    if (!target) return CANCELLED;
    const { folder, milestone } = target;
    const schema = await schemaOfFile(deps, folder, milestone.file, milestone.convention);
    return runLifecycle(deps, folder, `reopen "${milestone.title}"`, (snapshot, ctx) => reopenMilestone(snapshot, target.ref, schema, ctx));
  });
}
