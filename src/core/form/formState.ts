import type { FileReading } from '../model';
import type { Problem } from '../problems';
import type { JsonSchema } from '../schema/schemaTypes';
import type { FormState } from '../../protocol/formProtocol';

/**
 * What the Milestone Form shows for `file`: per milestone its fields (from the frontmatter / JSON /
 * `**Key:** value` lines, typed by `schema` when there is one: enum → select, `format: date` → date,
 * array → list, else text; with the schema's description and the field's problems), its steps by
 * section, its health rows, and (session JSON) its lists and long texts. `unsupported` with a
 * reason when the form cannot represent the file (unclosed or broken header, unreadable JSON, not
 * a milestone file). Pure; never throws.
 * STUB: implemented by the form core.
 */
export function formStateOf(file: string, text: string, reading: FileReading | null, schema: JsonSchema | null, problems: readonly Problem[]): FormState {
  void text; void reading; void schema; void problems;
  return { kind: 'unsupported', file, reason: 'not implemented' };
}
