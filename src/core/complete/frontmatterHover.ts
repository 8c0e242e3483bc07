/**
 * Hover in a YAML frontmatter header: what the schema says about the key under the cursor (its
 * description, allowed values or type), on the key or on its value.
 */
import type { JsonSchema } from '../schema/schemaTypes';
import { isItem, readKey } from '../fixes/yamlHeaderMap';
import type { HeaderLine } from '../fixes/yamlHeaderMap';
import { readScalar } from '../fixes/yamlScalar';
import type { FrontmatterHover } from './frontmatterCompletion';
import { headerSpot, owningKey } from './headerCursor';
import { allowedValues, descriptionOf, flatten, typeSummary } from './schemaLookup';

type Obj = Readonly<Record<string, unknown>>;

/**
 * Hover at `offset` on a top-level key of the YAML header, or on its value (a list item below it, a
 * nested `child:` key of it): markdown with the schema's description and allowed values, and the
 * range of the key or value hovered. Null outside the header, on a comment, or when the schema says
 * nothing about the key. Offsets index `text` as given (BOM counted when it has one).
 */
export function frontmatterHover(text: string, offset: number, schema: JsonSchema): FrontmatterHover | null {
  const spot = headerSpot(text, offset);
  if (!spot) return null;
  const owner = owningKey(text, spot);
  if (!owner) return null;
  const root = flatten(schema, schema);
  if (!Object.prototype.hasOwnProperty.call(root.properties, owner.entry.key)) return null;
  let name = owner.entry.key;
  let prop = flatten(root.properties[owner.entry.key], schema);
  const line = spot.line;
  let span: readonly [number, number] | null;
  if (line === owner.line || line.start === owner.line.start) {
    span = keyOrValueSpan(text, line, offset);
  } else if (isItem(text, line)) {
    span = valueSpan(text, line, line.first + 1, offset);
  } else {
    const child = readKey(text, line);
    if (!child) return null;
    const sub = flatten(prop, schema).properties;
    if (Object.prototype.hasOwnProperty.call(sub, child.key)) {
      name = `${name}.${child.key}`;
      prop = flatten(sub[child.key], schema);
    }
    span = keyOrValueSpan(text, line, offset);
  }
  if (!span) return null;
  const markdown = describe(name, prop, schema);
  return markdown ? { markdown, start: span[0], end: span[1] } : null;
}

/** The key's span when `offset` is on the key, else the value's span (null in a comment or past it). */
function keyOrValueSpan(text: string, line: HeaderLine, offset: number): readonly [number, number] | null {
  const entry = readKey(text, line);
  if (!entry) return null;
  if (offset < entry.colon) return [entry.keyStart, entry.colon - 1];
  return valueSpan(text, line, entry.colon, offset);
}

/** The value written after `from` on the line, when `offset` is on it (or on the blanks before it). */
function valueSpan(text: string, line: HeaderLine, from: number, offset: number): readonly [number, number] | null {
  let start = from;
  while (start < line.end && (text[start] === ' ' || text[start] === '\t')) start++;
  let end: number;
  if (text[start] === '[') {
    const close = text.indexOf(']', start);
    end = close >= 0 && close < line.end ? close + 1 : line.end;
  } else {
    end = readScalar(text, start, line.end)?.end ?? start;
  }
  return end > start && offset <= end ? [start, end] : null;
}

/** `**status** — Where the milestone stands.\n\nAllowed: planned, in_progress, …`, or '' when the schema says nothing. */
export function describe(name: string, prop: Obj, schema: JsonSchema): string {
  const description = descriptionOf(prop);
  const allowed = allowedValues(prop) ?? allowedValues(flatten(prop['items'], schema));
  const summary = typeSummary(prop, schema);
  const parts: string[] = [];
  if (description) parts.push(`**${name}** — ${description}`);
  else if (summary) parts.push(`**${name}** — ${summary}`);
  else if (!allowed) return '';
  else parts.push(`**${name}**`);
  if (allowed) parts.push(`Allowed: ${allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`);
  else if (description && summary) parts.push(`Type: ${summary}`);
  return parts.join('\n\n');
}
