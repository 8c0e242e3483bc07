import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

/**
 * `uniqueItems` in linear time, for ajv in place of its own (`ajv.removeKeyword('uniqueItems')`).
 *
 * Why: ajv compares items pairwise with a deep equal unless the schema says every item is a
 * string, number or boolean, so its check is O(n²): a header list of 50,000 small mappings under
 * `uniqueItems: true` took 218 s. The meta-schemas use `uniqueItems` too (draft-07's `enum`), so a
 * schema with a 50,000-value enum took 6 s to be checked before it was compiled. Here each item
 * gets a canonical key (JSON with sorted keys, types kept apart) and a map finds repeats: 50,000
 * items take milliseconds.
 *
 * Same contract as ajv's: the error has keyword `uniqueItems` and params `{ i, j }`, the last item
 * that repeats an earlier one and the nearest earlier one (j < i), as ajv's pairwise check reports.
 * Differences: NaN equals NaN here (never in ajv); data nested too deep to key (beyond the stack)
 * is taken as unique rather than failing the whole validation.
 */
export const linearUniqueItems: FuncKeywordDefinition = {
  keyword: 'uniqueItems',
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate: uniqueItems,
};

function uniqueItems(this: unknown, schema: boolean, data: readonly unknown[]): boolean {
  const self = uniqueItems as SchemaValidateFunction;
  self.errors = [];
  if (!schema || data.length < 2) return true;
  const last = new Map<string, number>();
  let found: { i: number; j: number } | undefined;
  try {
    data.forEach((item, i) => {
      const key = canonicalKey(item);
      const j = last.get(key);
      if (j !== undefined) found = { i, j };
      last.set(key, i);
    });
  } catch {
    return true;
  }
  if (found === undefined) return true;
  self.errors = [{ keyword: 'uniqueItems', params: found, message: `must NOT have duplicate items (items ## ${found.j} and ${found.i} are identical)` }];
  return false;
}

/**
 * A string equal for two values exactly when ajv's deep equal holds: key order of mappings does not
 * count, `1` and `"1"` differ, arrays and mappings with the same entries differ. Dates and other
 * objects with a value of their own compare by that value and their class.
 */
export function canonicalKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (typeof value.valueOf === 'function' && value.valueOf !== Object.prototype.valueOf) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an own valueOf (Date, boxed primitives) returns a primitive
    return `${Object.prototype.toString.call(value)}:${String(value.valueOf())}`;
  }
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonicalKey(record[k])}`).join(',')}}`;
}
