/**
 * Quick-fix edits on a YAML frontmatter header: replace a scalar, add a key, set a key. Each edit
 * touches only the value token (or inserts one line), so quoting, comments, indentation, key order,
 * line endings and the BOM survive.
 */
import { splitFrontmatter } from '../frontmatter/splitFrontmatter';
import type { TextEdit } from '../model';
import { childLines, headerLineList, isQuiet, readKey, locateScalar, topKeyIndex } from './yamlHeaderMap';
import type { HeaderLine } from './yamlHeaderMap';
import { decodeYamlText, looksTyped, plainNeedsQuotes, readScalar, writeScalar } from './yamlScalar';

/** An edit and the value it replaces (null when the key was empty or absent). */
export interface ValueEdit {
  readonly edit: TextEdit;
  readonly old: string | null;
}

interface Header {
  readonly lines: HeaderLine[];
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** The lines of the closed YAML header of `text`, or null. */
function yamlHeader(text: string): Header | null {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml') return null;
  return { lines: headerLineList(text, split.contentStart, split.contentEnd), contentStart: split.contentStart, contentEnd: split.contentEnd };
}

/**
 * Replaces the scalar at `path` with `value` (a plain string, written in the old token's quoting
 * style; quoted when bare would not read back as that string). Null when there is no such scalar
 * or it already says `value`.
 */
export function yamlReplaceValue(text: string, path: readonly (string | number)[], value: string): ValueEdit | null {
  const header = yamlHeader(text);
  const found = header && locateScalar(text, header.lines, path);
  if (!found || found.token.value === value) return null;
  const { token, inFlow } = found;
  const newText = writeScalar(value, token.quote, token.quote === '' ? token.value : null, inFlow);
  return { edit: { start: token.start, end: token.end, newText }, old: token.value };
}

/**
 * Adds the line `key: valueText` (YAML text, used as given) at the end of the header, before the
 * closing fence, with the header's line ending. Null when there is no closed YAML header or the key
 * is already there.
 */
export function yamlAddKey(text: string, key: string, valueText: string): TextEdit | null {
  const header = yamlHeader(text);
  if (!header || topKeyIndex(text, header.lines, key) >= 0) return null;
  const eol = text.charCodeAt(header.contentStart - 2) === 13 ? '\r\n' : '\n';
  const name = plainNeedsQuotes(key) || looksTyped(key) ? JSON.stringify(key) : key;
  const line = valueText === '' ? `${name}:` : `${name}: ${valueText}`;
  return { start: header.contentEnd, end: header.contentEnd, newText: line + eol };
}

/**
 * Sets top-level `key` to `valueText` (YAML text; `"60"` means the string, `60` the number): replaces
 * its scalar in the old quoting style, fills an empty value, or adds the key when it is missing.
 * Null when the key already says that, or holds a list or map.
 */
export function yamlSetKey(text: string, key: string, valueText: string): ValueEdit | null {
  const header = yamlHeader(text);
  if (!header) return null;
  const index = topKeyIndex(text, header.lines, key);
  if (index < 0) {
    const edit = yamlAddKey(text, key, valueText);
    return edit && { edit, old: null };
  }
  const line = header.lines[index]!;
  const entry = readKey(text, line)!;
  const wanted = decodeYamlText(valueText);
  if (entry.valueStart === line.end || text[entry.valueStart] === '#') {
    if (childLines(text, header.lines, index).some((l) => !isQuiet(text, l))) return null;
    return { edit: { start: entry.colon, end: entry.colon, newText: ' ' + valueText.trim() }, old: null };
  }
  const found = locateScalar(text, header.lines, [key]);
  if (!found || found.token.value === wanted.value) return null;
  const { token } = found;
  // A quoted hint means a string; a bare one that YAML types (60, true) means the typed value.
  const asString = wanted.quoted ? true : looksTyped(wanted.value) ? false : undefined;
  const newText = writeScalar(wanted.value, token.quote, token.quote === '' ? token.value : null, false, asString);
  return { edit: { start: token.start, end: token.end, newText }, old: token.value };
}

/** The value `valueText` (YAML text) says, for titles. */
export function yamlTextValue(valueText: string): string {
  return decodeYamlText(valueText).value;
}

// Re-exported for the completion module, which writes values the same way.
export { readScalar };
