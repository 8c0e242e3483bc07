import { isMap, isScalar, parseDocument, visit } from 'yaml';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import type { Problem, Range } from '../problems';
import { LineIndex } from '../text/lineIndex';
import { isJsonSchemaFile } from './readSchemaText';
import type { SchemaCompiler } from './schemaCompiler';
import { classifyRef } from './schemaRefs';

/** A `$ref` value in a schema file: the string and its offsets in the text (BOM removed). */
interface RefSite {
  readonly ref: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Problems of the schema file `abs` (shown as `file`): a file the read policy refuses
 * (`schema-source`, line 0), a syntax error, each `$ref` that is not followed (`schema-ref` on its
 * value; a warning for a custom scheme such as `skill://…`, an error otherwise), a pattern left out because RE2 cannot run it and a schema Ajv refuses or that passes a
 * bound (`schema-invalid`, on the offending value or key when it can be placed, else line 0).
 * Positions need a parse with positions (`yaml` / jsonc-parser, the slow part): done only here, on
 * demand, and only when there is something to place.
 */
export function schemaFileProblems(file: string, abs: string, compiler: SchemaCompiler): Problem[] {
  const read = compiler.read(abs);
  if (read.kind === 'missing') return [];
  if (read.kind === 'refused') {
    return [{ file, severity: 'error', code: 'schema-source', message: `This schema file is not read: ${read.message}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  const parsed = compiler.load(abs);
  if (parsed === null || parsed.kind === 'refused') return [];
  // Editor positions do not count a BOM: work on the text without it.
  const raw = read.text;
  const src = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const index = new LineIndex(src);
  const json = isJsonSchemaFile(abs);
  const firstLine = rangeOf(index, 0, index.lineEnd(0));
  if (parsed.kind === 'error') {
    const start = index.offsetAt(parsed.line, parsed.column);
    return [{ file, severity: 'error', code: parsed.code, message: parsed.message, range: tokenRange(src, index, start) }];
  }
  const invalid = (message: string, range: Range): Problem => ({ file, severity: 'error', code: 'schema-invalid', message, range });
  const compiled = compiler.compile(abs);
  if (compiled.kind === 'error' && compiled.at !== undefined) {
    // A bound passed: past it the file may nest too deeply for a parse with positions.
    const at = compiled.at;
    const offset = at.file === abs && at.path.length > 0 && json ? nestingOffset(src, at.path.length + 1) : null;
    const span = at.file === abs && at.path.length > 0 && !json ? yamlSpan(src, at.path, false) : null;
    const range = offset !== null ? rangeOf(index, offset, offset + 1) : span !== null ? rangeOf(index, span.start, span.end) : firstLine;
    return [invalid(`This schema does not compile: ${compiled.message}`, range)];
  }
  const problems: Problem[] = [];
  const value = parsed.value;
  const ownId = value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['$id'] === 'string'
    ? (value as Record<string, string>)['$id'] : undefined;
  if (refsIn(value).some((ref) => classifyRef(abs, ref, compiler.load, ownId).kind === 'bad')) {
    for (const site of json ? jsonRefSites(src) : yamlRefSites(src)) {
      const target = classifyRef(abs, site.ref, compiler.load, ownId);
      if (target.kind === 'bad') {
        problems.push({ file, severity: target.severity, code: 'schema-ref', message: target.message, range: rangeOf(index, site.start, site.end) });
      }
    }
  }
  if (compiled.kind === 'ok') {
    for (const issue of compiled.issues) {
      if (issue.file !== abs) continue;
      const span = json ? jsonSpan(src, issue.path, issue.onKey) : yamlSpan(src, issue.path, issue.onKey);
      problems.push(invalid(`Not checked: ${issue.message}; the rest of the schema applies.`, span === null ? firstLine : rangeOf(index, span.start, span.end)));
    }
  }
  if (compiled.kind === 'error') {
    const at = invalidSchemaSite(compiled.message);
    const span = at === null ? null : json ? jsonSpan(src, at.path, false) : yamlSpan(src, at.path, false);
    problems.push(invalid(`This schema does not compile: ${at?.reason ?? compiled.message}`, span === null ? firstLine : rangeOf(index, span.start, span.end)));
  }
  return problems;
}

/** Every `$ref` string in a parsed schema (nesting already bounded by the compile). */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') out.push(v);
    else refsIn(v, out);
  }
  return out;
}

/** Offset of the first `{` or `[` that opens nesting level `level` (1: the outermost) in JSON text; null if none. */
function nestingOffset(src: string, level: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      if (++depth === level) return i;
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return null;
}

const JSON_TYPES = 'string, number, integer, boolean, object, array, null';

/**
 * Where Ajv's "schema is invalid: data/properties/status/type must be …" points, as a path into
 * the schema, and its first reason in words for people; null when the message has no path.
 */
export function invalidSchemaSite(message: string): { path: string[]; reason: string } | null {
  const m = /schema is invalid: data((?:\/[^ ,]*)*) ([^,]+)/.exec(message);
  if (m === null) return null;
  const path = (m[1] ?? '').split('/').filter((p) => p.length > 0).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = path.length > 0 ? path.join('.') : 'the schema';
  const reason = path[path.length - 1] === 'type' && /allowed values|must be array/.test(m[2]!)
    ? `${where} is not a JSON Schema type (${JSON_TYPES})`
    : `${where} ${m[2]!.trim()}`;
  return { path, reason };
}

/** Where the value at `path` (or its key, `onKey`) is in YAML text; null when it is not there. */
function yamlSpan(src: string, path: readonly string[], onKey: boolean): { start: number; end: number } | null {
  // uniqueKeys: false skips `yaml`'s O(n²) duplicate-key scan; js-yaml reported duplicates already.
  const doc = parseDocument(src, { keepSourceTokens: false, uniqueKeys: false });
  if (!onKey) {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? { start: node.range[0], end: node.range[1] } : null;
  }
  const parent = doc.getIn(path.slice(0, -1), true);
  const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1]) : undefined;
  const key = pair !== undefined && isScalar(pair.key) ? pair.key.range : undefined;
  return key ? { start: key[0], end: key[1] } : null;
}

/** Where the value at `path` (or its key, `onKey`) is in JSON text; null when it is not there. */
function jsonSpan(src: string, path: readonly string[], onKey: boolean): { start: number; end: number } | null {
  const tree = parseTree(src);
  const value = tree && findNodeAtLocation(tree, path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  const node = onKey ? value?.parent?.children?.[0] : value;
  return node ? { start: node.offset, end: node.offset + node.length } : null;
}

function yamlRefSites(src: string): RefSite[] {
  const sites: RefSite[] = [];
  const doc = parseDocument(src, { keepSourceTokens: false, uniqueKeys: false });
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      if (!isMap(parent) || !isScalar(pair.key) || pair.key.value !== '$ref') return;
      const v = pair.value;
      if (isScalar(v) && typeof v.value === 'string' && v.range) sites.push({ ref: v.value, start: v.range[0], end: v.range[1] });
    },
  });
  return sites;
}

function jsonRefSites(src: string): RefSite[] {
  const sites: RefSite[] = [];
  const walk = (node: JsonNode | undefined): void => {
    if (node === undefined) return;
    if (node.type === 'property' && node.children?.[0]?.value === '$ref') {
      const v = node.children[1];
      if (v !== undefined && v.type === 'string') sites.push({ ref: String(v.value), start: v.offset, end: v.offset + v.length });
    }
    for (const c of node.children ?? []) walk(c);
  };
  walk(parseTree(src));
  return sites;
}

function rangeOf(index: LineIndex, start: number, end: number): Range {
  const s = index.positionAt(start);
  const e = index.positionAt(end);
  return { start: { line: s.line, character: s.column }, end: { line: e.line, character: e.column } };
}

/** From `start` to the end of the token there (or of the line when the token is empty). */
function tokenRange(src: string, index: LineIndex, start: number): Range {
  const lineEnd = index.lineEnd(index.lineAt(start));
  let end = start;
  while (end < lineEnd && !/\s/.test(src[end]!)) end++;
  if (end === start) end = lineEnd;
  return rangeOf(index, start, end);
}
