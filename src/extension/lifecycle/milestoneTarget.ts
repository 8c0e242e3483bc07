import * as vscode from 'vscode';
import type { MilestoneRef } from '../../core/lifecycle/changePlan';
import type { Milestone } from '../../core/model';
import { milestoneAtLine } from '../../core/milestoneAtLine';
import type { ServedIndex } from '../servedIndex';
import { milestoneNodeOf, type TreeNode } from '../treeNodes';
import { locate } from '../workspaceFiles';

/** A milestone a command acts on: where it is and how the core finds it again. */
export interface MilestoneTarget {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  readonly milestone: Milestone;
  readonly ref: MilestoneRef;
}

/**
 * What a lifecycle command may be given: a row of the Milestones tree (its context menu), a
 * `{ uri, line?, title? }` (tests, the Next view, other commands), a file `Uri`, or nothing (the
 * milestone at the cursor of the active editor, else a quick pick of the milestones `accepts` lets through).
 */
export type TargetArg = TreeNode | { readonly uri: string | vscode.Uri; readonly line?: number; readonly title?: string } | vscode.Uri | undefined;

/** The milestone `arg` names, or undefined when there is none or the user closed the pick. */
export async function resolveTarget(
  index: ServedIndex, arg: unknown, accepts: (m: Milestone) => boolean, placeHolder: string,
): Promise<MilestoneTarget | undefined> {
  await index.whenIndexed();
  const node = arg as TreeNode | undefined;
  // A row of the tree: its milestone as the index holds it now (the row may be older).
  const row = node && typeof node === 'object' && 'kind' in node && typeof node.kind === 'string' ? milestoneNodeOf(node) : undefined;
  if (row) return fromUri(index, row.uri, row.line, row.title, accepts, null);
  if (arg instanceof vscode.Uri) return fromUri(index, arg, undefined, undefined, accepts, placeHolder);
  if (arg && typeof arg === 'object' && 'uri' in arg) {
    const given = arg as { uri: string | vscode.Uri; line?: number; title?: string };
    const uri = typeof given.uri === 'string' ? vscode.Uri.parse(given.uri) : given.uri;
    return fromUri(index, uri, given.line, given.title, accepts, placeHolder);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const found = await fromUri(index, editor.document.uri, editor.selection.active.line, undefined, accepts, null, true);
    if (found) return found;
  }
  return pick(index, accepts, placeHolder);
}

function targetOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri, milestone: Milestone): MilestoneTarget {
  return { folder, uri, milestone, ref: { file: milestone.file, line: milestone.line, title: milestone.title } };
}

/** The milestone of `uri` with `title` / at `line` (cursor semantics), or its only one; a pick among its milestones otherwise. */
async function fromUri(
  index: ServedIndex, uri: vscode.Uri, line: number | undefined, title: string | undefined,
  accepts: (m: Milestone) => boolean, placeHolder: string | null, fromCursor = false,
): Promise<MilestoneTarget | undefined> {
  const place = locate(uri);
  if (!place) return undefined;
  const reading = await index.reading(uri);
  if (!reading || reading.milestones.length === 0) return undefined;
  const all = reading.milestones;
  const byTitle = title === undefined ? undefined : all.find((m) => m.title === title && (line === undefined || m.line === line)) ?? all.find((m) => m.title === title);
  const chosen = byTitle ?? (line !== undefined ? milestoneAtLine(all, line) ?? undefined : undefined) ?? (all.length === 1 ? all[0] : undefined);
  // The milestone at the active editor's cursor is taken only when the command applies to it: else
  // the person picks among those it applies to. A milestone named (a row, a URI) is taken as it is,
  // and the action says why it does not apply.
  if (chosen && (!fromCursor || accepts(chosen))) return targetOf(place.folder, uri, chosen);
  if (placeHolder === null) return undefined;
  const picked = await vscode.window.showQuickPick(all.filter(accepts).map((m) => ({ label: m.title, description: m.status ?? '', milestone: m })), { placeHolder });
  return picked ? targetOf(place.folder, uri, picked.milestone) : undefined;
}

async function pick(index: ServedIndex, accepts: (m: Milestone) => boolean, placeHolder: string): Promise<MilestoneTarget | undefined> {
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const items = (await index.list()).flatMap(({ folder, milestones }) => milestones.filter(accepts).map((m) => ({
    label: m.title,
    description: [m.status ?? '', multi ? `${folder.name}/${m.file}` : m.file].filter((s) => s !== '').join(' · '),
    target: targetOf(folder, vscode.Uri.joinPath(folder.uri, ...m.file.split('/')), m),
  })));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Milestones: no milestone to choose from ({0}).', placeHolder.toLowerCase()));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked?.target;
}
