import * as vscode from 'vscode';
import type { Milestone } from '../../core/model';
import { milestoneAtLineOrFirst } from '../../core/milestoneAtLine';
import { CommandId, ContextKey } from '../commandIds';
import type { ServedIndex } from '../servedIndex';
import type { FormEditorProvider } from './formEditorProvider';
import { folderFileOf } from '../servedIndex';
import type { MilestoneAt } from './formPanel';

/** Whether `uri` is a milestone file the index holds. */
async function isIndexed(index: ServedIndex, uri: vscode.Uri): Promise<boolean> {
  return (await index.reading(uri)) !== undefined;
}

/** The file of the active editor tab, text or custom (the form itself). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** A file to open in the form, and the milestone to show when one was chosen. */
interface FormTarget { readonly uri: vscode.Uri; readonly milestone?: { readonly line: number; readonly title: string } }

/** The command's argument: a Uri (editor title bar, tests) or a tree row with a `uri` (context menu), and the row's milestone. */
function targetArgument(target: unknown): FormTarget | undefined {
  if (target instanceof vscode.Uri) return { uri: target };
  const node = target as { uri?: unknown; kind?: unknown; line?: unknown; title?: unknown } | null | undefined;
  if (typeof node !== 'object' || node === null || !(node.uri instanceof vscode.Uri)) return undefined;
  return node.kind === 'milestone' && typeof node.line === 'number' && typeof node.title === 'string'
    ? { uri: node.uri, milestone: { line: node.line, title: node.title } } : { uri: node.uri };
}

/**
 * Where the form opens in a file that holds several milestones (STATUS.md): the milestone chosen in
 * the tree, else the one under the cursor of a text editor of the file; undefined: at the top.
 */
async function milestoneAt(index: ServedIndex, uri: vscode.Uri, chosen: FormTarget['milestone']): Promise<MilestoneAt | undefined> {
  const all: readonly Milestone[] = (await index.reading(uri))?.milestones ?? [];
  if (all.length < 2) return undefined;
  const editor = vscode.window.activeTextEditor;
  const milestone = chosen ?? (editor?.document.uri.toString() === uri.toString() ? milestoneAtLineOrFirst(all, editor.selection.active.line) : undefined);
  const at = milestone ? all.findIndex((m) => m.line === milestone.line && m.title === milestone.title) : -1;
  return at < 0 ? undefined : { line: all[at]!.line, index: at, title: all[at]!.title };
}

/** Asks which milestone to open, from the index; undefined when the person cancels. */
async function pickMilestone(index: ServedIndex): Promise<FormTarget | undefined> {
  const seen = new Set<string>();
  const items: Array<vscode.QuickPickItem & { uri: vscode.Uri; milestone: Milestone }> = [];
  for (const { folder, milestone } of (await index.list()).flatMap((f) => f.milestones.map((m) => ({ folder: f.folder, milestone: m })))) {
    const uri = vscode.Uri.joinPath(folder.uri, ...milestone.file.split('/'));
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
export function registerOpenFormCommand(index: ServedIndex, provider: FormEditorProvider, log: vscode.LogOutputChannel): vscode.Disposable {
  let generation = 0;
  const syncContext = async () => {
    const asked = ++generation;
    const uri = vscode.window.activeTextEditor?.document.uri;
    const indexed = uri !== undefined && await isIndexed(index, uri);
    if (asked === generation) void vscode.commands.executeCommand('setContext', ContextKey.activeEditorIsMilestone, indexed);
  };
  void syncContext();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(() => void syncContext()),
    index.onDidIndex((update) => {
      // The active file named as the server names files, once (a scan's notices list thousands).
      const uri = vscode.window.activeTextEditor?.document.uri;
      const active = uri === undefined ? null : folderFileOf(uri);
      if (update.reason === 'scan' || (active !== null && update.changes.some((c) => c.file === active.file && c.folder === active.folder))) void syncContext();
    }),
    vscode.commands.registerCommand(CommandId.openForm, async (target?: unknown) => {
      const active = activeTabUri();
      const given: FormTarget | undefined = targetArgument(target) ?? (active && await isIndexed(index, active) ? { uri: active } : await pickMilestone(index));
      if (!given) return;
      const { uri } = given;
      try {
        await provider.open(uri, await milestoneAt(index, uri, given.milestone));
      } catch (error) {
        log.error(`Could not open ${uri.toString()} in the form`, error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0} in the form: {1}', vscode.workspace.asRelativePath(uri), error instanceof Error ? error.message : String(error)));
      }
    }),
  );
}
