import * as vscode from 'vscode';
import { CONVENTION_LABEL, CONVENTIONS } from '../core/model';
import type { HealthRow, Milestone, StatusCategory, Step } from '../core/model';
import type { GroupKind } from '../core/rollups/groupRollup';
import { STATUS_LABEL } from '../core/views/milestoneWords';
import { nestMilestones } from '../core/views/nestedMilestones';
import { matchMilestone, type FilterMatch } from '../core/views/treeFilter';
import { CommandId } from './commandIds';
import type { TreeSettings } from './config';
import type { FolderMilestones } from './workspaceIndexService';

/** How the tree is shaped: the settings, and the filter typed (`filterKey`; '' for none). */
export interface TreeOptions extends TreeSettings {
  readonly filter: string;
}

/** A row of the Milestones tree. Plain data built from the in-memory index; `id` is stable across refreshes. */
export type TreeNode = FolderNode | GroupNode | MilestoneNode | StepNode | HealthGroupNode | HealthNode | MessageNode;

interface NodeBase {
  readonly id: string;
  readonly parent: TreeNode | undefined;
}
export interface FolderNode extends NodeBase {
  readonly kind: 'folder';
  readonly folder: vscode.WorkspaceFolder;
  /** The milestones shown (completed ones left out when they are hidden). */
  readonly milestones: readonly Milestone[];
  /** Every milestone of the folder, shown or not: what the roll-up counts. */
  readonly all: readonly Milestone[];
}
export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  readonly folder: vscode.WorkspaceFolder;
  readonly label: string;
  readonly milestones: readonly Milestone[];
  /** Every milestone of the group, shown or not: what the roll-up counts. */
  readonly all: readonly Milestone[];
  /** Group by convention, ExecPlan: one more level per plan. */
  readonly byPlan: boolean;
  /** How the group gathers its milestones: what its roll-up counts. */
  readonly by: Exclude<GroupKind, 'folder'>;
}
export interface MilestoneNode extends NodeBase {
  readonly kind: 'milestone';
  readonly folder: vscode.WorkspaceFolder;
  readonly milestone: Milestone;
  readonly uri: vscode.Uri;
  /** Milestones shown under this one (the handoff notes of a distilled milestone's folder). */
  readonly nested: readonly Milestone[];
  /** What the filter leaves of it: all, or only some steps (then it is shown open). */
  readonly match: FilterMatch;
}
export interface StepNode extends NodeBase {
  readonly kind: 'step';
  readonly milestone: MilestoneNode;
  readonly step: Step;
  /** Nested task items directly under this one. */
  readonly nested: readonly StepTree[];
}
export interface HealthGroupNode extends NodeBase { readonly kind: 'health-group'; readonly milestone: MilestoneNode }
export interface HealthNode extends NodeBase { readonly kind: 'health'; readonly milestone: MilestoneNode; readonly row: HealthRow }
export interface MessageNode extends NodeBase { readonly kind: 'message'; readonly text: string; readonly command?: vscode.Command }

interface StepTree { readonly step: Step; readonly index: number; readonly nested: readonly StepTree[] }

const STATUS_ORDER: readonly StatusCategory[] = ['active', 'blocked', 'awaiting-approval', 'planned', 'unknown', 'done', 'dropped'];

function visible(milestones: readonly Milestone[], settings: TreeOptions): Milestone[] {
  const shown = milestones.filter((m) => !(settings.hideCompleted && m.statusCategory === 'done') && matchMilestone(m, settings.filter) !== null);
  return shown.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** The top rows: the folders when several are open, else the groups of the only folder. */
export function rootNodes(folders: readonly FolderMilestones[], settings: TreeOptions, scanned: boolean): TreeNode[] {
  const roots = folders.map((f) => ({ folder: f.folder, milestones: visible(f.milestones, settings), all: f.milestones }));
  const total = folders.reduce((n, f) => n + f.milestones.length, 0);
  if (total > 0 && settings.filter !== '' && roots.every((r) => r.milestones.length === 0)) {
    return [{
      kind: 'message', id: 'message:no-match', parent: undefined, text: vscode.l10n.t('No milestone or step matches the filter. Clear Filter'),
      command: { command: CommandId.clearFilter, title: vscode.l10n.t('Clear Filter') },
    }];
  }
  if (total > 0 && roots.every((r) => r.milestones.length === 0)) {
    return [{
      kind: 'message', id: 'message:all-hidden', parent: undefined, text: vscode.l10n.t('All milestones are done. Show completed'),
      command: { command: 'milestones.showCompleted', title: vscode.l10n.t('Show Completed') },
    }];
  }
  if (total === 0 || !scanned) return [];
  const [only] = roots;
  if (roots.length === 1 && only) return groupNodes(only.folder, only.milestones, only.all, settings, undefined);
  return roots
    .filter((r) => r.milestones.length > 0)
    .map((r): FolderNode => ({ kind: 'folder', id: `f:${r.folder.uri.toString()}`, parent: undefined, folder: r.folder, milestones: r.milestones, all: r.all }));
}

function groupNodes(
  folder: vscode.WorkspaceFolder, milestones: readonly Milestone[], all: readonly Milestone[], settings: TreeOptions, parent: TreeNode | undefined,
): TreeNode[] {
  const base = parent?.id ?? `f:${folder.uri.toString()}`;
  const group = (key: string, label: string, member: (m: Milestone) => boolean, by: GroupNode['by'], byPlan: boolean): GroupNode =>
    ({ kind: 'group', id: `${base}/g:${key}`, parent, folder, label, milestones: milestones.filter(member), all: all.filter(member), byPlan, by });
  if (settings.groupBy === 'status') {
    return STATUS_ORDER
      .map((s) => group(`status:${s}`, STATUS_LABEL[s], (m) => m.statusCategory === s, 'status', false))
      .filter((g) => g.milestones.length > 0);
  }
  return CONVENTIONS
    .map((c) => group(`convention:${c}`, CONVENTION_LABEL[c], (m) => m.convention === c, 'convention', c === 'execplan'))
    .filter((g) => g.milestones.length > 0);
}

/** The milestone rows of `milestones` under `parent`; a distilled milestone's notes go under it (see `nestMilestones`). */
function milestoneNodes(parent: GroupNode | MilestoneNode, milestones: readonly Milestone[], filter: string): MilestoneNode[] {
  const { top, under } = nestMilestones(milestones);
  const seen = new Map<string, number>();
  return top.map((milestone) => {
    const key = `${milestone.file}#${milestone.id ?? milestone.title}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const uri = vscode.Uri.joinPath(parent.folder.uri, ...milestone.file.split('/'));
    const match = matchMilestone(milestone, filter) ?? { kind: 'all' };
    // A row opened by the filter gets its own id: VS Code keeps a known row's collapsed state.
    const id = `${parent.id}/m:${key}#${n}${match.kind === 'steps' ? '/filtered' : ''}`;
    return { kind: 'milestone', id, parent, folder: parent.folder, milestone, uri, nested: under.get(milestone) ?? [], match };
  });
}

/** Nests task items under the item above them with a smaller depth. */
function stepTrees(steps: readonly Step[]): StepTree[] {
  const roots: { step: Step; index: number; nested: StepTree[] }[] = [];
  const stack: { step: Step; index: number; nested: StepTree[] }[] = [];
  steps.forEach((step, index) => {
    const tree = { step, index, nested: [] as StepTree[] };
    while (stack.length > 0 && stack[stack.length - 1]!.step.depth >= step.depth) stack.pop();
    (stack.at(-1)?.nested ?? roots).push(tree);
    stack.push(tree);
  });
  return roots;
}

/** The step rows of `trees`, only those the filter keeps. */
function stepNodes(milestone: MilestoneNode, parent: TreeNode, trees: readonly StepTree[]): StepNode[] {
  const { match } = milestone;
  const kept = (t: StepTree) => match.kind === 'all' || match.steps.has(t.index);
  return trees.filter(kept).map((t) => ({ kind: 'step', id: `${milestone.id}/s:${t.index}`, parent, milestone, step: t.step, nested: t.nested.filter(kept) }));
}

/** The rows under `node`, from the in-memory index only. */
export function childNodes(node: TreeNode, settings: TreeOptions): TreeNode[] {
  switch (node.kind) {
    case 'folder':
      return groupNodes(node.folder, node.milestones, node.all, settings, node);
    case 'group': {
      if (!node.byPlan) return milestoneNodes(node, node.milestones, settings.filter);
      const plans = [...new Set(node.milestones.map((m) => m.group))].sort();
      return plans.map((plan): GroupNode => ({
        kind: 'group', id: `${node.id}/p:${plan}`, parent: node, folder: node.folder, label: plan,
        milestones: node.milestones.filter((m) => m.group === plan), all: node.all.filter((m) => m.group === plan), byPlan: false, by: 'plan',
      }));
    }
    case 'milestone': {
      const rows: TreeNode[] = stepNodes(node, node, stepTrees(node.milestone.steps));
      if (node.milestone.health.length > 0 && node.match.kind === 'all') rows.push({ kind: 'health-group', id: `${node.id}/health`, parent: node, milestone: node });
      return [...rows, ...milestoneNodes(node, node.nested, settings.filter)];
    }
    case 'step':
      return stepNodes(node.milestone, node, node.nested);
    case 'health-group':
      return node.milestone.milestone.health.map((row, i): HealthNode => ({ kind: 'health', id: `${node.id}/${i}`, parent: node, milestone: node.milestone, row }));
    case 'health':
    case 'message':
      return [];
  }
}
