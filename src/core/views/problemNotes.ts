/** How the tree speaks of a milestone's problems: `2 problems` on its row, their first lines in its tooltip. */
import type { Problem } from '../problems';

/** `2 problems`, or '' without problems. */
export function problemsNote(count: number): string {
  return count === 0 ? '' : `${count} problem${count === 1 ? '' : 's'}`;
}

/** The first few problems as tooltip lines: `Line 3: status "done" is not one of … (schema-enum)`. */
export function problemLines(problems: readonly Problem[], max = 3): string[] {
  const sorted = [...problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const lines = sorted.slice(0, max).map((p) => `Line ${p.range.start.line + 1}: ${p.message} (${p.code})`);
  if (sorted.length > max) lines.push(`… and ${sorted.length - max} more`);
  return lines;
}
