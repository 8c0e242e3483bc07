import type { Problem } from '../core/problems';
import type { ProblemStore } from './problemStore';
import type { MilestoneNode } from './treeNodes';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** The shown problems that belong to a milestone row. In-memory only: the tree never does I/O. */
export type ProblemLookup = (node: MilestoneNode) => readonly Problem[];

/**
 * A file's problems, split between its milestones when it holds several (STATUS.md): a milestone
 * owns the lines from its own line to the next milestone's; the first also owns the lines above it.
 */
export function problemLookup(store: ProblemStore, service: WorkspaceIndexService): ProblemLookup {
  return (node) => {
    const all = store.problemsOf(node.uri).problems;
    if (all.length === 0) return all;
    const lines = (service.index.get(node.folder.uri.toString(), node.milestone.file)?.milestones ?? []).map((m) => m.line).sort((a, b) => a - b);
    if (lines.length <= 1) return all;
    const start = node.milestone.line;
    const next = lines.find((l) => l > start) ?? Number.POSITIVE_INFINITY;
    const first = lines[0] === start;
    return all.filter((p) => (first || p.range.start.line >= start) && p.range.start.line < next);
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
