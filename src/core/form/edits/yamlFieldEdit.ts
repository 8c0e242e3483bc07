/**
 * Setting a top-level key of a YAML frontmatter header from the form: a scalar keeps its quoting
 * style (a string that needs quotes gets double quotes), a list is written as a flow list `[a, b]`
 * when it was one or was empty and as block lines when it was a block list, null empties the value
 * (`key:`), and a missing key is added at the end of the header. Comments, key order and the other
 * lines are never touched.
 */
import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';
import { childLines, headerLineList, isItem, isQuiet, readKey, topKeyIndex } from '../../fixes/yamlHeaderMap';
import type { HeaderLine } from '../../fixes/yamlHeaderMap';
import { yamlAddKey } from '../../fixes/yamlKeyFixes';
import { looksTyped, readScalar, writeScalar } from '../../fixes/yamlScalar';
import type { QuoteStyle, ScalarToken } from '../../fixes/yamlScalar';
import type { FieldValue } from '../../../protocol/formProtocol';
import type { EditOutcome, TextEdit } from '../../model';

type Current =
  | { readonly kind: 'empty' }
  | { readonly kind: 'scalar'; readonly token: ScalarToken }
  | { readonly kind: 'flow'; readonly open: number; readonly close: number; readonly items: ScalarToken[] }
  | { readonly kind: 'block'; readonly lines: HeaderLine[]; readonly items: ScalarToken[] };

/** The edits setting `key` to `value` in the YAML header of `text`. */
export function setYamlField(text: string, key: string, value: FieldValue): EditOutcome {
  const split = splitFrontmatter(text);
  if (split.kind === 'error') return { kind: 'refused', reason: 'the header is not closed; add the closing `---` line in the text editor first' };
  if (split.kind === 'none') return { kind: 'refused', reason: `the file has no frontmatter header to hold "${key}"` };
  if (split.kind === 'toml') return { kind: 'refused', reason: 'the form does not edit TOML headers yet; edit it in the text editor' };
  const lines = headerLineList(text, split.contentStart, split.contentEnd);
  const index = topKeyIndex(text, lines, key);
  if (index < 0) {
    if (value === null) return { kind: 'ok', edits: [] };
    const edit = yamlAddKey(text, key, Array.isArray(value) ? flowText(value, '"') : scalarText(value as string | number | boolean));
    return edit ? { kind: 'ok', edits: [edit] } : { kind: 'refused', reason: `"${key}" could not be added to the header` };
  }
  const line = lines[index]!;
  const entry = readKey(text, line)!;
  const current = currentValue(text, lines, index, line, entry.valueStart);
  if (current === null) return { kind: 'refused', reason: `"${key}" holds a value the form cannot edit (a map or a multi-line text); edit it in the text editor` };
  const eol = text.charCodeAt(split.contentStart - 2) === 13 ? '\r\n' : '\n';
  const afterColon = (newText: string): TextEdit => ({ start: entry.colon, end: entry.valueStart, newText: ' ' + newText + (entry.valueStart < line.end ? ' ' : '') });
  const edits: TextEdit[] = [];
  if (current.kind === 'block' && !(Array.isArray(value) && value.length > 0)) {
    edits.push({ start: current.lines[0]!.start, end: lineNext(text, current.lines.at(-1)!), newText: '' });
  }
  if (value === null) {
    if (current.kind === 'scalar') edits.push({ start: entry.colon, end: current.token.end, newText: '' });
    if (current.kind === 'flow') edits.push({ start: entry.colon, end: current.close + 1, newText: '' });
  } else if (!Array.isArray(value)) {
    const scalar = value as string | number | boolean;
    if (current.kind === 'scalar') {
      const { token } = current;
      if (token.value === String(scalar)) return { kind: 'ok', edits: [] };
      const asString = typeof scalar !== 'string' ? false : !(token.quote === '' && looksTyped(token.value) && looksTyped(scalar));
      edits.push({ start: token.start, end: token.end, newText: writeScalar(String(scalar), token.quote, token.quote === '' ? token.value : null, false, asString) });
    } else if (current.kind === 'flow') {
      edits.push({ start: current.open, end: current.close + 1, newText: scalarText(scalar) });
    } else {
      edits.push(afterColon(scalarText(scalar)));
    }
  } else {
    const items = value as readonly string[];
    if (current.kind === 'flow' || current.kind === 'block') {
      const old = current.items;
      if (old.length === items.length && old.every((t, i) => t.value === items[i])) return { kind: 'ok', edits: [] };
      if (old.length === items.length) {
        old.forEach((t, i) => {
          if (t.value !== items[i]) edits.push({ start: t.start, end: t.end, newText: writeScalar(items[i]!, t.quote, t.quote === '' ? t.value : null, current.kind === 'flow', true) });
        });
      } else if (current.kind === 'flow') {
        edits.push({ start: current.open, end: current.close + 1, newText: flowText(items, old[0]?.quote ?? '') });
      } else if (items.length === 0) {
        edits.push(afterColon('[]'));
      } else {
        edits.push(blockRewrite(text, current, items, eol));
      }
    } else if (current.kind === 'scalar') {
      edits.push({ start: current.token.start, end: current.token.end, newText: flowText(items, current.token.quote) });
    } else {
      edits.push(afterColon(flowText(items, '')));
    }
  }
  return { kind: 'ok', edits };
}

/** What the key holds now, or null for what the form cannot edit. */
function currentValue(text: string, lines: readonly HeaderLine[], index: number, line: HeaderLine, valueStart: number): Current | null {
  const children = childLines(text, lines, index).filter((l) => !isQuiet(text, l));
  if (valueStart === line.end || text[valueStart] === '#') {
    if (children.length === 0) return { kind: 'empty' };
    if (!children.every((l) => isItem(text, l) && l.first - l.start === children[0]!.first - children[0]!.start)) return null;
    const items: ScalarToken[] = [];
    for (const l of children) {
      let v = l.first + 1;
      while (v < l.end && (text[v] === ' ' || text[v] === '\t')) v++;
      const token = readScalar(text, v, l.end);
      if (!token) return null;
      items.push(token);
    }
    return { kind: 'block', lines: children, items };
  }
  if (children.length > 0) return null;
  if (text[valueStart] === '[') {
    const items: ScalarToken[] = [];
    let i = valueStart + 1;
    for (;;) {
      while (i < line.end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === ']') return { kind: 'flow', open: valueStart, close: i, items };
      const token = readScalar(text, i, line.end, true);
      if (!token) return null;
      items.push(token);
      i = token.end;
      while (i < line.end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === ',') i++;
      else if (text[i] !== ']') return null;
    }
  }
  const token = readScalar(text, valueStart, line.end);
  return token ? { kind: 'scalar', token } : null;
}

/** A scalar for a new value: bare when YAML reads it back as the same value, else double-quoted. */
function scalarText(value: string | number | boolean): string {
  return writeScalar(String(value), '', null, false, typeof value === 'string');
}

/** A flow list `[a, b]`, items in `style` quotes (bare ones quoted only where needed). */
function flowText(items: readonly string[], style: QuoteStyle): string {
  return `[${items.map((s) => writeScalar(s, style, null, true, true)).join(', ')}]`;
}

/** Where the line after `line` starts. */
function lineNext(text: string, line: HeaderLine): number {
  const nl = text.indexOf('\n', line.end);
  return nl < 0 ? text.length : nl + 1;
}

/** Block list lines for `items` replacing the old ones, written like the first old item (indent, dash, spaces, quotes). */
function blockRewrite(text: string, current: Extract<Current, { kind: 'block' }>, items: readonly string[], eol: string): TextEdit {
  const first = current.lines[0]!;
  const token = current.items[0]!;
  const prefix = text.slice(first.start, token.start);
  let keep = 0;
  while (keep < current.items.length && keep < items.length && current.items[keep]!.value === items[keep]) keep++;
  const start = keep < current.lines.length ? current.lines[keep]!.start : lineNext(text, current.lines.at(-1)!);
  const end = lineNext(text, current.lines.at(-1)!);
  const written = items.slice(keep).map((s) => prefix + writeScalar(s, token.quote, null, false, true) + eol).join('');
  // A last item without a line break (header ends right there) cannot happen: the closing fence follows.
  return { start, end, newText: written };
}
