import * as vscode from 'vscode';
import { milestoneAtLine } from '../core/milestoneAtLine';
import type { Milestone } from '../core/model';
import { milestoneRollup } from '../core/rollups/progressRollups';
import { CommandId } from './commandIds';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import { STATUS_LABEL } from './treeNodes';
import type { TreeNode } from './treeNodes';
import { locate } from './workspaceFiles';
import type { WorkspaceIndexService } from './workspaceIndexService';

const TITLE_MAX = 30;

/** What the test API shows of the status bar item. */
export interface StatusBarApi {
  /** The item's text, `''` while it is hidden. */
  readonly text: string;
  readonly visible: boolean;
  /** Fires after the item was updated (shown, hidden or changed). */
  readonly onDidUpdate: vscode.Event<void>;
}

export function shortTitle(title: string, max = TITLE_MAX): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

interface Shown { readonly folderKey: string; readonly milestone: Milestone }

/** The active editor's milestone in the status bar; a click reveals its row in the Milestones tree. */
class MilestoneStatusBar implements StatusBarApi, vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('milestones.active', vscode.StatusBarAlignment.Left, 50);
  private readonly updated = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.updated.event;
  private shown: Shown | undefined;

  constructor(private readonly index: WorkspaceIndexService) {
    this.item.name = 'Milestone of the active editor';
    this.item.command = { command: CommandId.revealInTree, title: 'Reveal in Tree' };
  }

  get text(): string {
    return this.shown ? this.item.text : '';
  }

  get visible(): boolean {
    return this.shown !== undefined;
  }

  get current(): Shown | undefined {
    return this.shown;
  }

  update(editor = vscode.window.activeTextEditor): void {
    const place = editor ? locate(editor.document.uri) : null;
    const folderKey = place?.folder.uri.toString();
    const reading = place && folderKey ? this.index.index.get(folderKey, place.file) : undefined;
    // Above a STATUS.md's first milestone the cursor is on the file, on no milestone: nothing is shown.
    const milestone = reading && editor ? milestoneAtLine(reading.milestones, editor.selection.active.line) ?? undefined : undefined;
    this.shown = milestone && folderKey ? { folderKey, milestone } : undefined;
    if (milestone) {
      const r = milestoneRollup(milestone);
      this.item.text = `$(milestone) ${shortTitle(milestone.title)}${r.total > 0 ? ` ${r.done}/${r.total}` : ''}`;
      this.item.tooltip = tooltipOf(milestone);
      this.item.show();
    } else {
      this.item.hide();
    }
    this.updated.fire();
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
  }
}

function tooltipOf(milestone: Milestone): vscode.MarkdownString {
  const r = milestoneRollup(milestone);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(milestone.title).appendMarkdown('**  \n');
  md.appendText(`File: ${milestone.file}:${milestone.line + 1}`).appendMarkdown('  \n');
  md.appendText(`Status: ${milestone.status ? `${milestone.status} (${STATUS_LABEL[milestone.statusCategory]})` : STATUS_LABEL[milestone.statusCategory]}`).appendMarkdown('  \n');
  md.appendText(r.total > 0 ? `Progress: ${r.done}/${r.total} steps done (${r.percent}%)` : 'Progress: no steps to count').appendMarkdown('  \n');
  md.appendMarkdown('\nClick to reveal it in the Milestones tree.');
  return md;
}

/** Reveals and selects the row of the shown milestone; resolves to the row's id, or undefined when it is not in the tree. */
async function revealInTree(bar: MilestoneStatusBar, provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>): Promise<string | undefined> {
  const shown = bar.current;
  if (!shown) return undefined;
  const node = provider.findMilestone(shown.folderKey, shown.milestone.file, shown.milestone.line);
  if (!node) {
    void vscode.window.showInformationMessage(`"${shown.milestone.title}" is not shown in the Milestones tree (completed milestones may be hidden).`);
    return undefined;
  }
  await view.reveal(node, { select: true, focus: true, expand: false });
  return node.id;
}

/** The status bar item and `milestones.revealInTree`; updates on editor, cursor and index changes. */
export function registerStatusBar(
  index: WorkspaceIndexService, provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>,
): { statusBar: StatusBarApi; disposable: vscode.Disposable } {
  const bar = new MilestoneStatusBar(index);
  bar.update();
  const disposable = vscode.Disposable.from(
    bar,
    vscode.window.onDidChangeActiveTextEditor((editor) => bar.update(editor)),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) bar.update(e.textEditor);
    }),
    index.onDidIndex(() => bar.update()),
    vscode.commands.registerCommand(CommandId.revealInTree, () => revealInTree(bar, provider, view)),
  );
  return { statusBar: bar, disposable };
}
