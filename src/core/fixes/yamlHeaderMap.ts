/**
 * A line map of a YAML header with offsets: where each `key:` stands, which lines belong to it, and
 * where the scalar at a path (`status`, `links.issue`, `tags[1]`) is written. A scan, not a parse:
 * it covers the simple headers milestone conventions use (top-level keys, one nested map level,
 * block and single-line flow lists) and answers null for anything else.
 */
import { readScalar } from './yamlScalar';
import type { ScalarToken } from './yamlScalar';

/** One line of the header: [start, end) without its line ending; `first` = first non-blank offset. */
export interface HeaderLine {
  readonly start: number;
  readonly end: number;
  readonly first: number;
}

/** A `key:` on a line: the key as read, where it is, and where its value would start. */
export interface KeyEntry {
  readonly key: string;
  readonly keyStart: number;
  /** Offset just after the `:`. */
  readonly colon: number;
  /** First non-blank offset after the `:` (the line end when the value is empty). */
  readonly valueStart: number;
}

/** The lines of text[from, to). */
export function headerLineList(text: string, from: number, to: number): HeaderLine[] {
  const out: HeaderLine[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > to) nl = to;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let first = pos;
    while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
    out.push({ start: pos, end, first });
    pos = nl + 1;
  }
  return out;
}

/** True for a line that says nothing: blank or a comment. */
export function isQuiet(text: string, line: HeaderLine): boolean {
  return line.first === line.end || text[line.first] === '#';
}

/** True for a block list item line (`- x`, `-`). */
export function isItem(text: string, line: HeaderLine): boolean {
  return text[line.first] === '-' && (line.first + 1 === line.end || text[line.first + 1] === ' ' || text[line.first + 1] === '\t');
}

/** Reads `key:` at the first non-blank character of `line`, or null when the line is no key line. */
export function readKey(text: string, line: HeaderLine): KeyEntry | null {
  const p = line.first;
  if (isQuiet(text, line) || isItem(text, line)) return null;
  let key: string;
  let colon: number;
  if (text[p] === '"' || text[p] === "'") {
    const token = readScalar(text, p, line.end);
    if (!token || text[token.end] !== ':') return null;
    key = token.value;
    colon = token.end + 1;
  } else {
    let i = p;
    while (i < line.end && !(text[i] === ':' && (i + 1 === line.end || text[i + 1] === ' ' || text[i + 1] === '\t'))) i++;
    if (i >= line.end) return null;
    key = text.slice(p, i).trimEnd();
    colon = i + 1;
  }
  let v = colon;
  while (v < line.end && (text[v] === ' ' || text[v] === '\t')) v++;
  return { key, keyStart: p, colon, valueStart: v };
}

/** The index of the top-level line of `key` in `lines`, or -1. */
export function topKeyIndex(text: string, lines: readonly HeaderLine[], key: string): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.first !== line.start) continue;
    if (readKey(text, line)?.key === key) return i;
  }
  return -1;
}

/** The lines below top-level line `index` that belong to its value (until the next top-level key). */
export function childLines(text: string, lines: readonly HeaderLine[], index: number): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.first === line.start && !isQuiet(text, line) && !isItem(text, line)) break;
    out.push(line);
  }
  return out;
}

/** True when nothing but blanks and a comment follow `from` on the line. */
function restIsComment(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i === end || (text[i] === '#' && i > from);
}

/** A located scalar: the token, and whether it stands in a flow list (`[a, b]`). */
export interface LocatedScalar {
  readonly token: ScalarToken;
  readonly inFlow: boolean;
}

/** The scalar written after `p` up to `end`, when it is all the line says. */
function lineScalar(text: string, p: number, end: number): LocatedScalar | null {
  const token = readScalar(text, p, end);
  return token && restIsComment(text, token.end, end) ? { token, inFlow: false } : null;
}

/** Item `n` of the single-line flow list whose `[` is at `p`. */
function flowItem(text: string, p: number, end: number, n: number): LocatedScalar | null {
  let i = p + 1;
  for (let k = 0; ; k++) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const token = readScalar(text, i, end, true);
    if (!token) return null;
    if (k === n) return { token, inFlow: true };
    i = token.end;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] !== ',') return null;
    i++;
  }
}

/**
 * Where the scalar at `path` is written in the header lines: `[key]`, `[key, index]` (block or
 * flow list item), `[key, child]` (one nested map level). Null when the path leads nowhere or
 * to something that is not a one-line scalar.
 */
export function locateScalar(text: string, lines: readonly HeaderLine[], path: readonly (string | number)[]): LocatedScalar | null {
  const [top, sub] = path;
  if (typeof top !== 'string' || path.length > 2) return null;
  const index = topKeyIndex(text, lines, top);
  if (index < 0) return null;
  const line = lines[index]!;
  const entry = readKey(text, line)!;
  if (path.length === 1) return lineScalar(text, entry.valueStart, line.end);
  if (typeof sub === 'number') {
    if (text[entry.valueStart] === '[') return flowItem(text, entry.valueStart, line.end, sub);
    if (entry.valueStart !== line.end && text[entry.valueStart] !== '#') return null;
    const items = childLines(text, lines, index).filter((l) => isItem(text, l));
    const indent = items[0] ? items[0].first - items[0].start : 0;
    const item = items.filter((l) => l.first - l.start === indent)[sub];
    if (!item) return null;
    let v = item.first + 1;
    while (v < item.end && (text[v] === ' ' || text[v] === '\t')) v++;
    return lineScalar(text, v, item.end);
  }
  if (typeof sub !== 'string' || (entry.valueStart !== line.end && text[entry.valueStart] !== '#')) return null;
  const children = childLines(text, lines, index).filter((l) => !isQuiet(text, l));
  const indent = children[0] ? children[0].first - children[0].start : 0;
  if (indent === 0) return null;
  for (const child of children) {
    if (child.first - child.start !== indent) continue;
    const key = readKey(text, child);
    if (key?.key === sub) return lineScalar(text, key.valueStart, child.end);
  }
  return null;
}
