import { splitFrontmatter } from '../frontmatter/splitFrontmatter';
import type { Span } from './textPlacer';

/**
 * Where things stand in a YAML header, found by reading its lines (no YAML parse): only the checks
 * that already found a problem ask, so this runs on the problem path alone.
 * Spans cover a scalar token exactly as written: with its quotes when quoted, without a trailing
 * `# comment` or spaces; a key's span excludes the colon.
 */

interface KeyLine {
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Offset of the first character after `:` and its spaces (may be the line end). */
  readonly valueStart: number;
  readonly lineEnd: number;
  /** Where the header content ends (start of the closing fence line). */
  readonly contentEnd: number;
}

/** The line of top-level `key` in the YAML header of `text`, or null (no YAML header, no such key). */
function findKeyLine(text: string, key: string): KeyLine | null {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml') return null;
  let pos = split.contentStart;
  while (pos < split.contentEnd) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > split.contentEnd) nl = split.contentEnd;
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const hit = keyAt(text, pos, lineEnd, key);
    if (hit !== null) return { keyStart: pos, keyEnd: hit.keyEnd, valueStart: hit.valueStart, lineEnd, contentEnd: split.contentEnd };
    pos = nl + 1;
  }
  return null;
}

/** When the line at `pos` is `key:` (plain, `"key"` or `'key'`), the key's end and where its value starts. */
function keyAt(text: string, pos: number, lineEnd: number, key: string): { keyEnd: number; valueStart: number } | null {
  let p = pos;
  const q = text.charCodeAt(p);
  const quoted = q === 34 || q === 39;
  if (quoted) p++;
  if (!text.startsWith(key, p)) return null;
  p += key.length;
  if (quoted) { if (text.charCodeAt(p) !== q) return null; p++; }
  const keyEnd = p;
  while (p < lineEnd && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  if (text.charCodeAt(p) !== 58 /* : */) return null;
  p++;
  if (p < lineEnd && text.charCodeAt(p) !== 32 && text.charCodeAt(p) !== 9) return null;
  while (p < lineEnd && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return { keyEnd, valueStart: p };
}

/**
 * End of the scalar token at `p` (before `end`): a quoted string to its closing quote, a flow
 * collection to its closing bracket, a plain scalar up to ` #` / `,` `]` `}` inside flow, trimmed.
 */
export function tokenEnd(text: string, p: number, end: number, inFlow: boolean): number {
  const c = text.charCodeAt(p);
  if (c === 34) {
    for (let i = p + 1; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === 92) i++;
      else if (d === 34) return i + 1;
    }
    return end;
  }
  if (c === 39) {
    for (let i = p + 1; i < end; i++) {
      if (text.charCodeAt(i) === 39) {
        if (text.charCodeAt(i + 1) === 39) i++;
        else return i + 1;
      }
    }
    return end;
  }
  if ((c === 91 || c === 123) && !inFlow) {
    let depth = 0;
    for (let i = p; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === 34 || d === 39) { i = tokenEnd(text, i, end, true) - 1; continue; }
      if (d === 91 || d === 123) depth++;
      else if ((d === 93 || d === 125) && --depth === 0) return i + 1;
    }
    return end;
  }
  let i = p;
  for (; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === 35 && i > p && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) break;
    if (inFlow && (d === 44 || d === 93 || d === 125)) break;
  }
  while (i > p && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/**
 * The span of the value of top-level `key` as written on its line; the key's span when the value
 * is not on that line (a block list or scalar below it); null when the header has no such key.
 */
export function headerValueSpan(text: string, key: string): Span | null {
  const k = findKeyLine(text, key);
  if (k === null) return null;
  if (k.valueStart >= k.lineEnd || text.charCodeAt(k.valueStart) === 35) return { start: k.keyStart, end: k.keyEnd };
  return { start: k.valueStart, end: tokenEnd(text, k.valueStart, k.lineEnd, false) };
}

/**
 * The span of item `index` of the list under top-level `key`: inside a flow list on the key's line
 * (`depends-on: ["030", "010"]`), or the value of the `index`-th `- item` line below it. Null when
 * there is no such item.
 */
export function headerItemSpan(text: string, key: string, index: number): Span | null {
  const k = findKeyLine(text, key);
  if (k === null) return null;
  if (text.charCodeAt(k.valueStart) === 91 /* [ */) return flowItem(text, k.valueStart + 1, k.lineEnd, index);
  let n = 0;
  let pos = k.lineEnd;
  while (pos < k.contentEnd) {
    pos = text.indexOf('\n', pos);
    if (pos === -1 || pos >= k.contentEnd) return null;
    pos++;
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > k.contentEnd) nl = k.contentEnd;
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let p = pos;
    while (p < lineEnd && text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    if (p === lineEnd || c === 35) { pos = lineEnd; continue; } // blank or comment line
    if (c !== 45 || (p + 1 < lineEnd && text.charCodeAt(p + 1) !== 32)) {
      if (p === pos) return null; // the next top-level key
      pos = lineEnd; continue; // a continuation line of a nested item
    }
    if (n++ === index) {
      let v = p + 1;
      while (v < lineEnd && text.charCodeAt(v) === 32) v++;
      return { start: v, end: tokenEnd(text, v, lineEnd, false) };
    }
    pos = lineEnd;
  }
  return null;
}

function flowItem(text: string, from: number, end: number, index: number): Span | null {
  let p = from;
  for (let n = 0; p < end; n++) {
    while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p >= end || text.charCodeAt(p) === 93) return null;
    const e = tokenEnd(text, p, end, true);
    if (n === index) return { start: p, end: e };
    p = text.indexOf(',', e);
    if (p === -1 || p >= end) return null;
    p++;
  }
  return null;
}
