import * as vscode from 'vscode';
import type { HealthRow, StatusCategory, Step } from '../core/model';
import { problemsNote } from '../core/views/problemNotes';
import { CommandId } from './commandIds';
import { GROUP_PAGE } from '../core/views/treeRows';
import type { HealthNode, MessageNode, MilestoneNode, MoreNode, StepNode, TreeNode } from './treeNodes';
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

function milestoneItem(node: MilestoneNode): vscode.TreeItem {
  const state = node.children === 'none' ? vscode.TreeItemCollapsibleState.None
    // Opened when the filter keeps only some of its steps: they are what matched.
    : node.children === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.title, state);
  // The status is the icon (and leads the tooltip): the description stays short enough for a narrow side bar.
  item.description = node.description;
  item.iconPath = icon(STATUS_ICON[node.statusCategory]);
  // The tooltip is made when the row is hovered (`resolveMilestoneTooltip`): why, in a 10,000-file
  // workspace 10,000 markdown tooltips cost ~0.5 s to build and more for VS Code to convert (it lexes
  // each MarkdownString to rewrite its links), on the extension host's thread, for rows mostly never
  // hovered (CPU profile of bench:vscode at 10k).
  // A markdown tooltip is not read out: the label says what the icon shows.
  item.accessibilityInformation = { label: node.accessibleLabel };
  item.command = openAt(node.uri, node.line);
  item.contextValue = node.contextValue;
  return item;
}

/** The tooltip of a milestone row: its title, status, progress, file and fields, then its first problems. */
export function resolveMilestoneTooltip(node: MilestoneNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(node.title).appendMarkdown('**\n\n');
  for (const [name, value] of node.details) md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  if (node.problemCount > 0) {
    md.appendMarkdown('\n**').appendText(problemsNote(node.problemCount)).appendMarkdown('**  \n');
    for (const line of node.problemLines) md.appendText(line).appendMarkdown('  \n');
  }
  return md;
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
  if (step.optional === true) return step.state === 'open' ? vscode.l10n.t('optional, not counted') : vscode.l10n.t('optional');
  if (step.state !== 'open') return undefined;
  if (step.inProgress === true) return vscode.l10n.t('in progress');
  if (step.source.kind === 'json-step' && step.source.status && step.source.status !== 'pending') return step.source.status.replace(/_/g, ' ');
  if (step.source.kind === 'table-row' && step.source.cell.startsWith('⚠')) return '⚠️ at risk';
  return undefined;
}

function stepItem(node: StepNode): vscode.TreeItem {
  const { step } = node;
  const item = new vscode.TreeItem(step.text, node.nested ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  const where = `${node.file}:${step.line + 1}${step.section ? ` · ${step.section}` : ''}`;
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
  item.command = openAt(node.uri, step.line);
  return item;
}

function healthItem(node: HealthNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.row.area, vscode.TreeItemCollapsibleState.None);
  item.description = node.row.notes;
  item.iconPath = icon(HEALTH_ICON[node.row.category]);
  item.tooltip = `${node.row.area}: ${node.row.status} ${node.row.notes}`.trim();
  item.command = openAt(node.uri, node.row.line);
  item.contextValue = 'health';
  return item;
}

let numberFormat: Intl.NumberFormat | undefined;
/** Numbers in the display language (`1,000`); made once: `toLocaleString(locale)` makes a formatter per call. */
function numbers(): Intl.NumberFormat {
  numberFormat ??= new Intl.NumberFormat(vscode.env.language);
  return numberFormat;
}

/** The last row of a long group: Enter or a click shows the next rows (`MilestoneTreeProvider.showMore`). */
function moreItem(node: MoreNode): vscode.TreeItem {
  const next = Math.min(GROUP_PAGE, node.total - node.shown);
  const count = (n: number) => numbers().format(n);
  const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more', count(next)), vscode.TreeItemCollapsibleState.None);
  item.description = vscode.l10n.t('{0} of {1} shown', count(node.shown), count(node.total));
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.accessibilityInformation = { label: vscode.l10n.t('Show {0} more milestones; {1} of {2} shown', count(next), count(node.shown), count(node.total)) };
  item.command = { command: CommandId.showMore, title: vscode.l10n.t('Show More Milestones'), arguments: [node] };
  item.contextValue = 'more';
  return item;
}

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

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'folder':
      item = new vscode.TreeItem(node.workspaceFolder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      applyRollup(item, node.workspaceFolder.name, node.rollup);
      item.contextValue = 'folder';
      break;
    case 'group':
      item = new vscode.TreeItem(node.label, node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      applyRollup(item, node.label, node.rollup);
      item.contextValue = 'group';
      break;
    case 'milestone':
      item = milestoneItem(node);
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
    case 'more':
      item = moreItem(node);
      break;
    case 'message':
      item = messageItem(node);
      break;
  }
  item.id = node.id;
  return item;
}
