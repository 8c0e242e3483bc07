/**
 * The views the server gives the extension from its index: the Milestones tree's rows (shaped by the
 * core, `core/views/treeRows`, children on request), the Next view, the milestone lists of the
 * pickers, one file's reading. Each answer is plain data of `protocol/viewProtocol.ts`.
 */
import type { MilestoneIndex } from '../core/index/milestoneIndex';
import { hasRows, fullMilestone } from '../core/index/slimReading';
import { inProgress, nextMilestones, sortNext, type NextMilestone } from '../core/lifecycle/next/nextMilestones';
import { ownedByMilestone } from '../core/milestoneAtLine';
import type { FileReading, Milestone } from '../core/model';
import type { Problem } from '../core/problems';
import { groupRollup, type GroupKind } from '../core/rollups/groupRollup';
import { phaseRollups } from '../core/rollups/progressRollups';
import { milestoneContext } from '../core/views/milestoneContext';
import { milestoneRowView } from '../core/views/milestoneRowView';
import { problemLines, problemsNote } from '../core/views/problemNotes';
import * as rows from '../core/views/treeRows';
import type { FolderMilestoneList, FolderNext, RollupView, TreeChildrenParams, TreePath, TreePathParams, TreeRow, TreeRowsParams } from '../protocol/viewProtocol';

/** A workspace folder as the views name it: its URI as the client gave it, and its root on disk (the index's key). */
export interface ViewFolder {
  readonly uri: string;
  readonly root: string;
}

/** What the views read: the folders, the index (keyed by root), and per file its shown problems and its text. */
export interface ViewSource {
  folders(): readonly ViewFolder[];
  readonly readings: MilestoneIndex;
  /** Whether the first scan has ended: before, the tree has no rows (not "no milestone files"). */
  ready(): boolean;
  problemsOf(root: string, file: string): readonly Problem[];
  /** The file's text (open document, else disk, bounded); null when there is none. */
  textOf(root: string, file: string): string | null;
  /** The file's reading with its steps and health rows (`ServerIndex.full`): `readings` keeps most files without. */
  full(root: string, file: string, remember?: boolean): FileReading | undefined;
}

type Node = rows.TreeNode<ViewFolder, string>;

const host: rows.TreeHost<ViewFolder, string> = {
  folderKey: (folder) => folder.uri,
  fileUri: (_folder, file) => file,
};

/** The rows of one index state for one set of options, built as they are asked for. */
interface TreeState {
  readonly key: string;
  readonly generation: number;
  readonly roots: Node[];
  readonly nodes: Map<string, Node>;
  readonly children: Map<string, Node[]>;
  /** The milestones read so far while the first scan runs; null once it has ended (`rows.startsOpen`). */
  readonly readSoFar: number | null;
}

export class ServerViews {
  private generation = 0;
  private state: TreeState | null = null;
  /** Each file's milestones of the Next view, by `root\0file`, with the reading kept they were worked out from. */
  private nextByFile = new Map<string, { kept: FileReading; milestones: NextMilestone[] }>();
  /** While the tree is filtered: every file's full reading (the filter reads step texts), by `root\0file`, with the reading kept when it was read. */
  private filterReadings = new Map<string, { kept: FileReading; full: FileReading }>();

  constructor(private readonly source: ViewSource) {
    source.readings.onDidChange(() => { this.generation++; });
  }

  /** The index changed in a way the counts do not show (a scan ended): rows are built again. */
  invalidate(): void {
    this.generation++;
  }

  children({ parent, options }: TreeChildrenParams): TreeRow[] {
    const state = this.stateFor(options);
    if (parent === null) return state.roots.map((n) => this.row(state, n));
    const node = this.find(state, parent, options);
    return node ? this.childrenOf(state, node, options).map((n) => this.row(state, n)) : [];
  }

  rows({ ids, options }: TreeRowsParams): (TreeRow | null)[] {
    const state = this.stateFor(options);
    return ids.map((id) => {
      const node = this.find(state, id, options);
      return node ? this.row(state, node) : null;
    });
  }

  /**
   * The ids from a top row down to the row of the milestone at `line` of `file`, and how many rows
   * the groups on the way must show to hold it; null when the tree does not show it.
   */
  path({ folder, file, line, options }: TreePathParams): TreePath | null {
    const state = this.stateFor(options);
    const pages: Record<string, number> = {};
    const inFolder = (node: Node) => (node.kind === 'folder' || node.kind === 'group' || node.kind === 'milestone') && node.folder.uri === folder;
    const isTarget = (node: Node) => node.kind === 'milestone' && node.milestone.file === file && node.milestone.line === line;
    const walk = (nodes: readonly Node[]): string[] | null => {
      for (const node of nodes) {
        if (!inFolder(node)) continue;
        if (isTarget(node)) return [node.id];
        // Only a milestone with nested milestones is walked into: its steps are never milestones.
        if (node.kind === 'milestone' && node.nested.length === 0) continue;
        let kids = this.childrenOf(state, node, options);
        const more = kids.at(-1);
        if (node.kind === 'group' && more?.kind === 'more') {
          // Past the rows shown: the group shows as many more as it takes.
          const needed = rows.pageHolding(host, node, options, (m) => isTarget(m) || m.nested.some((n) => n.file === file && n.line === line));
          if (needed !== null && needed > more.shown) {
            pages[node.id] = needed;
            kids = rows.childNodes(host, node, { ...options, pages: { ...options.pages, [node.id]: needed } });
          }
        }
        const found = walk(node.kind === 'milestone' ? kids.filter((n) => n.kind === 'milestone') : kids);
        if (found) return [node.id, ...found];
      }
      return null;
    };
    const ids = walk(state.roots);
    return ids && { ids, pages };
  }

  /** The reading of `file` of the folder `folder` (its URI), approvals applied, with its steps; null when the index holds none. */
  reading(folder: string, file: string): FileReading | null {
    const root = this.rootOf(folder);
    return root === undefined ? null : this.source.full(root, file) ?? null;
  }

  /** Every milestone of every folder, in the folders' order; without their steps (`Milestone.slim`) unless `full`. */
  list(full = false): FolderMilestoneList[] {
    const byRoot = this.milestonesByRoot(full ? (root, file) => this.source.full(root, file, false) : undefined);
    return this.source.folders().map((f) => ({ folder: f.uri, milestones: byRoot.get(f.root) ?? [] }));
  }

  /**
   * The Next view's milestones, folder by folder. Each file's are worked out once while its reading
   * stays the same (the view asks again after every change; at 10,000 files working out all of them
   * reads thousands of files again: about 1 s); a file's text is read only for its milestones in progress.
   */
  next(): FolderNext[] {
    const { readings } = this.source;
    const known = this.nextByFile;
    this.nextByFile = new Map();
    return this.source.folders().map((f) => {
      const milestones: NextMilestone[] = [];
      for (const entry of readings.entries()) {
        // Only milestones in progress are listed: a file with none has nothing to work out or keep.
        if (entry.folder !== f.root || !entry.reading.milestones.some(inProgress)) continue;
        const key = `${f.root}\0${entry.file}`;
        let mine = known.get(key);
        if (mine?.kept !== entry.reading) {
          const textOf = () => this.source.textOf(f.root, entry.file) ?? '';
          // Only a milestone in progress is listed with its steps: only its file is read again.
          const reading = entry.reading.milestones.some((m) => m.slim && inProgress(m)) ? this.source.full(f.root, entry.file, false) ?? entry.reading : entry.reading;
          mine = { kept: entry.reading, milestones: nextMilestones([{ reading, get text() { return textOf(); } }]) };
        }
        this.nextByFile.set(key, mine);
        milestones.push(...mine.milestones);
      }
      return { folder: f.uri, milestones: sortNext(milestones) };
    });
  }

  private rootOf(folder: string): string | undefined {
    return this.source.folders().find((f) => f.uri === folder)?.root;
  }

  /** Every milestone kept, by folder root; with `full`, each file's reading as it gives it. */
  private milestonesByRoot(full?: (root: string, file: string) => FileReading | undefined): Map<string, Milestone[]> {
    const byRoot = new Map<string, Milestone[]>();
    for (const { folder, file, reading } of this.source.readings.entries()) {
      let list = byRoot.get(folder);
      if (!list) byRoot.set(folder, (list = []));
      for (const m of (full?.(folder, file) ?? reading).milestones) list.push(m);
    }
    return byRoot;
  }

  /** The full reading of a file for the filter, read once while the tree is filtered and the file's reading stays the same. */
  private filterReading(root: string, file: string): FileReading | undefined {
    const kept = this.source.readings.get(root, file);
    if (!kept) return undefined;
    const key = `${root}\0${file}`;
    const known = this.filterReadings.get(key);
    if (known?.kept === kept) return known.full;
    const full = this.source.full(root, file, false) ?? kept;
    this.filterReadings.set(key, { kept, full });
    return full;
  }

  private stateFor(options: rows.TreeOptions): TreeState {
    const key = JSON.stringify([options.groupBy, options.hideCompleted, options.filter, options.pages ?? {}]);
    if (this.state && this.state.key === key && this.state.generation === this.generation) return this.state;
    // A filter matches step texts: every file is read with its steps (once while the filter stays).
    if (options.filter === '') this.filterReadings = new Map();
    const byRoot = this.milestonesByRoot(options.filter === '' ? undefined : (root, file) => this.filterReading(root, file));
    const folders = this.source.folders().map((folder) => ({ folder, milestones: byRoot.get(folder.root) ?? [] }));
    // The tree fills as the first scan reads the files; before any milestone is read it has no rows
    // (not the "no milestone files" welcome, which waits for the end of the scan).
    const roots = rows.rootNodes(host, folders, options, this.source.ready() || byRoot.size > 0);
    const nodes = new Map<string, Node>();
    for (const node of roots) nodes.set(node.id, node);
    const readSoFar = this.source.ready() ? null : [...byRoot.values()].reduce((n, milestones) => n + milestones.length, 0);
    this.state = { key, generation: this.generation, roots, nodes, children: new Map(), readSoFar };
    return this.state;
  }

  /** The rows under `node`, made once per state (a row found by its id walks the levels above it). */
  private childrenOf(state: TreeState, node: Node, options: rows.TreeOptions): Node[] {
    const known = state.children.get(node.id);
    if (known) return known;
    const kids = rows.childNodes(host, this.withSteps(node), options);
    for (const kid of kids) state.nodes.set(kid.id, kid);
    state.children.set(node.id, kids);
    return kids;
  }

  /** A milestone row kept without its steps, with them (its file read again); any other row as it is. */
  private withSteps(node: Node): Node {
    if (node.kind !== 'milestone' || !node.milestone.slim) return node;
    const kept = this.source.readings.get(node.folder.root, node.milestone.file);
    const full = this.source.full(node.folder.root, node.milestone.file);
    const at = kept?.milestones.indexOf(node.milestone) ?? -1;
    const milestone = full && full !== kept ? fullMilestone(full, at, node.milestone) : undefined;
    return milestone ? { ...node, milestone } : node;
  }

  /** The node `id` of `state`: known, or found from the top (each row's id starts with its parent's). */
  private find(state: TreeState, id: string, options: rows.TreeOptions): Node | null {
    const known = state.nodes.get(id);
    if (known) return known;
    let level: readonly Node[] = state.roots;
    for (;;) {
      const next = level.find((n) => id === n.id || id.startsWith(`${n.id}/`));
      if (!next) return null;
      if (next.id === id) return next;
      level = this.childrenOf(state, next, options);
    }
  }

  private row(state: TreeState, node: Node): TreeRow {
    switch (node.kind) {
      case 'folder':
        return { kind: 'folder', id: node.id, folder: node.folder.uri, rollup: rollupView('folder', node.all) };
      case 'group':
        return { kind: 'group', id: node.id, folder: node.folder.uri, label: node.label, rollup: rollupView(node.by, node.all), expanded: rows.startsOpen(node, state.readSoFar) };
      case 'milestone': {
        const { milestone } = node;
        const problems = this.milestoneProblems(node.folder.root, milestone);
        const view = milestoneRowView(milestone, problemsNote(problems.length));
        const hasChildren = hasRows(milestone) || node.nested.length > 0;
        return {
          kind: 'milestone', id: node.id, folder: node.folder.uri, file: milestone.file, line: milestone.line, title: milestone.title,
          statusCategory: milestone.statusCategory, description: view.description, accessibleLabel: view.accessibleLabel, details: view.details,
          contextValue: milestoneContext(milestone),
          children: !hasChildren ? 'none' : node.match.kind === 'steps' ? 'expanded' : 'collapsed',
          problemCount: problems.length, problemLines: problemLines(problems),
        };
      }
      case 'step':
        return { kind: 'step', id: node.id, folder: node.milestone.folder.uri, file: node.milestone.milestone.file, step: node.step, nested: node.nested.length > 0 };
      case 'health-group':
        return { kind: 'health-group', id: node.id, folder: node.milestone.folder.uri, file: node.milestone.milestone.file };
      case 'health':
        return { kind: 'health', id: node.id, folder: node.milestone.folder.uri, file: node.milestone.milestone.file, row: node.row };
      case 'more':
        return { kind: 'more', id: node.id, folder: node.folder.uri, shown: node.shown, total: node.total };
      case 'message':
        return { kind: 'message', id: node.id, reason: node.reason };
    }
  }

  /**
   * The shown problems on the lines `milestone` owns (`ownedByMilestone`): problems on a file's own
   * lines (above a STATUS.md's first milestone) are on no row.
   */
  private milestoneProblems(root: string, milestone: Milestone): readonly Problem[] {
    const all = this.source.problemsOf(root, milestone.file);
    if (all.length === 0) return all;
    const milestones = this.source.readings.get(root, milestone.file)?.milestones ?? [milestone];
    return ownedByMilestone(milestones, milestone, all, (p) => p.range.start.line);
  }
}

/** What a folder or group row shows of `all` (every milestone of it, hidden ones included). */
function rollupView(kind: GroupKind, all: readonly Milestone[]): RollupView {
  const rollup = groupRollup(kind, all);
  return {
    label: rollup.label,
    explanation: rollup.explanation,
    awaiting: all.filter((m) => m.statusCategory === 'awaiting-approval').length,
    phases: phaseRollups(all),
  };
}
