/**
 * Where an action's result is to be seen: the plan's primary file and the first line the plan wrote
 * there, so the extension can open the editor at it (a DECISIONS.md entry, an appended STATUS.md
 * block) or reveal the milestone that holds it in the tree. Pure; nothing here touches a file.
 */
import { applyEdits } from '../text/applyEdits';
import { LineIndex } from '../text/lineIndex';
import type { ChangePlan, FileChange } from './changePlan';

export interface WrittenAt {
  /** The plan's primary file, `/`-separated, relative to the workspace folder. */
  readonly file: string;
  /** 0-based line of the primary file after the plan. */
  readonly line: number;
}

/**
 * The line of the first non-blank character the plan wrote in its primary file (an appended block
 * starts with line breaks, which are skipped; a deletion counts where it was), or 0 for a file the
 * plan creates or only moves. Edits of a file moved to the primary path count on its new text.
 * `textOf` gives the texts the plan was computed from. Null when the plan names no primary file or
 * changes nothing.
 */
export function writtenAt(plan: ChangePlan, textOf: (file: string) => string | null): WrittenAt | null {
  const file = plan.primary;
  if (file === undefined || plan.changes.length === 0) return null;
  const movedFrom = plan.changes.find((c): c is Extract<FileChange, { kind: 'rename' }> => c.kind === 'rename' && c.to === file)?.from;
  const source = movedFrom ?? file;
  const edits = plan.changes.flatMap((c) => (c.kind === 'edit' && c.file === source ? c.edits : []));
  const before = textOf(source);
  if (edits.length === 0 || before === null) return { file, line: 0 };
  // Offsets before the first edit are the same in the new text.
  const first = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)[0]!;
  const lead = first.newText.search(/\S/);
  return { file, line: new LineIndex(applyEdits(before, edits)).lineAt(first.start + Math.max(0, lead)) };
}
