import type { FieldValue, FieldView, ProblemView } from '../../../protocol/formProtocol';
import type { JsonSchema } from '../../schema/schemaTypes';
import { descriptionOf, flatten, propertySchema } from '../../complete/schemaLookup';
import type { ProblemClaims } from './problemViews';

type Obj = Readonly<Record<string, unknown>>;
type Kind = FieldView['kind'];

/** Keys whose text is prose rather than a word: shown in a multi-line box. */
const LONG_KEYS = /^(goal|handoff_notes|notes|description|summary|objective|why|purpose|context|outcome)$/i;
const LONG_TEXT = 100;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** What the schema says of the top-level keys: each property's flat schema, and the required keys. */
export interface SchemaFacts {
  property(key: string): Obj | null;
  readonly required: readonly string[];
}

/** The facts of `schema` (null: no schema, so nothing is required and kinds come from the values). */
export function schemaFacts(schema: JsonSchema | null): SchemaFacts {
  if (schema === null) return { property: () => null, required: [] };
  const flat = flatten(schema, schema);
  return { property: (key) => propertySchema(schema, key), required: flat.required };
}

/**
 * The form field for `key` holding `value` (undefined: a required key not in the file yet, shown
 * empty). The kind comes from the schema when the value fits it, else from the value; maps and
 * lists of non-strings are shown as a one-line summary the form does not edit.
 */
export function fieldView(key: string, value: unknown, facts: SchemaFacts, problems: readonly ProblemView[]): FieldView {
  const prop = facts.property(key);
  const required = facts.required.includes(key);
  const description = prop !== null ? descriptionOf(prop) : '';
  const about = { ...(description !== '' ? { description } : {}), required };
  if (value !== undefined && value !== null && !isFieldValue(value)) {
    return { key, kind: 'text', value: summary(value), ...about, editable: false, problems };
  }
  const v: FieldValue = value === undefined ? null : value as FieldValue;
  const fromSchema = prop !== null ? schemaKind(key, prop) : null;
  const kind = fromSchema !== null && fits(fromSchema.kind, v) ? fromSchema.kind : valueKind(key, v);
  const options = kind === 'enum' ? fromSchema?.options : undefined;
  return { key, kind, value: v, ...(options !== undefined ? { options } : {}), ...about, editable: true, problems };
}

/**
 * Empty fields for the schema's required keys not in `present` (nor shown elsewhere, like `steps`),
 * each with its `schema-required` problem.
 */
export function missingRequired(present: readonly string[], facts: SchemaFacts, claims: ProblemClaims, shownElsewhere: readonly string[] = []): FieldView[] {
  return facts.required.filter((k) => !present.includes(k) && !shownElsewhere.includes(k)).map((k) => fieldView(k, undefined, facts, claims.missingKey(k)));
}

function isFieldValue(v: unknown): boolean {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true;
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** The kind a flat property schema asks for, with an enum's options. */
function schemaKind(key: string, prop: Obj): { kind: Kind; options?: readonly string[] } | null {
  if (Array.isArray(prop['enum'])) return { kind: 'enum', options: prop['enum'].map((o) => (typeof o === 'string' ? o : JSON.stringify(o))) };
  if (prop['format'] === 'date') return { kind: 'date' };
  const types = (Array.isArray(prop['type']) ? prop['type'] : [prop['type']]).filter((t) => t !== 'null');
  const type: unknown = types.length === 1 ? types[0] : undefined;
  switch (type) {
    case 'array': return { kind: 'list' };
    case 'integer': case 'number': return { kind: 'number' };
    case 'boolean': return { kind: 'boolean' };
    case 'string': return { kind: LONG_KEYS.test(key) || (typeof prop['maxLength'] === 'number' && prop['maxLength'] > LONG_TEXT) ? 'longText' : 'text' };
    default: return null;
  }
}

/** Whether an input of `kind` can show `v` as it is (null fits every kind: the field is empty). */
function fits(kind: Kind, v: FieldValue): boolean {
  if (v === null) return true;
  switch (kind) {
    case 'list': return Array.isArray(v);
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'date': return typeof v === 'string' && DATE.test(v);
    case 'enum': case 'text': case 'longText': return typeof v === 'string';
  }
}

/** The kind a value asks for without a schema. */
export function valueKind(key: string, v: FieldValue): Kind {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') {
    if (DATE.test(v)) return 'date';
    if (LONG_KEYS.test(key) || v.length > LONG_TEXT || v.includes('\n')) return 'longText';
  }
  return 'text';
}

/** A readable one-line summary of a map or an odd list: `issue: "", docs: https://…`. */
export function summary(v: unknown): string {
  if (Array.isArray(v)) return v.map(scalarText).join(', ');
  if (v !== null && typeof v === 'object') {
    return Object.entries(v as Obj).map(([k, x]) => `${k}: ${scalarText(x)}`).join(', ');
  }
  return scalarText(v);
}

function scalarText(x: unknown): string {
  if (typeof x === 'string') return x === '' ? '""' : x;
  if (typeof x === 'number' || typeof x === 'boolean' || x === null) return String(x);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- String() only sees what JSON.stringify skips: undefined, functions, symbols
  return JSON.stringify(x) ?? String(x);
}
