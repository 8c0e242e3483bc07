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

  constructor(private readonly service: WorkspaceIndexService) {
    this.subscriptions = [service.onDidIndex(() => this.refreshSoon())];
  }

  /** Shows each milestone's problems (from memory) and repaints when they change. */
  showProblems(lookup: ProblemLookup, onDidChange: vscode.Event<void>): vscode.Disposable {
    this.problemsOf = lookup;
    this.refreshSoon();
    return onDidChange(() => this.refreshSoon());
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
    const options: TreeOptions = { ...this.settings, filter: filterKey(this.filterText) };
    return node ? childNodes(node, options) : rootNodes(this.service.list(), options, this.service.hasScanned);
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
          const found = walk(node.kind === 'milestone' ? this.getChildren(node).filter((n) => n.kind === 'milestone') : this.getChildren(node));
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(this.getChildren());
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
