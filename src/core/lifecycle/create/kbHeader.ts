/**
 * The YAML header of a new KB milestone, written from the folder's schema: its required keys in the
 * schema's order and nothing else, each with the value a milestone that has not started holds.
 */
import { flatten, propertySchema } from '../../complete/schemaLookup';
import { writeScalar } from '../../fixes/yamlScalar';
import type { JsonSchema } from '../../schema/schemaTypes';
import { refused, type Refusal } from '../changePlan';

/** What the values come from. */
export interface KbHeaderValues {
  readonly title: string;
  readonly goal: string;
  /** `YYYY-MM-DD`, for date keys. */
  readonly day: string;
  /** For date-time keys. */
  readonly now: Date;
}

/** Status words that mean "not started", in the order they are preferred. */
const NOT_STARTED = /^(?:not[-_ ]?started|planned|pending|todo|to[-_ ]?do|backlog|proposed|open|new|draft)$/i;

/**
 * The header lines (between the `---` fences) for `schema`'s required keys: `status` → the first
 * enum value meaning not started (else the first); `goal` → the goal; `title` → the title; other
 * enums → the first value; `const` / `default` → that; arrays `[]`; objects `{}`; integers and numbers
 * the minimum, else 0; booleans false; dates the day; strings `""` when the schema allows an empty
 * string. Refused (`not-applicable`) when a required key has no such value (a string with a
 * `minLength` or a `pattern` `""` does not match), naming the keys.
 */
export function kbHeaderLines(schema: JsonSchema, values: KbHeaderValues): string[] | Refusal {
  const lines: string[] = [];
  const unfilled: string[] = [];
  for (const key of new Set(flatten(schema, schema).required)) {
    const value = valueFor(key, propertySchema(schema, key) ?? {}, values);
    if (value === undefined) unfilled.push(key);
    else lines.push(`${yamlKey(key)}: ${yamlValue(value)}`);
  }
  if (unfilled.length > 0) {
    return refused(`the folder's schema requires ${unfilled.map((k) => `"${k}"`).join(', ')} with no value a new milestone can take; add a default to the schema or write the file by hand`, 'not-applicable', unfilled);
  }
  return lines;
}

function valueFor(key: string, prop: Readonly<Record<string, unknown>>, values: KbHeaderValues): unknown {
  const name = key.toLowerCase();
  const choices = Array.isArray(prop['enum']) ? prop['enum'] : null;
  if (choices !== null && choices.length > 0) {
    return name === 'status' ? choices.find((c) => typeof c === 'string' && NOT_STARTED.test(c.trim())) ?? choices[0] : choices[0];
  }
  if ('const' in prop) return prop['const'];
  const types = Array.isArray(prop['type']) ? prop['type'] : typeof prop['type'] === 'string' ? [prop['type']] : [];
  const type: unknown = types.find((t) => t !== 'null') ?? types[0] ?? 'string';
  if (type === 'string' && (name === 'goal' || name === 'title') && fits(prop, name === 'goal' ? values.goal : values.title)) return name === 'goal' ? values.goal : values.title;
  if (prop['default'] !== undefined) return prop['default'];
  switch (type) {
    case 'array': return [];
    case 'object': return {};
    case 'integer': case 'number': return typeof prop['minimum'] === 'number' ? prop['minimum'] : 0;
    case 'boolean': return false;
    case 'null': return null;
    default:
      if (prop['format'] === 'date') return values.day;
      if (prop['format'] === 'date-time') return values.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      return fits(prop, '') ? '' : undefined;
  }
}

/** True when the string schema `prop` accepts `s` as far as its length and pattern say. */
function fits(prop: Readonly<Record<string, unknown>>, s: string): boolean {
  if (typeof prop['minLength'] === 'number' && s.length < prop['minLength']) return false;
  if (typeof prop['maxLength'] === 'number' && s.length > prop['maxLength']) return false;
  if (typeof prop['pattern'] !== 'string') return true;
  try {
    return new RegExp(prop['pattern'], 'u').test(s);
  } catch {
    return true;
  }
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A value as one line of YAML: strings plain when that reads back as the same string, else double-quoted; the rest as JSON (flow YAML). */
function yamlValue(value: unknown): string {
  if (typeof value === 'string') return writeScalar(value, '', null, false, true);
  return JSON.stringify(value) ?? 'null';
}
