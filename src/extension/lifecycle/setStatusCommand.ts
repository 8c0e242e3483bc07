import * as vscode from 'vscode';
import { hasLifecycle } from '../../core/lifecycle/applicable';
import { setMilestoneStatus } from '../../core/lifecycle/status/setMilestoneStatus';
import { statusValues } from '../../core/lifecycle/status/statusValues';
import { CommandId } from '../commandIds';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, schemaOfFile, type LifecycleDeps } from './lifecycleRunner';
import { resolveTarget } from './milestoneTarget';
import { offerWayOn } from './refusalActions';

/**
 * `milestones.setStatus(target?, status?)`: a quick pick of the values the file's schema allows
 * (the convention's own words without one). A done value goes through the same checks as Complete.
 */
export function registerSetStatusCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.setStatus, async (arg?: unknown, given?: unknown): Promise<LifecycleResult> => {
    const target = await resolveTarget(deps.index, arg, hasLifecycle, 'Set the status of which milestone?');
    if (!target) return CANCELLED;
    const { milestone, folder } = target;
    const schema = await schemaOfFile(deps, folder, milestone.file, milestone.convention);
    let status = typeof given === 'string' ? given : undefined;
    if (status === undefined) {
      const values = statusValues(milestone.convention, schema);
      const picked = await vscode.window.showQuickPick(
        values.map((v) => ({ label: v, description: v === milestone.status ? vscode.l10n.t('current') : undefined })),
        { placeHolder: vscode.l10n.t('Status of "{0}" (now {1})', milestone.title, milestone.status ?? vscode.l10n.t('none')) },
      );
      if (!picked) return CANCELLED;
      status = picked.label;
    }
    const chosen = status;
    const interactive = typeof given !== 'string';
    const result = await runLifecycle(deps, folder, `set the status of "${milestone.title}" to ${chosen}`,
      (snapshot, ctx) => setMilestoneStatus(snapshot, target.ref, chosen, schema, ctx), { showRefusal: !interactive });
    return interactive ? offerWayOn(deps, target, result) : result;
  });
}
