import * as vscode from 'vscode';
import type { NextItemKind } from '../../core/lifecycle/next/nextMilestones';
import { CommandId } from '../commandIds';
import { statusIcon } from '../treeItems';
import type { NextItemNode, NextMilestoneNode, NextNode } from './nextNodes';

const ITEM_ICON: Readonly<Record<NextItemKind, vscode.ThemeIcon>> = {
  blocker: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  next: new vscode.ThemeIcon('arrow-right'),
  step: new vscode.ThemeIcon('circle-large-outline'),
};

const ITEM_LABEL: Readonly<Record<NextItemKind, string>> = {
  blocker: 'Blocker',
  next: 'Asked of the next session',
  step: 'First open step',
};

function openAt(uri: vscode.Uri, line: number): vscode.Command {
  return { command: CommandId.openLocation, title: vscode.l10n.t('Open'), arguments: [uri.toString(), line] };
}

/** `folder · status · awaiting approval · done/total · owner`, leaving out what does not apply. */
export function nextDescription(node: NextMilestoneNode): string {
  const { milestone } = node;
  const parts = [
    node.multiRoot ? node.folder.name : null,
    milestone.status,
    milestone.statusCategory === 'awaiting-approval' ? 'awaiting approval' : null,
    milestone.progress.total > 0 ? `${milestone.progress.done}/${milestone.progress.total}` : null,
    milestone.owner,
  ];
  return parts.filter((p): p is string => p !== null && p !== '').join(' · ');
}

function milestoneItem(node: NextMilestoneNode): vscode.TreeItem {
  const { milestone } = node;
  const item = new vscode.TreeItem(
    milestone.title,
    milestone.items.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.description = nextDescription(node);
  item.iconPath = statusIcon(milestone.statusCategory);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(milestone.title).appendMarkdown('**  \n');
  md.appendText(`${node.multiRoot ? `${node.folder.name}: ` : ''}${milestone.file}:${milestone.line + 1}`);
  item.tooltip = md;
  item.command = openAt(node.uri, milestone.line);
  item.contextValue = `next-milestone ${milestone.convention}`;
  return item;
}

function itemItem(node: NextItemNode): vscode.TreeItem {
  const { item: next, parent } = node;
  const item = new vscode.TreeItem(next.text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = ITEM_ICON[next.kind];
  item.tooltip = `${ITEM_LABEL[next.kind]}: ${next.text}\n${parent.milestone.file}:${next.line + 1}`;
  item.command = openAt(parent.uri, next.line);
  item.contextValue = `next-item ${next.kind}`;
  return item;
}

/** The `TreeItem` for a row of the Next view. */
export function toNextTreeItem(node: NextNode): vscode.TreeItem {
  const item = node.kind === 'milestone' ? milestoneItem(node) : itemItem(node);
  item.id = node.id;
  return item;
}
