import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type AjvCore from 'ajv/dist/core';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema, SchemaError } from './schemaTypes';

/** The JSON Schema dialects the registry compiles; anything else is read as draft-07. */
export type Draft = '07' | '2019' | '2020';

/** The dialect a schema declares with `$schema`. */
export function draftOf(schema: unknown): Draft {
  const s = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>)['$schema'] : undefined;
  if (typeof s !== 'string') return '07';
  if (s.includes('2020-12')) return '2020';
  if (s.includes('2019-09')) return '2019';
  return '07';
}

/**
 * A new Ajv for one dialect. `strict: false` because real schemas carry unknown keywords
 * (`examples`, editor hints); `verbose` for `parentSchema` (enum values, descriptions);
 * `allErrors` so one pass reports every problem. No `loadSchema`: Ajv never fetches anything.
 */
export function createAjv(draft: Draft): AjvCore {
  const options = { allErrors: true, strict: false, verbose: true } as const;
  const ajv: AjvCore = draft === '2020' ? new Ajv2020(options) : draft === '2019' ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** Ajv's errors reduced to the shared `SchemaError` shape. */
export function toSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaError[] {
  if (!errors) return [];
  return errors.map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    params: e.params as Record<string, unknown>,
    schemaPath: e.schemaPath,
    ...(e.parentSchema !== undefined && typeof e.parentSchema === 'object' ? { parentSchema: e.parentSchema as JsonSchema } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
  }));
}
