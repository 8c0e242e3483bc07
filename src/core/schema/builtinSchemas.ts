import type { ConventionId } from '../model';
import type { JsonSchema } from './schemaTypes';
// Bundled as data (esbuild and tsc read JSON): the same files `contributes.jsonValidation` points at.
import execplan from '../../../schemas/execplan-milestone.schema.json';
import kb from '../../../schemas/kb-milestone.schema.json';
import session from '../../../schemas/session-milestone.schema.json';

/** A built-in schema: its name (the file name without `.schema.json`) and content. */
export interface BuiltinSchema {
  readonly name: string;
  readonly schema: JsonSchema;
}

const BUILTIN: Partial<Record<ConventionId, BuiltinSchema>> = {
  'execplan': { name: 'execplan-milestone', schema: execplan },
  'kb': { name: 'kb-milestone', schema: kb },
  'session-json': { name: 'session-milestone', schema: session },
};

/** The built-in schema of a convention (handoffs and STATUS files have none). */
export function builtinSchemaFor(convention: ConventionId): BuiltinSchema | undefined {
  return BUILTIN[convention];
}
