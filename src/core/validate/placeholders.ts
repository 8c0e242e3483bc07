import type { JsonSchema } from '../schema/schemaTypes';
import type { Flavor } from './schemaWording';

/**
 * The placeholder value (YAML or JSON text, quoted as needed) a missing required key is added
 * with: the first enum value, today for a date, `""` for a string, `[]`, `{}`, the minimum (else 0)
 * for numbers, `false` for booleans.
 */
export function placeholderFor(schema: JsonSchema | undefined, flavor: Flavor, today: string): string {
  const s = schema ?? {};
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return literal(s['enum'][0], flavor);
  if (Object.prototype.hasOwnProperty.call(s, 'const')) return literal(s['const'], flavor);
  if (s['default'] !== undefined) return literal(s['default'], flavor);
  const type: unknown = Array.isArray(s['type']) ? s['type'][0] : s['type'];
  if (s['format'] === 'date') return literal(today, flavor);
  if (s['format'] === 'date-time') return literal(`${today}T00:00:00Z`, flavor);
  switch (type) {
    case 'array': return '[]';
    case 'object': return '{}';
    case 'integer': case 'number': return String(typeof s['minimum'] === 'number' ? s['minimum'] : 0);
    case 'boolean': return 'false';
    case 'null': return 'null';
    default: return '""';
  }
}

/** A value as YAML (plain when that reads back as the same string) or JSON text. */
function literal(v: unknown, flavor: Flavor): string {
  if (typeof v !== 'string') return JSON.stringify(v) ?? '""';
  if (flavor === 'json') return JSON.stringify(v);
  // Plain YAML scalars that js-yaml 5 reads back as this same string; dates stay strings there.
  const plain = /^[A-Za-z_][\w./-]*$/.test(v) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(v);
  return plain || /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : JSON.stringify(v);
}
