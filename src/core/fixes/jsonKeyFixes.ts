/**
 * Quick-fix edits on a JSON milestone file: replace a value, add a property, set a property. Every
 * change is a jsonc-parser `modify` formatted like the file (tabs or spaces, indent unit, line
 * ending), trimmed by the EditRecorder to the characters that really differ.
 */
import { findNodeAtLocation, modify, parseTree } from 'jsonc-parser/lib/esm/main.js';
import type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
import { EditRecorder } from '../edits/editRecorder';
import { inferJsonFormatting } from '../edits/jsonFormatting';
import type { TextEdit } from '../model';
import { duplicateKeyRefusal } from '../text/jsonDuplicateKeys';

/** Edits and the value they replace (undefined when the property was absent). */
export interface JsonValueEdits {
  readonly edits: TextEdit[];
  readonly old: unknown;
}

type Path = readonly (string | number)[];

/**
 * Runs `change` on `text` without its BOM (jsonc-parser takes a BOM for an invalid character) and
 * shifts the edits back. Null when the text is not valid JSON, writes a key twice (the edit could
 * land on the value that is ignored) or `change` refuses.
 */
function onJson(text: string, change: (json: string, root: Node) => JsonValueEdits | null): JsonValueEdits | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = bom ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0 || duplicateKeyRefusal(json) !== null) return null;
  const out = change(json, root);
  if (!out || out.edits.length === 0) return null;
  return { old: out.old, edits: out.edits.map((e) => ({ start: e.start + bom, end: e.end + bom, newText: e.newText })) };
}

/** The minimal edits that set `path` to `value` (undefined removes it). */
function setValue(json: string, path: Path, value: unknown): TextEdit[] {
  const recorder = new EditRecorder(json);
  const edits = modify(json, [...path], value, { formattingOptions: inferJsonFormatting(json) });
  recorder.apply(edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content })));
  return recorder.edits();
}

/**
 * Adds `key` after the last property of `root` when a comment follows that property on its line:
 * jsonc-parser would put the new property before the comment, moving the comment to it. Null when
 * there is no such comment (the caller uses `modify`).
 */
function besideComment(json: string, root: Node, key: string, value: unknown): TextEdit[] | null {
  const last = root.children?.[root.children.length - 1];
  if (!last) return null;
  const end = last.offset + last.length;
  const nl = json.indexOf('\n', end);
  const lineEnd = nl < 0 ? json.length : json.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  if (!/^[ \t]*(?:\/\/.*|\/\*.*\*\/[ \t]*)$/.test(json.slice(end, lineEnd))) return null;
  const indent = /^[ \t]*/.exec(json.slice(json.lastIndexOf('\n', last.offset) + 1, last.offset))![0];
  const eol = inferJsonFormatting(json).eol ?? '\n';
  return [
    { start: end, end, newText: ',' },
    { start: lineEnd, end: lineEnd, newText: `${eol}${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}` },
  ];
}

/** `value` with the JSON type of the value it replaces: a number stays a number, a string a string (`"50%"` keeps its `%`). */
function likeOld(old: Node, value: unknown): unknown {
  if (old.type === 'string') {
    if (typeof value === 'number' && String(old.value).trim().endsWith('%')) return `${value}%`;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (typeof value === 'string') {
    try {
      const typed: unknown = JSON.parse(value);
      if (typed === null || typeof typed === 'number' || typeof typed === 'boolean') return typed;
    } catch { /* a word: stays a string */ }
  }
  return value;
}

/** What JSON text (as a hint carries it) says; text that is not JSON is taken as a string. */
export function jsonTextValue(valueText: string): unknown {
  try {
    return JSON.parse(valueText);
  } catch {
    const t = valueText.trim();
    return t.length > 1 && t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : t;
  }
}

/**
 * Replaces the scalar at `path` with `value`, keeping the old value's JSON type where `value` allows.
 * Null when the file is not valid JSON, the path holds no scalar, or it already says `value`.
 */
export function jsonReplaceValue(text: string, path: Path, value: string): JsonValueEdits | null {
  return onJson(text, (json, root) => {
    const node = findNodeAtLocation(root, [...path]);
    if (!node || node.type === 'object' || node.type === 'array') return null;
    const next = likeOld(node, value);
    if (next === node.value) return null;
    return { edits: setValue(json, path, next), old: node.value };
  });
}

/**
 * Adds top-level property `key` with `valueText` (JSON text) at the end of the root object. Null when
 * the root is no object or already has the key.
 */
export function jsonAddKey(text: string, key: string, valueText: string): JsonValueEdits | null {
  return onJson(text, (json, root) => {
    if (root.type !== 'object' || findNodeAtLocation(root, [key])) return null;
    const value = jsonTextValue(valueText);
    return { edits: besideComment(json, root, key, value) ?? setValue(json, [key], value), old: undefined };
  });
}

/**
 * Sets top-level property `key` to `valueText` (JSON text), keeping the old value's type (`"50%"`
 * stays a string with `%`), or adds it. Null when it already says that.
 */
export function jsonSetKey(text: string, key: string, valueText: string): JsonValueEdits | null {
  return onJson(text, (json, root) => {
    if (root.type !== 'object') return null;
    const node = findNodeAtLocation(root, [key]);
    const wanted = jsonTextValue(valueText);
    if (!node) return { edits: besideComment(json, root, key, wanted) ?? setValue(json, [key], wanted), old: undefined };
    if (node.type === 'object' || node.type === 'array') return null;
    const next = likeOld(node, wanted);
    if (next === node.value) return null;
    return { edits: setValue(json, [key], next), old: node.value };
  });
}
