/**
 * The status words a milestone may be set to: what its schema allows, else what its convention
 * writes (seeds 000–004). Also which of them means done, and which means "being worked on".
 */
import { allowedValues, propertySchema } from '../../complete/schemaLookup';
import { normaliseStatus } from '../../conventions/status';
import type { ConventionId } from '../../model';
import type { JsonSchema } from '../../schema/schemaTypes';

const DEFAULTS: Readonly<Record<ConventionId, readonly string[]>> = {
  'execplan': ['planned', 'in_progress', 'completed', 'blocked', 'archived'],
  'kb': ['not-started', 'in-progress', 'completed'],
  'session-json': ['pending', 'in_progress', 'blocked', 'completed', 'abandoned'],
  'status-md': ['PLANNED', 'IN PROGRESS', 'COMPLETE', 'BLOCKED'],
  'handoff': [],
  'codex-plan': [],
  'kiro': [],
  'spec-kit': [],
};

/**
 * The values `status` may take: the string members of the schema's `status` enum (after `$ref`s and
 * `allOf` are followed) when it lists any, else the convention's defaults: ExecPlan planned /
 * in_progress / completed / blocked / archived; KB not-started / in-progress / completed; session
 * JSON pending / in_progress / blocked / completed / abandoned; STATUS.md PLANNED / IN PROGRESS /
 * COMPLETE / BLOCKED; handoffs none (a handoff note has no status to set).
 */
export function statusValues(convention: ConventionId, schema: JsonSchema | null): readonly string[] {
  if (DEFAULTS[convention].length === 0) return []; // no status is written: handoffs, Codex plans, Kiro and Spec Kit tasks
  const prop = schema !== null ? propertySchema(schema, 'status') : null;
  const listed = prop !== null ? (allowedValues(prop) ?? []).filter((v): v is string => typeof v === 'string') : [];
  return listed.length > 0 ? listed : DEFAULTS[convention];
}

/** The value of `values` that means done (`completed`, `complete`, `done`, else any done word but `archived`), or null. */
export function doneValueOf(values: readonly string[]): string | null {
  return values.find((v) => /^(?:completed|complete|done)$/i.test(v.trim()))
    ?? values.find((v) => normaliseStatus(v) === 'done' && !/^archived$/i.test(v.trim()))
    ?? null;
}

/** The value of `values` that means being worked on (`in_progress`, `in-progress`, `IN PROGRESS` …), or null. */
export function activeValueOf(values: readonly string[]): string | null {
  return values.find((v) => /^in[\s_-]?progress$/i.test(v.trim())) ?? values.find((v) => normaliseStatus(v) === 'active') ?? null;
}

/** The member of `values` that `wanted` names (exactly, else ignoring case, spaces, `_` and `-`), or null. */
export function matchStatus(values: readonly string[], wanted: string): string | null {
  const key = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, '-');
  return values.find((v) => v === wanted) ?? values.find((v) => key(v) === key(wanted)) ?? null;
}
