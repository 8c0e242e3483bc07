import type { Milestone } from '../model';
import type { Problem } from '../problems';
import type { TextPlacer } from './textPlacer';

/**
 * Spec Kit's task ids (`T001`, seen in the reader's `tasks` field, one per step) name one task
 * each: a second task with an id already used is flagged (`spec-kit-duplicate-id`, warning, on the
 * id), since `/implement` and people refer to tasks by id.
 */
export function specKitProblems(file: string, milestones: readonly Milestone[], place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  for (const m of milestones) {
    const ids = m.fields['tasks'];
    if (!Array.isArray(ids)) continue;
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const step = m.steps[i];
      if (typeof id !== 'string' || step === undefined) return;
      const seen = first.get(id);
      if (seen === undefined) { first.set(id, step.line); return; }
      const lineStart = place.lines.lineStart(step.line);
      const at = place.text.indexOf(id, lineStart);
      out.push({
        file, severity: 'warning', code: 'spec-kit-duplicate-id',
        message: `task id ${id} is used again: line ${seen + 1} has it already`,
        range: at >= 0 ? place.range({ start: at, end: at + id.length }) : place.line(step.line),
      });
    });
  }
  return out;
}
