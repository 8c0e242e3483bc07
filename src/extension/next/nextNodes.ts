import * as vscode from 'vscode';
import type { NextItem, NextMilestone } from '../../core/lifecycle/next/nextMilestones';
import type { FolderNext } from '../../protocol/viewProtocol';

/** A row of the Next view. Plain data built from the server's answer; `id` is stable across refreshes. */
export type NextNode = NextMilestoneNode | NextItemNode;

/** A milestone in progress. */
export interface NextMilestoneNode {
  readonly kind: 'milestone';
  readonly id: string;
  readonly folder: vscode.WorkspaceFolder;
  /** True when several workspace folders are open: the row names its folder. */
  readonly multiRoot: boolean;
  readonly uri: vscode.Uri;
  readonly milestone: NextMilestone;
}

/** A blocker, a `next_session_should` entry or the first open step of a milestone. */
export interface NextItemNode {
  readonly kind: 'item';
  readonly id: string;
  readonly parent: NextMilestoneNode;
  readonly item: NextItem;
}

/** One row per milestone in progress, folder by folder in workspace order (`lists`: the server's, by folder URI). */
export function nextRootNodes(folders: readonly vscode.WorkspaceFolder[], lists: readonly FolderNext[]): NextMilestoneNode[] {
  const multiRoot = folders.length > 1;
  const nodes: NextMilestoneNode[] = [];
  for (const folder of folders) {
    const key = folder.uri.toString();
    const seen = new Map<string, number>();
    for (const milestone of lists.find((l) => l.folder === key)?.milestones ?? []) {
      // Title, not line: a row keeps its id (and its expanded state) when lines above it change.
      const base = `${key}/${milestone.file}#${milestone.id ?? milestone.title}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const uri = vscode.Uri.joinPath(folder.uri, ...milestone.file.split('/'));
      nodes.push({ kind: 'milestone', id: `next:${base}#${n}`, folder, multiRoot, uri, milestone });
    }
  }
  return nodes;
}

/** The rows under a milestone: its items, in the order the core gives them. */
export function nextItemNodes(parent: NextMilestoneNode): NextItemNode[] {
  return parent.milestone.items.map((item, i) => ({ kind: 'item', id: `${parent.id}/${i}`, parent, item }));
}
