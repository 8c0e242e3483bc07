import * as vscode from 'vscode';
import type { Milestone } from '../../core/model';
import { milestoneAtLineOrFirst } from '../../core/milestoneAtLine';
import { CommandId, ContextKey } from '../commandIds';
import { locate } from '../workspaceFiles';
import type { WorkspaceIndexService } from '../workspaceIndexService';
import type { FormEditorProvider } from './formEditorProvider';
import type { MilestoneAt } from './formPanel';

/** Whether `uri` is a milestone file the index holds. */
function isIndexed(index: WorkspaceIndexService, uri: vscode.Uri): boolean {
  const place = locate(uri);
  return place !== null && index.index.get(place.folder.uri.toString(), place.file) != null;
}

/** The file of the active editor tab, text or custom (the form itself). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** A file to open in the form, and the milestone to show when one was chosen. */
interface FormTarget { readonly uri: vscode.Uri; readonly milestone?: Milestone }

/** The command's argument: a Uri (editor title bar, tests) or a tree row with a `uri` (context menu), and the row's milestone. */
function targetArgument(target: unknown): FormTarget | undefined {
  if (target instanceof vscode.Uri) return { uri: target };
  const node = target as { uri?: unknown; kind?: unknown; milestone?: Milestone } | null | undefined;
  if (typeof node !== 'object' || node === null || !(node.uri instanceof vscode.Uri)) return undefined;
  return node.kind === 'milestone' && node.milestone ? { uri: node.uri, milestone: node.milestone } : { uri: node.uri };
}

/**
 * Where the form opens in a file that holds several milestones (STATUS.md): the milestone chosen in
 * the tree, else the one under the cursor of a text editor of the file; undefined: at the top.
 */
function milestoneAt(index: WorkspaceIndexService, uri: vscode.Uri, chosen: Milestone | undefined): MilestoneAt | undefined {
  const place = locate(uri);
  const all = place ? index.index.get(place.folder.uri.toString(), place.file)?.milestones ?? [] : [];
  if (all.length < 2) return undefined;
  const editor = vscode.window.activeTextEditor;
  const milestone = chosen ?? (editor?.document.uri.toString() === uri.toString() ? milestoneAtLineOrFirst(all, editor.selection.active.line) : undefined);
  const at = milestone ? all.findIndex((m) => m.line === milestone.line && m.title === milestone.title) : -1;
  return at < 0 ? undefined : { line: all[at]!.line, index: at, title: all[at]!.title };
}

/** Asks which milestone to open, from the index; undefined when the person cancels. */
async function pickMilestone(index: WorkspaceIndexService): Promise<FormTarget | undefined> {
  const seen = new Set<string>();
  const items: Array<vscode.QuickPickItem & { uri: vscode.Uri; milestone: Milestone }> = [];
  for (const { folder, milestone } of index.index.milestones()) {
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(folder), ...milestone.file.split('/'));
    const key = `${uri.toString()}#${milestone.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ label: milestone.title, description: vscode.workspace.asRelativePath(uri), uri, milestone });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Milestones: no milestone file found in this workspace.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open in Form'), placeHolder: vscode.l10n.t('Milestone to open in the form'), matchOnDescription: true });
  return picked && { uri: picked.uri, milestone: picked.milestone };
}

/**
 * `milestones.openForm([uri | tree row])`: opens the file in the Milestone Form (the active editor's
 * file from the palette, or a milestone picked from a list when no milestone file is active), at the
 * milestone of the row or under the cursor; and the context key `milestones.activeEditorIsMilestone`
 * the editor title bar's button shows by.
 */
export function registerOpenFormCommand(index: WorkspaceIndexService, provider: FormEditorProvider, log: vscode.LogOutputChannel): vscode.Disposable {
  const syncContext = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', ContextKey.activeEditorIsMilestone, uri !== undefined && isIndexed(index, uri));
  };
  syncContext();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(syncContext),
    index.onDidIndex(syncContext),
    vscode.commands.registerCommand(CommandId.openForm, async (target?: unknown) => {
      const active = activeTabUri();
      const given: FormTarget | undefined = targetArgument(target) ?? (active && isIndexed(index, active) ? { uri: active } : await pickMilestone(index));
      if (!given) return;
      const { uri } = given;
      try {
        await provider.open(uri, milestoneAt(index, uri, given.milestone));
      } catch (error) {
        log.error(`Could not open ${uri.toString()} in the form`, error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0} in the form: {1}', vscode.workspace.asRelativePath(uri), error instanceof Error ? error.message : String(error)));
      }
    }),
  );
}
