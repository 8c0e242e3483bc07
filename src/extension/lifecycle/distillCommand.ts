import * as vscode from 'vscode';
import { distillableNotes, distillHandoffs } from '../../core/lifecycle/distill/distillHandoffs';
import { CommandId } from '../commandIds';
import type { TreeNode } from '../treeNodes';
import { locate } from '../workspaceFiles';
import { folderSnapshot } from './folderSnapshot';
import { CANCELLED, type LifecycleResult } from './lifecycleResult';
import { runLifecycle, type LifecycleDeps } from './lifecycleRunner';

/** A handoff note given to the command: a tree row, a `{ uri }`, a `Uri` or a URI string. */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const node = arg as TreeNode | { uri?: unknown } | undefined;
  if (node && typeof node === 'object' && 'kind' in node && node.kind === 'milestone') return node.uri;
  if (node && typeof node === 'object' && 'uri' in node) return uriOf(node.uri);
  return undefined;
}

/**
 * `milestones.distillHandoffs(note?, notes?, name?)` (seed 002): the chosen handoff notes (the tree's
 * selection, else a pick of the notes still at the top of a handoffs folder) become the milestone
 * folder `handoffs/N-name/` with `0-milestone-summary.md` and `0-lessons-learned.md`, and move into it.
 */
export function registerDistillCommand(deps: LifecycleDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.distillHandoffs, async (first?: unknown, selection?: unknown, givenName?: unknown): Promise<LifecycleResult> => {
    const given = (Array.isArray(selection) && selection.length > 0 ? selection : first === undefined ? [] : [first]).map(uriOf).filter((u): u is vscode.Uri => u !== undefined);
    let folder: vscode.WorkspaceFolder | undefined;
    let notes: string[] = [];
    for (const uri of given) {
      const place = locate(uri);
      if (!place) continue;
      if (folder && folder.uri.toString() !== place.folder.uri.toString()) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not distill: the notes are in different workspace folders.'));
        return { kind: 'refused', reason: 'the notes are in different workspace folders', code: 'invalid-input' };
      }
      folder = place.folder;
      notes.push(place.file);
    }
    if (notes.length === 0) {
      const picked = await pickNotes(deps);
      if (!picked) return CANCELLED;
      ({ folder, notes } = picked);
    }
    let name = typeof givenName === 'string' ? givenName : undefined;
    if (name === undefined) {
      name = await vscode.window.showInputBox({
        title: notes.length === 1 ? vscode.l10n.t('Distill 1 handoff note into a milestone') : vscode.l10n.t('Distill {0} handoff notes into a milestone', notes.length),
        prompt: vscode.l10n.t('Name the milestone after what was achieved (it becomes the folder name, e.g. "Core entities")'),
        validateInput: (v) => (v.trim() === '' ? 'A milestone needs a name' : undefined),
      });
      if (name === undefined) return CANCELLED;
    }
    const input = { notes, name };
    return runLifecycle(deps, folder!, `distill ${notes.join(', ')}`, (snapshot, ctx) => distillHandoffs(snapshot, input, ctx), { open: typeof givenName !== 'string' });
  });
}

async function pickNotes(deps: LifecycleDeps): Promise<{ folder: vscode.WorkspaceFolder; notes: string[] } | undefined> {
  const items: (vscode.QuickPickItem & { folder: vscode.WorkspaceFolder; file: string })[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const snapshot = await folderSnapshot(deps.index, folder);
    for (const group of distillableNotes(snapshot)) {
      for (const file of group.notes) items.push({ label: file.slice(file.lastIndexOf('/') + 1), description: group.folder, folder, file });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Milestones: there is no handoff note left to distill (notes directly in a handoffs/ folder).'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('The handoff notes to distill into one milestone') });
  if (!picked || picked.length === 0) return undefined;
  const folder = picked[0]!.folder;
  return { folder, notes: picked.filter((p) => p.folder === folder).map((p) => p.file) };
}
