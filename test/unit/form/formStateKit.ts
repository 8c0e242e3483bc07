import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { formStateOf } from '../../../src/core/form/formState';
import type { Problem } from '../../../src/core/problems';
import type { JsonSchema } from '../../../src/core/schema/schemaTypes';
import { builtinSchemaFor } from '../../../src/core/schema/builtinSchemas';
import type { FieldView, FormState, ProblemView, StepView } from '../../../src/protocol/formProtocol';
import type { ConventionId, StepKind, StepState } from '../../../src/core/model';

/** The form state of `text` read as `file`, with the convention's built-in schema when `schema` is true. */
export function stateOf(file: string, text: string, schema: boolean, problems: readonly Problem[] = []): FormState {
  const reading = readMilestoneFile(file, text);
  const s: JsonSchema | null = schema && reading !== null ? builtinSchemaFor(reading.convention)?.schema ?? null : null;
  return formStateOf(file, text, reading, s, problems);
}

/** A problem of `file` starting on 0-based `line`. */
export function problem(file: string, code: string, line: number, message = `${code} here`, extra: Partial<Problem> = {}): Problem {
  return { file, severity: 'error', code, message, range: { start: { line, character: 0 }, end: { line, character: 1 } }, ...extra };
}

/** How the form shows `problem(…)`. */
export function shown(code: string, line: number, message = `${code} here`): ProblemView {
  return { severity: 'error', code, message, line };
}

/** An editable field without schema facts; `more` adds or overrides. */
export function field(key: string, kind: FieldView['kind'], value: FieldView['value'], more: Partial<FieldView> = {}): FieldView {
  return { key, kind, value, required: false, editable: true, problems: [], ...more };
}

/** A step row. */
export function step(line: number, text: string, section: string | null, kind: StepKind, state: StepState, more: Partial<StepView> = {}): StepView {
  return { ref: { line, text, section, kind }, text, state, kind, depth: 0, problems: [], ...more };
}

/** The form of a file, for deepEqual. */
export function form(file: string, convention: ConventionId, milestones: unknown[], problems: ProblemView[] = []): FormState {
  return { kind: 'form', file, convention, milestones, problems } as FormState;
}
