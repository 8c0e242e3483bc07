import type { HealthRowView, StepGroupView, StepView } from '../../../protocol/formProtocol';
import { refOf, type Milestone, type Step } from '../../model';
import type { JsonStepInfo } from './sessionJsonParts';
import type { ProblemClaims } from './problemViews';

/**
 * The steps grouped by section, groups in the order their first step appears, steps in file order.
 * A group can take new steps when it holds task items or JSON steps; not when it is only table rows
 * or only criteria without a checkbox. A step's problems are those on its line (a JSON step: on any
 * line of its element).
 */
export function stepGroups(steps: readonly Step[], json: readonly JsonStepInfo[], claims: ProblemClaims): StepGroupView[] {
  const groups = new Map<string | null, StepView[]>();
  for (const step of [...steps].sort((a, b) => a.line - b.line)) {
    let list = groups.get(step.section);
    if (list === undefined) { list = []; groups.set(step.section, list); }
    list.push(stepView(step, json, claims));
  }
  return [...groups].map(([section, views]) => ({
    section, steps: views,
    canAdd: views.some((v) => v.kind === 'task' || v.kind === 'json-step'),
  }));
}

function stepView(step: Step, json: readonly JsonStepInfo[], claims: ProblemClaims): StepView {
  const base = { ref: refOf(step), text: step.text, state: step.state, kind: step.source.kind, depth: step.depth };
  if (step.source.kind !== 'json-step') return { ...base, problems: claims.lines(step.line, step.line) };
  const info = json[step.source.index];
  if (info === undefined) return { ...base, problems: claims.lines(step.line, step.line) };
  const { firstLine, lastLine, ...shown } = info;
  return { ...base, ...shown, problems: claims.lines(firstLine, lastLine) };
}

/** The health rows of a milestone, or null when it has no health table. */
export function healthRows(m: Milestone): HealthRowView[] | null {
  if (m.health.length === 0) return null;
  return m.health.map((h) => ({ ref: { line: h.line, area: h.area }, area: h.area, status: h.status, notes: h.notes }));
}
