/**
 * A hand-written reader for the small YAML subset milestone headers use, returning exactly what
 * js-yaml 5 would return, or `undefined` ("bail out") as soon as it meets anything else.
 *
 * Why: on the index hot path every markdown file has a header. Measured (shared/docs/parsing-facts.md,
 * 2 vCPUs): walk + read ≈ 25 µs a file, js-yaml 5 `load` ≈ 50 µs, gray-matter ≈ 90 µs. Reading the
 * subset by hand costs a few µs, which keeps a 10k-file index within 2× the read floor. Anything
 * outside the subset (anchors, tags, block scalars, multi-line flow, unusual escapes, tabs, numbers
 * other than plain integers …) goes to js-yaml, which also gives error positions.
 *
 * Accepted: top-level `key: value`; values that are plain / 'single' / "double" quoted scalars,
 * single-line flow lists `[a, "b"]`, empty values; block lists (`- x`) under a key; one nested map
 * level (`links:\n  issue: ""`) with scalar or flow-list values; full-line and trailing comments.
 * A test checks deep equality with js-yaml on every header of the seeds, the corpus and the fixtures.
 */

const BAIL = undefined;
type Bail = typeof BAIL;

/** Returns the data of a header in the simple subset, or undefined when js-yaml must decide. */
export function readSimpleYaml(src: string): Record<string, unknown> | Bail {
  if (src.indexOf('\t') !== -1) return BAIL;
  const out: Record<string, unknown> = {};
  // The key whose value is being collected over the following lines.
  let openKey: string | null = null;
  let openKind: 'none' | 'list' | 'map' = 'none';
  let openIndent = -1;
  let openList: unknown[] | null = null;
  let openMap: Record<string, unknown> | null = null;
  let pos = 0;
  const len = src.length;
  while (pos < len) {
    let end = src.indexOf('\n', pos);
    if (end === -1) end = len;
    const next = end + 1;
    if (end > pos && src.charCodeAt(end - 1) === 13) end--;
    const lineStart = pos;
    let p = pos;
    while (p < end && src.charCodeAt(p) === 32) p++;
    pos = next;
    if (p === end || src.charCodeAt(p) === 35 /* # */) continue;
    const ind = p - lineStart;
    const isItem = src.charCodeAt(p) === 45 /* - */ && (p + 1 === end || src.charCodeAt(p + 1) === 32);
    if (ind === 0 && !isItem) {
      if (openKey !== null && openKind === 'none') out[openKey] = null;
      openKey = null; openKind = 'none'; openIndent = -1; openList = null; openMap = null;
      const colon = keyEnd(src, p, end);
      if (colon < 0) return BAIL;
      const key = src.slice(p, colon);
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return BAIL;
      const v = skipSpaces(src, colon + 1, end);
      if (v === end) { openKey = key; continue; }
      const value = readValue(src, v, end, true);
      if (value === BAIL) return BAIL;
      out[key] = value.value;
      continue;
    }
    if (openKey === null) return BAIL;
    if (isItem) {
      if (openKind === 'map') return BAIL;
      if (openKind === 'none') { openKind = 'list'; openIndent = ind; openList = []; out[openKey] = openList; }
      if (ind !== openIndent || openList === null) return BAIL;
      if (p + 1 === end) return BAIL; // `-` with an empty item
      const v = skipSpaces(src, p + 2, end);
      if (v === end) return BAIL;
      const value = readValue(src, v, end, false);
      if (value === BAIL) return BAIL;
      openList.push(value.value);
      continue;
    }
    // An indented `key: value` line: one nested map level.
    if (openKind === 'list') return BAIL;
    if (openKind === 'none') { openKind = 'map'; openIndent = ind; openMap = {}; out[openKey] = openMap; }
    if (ind !== openIndent || openMap === null) return BAIL;
    const colon = keyEnd(src, p, end);
    if (colon < 0) return BAIL;
    const key = src.slice(p, colon);
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(openMap, key)) return BAIL;
    const v = skipSpaces(src, colon + 1, end);
    if (v === end) { openMap[key] = null; continue; }
    const value = readValue(src, v, end, true);
    if (value === BAIL) return BAIL;
    openMap[key] = value.value;
  }
  if (openKey !== null && openKind === 'none') out[openKey] = null;
  return out;
}

function skipSpaces(src: string, p: number, end: number): number {
  while (p < end && src.charCodeAt(p) === 32) p++;
  return p;
}

/** Offset of the `:` ending a simple key (letters, digits, `_`, `-`, `.`; not starting with a digit or `-`), or -1. */
function keyEnd(src: string, p: number, end: number): number {
  const first = src.charCodeAt(p);
  if (!(isLetter(first) || first === 95)) return -1;
  for (let i = p + 1; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 58 /* : */) return i + 1 === end || src.charCodeAt(i + 1) === 32 ? i : -1;
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46)) return -1;
  }
  return -1;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Reads a value from `p` to the end of the line; `flowAllowed` lets a `[…]` list stand there. */
function readValue(src: string, p: number, end: number, flowAllowed: boolean): { value: unknown } | Bail {
  const c = src.charCodeAt(p);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const q = readQuoted(src, p, end);
    if (q === BAIL || !restIsComment(src, q.end, end)) return BAIL;
    return { value: q.value };
  }
  if (c === 91 /* [ */) return flowAllowed ? readFlowList(src, p, end) : BAIL;
  // Indicators that start something outside the subset: { & * ! | > % @ ` # ? : - , ]
  if (c === 123 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 ||
      c === 96 || c === 35 || c === 63 || c === 58 || c === 44 || c === 93 || c === 125) return BAIL;
  if (c === 45 && (p + 1 === end || src.charCodeAt(p + 1) === 32)) return BAIL;
  // A plain scalar ends at ` #` (a comment).
  let stop = p;
  while (stop < end && !(src.charCodeAt(stop) === 35 && src.charCodeAt(stop - 1) === 32)) stop++;
  let e = stop;
  while (e > p && src.charCodeAt(e - 1) === 32) e--;
  const text = src.slice(p, e);
  if (text.indexOf(': ') !== -1 || text.charCodeAt(text.length - 1) === 58) return BAIL;
  return resolvePlain(text);
}

/** Resolves a plain scalar as js-yaml 5's default (YAML 1.2 core) schema does, bailing on numbers it is unsure of. */
function resolvePlain(text: string): { value: unknown } | Bail {
  switch (text) {
    case '': case '~': case 'null': case 'Null': case 'NULL': return { value: null };
    case 'true': case 'True': case 'TRUE': return { value: true };
    case 'false': case 'False': case 'FALSE': return { value: false };
  }
  const c = text.charCodeAt(0);
  const numericStart = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (!numericStart) return { value: text };
  if (/^[-+]?[0-9]{1,15}$/.test(text)) return { value: Number(text) };
  // Dates stay strings in js-yaml 5 (verified), and no number form contains `-` after a digit run like this.
  if (/^\d{4}-\d\d-\d\d(?:$|[ T])/.test(text)) return { value: text };
  // Only a text using a char no number form can hold is surely a string; else js-yaml decides.
  if (/[^0-9a-zA-Z._+\-:]/.test(text)) return { value: text };
  return BAIL;
}

/** True when only spaces, optionally followed by a ` #` comment, remain. */
function restIsComment(src: string, p: number, end: number): boolean {
  const s = skipSpaces(src, p, end);
  if (s === end) return true;
  return s > p && src.charCodeAt(s) === 35;
}

function readQuoted(src: string, p: number, end: number): { value: string; end: number } | Bail {
  const quote = src.charCodeAt(p);
  let out = '';
  let from = p + 1;
  for (let i = p + 1; i < end; i++) {
    const c = src.charCodeAt(i);
    if (quote === 39) {
      if (c !== 39) continue;
      if (src.charCodeAt(i + 1) === 39 && i + 1 < end) { out += src.slice(from, i + 1); i++; from = i + 1; continue; }
      return { value: out + src.slice(from, i), end: i + 1 };
    }
    if (c === 34) return { value: out + src.slice(from, i), end: i + 1 };
    if (c === 92 /* \ */) {
      const e = src.charCodeAt(i + 1);
      const rep = e === 34 ? '"' : e === 92 ? '\\' : e === 47 ? '/' : e === 110 ? '\n' : e === 116 ? '\t' : null;
      if (rep === null || i + 1 >= end) return BAIL;
      out += src.slice(from, i) + rep;
      i++;
      from = i + 1;
    }
  }
  return BAIL; // not closed on this line: multi-line quoted scalars go to js-yaml
}

function readFlowList(src: string, p: number, end: number): { value: unknown } | Bail {
  const items: unknown[] = [];
  let i = skipSpaces(src, p + 1, end);
  if (src.charCodeAt(i) === 93) return restIsComment(src, i + 1, end) ? { value: items } : BAIL;
  for (;;) {
    if (i >= end) return BAIL;
    const c = src.charCodeAt(i);
    let itemEnd: number;
    if (c === 34 || c === 39) {
      const q = readQuoted(src, i, end);
      if (q === BAIL) return BAIL;
      items.push(q.value);
      itemEnd = skipSpaces(src, q.end, end);
    } else {
      let j = i;
      while (j < end) {
        const d = src.charCodeAt(j);
        if (d === 44 || d === 93) break;
        if (d === 91 || d === 123 || d === 125 || d === 35 || d === 34 || d === 39) return BAIL;
        j++;
      }
      let e = j;
      while (e > i && src.charCodeAt(e - 1) === 32) e--;
      if (e === i) return BAIL; // empty item
      const text = src.slice(i, e);
      const first = text.charCodeAt(0);
      if (text.indexOf(':') !== -1 || first === 38 || first === 42 || first === 33 || first === 124 || first === 62 ||
          first === 37 || first === 64 || first === 96 || first === 63 || (first === 45 && text.length > 1 && text.charCodeAt(1) === 32) || text === '-') return BAIL;
      const r = resolvePlain(text);
      if (r === BAIL) return BAIL;
      items.push(r.value);
      itemEnd = j;
    }
    const d = src.charCodeAt(itemEnd);
    if (d === 93) return restIsComment(src, itemEnd + 1, end) ? { value: items } : BAIL;
    if (d !== 44) return BAIL;
    i = skipSpaces(src, itemEnd + 1, end);
    if (src.charCodeAt(i) === 93) return BAIL; // trailing comma: let js-yaml decide
  }
}
