import * as vscode from 'vscode';
import { approvalRequired } from '../core/lifecycle/approval/approvalGate';
import { hasLifecycle, isArchivable, isDistillableNote } from '../core/lifecycle/applicable';
import type { HealthRow, Milestone, StatusCategory, Step } from '../core/model';
import { CommandId } from './commandIds';
import type { HealthNode, MessageNode, MilestoneNode, StepNode, TreeNode } from './treeNodes';
import type { Problem } from '../core/problems';
import { milestoneRowView } from '../core/views/milestoneRowView';
import { problemLines, problemsNote } from './treeProblems';
import { applyRollup } from './treeRollups';

const STATUS_ICON: Readonly<Record<StatusCategory, [string, string | undefined]>> = {
  done: ['pass-filled', 'testing.iconPassed'],
  'awaiting-approval': ['unverified', 'charts.yellow'],
  active: ['play-circle', 'charts.blue'],
  blocked: ['error', 'testing.iconFailed'],
  planned: ['circle-large-outline', undefined],
  dropped: ['circle-slash', 'disabledForeground'],
  unknown: ['question', undefined],
};

const HEALTH_ICON: Readonly<Record<HealthRow['category'], [string, string | undefined]>> = {
  ok: ['pass', 'testing.iconPassed'],
  warn: ['warning', 'list.warningForeground'],
  pending: ['watch', 'charts.yellow'],
  unknown: ['question', undefined],
};

function icon([id, color]: [string, string | undefined]): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** The icon of a milestone of `category`, the same in the Milestones tree and the Next view. */
export function statusIcon(category: StatusCategory): vscode.ThemeIcon {
  return icon(STATUS_ICON[category]);
}

function openAt(uri: vscode.Uri, line: number): vscode.Command {
  return { command: CommandId.openLocation, title: vscode.l10n.t('Open'), arguments: [uri.toString(), line] };
}

function milestoneItem(node: MilestoneNode, problems: readonly Problem[]): vscode.TreeItem {
  const { milestone } = node;
  const hasChildren = milestone.steps.length > 0 || milestone.health.length > 0 || node.nested.length > 0;
  // Opened when the filter keeps only some of its steps: they are what matched.
  const state = !hasChildren ? vscode.TreeItemCollapsibleState.None : node.match.kind === 'steps' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(milestone.title, state);
  // The status is the icon (and leads the tooltip): the description stays short enough for a narrow side bar.
  const row = milestoneRowView(milestone, problemsNote(problems));
  item.description = row.description;
  item.iconPath = icon(STATUS_ICON[milestone.statusCategory]);
  // The tooltip is made when the row is hovered (`resolveMilestoneTooltip`): why, in a 10,000-file
  // workspace 10,000 markdown tooltips cost ~0.5 s to build and more for VS Code to convert (it lexes
  // each MarkdownString to rewrite its links), on the extension host's thread, for rows mostly never
  // hovered (CPU profile of bench:vscode at 10k).
  // A markdown tooltip is not read out: the label says what the icon shows.
  item.accessibilityInformation = { label: row.accessibleLabel };
  item.command = openAt(node.uri, milestone.line);
  item.contextValue = milestoneContext(milestone);
  return item;
}

/** The tooltip of a milestone row: its status, progress, file and fields, then its first problems. */
export function resolveMilestoneTooltip(node: MilestoneNode, problems: readonly Problem[]): vscode.MarkdownString {
  const row = milestoneRowView(node.milestone, problemsNote(problems));
  return milestoneTooltip(node.milestone.title, row.details, problems);
}

function milestoneTooltip(title: string, details: readonly (readonly [string, string])[], problems: readonly Problem[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(title).appendMarkdown('**\n\n');
  for (const [name, value] of details) md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  if (problems.length > 0) {
    md.appendMarkdown('\n**').appendText(problemsNote(problems)).appendMarkdown('**  \n');
    for (const line of problemLines(problems)) md.appendText(line).appendMarkdown('  \n');
  }
  return md;
}

/**
 * The milestone row's `viewItem`: `milestone` and tokens the menus match with `=~ /\btoken\b/`:
 * the convention, `done` / `notdone`, `lifecycle` (claim, status, complete apply: not a handoff),
 * `archivable` (an ExecPlan milestone in milestones/active/), `handoff-note` (a note not yet distilled),
 * `gated` (a STATUS.md milestone whose completion waits for an approval). A milestone awaiting its
 * approval is `notdone`: Complete (which offers Log Approval…) applies, Reopen does not.
 */
function milestoneContext(milestone: Milestone): string {
  const tokens = ['milestone', milestone.convention, milestone.statusCategory === 'done' ? 'done' : 'notdone'];
  if (hasLifecycle(milestone)) tokens.push('lifecycle');
  if (isArchivable(milestone)) tokens.push('archivable');
  if (isDistillableNote(milestone)) tokens.push('handoff-note');
  if (milestone.convention === 'status-md' && approvalRequired(milestone)) tokens.push('gated');
  return tokens.join(' ');
}

function markerOf(step: Step): string {
  switch (step.source.kind) {
    case 'task': return step.source.marker;
    case 'table-row': return step.source.cell;
    case 'criterion': case 'json-step': return '';
  }
}

/**
 * An open step that is more than "not done" says so: a JSON step `in_progress` or `blocked`, a
 * task row marked ⚠️. A checkbox alone cannot tell those from a step nobody started.
 */
function openStateNote(step: Step): string | undefined {
  if (step.state !== 'open') return undefined;
  if (step.source.kind === 'json-step' && step.source.status && step.source.status !== 'pending') return step.source.status.replace(/_/g, ' ');
  if (step.source.kind === 'table-row' && step.source.cell.startsWith('⚠')) return '⚠️ at risk';
  return undefined;
}

function stepItem(node: StepNode): vscode.TreeItem {
  const { step } = node;
  const item = new vscode.TreeItem(step.text, node.nested.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  const where = `${node.milestone.milestone.file}:${step.line + 1}${step.section ? ` · ${step.section}` : ''}`;
  switch (step.state) {
    case 'done':
    case 'open': {
      const done = step.state === 'done';
      item.checkboxState = {
        state: done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
        tooltip: done ? vscode.l10n.t('Mark not done') : vscode.l10n.t('Mark done'),
      };
      item.description = openStateNote(step);
      item.tooltip = `${step.text}\n${where}`;
      item.contextValue = 'step';
      break;
    }
    case 'nonstandard':
      item.iconPath = icon(['warning', 'list.warningForeground']);
      item.description = vscode.l10n.t('non-standard marker {0}', markerOf(step)).trim();
      item.tooltip = `${step.text}\n${where}\n${vscode.l10n.t('This marker is not a GitHub task item, so it is not counted. Use [ ] or [x].')}`;
      item.contextValue = 'step.nonstandard';
      break;
    case 'info':
      item.iconPath = new vscode.ThemeIcon('circle-small');
      item.tooltip = `${step.text}\n${where}\n${vscode.l10n.t('A criterion without a checkbox: shown, not counted.')}`;
      item.contextValue = 'step.info';
      break;
  }
  item.command = openAt(node.milestone.uri, step.line);
  return item;
}

function healthItem(node: HealthNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.row.area, vscode.TreeItemCollapsibleState.None);
  item.description = node.row.notes;
  item.iconPath = icon(HEALTH_ICON[node.row.category]);
  item.tooltip = `${node.row.area}: ${node.row.status} ${node.row.notes}`.trim();
  item.command = openAt(node.milestone.uri, node.row.line);
  item.contextValue = 'health';
  return item;
}

/** The `TreeItem` for a row. */
/** The message row: what left the tree empty, and the command that shows the milestones again. */
function messageItem(node: MessageNode): vscode.TreeItem {
  const [text, command]: [string, vscode.Command] = node.reason === 'no-match'
    ? [vscode.l10n.t('No milestone or step matches the filter. Clear Filter'), { command: CommandId.clearFilter, title: vscode.l10n.t('Clear Filter') }]
    : [vscode.l10n.t('All milestones are done. Show completed'), { command: 'milestones.showCompleted', title: vscode.l10n.t('Show Completed') }];
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('info');
  item.command = command;
  return item;
}

export function toTreeItem(node: TreeNode, problemsOf: (node: MilestoneNode) => readonly Problem[] = () => []): vscode.TreeItem {
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'folder':
      item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      applyRollup(item, node.folder.name, node.all, 'folder');
      item.contextValue = 'folder';
      break;
    case 'group':
      item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      applyRollup(item, node.label, node.all, node.by);
      item.contextValue = 'group';
      break;
    case 'milestone':
      item = milestoneItem(node, problemsOf(node));
      break;
    case 'step':
      item = stepItem(node);
      break;
    case 'health-group':
      item = new vscode.TreeItem('Health snapshot', vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('pulse');
      item.contextValue = 'health-group';
      break;
    case 'health':
      item = healthItem(node);
      break;
    case 'message':
      item = messageItem(node);
      break;
  }
  item.id = node.id;
  return item;
}
