import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { folderSnapshot } from './folderSnapshot';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, schemaOf, type LifecycleDeps } from './lifecycleRunner';
import { askNewMilestone, readForPrompts } from './newMilestonePrompts';
import { planNewMilestone, type NewMilestoneRequest } from './newMilestoneRequest';

/**
 * `milestones.newMilestone(request?)`: a new milestone of any convention from a template that passes
 * validation, numbered by the convention's rule; opened in an editor afterwards. Without a request it
 * asks (kind, plan or folder, title, …).
 */
export function registerNewMilestoneCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.newMilestone, async (given?: unknown): Promise<LifecycleResult> => {
    const request = isRequest(given) ? given : undefined;
    const folder = request?.folder !== undefined
      ? vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === request.folder)
      : (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The workspace folder of the new milestone') }) : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return request ? { kind: 'failed', message: `no workspace folder ${request.folder ?? ''}` } : CANCELLED;
    const asked = request ?? await askNew(deps, folder);
    if (!asked) return CANCELLED;
    const kbSchema = asked.convention === 'kb' ? schemaOf(deps, folder, `${asked.kbFolder}/000-new.md`, 'kb', null) : null;
    return runLifecycle(deps, folder, 'create the milestone', (snapshot, ctx) => planNewMilestone(asked, snapshot, ctx, kbSchema), { open: request === undefined });
  });
}

/** The prompts, on the folder's snapshot with every file they read read. */
async function askNew(deps: LifecycleDeps, folder: vscode.WorkspaceFolder): Promise<NewMilestoneRequest | undefined> {
  const snapshot = await folderSnapshot(deps.index, folder);
  await readForPrompts(snapshot);
  return askNewMilestone(snapshot, folder);
}

function isRequest(value: unknown): value is NewMilestoneRequest {
  return typeof value === 'object' && value !== null && typeof (value as { convention?: unknown }).convention === 'string';
}
