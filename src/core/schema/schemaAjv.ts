import type Ajv from 'ajv';
import type Ajv2019 from 'ajv/dist/2019';
import type Ajv2020 from 'ajv/dist/2020';
import type AjvCore from 'ajv/dist/core';
import type { ErrorObject } from 'ajv';
import type addFormats from 'ajv-formats';
import { linearRegExp } from './linearRegExp';
import { linearUniqueItems } from './linearUniqueItems';
import type { SchemaError } from './schemaTypes';

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
 * Enums of this many values or more are checked by a loop rather than one comparison per value
 * in the generated code. Why: ajv writes `data === "v0" || data === "v1" || …` otherwise, and
 * compiling that took 43 ms for 1,000 values and 76 s for 160,000 (a 1.3 MB schema file). A loop
 * compiles in constant time and checks a value as fast as a short enum.
 */
const LOOP_ENUM_FROM = 100;

/**
 * A new Ajv for one dialect. `strict: false` because real schemas carry unknown keywords
 * (`examples`, editor hints); `verbose` for `parentSchema` (enum values, descriptions);
 * `allErrors` so one pass reports every problem. No `loadSchema`: Ajv never fetches anything.
 * Costs bounded for schemas nobody vetted: patterns run on RE2 in linear time (`linearRegExp`),
 * `uniqueItems` is checked in linear time (`linearUniqueItems`, also for the meta-schemas), long
 * enums loop (`LOOP_ENUM_FROM`). `code.optimize: false` because ajv's pass over the generated
 * code grows faster than the code: 1,000 `anyOf` branches compiled in 0.86 s with it, 0.19 s
 * without (2,000: 2.6 s against 0.5 s); the checks run as fast either way (400,000 validations
 * against the built-in schemas: 42–85 ms with or without, the spread being run-to-run noise).
 */
export function createAjv(draft: Draft): AjvCore {
  const { Ajv, Ajv2019, Ajv2020, addFormats } = ajvModules();
  const options = { allErrors: true, strict: false, verbose: true, loopEnum: LOOP_ENUM_FROM, code: { regExp: linearRegExp, optimize: false } } as const;
  const ajv: AjvCore = draft === '2020' ? new Ajv2020(options) : draft === '2019' ? new Ajv2019(options) : new Ajv(options);
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword(linearUniqueItems);
  addFormats(ajv);
  return ajv;
}

interface AjvModules {
  readonly Ajv: typeof Ajv;
  readonly Ajv2019: typeof Ajv2019;
  readonly Ajv2020: typeof Ajv2020;
  readonly addFormats: typeof addFormats;
}
let modules: AjvModules | undefined;

/**
 * ajv's three dialects and ajv-formats, loaded when the first schema is compiled. Why not
 * imported: loading them took ~15 ms of every start of the language server and of the extension,
 * before any file needs a schema (the server's first pass reads every file without one).
 */
function ajvModules(): AjvModules {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded when first needed (see above); esbuild bundles them */
  modules ??= {
    Ajv: (require('ajv') as { default: typeof Ajv }).default,
    Ajv2019: (require('ajv/dist/2019') as { default: typeof Ajv2019 }).default,
    Ajv2020: (require('ajv/dist/2020') as { default: typeof Ajv2020 }).default,
    addFormats: (require('ajv-formats') as { default: typeof addFormats }).default,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return modules;
}

/** Ajv's errors reduced to the shared `SchemaError` shape. */
export function toSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaError[] {
  if (!errors) return [];
  return errors.map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    params: e.params as Record<string, unknown>,
    schemaPath: e.schemaPath,
    ...(e.parentSchema !== undefined && typeof e.parentSchema === 'object' ? { parentSchema: e.parentSchema } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
  }));
}
