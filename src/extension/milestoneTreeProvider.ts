import * as vscode from 'vscode';
import { readTreeSettings } from './config';
import type { TreeSettings } from './config';
import { filterKey } from '../core/views/treeFilter';
import { RowsAhead } from '../core/views/rowsAhead';
import { GROUP_PAGE } from '../core/views/treeRows';
import type { FolderFile, TreeRow } from '../protocol/viewProtocol';
import type { ServedIndex } from './servedIndex';
import { resolveMilestoneTooltip, toTreeItem } from './treeItems';
import { nodeOf, type MilestoneNode, type MoreNode, type TreeNode, type TreeOptions } from './treeNodes';

/** Quiet time that batches several index updates (a save plus its watcher event) into one repaint. */
const REFRESH_DELAY_MS = 30;

const fileKey = (folder: string, file: string) => `${folder}\u0000${file}`;

/** More changed rows under one row than this repaint that row instead. */
const MANY_ROWS = 100;

/** The rows above `node`, nearest first. */
function ancestors(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  for (let up = node.parent; up; up = up.parent) out.push(up);
  return out;
}

/** Whether `node` shows what `row` says already (every field the server sends is compared). */
function sameRow(node: TreeNode, row: TreeRow): boolean {
  const shown = node as unknown as Record<string, unknown>;
  return Object.entries(row).every(([key, value]) => JSON.stringify(shown[key]) === JSON.stringify(value));
}

/**
 * The Milestones tree. Its rows come from the language server, which holds the index and shapes the
 * rows (`core/views/treeRows`): the extension asks for a row's children when VS Code shows them, and
 * keeps only those. Repaints when the index or a tree setting changes.
 */
export class MilestoneTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private settings: TreeSettings = readTreeSettings();
  private filterText = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** The milestone rows last given to VS Code, by file: what a repaint of one file's rows names. */
  private readonly rowsOf = new Map<string, MilestoneNode[]>();
  /** Every row last given to VS Code, by id: VS Code knows a row by the object it was given last. */
  private readonly known = new Map<string, TreeNode>();
  /** The rows last given to VS Code under each row, by its id ('' for the top rows). */
  private readonly givenChildren = new Map<string, TreeNode[]>();
  /**
   * Rows asked for before a repaint, by parent id ('' for the top rows), which VS Code then gets at
   * once. Why: while VS Code waits for the rows of a repaint it has forgotten the old ones, and a
   * checkbox click, a key press or a context menu's command on a row then reaches the extension
   * without its row (lost). With the rows ready, that moment is as short as with rows in memory.
   */
  private readonly prefetched = new RowsAhead<TreeNode>();
  /** Numbers the requests for rows, in the order they are sent (`RowsAhead`). */
  private asks = 0;
  /** The rows VS Code asked the children of since the last repaint: the open ones, asked for ahead of the next. */
  private opened = new Set<string>(['']);
  private repaints = 0;
  /** The full repaint asking for its rows, if one is (its number). */
  private fullRepaint: number | undefined;
  /** Rows the person opened (true) or closed (false), by id. */
  private readonly openedByUser = new Map<string, boolean>();
  /** How many milestone rows each long group shows, by its id, where the person asked for more (`TreeOptions.pages`). */
  private pages: Record<string, number> = {};

  constructor(private readonly index: ServedIndex) {
    this.subscriptions = [index.onDidIndex((update) => {
      // A full repaint is due: it asks for the rows after this change; until then the server answers.
      if (this.timer !== undefined) {
        this.prefetched.clear();
        this.givenChildren.clear();
        return;
      }
      // Files that kept their rows, or only their problems changed: only those rows (and the
      // roll-ups above them) are repainted. A filter is matched against step texts, so with one the
      // rows shown may differ: all is repainted. So is all when a full repaint is asking for its
      // rows (some may be from before this change): it starts again.
      const someRows = update.reason === 'change' && (update.changes.length === 0 || (update.rowsOnly && this.filterText === ''));
      if (someRows && this.fullRepaint === undefined) void this.repaintRows([...update.changes, ...update.problems]);
      else this.repaintAll();
    })];
  }

  /** The filter as typed; '' for none. */
  get filter(): string {
    return this.filterText;
  }

  /** Shows only the milestones and steps whose labels contain `text` (ignoring case); '' shows all. Repaints soon. */
  setFilter(text: string): void {
    if (text === this.filterText) return;
    this.filterText = text;
    this.refreshSoon();
  }

  /** Reads the tree settings again and repaints. */
  reloadSettings(): void {
    this.settings = readTreeSettings();
    this.refresh();
  }

  /** Repaints `node` (or everything): also puts back a checkbox the user changed when the edit was refused. */
  refresh(node?: TreeNode): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!node) {
      this.repaints++;
      this.prefetched.clear();
      this.givenChildren.clear();
    }
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = toTreeItem(node);
    // A row the person opened or closed stays so through repaints (a group of many milestones
    // starts closed, one of few open: without this, a repaint could open a group they closed).
    const open = this.openedByUser.get(node.id);
    if (open !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      item.collapsibleState = open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    }
    return item;
  }

  /** The person opened (`true`) or closed a row: it stays so through repaints. */
  setOpenedByUser(id: string, open: boolean): void {
    this.openedByUser.set(id, open);
  }

  /** A milestone row's tooltip, made when the row is hovered (see `milestoneItem`). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'milestone' && item.tooltip === undefined) item.tooltip = resolveMilestoneTooltip(node);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    const key = node?.id ?? '';
    this.opened.add(key);
    // Kept until the next repaint: they are the index's latest state, and VS Code may ask twice.
    // So are the rows given since the last full repaint: a repaint of some rows updates them in place.
    const ready = this.prefetched.get(key) ?? this.givenChildren.get(key);
    if (ready?.every((r) => r.parent === node)) return this.given(node, [...ready]);
    // Only this row's rows: rows asked for ahead and not given would miss the repaints of changes
    // meanwhile (a repaint updates the rows VS Code was given).
    const asked = ++this.asks;
    return this.childrenOf(node).then((own) => {
      // Rows asked for later (a repaint meanwhile) show a later index: those are given.
      const later = this.prefetched.askedOf(key) > asked ? this.prefetched.get(key) : undefined;
      return this.given(node, [...(later?.every((r) => r.parent === node) ? later : own)]);
    });
  }

  /** Remembers `children` of `node` as given to VS Code. */
  private given(node: TreeNode | undefined, children: TreeNode[]): TreeNode[] {
    if (!node) {
      this.rowsOf.clear();
      this.known.clear();
      this.givenChildren.clear();
    }
    this.givenChildren.set(node?.id ?? '', children);
    for (const child of children) this.remember(child);
    return children;
  }

  /** Asks for the top rows and those under every open row, level by level, then repaints with them ready. */
  private async repaint(): Promise<void> {
    const repaint = ++this.repaints;
    this.fullRepaint = repaint;
    const fetched = await this.rowsBelow([undefined], () => repaint === this.repaints);
    if (this.fullRepaint === repaint) this.fullRepaint = undefined;
    if (!fetched) return; // a newer repaint (or a settings change) replaces this one
    this.prefetched.clear();
    for (const [id, got] of fetched) this.prefetched.set(id, got.rows, got.asked);
    // VS Code asks again for the children of what is open now: that is the next repaint's list.
    this.opened = new Set(['']);
    this.changed.fire(undefined);
  }

  /**
   * The rows under each of `tops` (undefined: the top rows) and under every open row below them,
   * by parent id, each with the number of the request that got them; undefined when `current()`
   * turns false meanwhile (a newer repaint started).
   */
  private async rowsBelow(tops: readonly (TreeNode | undefined)[], current: () => boolean): Promise<Map<string, { rows: TreeNode[]; asked: number }> | undefined> {
    const opened = this.opened;
    const fetched = new Map<string, { rows: TreeNode[]; asked: number }>();
    let level = tops.filter((n) => opened.has(n?.id ?? ''));
    while (level.length > 0) {
      // One number for the level: its requests go out together, with no change between them.
      const asked = ++this.asks;
      const results = await Promise.all(level.map((n) => this.childrenOf(n)));
      if (!current()) return undefined;
      const next: TreeNode[] = [];
      level.forEach((n, i) => {
        const rows = results[i] ?? [];
        fetched.set(n?.id ?? '', { rows, asked });
        for (const row of rows) if (opened.has(row.id) || this.opensOnShow(row)) next.push(row);
      });
      level = next;
    }
    return fetched;
  }

  /**
   * Whether VS Code opens `row` when it first shows it (and then asks for its rows): a row that
   * starts open, unless the person closed it. Its rows are asked for with the others, all at once:
   * VS Code would ask for each in turn (seen at 10,000 files: 200 plan rows, 2.5 s).
   */
  private opensOnShow(row: TreeNode): boolean {
    const open = (row.kind === 'group' && row.expanded) || (row.kind === 'milestone' && row.children === 'expanded');
    return open && this.openedByUser.get(row.id) !== false;
  }

  /** The rows under `node` (the top rows without one) as the server has them now, not remembered as given to VS Code. */
  private async childrenOf(node: TreeNode | undefined): Promise<TreeNode[]> {
    const rows = await this.index.treeChildren(node?.id ?? null, this.options());
    return rows.map((row) => nodeOf(row, node)).filter((n) => n !== undefined);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /**
   * The row of the milestone of folder `folderKey`, file `file` that starts at `line` (what
   * `TreeView.reveal` needs), with the rows above it; undefined when the tree does not show it.
   * A long group whose rows shown do not reach it shows more, up to it.
   */
  async findMilestone(folderKey: string, file: string, line: number): Promise<MilestoneNode | undefined> {
    const path = await this.index.treePath({ folder: folderKey, file }, line, this.options());
    if (!path) return undefined;
    if (Object.keys(path.pages).length > 0) {
      this.pages = { ...this.pages, ...path.pages };
      this.refresh();
    }
    let node: TreeNode | undefined;
    for (const id of path.ids) {
      node = (await this.childrenOf(node)).find((n) => n.id === id);
      if (!node) return undefined;
    }
    return node?.kind === 'milestone' ? node : undefined;
  }

  /**
   * Shows the next `GROUP_PAGE` milestone rows of the group that `more` ends; resolves with the
   * first of them (undefined when the tree changed meanwhile). The group's rows are asked for
   * first, then VS Code gets them at once, as in any repaint.
   */
  async showMore(more: MoreNode): Promise<TreeNode | undefined> {
    const group = more.parent;
    if (!group || this.known.get(more.id) !== more) return undefined;
    this.pages = { ...this.pages, [group.id]: more.shown + GROUP_PAGE };
    const repaints = this.repaints;
    const asked = ++this.asks;
    const rows = await this.childrenOf(group);
    if (repaints !== this.repaints) return undefined; // a full repaint (with the new page) replaces this one
    this.prefetched.set(group.id, rows, asked);
    this.changed.fire(group);
    return rows[more.shown];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  private options(): TreeOptions {
    return { ...this.settings, filter: filterKey(this.filterText), ...(Object.keys(this.pages).length > 0 ? { pages: this.pages } : {}) };
  }

  /** Keeps `row` as the one VS Code knows by its id. */
  private remember(row: TreeNode): void {
    this.known.set(row.id, row);
    if (row.kind !== 'milestone') return;
    const key = fileKey(row.folder, row.file);
    const rows = (this.rowsOf.get(key) ?? []).filter((r) => r.id !== row.id);
    rows.push(row);
    this.rowsOf.set(key, rows);
  }

  /**
   * Some files changed what their rows show (problems, step counts), not which rows there are:
   * repaints only their milestone rows, and the rows above them whose roll-up changed, with what the
   * server says of them now. Why not the whole tree: a group of thousands of rows costs seconds to
   * send again, and during a repaint VS Code forgets the rows, so a checkbox clicked or a key
   * pressed on any row then is lost. A row the server no longer has means the rows did change: then
   * everything is repainted.
   */
  private async repaintRows(files: readonly FolderFile[]): Promise<void> {
    const milestones = files.flatMap((f) => this.rowsOf.get(fileKey(f.folder, f.file)) ?? []);
    // The rows above them, and the top rows (the roll-up of a closed group changes too).
    const nodes = new Map<string, TreeNode>(milestones.map((n) => [n.id, n]));
    for (const n of milestones) for (let up = n.parent; up; up = up.parent) nodes.set(up.id, up);
    for (const n of this.prefetchedOrGiven('')) nodes.set(n.id, n);
    if (milestones.length === 0 && nodes.size === 0) return;
    const repaints = this.repaints;
    const named = [...nodes.values()];
    const asked = ++this.asks;
    const rows = await this.index.treeRows(named.map((n) => n.id), this.options());
    if (repaints !== this.repaints) return; // a full repaint replaces this one
    const changed: TreeNode[] = [];
    for (const [i, node] of named.entries()) {
      const row = rows[i];
      if (!row || row.kind !== node.kind) return this.repaintAll();
      if (this.known.get(node.id) !== node || sameRow(node, row)) continue;
      // The object VS Code knows is updated in place: a new one would be a row it does not know.
      Object.assign(node as unknown as Record<string, unknown>, row);
      changed.push(node);
    }
    const repaint = this.rowsToRepaint(changed);
    // A row repainted is a row whose children VS Code asks for again, and so on down the open rows:
    // they are made ready first, as for a full repaint, so that a click on one of them meanwhile is
    // not lost. Those of a group are the rows it has (updated above); those of a changed milestone
    // (its steps) are asked for; the others' are the rows given before.
    const below = await this.rowsBelow(changed.filter((n) => n.kind === 'milestone'), () => repaints === this.repaints);
    if (!below) return;
    for (const node of repaint) {
      if (node.kind !== 'milestone' && this.givenChildren.has(node.id)) this.prefetched.set(node.id, this.givenChildren.get(node.id)!, asked);
    }
    for (const [id, got] of below) this.prefetched.set(id, got.rows, got.asked);
    if (repaint.length > 0) this.changed.fire(repaint);
  }

  /**
   * What to name to VS Code to repaint `changed`: each row, or the row above it (its rows are then
   * given again, updated in place) when many rows under it changed, such as the problems a first
   * scan finds (seen at 10,000 files: 2,068 rows at once). VS Code looks up each named row among the
   * others named and refreshes each on its own; one row above them is one refresh.
   */
  private rowsToRepaint(changed: readonly TreeNode[]): TreeNode[] {
    const under = new Map<string, number>();
    for (const node of changed) if (node.parent) under.set(node.parent.id, (under.get(node.parent.id) ?? 0) + 1);
    const out = new Map<string, TreeNode>();
    for (const node of changed) {
      const target = node.parent && (under.get(node.parent.id) ?? 0) > MANY_ROWS ? node.parent : node;
      out.set(target.id, target);
    }
    // A row whose parent is repainted is repainted with it.
    return [...out.values()].filter((n) => !ancestors(n).some((up) => out.has(up.id)));
  }

  /** The rows under `id` ('' for the top) as last made ready or given to VS Code. */
  private prefetchedOrGiven(id: string): readonly TreeNode[] {
    return this.prefetched.get(id) ?? this.givenChildren.get(id) ?? [];
  }

  /**
   * Repaints every row soon, with the rows made ready first (`refresh` repaints at once, and VS Code
   * then waits on the server for every open row: a click in that moment is lost, and the repaint
   * after a lost click would lose the next one). The rows made ready (or being made ready) and given
   * are stale now: until the repaint, a request is answered by the server.
   */
  repaintAll(): void {
    this.repaints++;
    this.prefetched.clear();
    this.givenChildren.clear();
    this.refreshSoon();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.repaint();
    }, REFRESH_DELAY_MS);
  }
}
