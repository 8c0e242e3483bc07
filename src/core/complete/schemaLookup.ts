/**
 * Reading what a JSON Schema says about the keys of an object, for completion and hover: `$ref`s
 * to `#/definitions/…` / `#/$defs/…` resolved within the schema itself, `allOf` / `anyOf` / `oneOf`
 * merged shallowly (own keywords win; properties are the union; only `allOf` adds required keys).
 * Never fetches anything and never throws on an odd schema: what it cannot read it leaves out.
 */
import type { JsonSchema } from '../schema/schemaTypes';

type Obj = Readonly<Record<string, unknown>>;

const MAX_DEPTH = 16;
const COMBINERS = ['allOf', 'anyOf', 'oneOf'] as const;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The target of a local `$ref` (`#`, `#/definitions/a`, `#/$defs/a~1b`), or null. */
function pointer(root: Obj, ref: string): Obj | null {
  if (!ref.startsWith('#')) return null;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) ? node[part] : undefined;
  }
  return isObj(node) ? node : null;
}

/**
 * `node` with its `$ref` chain followed and its combiners merged in: one flat view of what the
 * schema says at that place. `properties` and `required` are always present in the result.
 */
export function flatten(node: unknown, root: JsonSchema, depth = 0): Obj & { properties: Obj; required: readonly string[] } {
  let own: Obj = isObj(node) ? node : {};
  for (let hops = 0; typeof own['$ref'] === 'string' && hops < MAX_DEPTH; hops++) {
    const target = pointer(root, own['$ref']);
    const { $ref: _ref, ...siblings } = own;
    void _ref;
    own = target ? { ...target, ...siblings } : siblings;
  }
  const out: Record<string, unknown> = { ...own };
  const properties: Record<string, unknown> = isObj(own['properties']) ? { ...own['properties'] } : {};
  const required = new Set<string>(Array.isArray(own['required']) ? own['required'].filter((k): k is string => typeof k === 'string') : []);
  if (depth < MAX_DEPTH) {
    for (const combiner of COMBINERS) {
      const members = own[combiner];
      if (!Array.isArray(members)) continue;
      for (const member of members) {
        const m = flatten(member, root, depth + 1);
        for (const [k, v] of Object.entries(m)) if (!(k in out) && k !== 'properties' && k !== 'required') out[k] = v;
        for (const [k, v] of Object.entries(m.properties)) if (!(k in properties)) properties[k] = v;
        if (combiner === 'allOf') for (const k of m.required) required.add(k);
      }
    }
  }
  return { ...out, properties, required: [...required] };
}

/** The flat schema of property `key` of the object `schema` describes, or null when it has none. */
export function propertySchema(schema: JsonSchema, key: string, root: JsonSchema = schema): Obj | null {
  const props = flatten(schema, root).properties;
  return Object.prototype.hasOwnProperty.call(props, key) ? flatten(props[key], root) : null;
}

/** The values a flat property schema allows, when it lists them (`enum`, `const`, boolean), else null. */
export function allowedValues(prop: Obj): readonly unknown[] | null {
  if (Array.isArray(prop['enum'])) return prop['enum'] as unknown[];
  if ('const' in prop) return [prop['const']];
  const type = prop['type'];
  if (type === 'boolean' || (Array.isArray(type) && type.length > 0 && type.every((t) => t === 'boolean' || t === 'null') && type.includes('boolean'))) {
    return [true, false];
  }
  return null;
}

/** A short summary of a flat property schema for people: `planned | in_progress`, `string (date)`, `array of string`. */
export function typeSummary(prop: Obj, root: JsonSchema): string {
  if (Array.isArray(prop['enum'])) return prop['enum'].map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' | ');
  if ('const' in prop) return `const ${JSON.stringify(prop['const'])}`;
  const type = prop['type'];
  const name = Array.isArray(type) ? type.join(' | ') : typeof type === 'string' ? type : '';
  if (name === 'array' && prop['items'] !== undefined) {
    const items = typeSummary(flatten(prop['items'], root), root);
    return items ? `array of ${items.includes(' | ') ? `(${items})` : items}` : 'array';
  }
  return typeof prop['format'] === 'string' ? `${name || 'string'} (${prop['format']})` : name;
}

/** The description of a flat property schema, or ''. */
export function descriptionOf(prop: Obj): string {
  const d = prop['description'] ?? prop['title'];
  return typeof d === 'string' ? d : '';
}

/** True when a flat property schema describes a calendar date. */
export function isDate(prop: Obj): boolean {
  return prop['format'] === 'date';
}
