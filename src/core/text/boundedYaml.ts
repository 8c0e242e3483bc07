import { load } from 'js-yaml';

/**
 * How many values a YAML document may expand to once its aliases are followed.
 *
 * Why: js-yaml (like every YAML parser) turns an alias into a second reference to the anchored
 * value, so a 4 KB "billion laughs" header (9 anchors, each a list of ten aliases to the one
 * before) parses in 3 ms into a graph that is 10^9 values wide as a tree. Everything downstream
 * walks it as a tree (copying the strings the index keeps, ajv, JSON.stringify) and ran for
 * 40–120 s before V8 died at its 4 GB heap limit, taking the extension host with it. Real headers
 * and schemas expand to a few hundred values; 100,000 leaves room for any honest use of anchors
 * (a table of a thousand rows that each merge a ten-key default) and stops a bomb before any
 * walk costs more than a few milliseconds.
 */
export const MAX_YAML_EXPANDED_VALUES = 100_000;

/** A YAML document parsed with its aliases bounded, or why it was not. Lines/columns are 0-based in `text`. */
export type BoundedYaml =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'error'; readonly code: 'yaml-syntax' | 'yaml-aliases'; readonly message: string; readonly line: number; readonly column: number };

/**
 * Parses `text` with js-yaml 5 (YAML 1.2 core schema: dates stay strings) and refuses a document
 * whose aliases expand beyond `MAX_YAML_EXPANDED_VALUES`: the error is placed on the first alias
 * (`*name`). The expanded size is counted over the parsed graph with one memo per shared node, so
 * the check costs what the parse did, never what the expansion would. Never throws.
 */
export function loadYamlBounded(text: string, limit = MAX_YAML_EXPANDED_VALUES): BoundedYaml {
  let value: unknown;
  try {
    value = load(text);
  } catch (e) {
    const ex = e as { reason?: string; message?: string; mark?: { line?: number; column?: number } };
    const reason = ex.reason ?? (typeof ex.message === 'string' ? ex.message : String(e)).split('\n')[0];
    return { kind: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${reason}`, line: ex.mark?.line ?? 0, column: ex.mark?.column ?? 0 };
  }
  // Without an alias nothing is shared: the graph is a tree as large as the text.
  if (text.indexOf('*') === -1 || expandedSize(value, limit) <= limit) return { kind: 'ok', value };
  const at = firstAlias(text);
  return {
    kind: 'error', code: 'yaml-aliases', line: at.line, column: at.column,
    message: `YAML aliases expand beyond ${limit.toLocaleString('en-US')} values (a "billion laughs" document); it is not read. Write the values out, or use fewer nested aliases.`,
  };
}

/**
 * The number of values `value` would have as a tree (each alias copied out), counted up to just
 * past `limit`. Shared objects are counted once and their size remembered, so the cost is linear
 * in the distinct nodes; a cycle (js-yaml can build one from a recursive alias) counts as over.
 */
export function expandedSize(value: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const visiting = new Set<object>();
  const over = limit + 1;
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (visiting.has(node)) return over;
    visiting.add(node);
    let total = 1;
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (const child of children) {
      total += size(child);
      if (total > limit) { total = over; break; }
    }
    visiting.delete(node);
    sizes.set(node, total);
    return total;
  };
  return size(value);
}

/** Line and column (0-based) of the first `*alias` outside quotes and comments, else the start. */
function firstAlias(text: string): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { line++; lineStart = i + 1; quote = ''; continue; }
    if (quote !== '') { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
      continue;
    }
    if (c === '*' && (i === lineStart || /[\s,[{:-]/.test(text[i - 1]!)) && /[^\s,[\]{}]/.test(text[i + 1] ?? ' ')) {
      return { line, column: i - lineStart };
    }
  }
  return { line: 0, column: 0 };
}
