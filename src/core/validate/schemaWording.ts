/**
 * Wording of schema problems for people: the name of a value by its path, what a value is, what
 * a type or a format asks for.
 */

/** `status`, `links.issue`, `steps[2].status`; `where` (e.g. "the header") for the root. */
export function labelOf(path: readonly (string | number)[], where: string): string {
  if (path.length === 0) return where;
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Whether the file is YAML (lists and mappings) or JSON (arrays and objects), for the words used. */
export type Flavor = 'yaml' | 'json';

/** What a value is, after "not": `the string "3"`, `the number 3`, `a list`, `nothing`. */
export function describeValue(v: unknown, flavor: Flavor): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return `the string ${quote(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return flavor === 'yaml' ? 'a list' : 'an array';
  return flavor === 'yaml' ? 'a mapping' : 'an object';
}

const TYPE_WORDS: Record<string, [yaml: string, json: string]> = {
  string: ['a string', 'a string'],
  integer: ['an integer', 'an integer'],
  number: ['a number', 'a number'],
  boolean: ['true or false', 'true or false'],
  array: ['a list', 'an array'],
  object: ['a mapping of keys to values', 'an object'],
  null: ['empty', 'null'],
};

/** `an integer`, `a string or empty` for a `type` keyword's value. */
export function typeWords(type: unknown, flavor: Flavor): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)]?.[flavor === 'yaml' ? 0 : 1] ?? String(t)).join(' or ');
}

/** What a `format` asks for, e.g. `a date like 2026-05-05` (the example is today). */
export function formatWords(format: string, today: string): string {
  switch (format) {
    case 'date': return `a date like ${today}`;
    case 'date-time': return `a date and time like ${today}T14:30:00Z`;
    case 'time': return 'a time like 14:30:00Z';
    case 'email': return 'an email address';
    case 'uri': case 'url': case 'uri-reference': return 'a URL like https://example.com/x';
    case 'duration': return 'a duration like P3D';
    default: return `a valid ${format}`;
  }
}

/** A value as written in a message: strings in double quotes, the rest as JSON. Long values are cut. */
export function quote(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…${s.startsWith('"') ? '"' : ''}` : s;
}

/** `minLength` → `min-length`, for problem codes. */
export function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
