/**
 * The rows of the Milestones tree, as plain data: folders (several open), groups (by convention or
 * by status; ExecPlan groups one level per plan), milestones (a distilled milestone's notes under
 * it), steps (nested by indentation), the health snapshot, and the message rows when nothing is
 * shown. Built from the in-memory index only; each row's `id` is stable across refreshes, so an
 * editor keeps what was open. Generic over the editor's folder (`F`) and file address (`U`): the
 * extension passes `vscode.WorkspaceFolder` and `vscode.Uri`, tests plain objects and strings.
 */
import { groupBy } from '../checks/workspaceFiles';
import { CONVENTION_LABEL, CONVENTIONS } from '../model';
import type { HealthRow, Milestone, StatusCategory, Step } from '../model';
import type { GroupKind } from '../rollups/groupRollup';
import { STATUS_LABEL } from './milestoneWords';
import { nestMilestones } from './nestedMilestones';
import { matchMilestone, type FilterMatch } from './treeFilter';

/** How the tree is shaped: the settings, and the filter typed ('' for none). */
export interface TreeOptions {
  readonly groupBy: 'convention' | 'status';
  readonly hideCompleted: boolean;
  readonly filter: string;
  /** How many milestone rows a group shows, by the group's id, where the person asked for more than `GROUP_PAGE`. */
  readonly pages?: Readonly<Record<string, number>>;
}

/**
 * A group shows its milestones this many at a time, then a row that shows more. Why: VS Code asks
 * for every row of an open group at once and converts each (at 10,000 files a group of 3,400 rows
 * took 1.7 s to open and blocked the extension host 0.3 s), and repaints them all after a change:
 * at 50,000 files, clicks on a group of 17,000 rows were lost in those repaints.
 */
export const GROUP_PAGE = 500;

/** How many milestone rows the group `id` shows now. */
export function shownIn(options: TreeOptions, id: string): number {
  return Math.max(GROUP_PAGE, options.pages?.[id] ?? 0);
}

/**
 * Whether the group row `node` starts open. VS Code shows a row open or closed as it was first given
 * and keeps it so, whatever it holds later; so the rule looks at what the row will hold:
 * - a group of more than `GROUP_PAGE` milestones starts closed;
 * - so does a group inside such a group (the plans of a large ExecPlan group): opening the outer
 *   group would open each of them (at 10,000 files, 200 plans of 20: 4,000 rows, each plan's asked
 *   for in turn);
 * - while a first scan is still reading (`readSoFar`: the milestones it has read; null once it has
 *   ended), every group starts closed once it has read more than `GROUP_PAGE`: a group shown open
 *   then would stay open as it grew past the bound.
 */
export function startsOpen<F, U>(node: GroupNode<F, U>, readSoFar: number | null): boolean {
  if (readSoFar !== null && readSoFar > GROUP_PAGE) return false;
  for (let at: TreeNode<F, U> | undefined = node; at?.kind === 'group'; at = at.parent) if (at.milestones.length > GROUP_PAGE) return false;
  return true;
}

/** What the rows need of the editor: a folder's stable key, and the address of a file in a folder. */
export interface TreeHost<F, U> {
  folderKey(folder: F): string;
  fileUri(folder: F, file: string): U;
}

/** One workspace folder's milestones, as the index holds them. */
export interface TreeFolder<F> {
  readonly folder: F;
  readonly milestones: readonly Milestone[];
}

export type TreeNode<F, U> = FolderNode<F, U> | GroupNode<F, U> | MilestoneNode<F, U> | MoreNode<F, U> | StepNode<F, U> | HealthGroupNode<F, U> | HealthNode<F, U> | MessageNode;

interface NodeBase<F, U> {
  readonly id: string;
  readonly parent: TreeNode<F, U> | undefined;
}
export interface FolderNode<F, U> extends NodeBase<F, U> {
  readonly kind: 'folder';
  readonly folder: F;
  /** The milestones shown (completed ones left out when they are hidden). */
  readonly milestones: readonly Milestone[];
  /** Every milestone of the folder, shown or not: what the roll-up counts. */
  readonly all: readonly Milestone[];
}
export interface GroupNode<F, U> extends NodeBase<F, U> {
  readonly kind: 'group';
  readonly folder: F;
  readonly label: string;
  readonly milestones: readonly Milestone[];
  /** Every milestone of the group, shown or not: what the roll-up counts. */
  readonly all: readonly Milestone[];
  /** Group by convention, ExecPlan: one more level per plan. */
  readonly byPlan: boolean;
  /** How the group gathers its milestones: what its roll-up counts. */
  readonly by: Exclude<GroupKind, 'folder'>;
}
export interface MilestoneNode<F, U> extends NodeBase<F, U> {
  readonly kind: 'milestone';
  readonly folder: F;
  readonly milestone: Milestone;
  readonly uri: U;
  /** Milestones shown under this one (the handoff notes of a distilled milestone's folder). */
  readonly nested: readonly Milestone[];
  /** What the filter leaves of it: all, or only some steps (then it is shown open). */
  readonly match: FilterMatch;
}
/** The last row of a group that shows only some of its milestones (`GROUP_PAGE`): it shows more. */
export interface MoreNode<F, U> extends NodeBase<F, U> {
  readonly kind: 'more';
  readonly parent: GroupNode<F, U>;
  readonly folder: F;
  /** Milestone rows shown above it, and in the group (as filtered). */
  readonly shown: number;
  readonly total: number;
}
export interface StepNode<F, U> extends NodeBase<F, U> {
  readonly kind: 'step';
  readonly milestone: MilestoneNode<F, U>;
  readonly step: Step;
  /** Nested task items directly under this one. */
  readonly nested: readonly StepTree[];
}
export interface HealthGroupNode<F, U> extends NodeBase<F, U> { readonly kind: 'health-group'; readonly milestone: MilestoneNode<F, U> }
export interface HealthNode<F, U> extends NodeBase<F, U> { readonly kind: 'health'; readonly milestone: MilestoneNode<F, U>; readonly row: HealthRow }
/** The only row when nothing is shown: the filter matched nothing, or every milestone is done and hidden. */
export interface MessageNode { readonly kind: 'message'; readonly id: string; readonly parent: undefined; readonly reason: 'no-match' | 'all-hidden' }

interface StepTree { readonly step: Step; readonly index: number; readonly nested: readonly StepTree[] }

const STATUS_ORDER: readonly StatusCategory[] = ['active', 'blocked', 'awaiting-approval', 'planned', 'unknown', 'done', 'dropped'];

function visible(milestones: readonly Milestone[], options: TreeOptions): Milestone[] {
  const shown = milestones.filter((m) => !(options.hideCompleted && m.statusCategory === 'done') && matchMilestone(m, options.filter) !== null);
  return shown.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/**
 * The top rows: the folders when several are open, else the groups of the only folder; one message
 * row when the filter or hiding completed milestones leaves nothing; none before the first scan.
 */
export function rootNodes<F, U>(host: TreeHost<F, U>, folders: readonly TreeFolder<F>[], options: TreeOptions, scanned: boolean): TreeNode<F, U>[] {
  const roots = folders.map((f) => ({ folder: f.folder, milestones: visible(f.milestones, options), all: f.milestones }));
  const total = folders.reduce((n, f) => n + f.milestones.length, 0);
  if (total > 0 && roots.every((r) => r.milestones.length === 0)) {
    return [{ kind: 'message', id: options.filter !== '' ? 'message:no-match' : 'message:all-hidden', parent: undefined, reason: options.filter !== '' ? 'no-match' : 'all-hidden' }];
  }
  if (total === 0 || !scanned) return [];
  const [only] = roots;
  if (roots.length === 1 && only) return groupNodes(host, only.folder, only.milestones, only.all, options, undefined);
  return roots
    .filter((r) => r.milestones.length > 0)
    .map((r): FolderNode<F, U> => ({ kind: 'folder', id: `f:${host.folderKey(r.folder)}`, parent: undefined, folder: r.folder, milestones: r.milestones, all: r.all }));
}

function groupNodes<F, U>(
  host: TreeHost<F, U>, folder: F, milestones: readonly Milestone[], all: readonly Milestone[], options: TreeOptions, parent: TreeNode<F, U> | undefined,
): TreeNode<F, U>[] {
  const base = parent?.id ?? `f:${host.folderKey(folder)}`;
  const group = (key: string, label: string, member: (m: Milestone) => boolean, by: GroupNode<F, U>['by'], byPlan: boolean): GroupNode<F, U> =>
    ({ kind: 'group', id: `${base}/g:${key}`, parent, folder, label, milestones: milestones.filter(member), all: all.filter(member), byPlan, by });
  if (options.groupBy === 'status') {
    return STATUS_ORDER
      .map((s) => group(`status:${s}`, STATUS_LABEL[s], (m) => m.statusCategory === s, 'status', false))
      .filter((g) => g.milestones.length > 0);
  }
  return CONVENTIONS
    .map((c) => group(`convention:${c}`, CONVENTION_LABEL[c], (m) => m.convention === c, 'convention', c === 'execplan'))
    .filter((g) => g.milestones.length > 0);
}

/** The milestone rows of `milestones` under `parent`; a distilled milestone's notes go under it (see `nestMilestones`). */
function milestoneNodes<F, U>(host: TreeHost<F, U>, parent: GroupNode<F, U> | MilestoneNode<F, U>, milestones: readonly Milestone[], filter: string): MilestoneNode<F, U>[] {
  const { top, under } = nestMilestones(milestones);
  const seen = new Map<string, number>();
  return top.map((milestone) => {
    const key = `${milestone.file}#${milestone.id ?? milestone.title}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const match = matchMilestone(milestone, filter) ?? { kind: 'all' };
    // A row opened by the filter gets its own id: VS Code keeps a known row's collapsed state.
    const id = `${parent.id}/m:${key}#${n}${match.kind === 'steps' ? '/filtered' : ''}`;
    return { kind: 'milestone', id, parent, folder: parent.folder, milestone, uri: host.fileUri(parent.folder, milestone.file), nested: under.get(milestone) ?? [], match };
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
function stepNodes<F, U>(milestone: MilestoneNode<F, U>, parent: TreeNode<F, U>, trees: readonly StepTree[]): StepNode<F, U>[] {
  const { match } = milestone;
  const kept = (t: StepTree) => match.kind === 'all' || match.steps.has(t.index);
  return trees.filter(kept).map((t) => ({ kind: 'step', id: `${milestone.id}/s:${t.index}`, parent, milestone, step: t.step, nested: t.nested.filter(kept) }));
}

/** The rows under `node`, from the in-memory index only. */
export function childNodes<F, U>(host: TreeHost<F, U>, node: TreeNode<F, U>, options: TreeOptions): TreeNode<F, U>[] {
  switch (node.kind) {
    case 'folder':
      return groupNodes(host, node.folder, node.milestones, node.all, options, node);
    case 'group': {
      if (!node.byPlan) return pageOf(node, milestoneNodes(host, node, node.milestones, options.filter), shownIn(options, node.id));
      // One pass each (not a filter per plan: 200 plans of 4,300 milestones cost seconds).
      const shown = groupBy(node.milestones, (m) => m.group);
      const all = groupBy(node.all, (m) => m.group);
      return [...shown.keys()].sort().map((plan): GroupNode<F, U> => ({
        kind: 'group', id: `${node.id}/p:${plan}`, parent: node, folder: node.folder, label: plan,
        milestones: shown.get(plan) ?? [], all: all.get(plan) ?? [], byPlan: false, by: 'plan',
      }));
    }
    case 'milestone': {
      const rows: TreeNode<F, U>[] = stepNodes(node, node, stepTrees(node.milestone.steps));
      if (node.milestone.health.length > 0 && node.match.kind === 'all') rows.push({ kind: 'health-group', id: `${node.id}/health`, parent: node, milestone: node });
      return [...rows, ...milestoneNodes(host, node, node.nested, options.filter)];
    }
    case 'step':
      return stepNodes(node.milestone, node, node.nested);
    case 'health-group':
      return node.milestone.milestone.health.map((row, i): HealthNode<F, U> => ({ kind: 'health', id: `${node.id}/${i}`, parent: node, milestone: node.milestone, row }));
    case 'health':
    case 'more':
    case 'message':
      return [];
  }
}

/** The first `shown` rows of a group's `milestones`, and a row that shows more when some are left. */
function pageOf<F, U>(group: GroupNode<F, U>, milestones: readonly MilestoneNode<F, U>[], shown: number): TreeNode<F, U>[] {
  if (milestones.length <= shown) return [...milestones];
  const more: MoreNode<F, U> = { kind: 'more', id: `${group.id}/more`, parent: group, folder: group.folder, shown, total: milestones.length };
  return [...milestones.slice(0, shown), more];
}

/**
 * Where the milestone row `target` stands among a group's rows when the group shows them all: the
 * number of rows the group must show for it to be one of them (a multiple of `GROUP_PAGE`), or
 * null when it is not a row of `group`. Reveal asks this of a milestone past the rows shown.
 */
export function pageHolding<F, U>(host: TreeHost<F, U>, group: GroupNode<F, U>, options: TreeOptions, target: (node: MilestoneNode<F, U>) => boolean): number | null {
  if (group.byPlan) return null;
  const at = milestoneNodes(host, group, group.milestones, options.filter).findIndex(target);
  return at < 0 ? null : Math.ceil((at + 1) / GROUP_PAGE) * GROUP_PAGE;
}
