import * as vscode from 'vscode';
import { milestoneAtLine, milestoneAtLineOrFirst } from '../core/milestoneAtLine';
import type { Milestone } from '../core/model';
import { statusBarView } from '../core/views/statusBarView';
import { CommandId } from './commandIds';
import type { MilestoneTreeProvider } from './milestoneTreeProvider';
import type { TreeNode } from './treeNodes';
import { revealMilestoneRow } from './treeReveal';
import { locate } from './workspaceFiles';
import type { FileReading } from '../core/model';
import type { ServedIndex } from './servedIndex';

/** What the test API shows of the status bar item. */
export interface StatusBarApi {
  /** The item's text, `''` while it is hidden. */
  readonly text: string;
  readonly visible: boolean;
  /** What a screen reader says of the item (plain text), `''` while it is hidden. */
  readonly accessibleLabel: string;
  /** Fires after the item was updated (shown, hidden or changed). */
  readonly onDidUpdate: vscode.Event<void>;
}

interface Shown { readonly folderKey: string; readonly milestone: Milestone }

/** The form's side of the status bar: which file the active tab shows in the form, and at which milestone. */
export interface FormFocus {
  /** The file of the active tab when it is a Milestone Form, else undefined. */
  activeFormUri(): vscode.Uri | undefined;
  /** The line of the milestone the newest form of `uri` was opened at, when it was opened at one. */
  milestoneLineShown(uri: vscode.Uri): number | undefined;
  /** Fires when a form was opened at a milestone (after its tab became active). */
  readonly onDidShowMilestone: vscode.Event<void>;
}

/**
 * The active editor's milestone in the status bar, the text editor's (the milestone under the
 * cursor) or the form's (the milestone it was opened at, else the first); a click reveals its row
 * in the Milestones tree.
 */
class MilestoneStatusBar implements StatusBarApi, vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('milestones.active', vscode.StatusBarAlignment.Left, 50);
  private readonly updated = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.updated.event;
  private shown: Shown | undefined;

  /** The reading of the file last shown, while the index has not changed it: moving the cursor asks nothing. */
  private cached: { readonly uri: string; readonly reading: FileReading | undefined } | undefined;
  /** Bumped by each update: an answer that comes after a newer update started is dropped. */
  private generation = 0;

  constructor(private readonly index: ServedIndex, private readonly form: FormFocus) {
    this.item.name = 'Milestone of the active editor';
    this.item.command = { command: CommandId.revealInTree, title: vscode.l10n.t('Reveal in Tree') };
  }

  get text(): string {
    return this.shown ? this.item.text : '';
  }

  get accessibleLabel(): string {
    return this.shown ? this.item.accessibilityInformation?.label ?? '' : '';
  }

  get visible(): boolean {
    return this.shown !== undefined;
  }

  get current(): Shown | undefined {
    return this.shown;
  }

  /** Forgets the reading kept of the file last shown (the index changed). */
  forget(): void {
    this.cached = undefined;
  }

  async update(editor = vscode.window.activeTextEditor): Promise<void> {
    const generation = ++this.generation;
    const formUri = this.form.activeFormUri();
    const uri = formUri ?? editor?.document.uri;
    const line = formUri ? this.form.milestoneLineShown(formUri) ?? 0 : editor?.selection.active.line ?? 0;
    const place = uri ? locate(uri) : null;
    const folderKey = place?.folder.uri.toString();
    let reading: FileReading | undefined;
    if (uri && place) {
      const key = uri.toString();
      if (this.cached?.uri === key) reading = this.cached.reading;
      else {
        reading = await this.index.reading(uri);
        if (generation !== this.generation) return;
        this.cached = { uri: key, reading };
      }
    }
    // Above a STATUS.md's first milestone the cursor is on the file, on no milestone: nothing is
    // shown. A form always shows some milestone: the one it was opened at, else the first.
    const milestone = !reading ? undefined
      : formUri ? milestoneAtLineOrFirst(reading.milestones, line)
      : milestoneAtLine(reading.milestones, line) ?? undefined;
    this.shown = milestone && folderKey ? { folderKey, milestone } : undefined;
    if (milestone) {
      const view = statusBarView(milestone);
      this.item.text = `$(milestone) ${view.text}`;
      this.item.tooltip = tooltipOf(milestone.title, view.details);
      // Without it the label is the text plus the tooltip's markdown source (`**Search&nbsp;MVP**`).
      this.item.accessibilityInformation = { label: view.accessibleLabel };
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

function tooltipOf(title: string, details: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(title).appendMarkdown('**  \n');
  for (const line of details) md.appendText(line).appendMarkdown('  \n');
  md.appendMarkdown('\nClick to reveal it in the Milestones tree.');
  return md;
}

/** Reveals and selects the row of the shown milestone; resolves to the row's id, or undefined when it is not in the tree. */
async function revealInTree(bar: MilestoneStatusBar, provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>): Promise<string | undefined> {
  await bar.update();
  const shown = bar.current;
  if (!shown) return undefined;
  const node = await revealMilestoneRow(provider, view, shown.folderKey, shown.milestone, true);
  if (!node) void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not shown in the Milestones tree (completed milestones may be hidden).', shown.milestone.title));
  return node?.id;
}

/** The status bar item and `milestones.revealInTree`; updates on editor, cursor and index changes. */
export function registerStatusBar(
  index: ServedIndex, provider: MilestoneTreeProvider, view: vscode.TreeView<TreeNode>, form: FormFocus,
): { statusBar: StatusBarApi; disposable: vscode.Disposable } {
  const bar = new MilestoneStatusBar(index, form);
  void bar.update();
  const disposable = vscode.Disposable.from(
    bar,
    vscode.window.onDidChangeActiveTextEditor((editor) => void bar.update(editor)),
    // A form becoming the active tab (or leaving it) changes no text editor's selection.
    vscode.window.tabGroups.onDidChangeTabs(() => void bar.update()),
    vscode.window.tabGroups.onDidChangeTabGroups(() => void bar.update()),
    form.onDidShowMilestone(() => void bar.update()),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) void bar.update(e.textEditor);
    }),
    index.onDidIndex(() => {
      bar.forget();
      void bar.update();
    }),
    vscode.commands.registerCommand(CommandId.revealInTree, () => revealInTree(bar, provider, view)),
  );
  return { statusBar: bar, disposable };
}
