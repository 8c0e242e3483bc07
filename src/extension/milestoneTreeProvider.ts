import * as vscode from 'vscode';
import { readTreeSettings } from './config';
import type { TreeSettings } from './config';
import { filterKey } from '../core/views/treeFilter';
import { resolveMilestoneTooltip, toTreeItem } from './treeItems';
import { childNodes, rootNodes } from './treeNodes';
import type { MilestoneNode, TreeNode, TreeOptions } from './treeNodes';
import type { ProblemLookup } from './treeProblems';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** Quiet time that batches several index updates (a scan, a save plus its watcher event) into one repaint. */
const REFRESH_DELAY_MS = 30;

/** The Milestones tree. Reads only the in-memory index; repaints when the index or a tree setting changes. */
export class MilestoneTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private settings: TreeSettings = readTreeSettings();
  private filterText = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  private problemsOf: ProblemLookup = () => [];
  /** The milestone rows last given to VS Code, by file URI and row id: what a repaint of one file's rows names. */
  private readonly rowsOf = new Map<string, MilestoneNode[]>();

  constructor(private readonly service: WorkspaceIndexService) {
    this.subscriptions = [service.onDidIndex(() => this.refreshSoon())];
  }

  /**
   * Shows each milestone's problems (from memory) and, when the problems of some files change,
   * repaints only the rows of those files. Why not the whole tree: the language server's answer
   * comes a moment after the edit's own repaint, and during a repaint VS Code forgets the rows, so
   * a checkbox clicked or a key pressed on any row then is lost.
   */
  showProblems(lookup: ProblemLookup, onDidChange: vscode.Event<readonly vscode.Uri[]>): vscode.Disposable {
    this.problemsOf = lookup;
    this.refreshSoon();
    return onDidChange((uris) => {
      for (const uri of uris) for (const node of this.rowsOf.get(uri.toString()) ?? []) this.changed.fire(node);
    });
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
    if (!node) this.rowsOf.clear();
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.problemsOf);
  }

  /** A milestone row's tooltip, made when the row is hovered (see `milestoneItem`). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'milestone' && item.tooltip === undefined) item.tooltip = resolveMilestoneTooltip(node, this.problemsOf(node));
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const children = this.childrenOf(node);
    for (const child of children) if (child.kind === 'milestone') this.remember(child);
    return children;
  }

  /** The rows under `node` (the top rows without one), not remembered as given to VS Code. */
  private childrenOf(node?: TreeNode): TreeNode[] {
    const options: TreeOptions = { ...this.settings, filter: filterKey(this.filterText) };
    return node ? childNodes(node, options) : rootNodes(this.service.list(), options, this.service.hasScanned);
  }

  /** Keeps `row` as the one VS Code knows by its id (it knows only the object given last). */
  private remember(row: MilestoneNode): void {
    const key = row.uri.toString();
    const rows = (this.rowsOf.get(key) ?? []).filter((r) => r.id !== row.id);
    rows.push(row);
    this.rowsOf.set(key, rows);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /**
   * The row of the milestone of folder `folderKey`, file `file` that starts at `line` (what
   * `TreeView.reveal` needs), found by walking the rows from memory; undefined when it is not shown.
   */
  findMilestone(folderKey: string, file: string, line: number): MilestoneNode | undefined {
    const inFolder = (node: TreeNode) => (node.kind === 'folder' || node.kind === 'group' || node.kind === 'milestone') && node.folder.uri.toString() === folderKey;
    const walk = (nodes: TreeNode[]): MilestoneNode | undefined => {
      for (const node of nodes) {
        if (node.kind === 'milestone' && inFolder(node) && node.milestone.file === file && node.milestone.line === line) return node;
        // Only a milestone with nested milestones is walked into: its steps are never milestones.
        if (inFolder(node) && (node.kind !== 'milestone' || node.nested.length > 0)) {
          const found = walk(node.kind === 'milestone' ? this.childrenOf(node).filter((n) => n.kind === 'milestone') : this.childrenOf(node));
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(this.childrenOf());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }
}
