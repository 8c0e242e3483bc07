/**
 * Completion in a YAML frontmatter header from the file's JSON Schema: the keys not yet present at
 * the start of a line, the allowed values after `key: `. JSON files are not handled here: VS Code's
 * own JSON support completes them through `contributes.jsonValidation`.
 */
import { headerKeyLines } from '../frontmatter/headerLines';
import type { JsonSchema } from '../schema/schemaTypes';
import { readKey } from '../fixes/yamlHeaderMap';
import type { HeaderLine } from '../fixes/yamlHeaderMap';
import { looksTyped, plainNeedsQuotes, readScalar } from '../fixes/yamlScalar';
import type { QuoteStyle } from '../fixes/yamlScalar';
import { headerSpot } from './headerCursor';
import { allowedValues, descriptionOf, flatten, isDate, typeSummary } from './schemaLookup';

export { frontmatterHover } from './frontmatterHover';

/** A completion the editor offers in a frontmatter header. */
export interface FrontmatterCompletion {
  readonly label: string;
  readonly kind: 'key' | 'value';
  /** Text to insert (for a key: `key: `; for a value: the value, quoted when needed). */
  readonly insertText: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** Offsets [start, end) of the text the completion replaces. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
}

export interface FrontmatterHover {
  /** Markdown: the key's description and its allowed values. */
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z0-9_$.-]/;

/**
 * Completions at `offset` of `text` inside its YAML header, from `schema`: top-level keys not yet
 * present (on an empty or key position), enum values, `true`/`false`, today's date (`today`,
 * YYYY-MM-DD) for date fields (after `key: `), items of an enum list inside `[a, |]`. [] outside the
 * header. The result is in display order (required keys first, then schema order): give the editor
 * sort texts from the index. Offsets index `text` as given (BOM counted when it has one).
 */
export function frontmatterCompletions(text: string, offset: number, schema: JsonSchema, today: string): FrontmatterCompletion[] {
  const spot = headerSpot(text, offset);
  if (!spot) return [];
  const { line, block } = spot;
  const before = text.slice(line.start, offset);
  if (/^[A-Za-z0-9_$-]*$/.test(before) && text.lastIndexOf(':', line.end - 1) < line.start) {
    let end = offset;
    while (end < line.end && WORD.test(text[end]!)) end++;
    const present = headerKeyLines(text.slice(block.contentStart, block.contentEnd), 1);
    return keyCompletions(schema, present, line.start, end);
  }
  if (line.first !== line.start) return [];
  const entry = readKey(text, line);
  if (!entry || offset < entry.colon) return [];
  const prop = flatten(flatten(schema, schema).properties[entry.key], schema);
  // An empty value: insert at the cursor, with a space when it stands right after the colon.
  if (entry.valueStart === line.end) return valueCompletions(prop, schema, today, '', offset, offset, offset === entry.colon ? ' ' : '');
  if (offset < entry.valueStart) return [];
  if (text[entry.valueStart] === '[') return flowCompletions(text, line, entry.valueStart, offset, prop, schema);
  const quote: QuoteStyle = text[entry.valueStart] === '"' || text[entry.valueStart] === "'" ? (text[entry.valueStart] as QuoteStyle) : '';
  if (quote) {
    const close = text.indexOf(quote, entry.valueStart + 1);
    const end = close >= 0 && close < line.end ? close : line.end;
    if (offset > end || offset === entry.valueStart) return [];
    return valueCompletions(prop, schema, today, quote, entry.valueStart + 1, end, '');
  }
  const token = readScalar(text, entry.valueStart, line.end);
  const end = token ? Math.max(token.end, offset) : offset;
  if (text.slice(entry.valueStart, offset).includes(' #')) return [];
  return valueCompletions(prop, schema, today, '', entry.valueStart, end, '');
}

function keyCompletions(schema: JsonSchema, present: ReadonlyMap<string, unknown>, start: number, end: number): FrontmatterCompletion[] {
  const root = flatten(schema, schema);
  const required = new Set(root.required);
  const keys = Object.keys(root.properties).filter((k) => !present.has(k));
  keys.sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  return keys.map((key) => {
    const prop = flatten(root.properties[key], schema);
    const summary = typeSummary(prop, schema);
    const detail = required.has(key) ? (summary ? `${summary} (required)` : 'required') : summary;
    const documentation = descriptionOf(prop);
    return {
      label: key, kind: 'key' as const, insertText: `${plainNeedsQuotes(key) ? JSON.stringify(key) : key}: `,
      ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}),
      replaceStart: start, replaceEnd: end,
    };
  });
}

/** The values `prop` allows, written for a value position quoted by `quote`, replacing [start, end). */
function valueCompletions(prop: Readonly<Record<string, unknown>>, schema: JsonSchema, today: string, quote: QuoteStyle, start: number, end: number, lead: string): FrontmatterCompletion[] {
  const documentation = descriptionOf(prop);
  const doc = documentation ? { documentation } : {};
  const out: FrontmatterCompletion[] = [];
  for (const v of allowedValues(prop) ?? []) {
    const label = typeof v === 'string' ? v : JSON.stringify(v);
    out.push({ label, kind: 'value', insertText: lead + written(v, quote, false), detail: typeSummary(prop, schema), ...doc, replaceStart: start, replaceEnd: end });
  }
  if (isDate(prop)) out.push({ label: today, kind: 'value', insertText: lead + today, detail: 'today', ...doc, replaceStart: start, replaceEnd: end });
  return out;
}

/** Completions for the item under the cursor in a one-line flow list `[a, |]`: allowed items not yet listed. */
function flowCompletions(text: string, line: HeaderLine, open: number, offset: number, prop: Readonly<Record<string, unknown>>, schema: JsonSchema): FrontmatterCompletion[] {
  const closeAt = text.indexOf(']', open);
  if (closeAt >= 0 && closeAt < line.end && offset > closeAt) return [];
  const items = flatten(prop['items'], schema);
  const allowed = allowedValues(items);
  if (!allowed) return [];
  let start = offset;
  while (start > open + 1 && text[start - 1] !== ',' && text[start - 1] !== '[') start--;
  while (start < offset && text[start] === ' ') start++;
  let end = offset;
  while (end < line.end && text[end] !== ',' && text[end] !== ']') end++;
  while (end > offset && text[end - 1] === ' ') end--;
  const listed = new Set<string>();
  const listEnd = closeAt >= 0 && closeAt < line.end ? closeAt : line.end;
  for (let p = open + 1; p < listEnd;) {
    while (p < listEnd && (text[p] === ' ' || text[p] === ',')) p++;
    const token = readScalar(text, p, listEnd, true);
    if (!token) break;
    if (token.start !== start) listed.add(token.value);
    p = token.end;
  }
  const detail = typeSummary(items, schema);
  return allowed
    .filter((v) => !listed.has(typeof v === 'string' ? v : JSON.stringify(v)))
    .map((v) => ({ label: typeof v === 'string' ? v : JSON.stringify(v), kind: 'value' as const, insertText: written(v, '', true), detail, replaceStart: start, replaceEnd: end }));
}

/** A schema value as YAML text: inside `quote` when the user opened one, else bare unless it must be quoted. */
function written(v: unknown, quote: QuoteStyle, inFlow: boolean): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  if (quote === "'") return v.replace(/'/g, "''");
  if (quote === '"') return JSON.stringify(v).slice(1, -1);
  return plainNeedsQuotes(v, inFlow) || looksTyped(v) ? JSON.stringify(v) : v;
}
