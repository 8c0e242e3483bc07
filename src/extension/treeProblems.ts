import { ownedByMilestone } from '../core/milestoneAtLine';
import type { Problem } from '../core/problems';
import type { ServedProblems } from './servedProblems';
import type { MilestoneNode } from './treeNodes';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** The shown problems that belong to a milestone row. In-memory only: the tree never does I/O. */
export type ProblemLookup = (node: MilestoneNode) => readonly Problem[];

/**
 * A file's problems, split between its milestones (`ownedByMilestone`): each milestone shows the
 * problems on the lines it owns; problems on the file's own lines (above a STATUS.md's first
 * milestone) are on no row.
 */
export function problemLookup(served: ServedProblems, service: WorkspaceIndexService): ProblemLookup {
  return (node) => {
    const all = served.problemsOf(node.uri);
    if (all.length === 0) return all;
    const milestones = service.index.get(node.folder.uri.toString(), node.milestone.file)?.milestones ?? [node.milestone];
    return ownedByMilestone(milestones, node.milestone, all, (p) => p.range.start.line);
  };
}

/** `· 2 problems`, or '' without problems. */
export function problemsNote(problems: readonly Problem[]): string {
  return problems.length === 0 ? '' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
}

/** The first few problems as tooltip lines: `line 3: status "done" is not one of …`. */
export function problemLines(problems: readonly Problem[], max = 3): string[] {
  const sorted = [...problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const lines = sorted.slice(0, max).map((p) => `Line ${p.range.start.line + 1}: ${p.message} (${p.code})`);
  if (sorted.length > max) lines.push(`… and ${sorted.length - max} more`);
  return lines;
}
