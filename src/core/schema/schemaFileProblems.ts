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
 * Problems of the schema file `abs` (shown as `file`): a syntax error, each `$ref` that is not
 * followed (`schema-ref` on its value), and a schema Ajv refuses (`schema-invalid` on line 0).
 * Positions need a parse with positions (`yaml` / jsonc-parser): done only here, on demand, for
 * the few schema files of a workspace.
 */
export function schemaFileProblems(file: string, abs: string, compiler: SchemaCompiler): Problem[] {
  const raw = compiler.text(abs);
  const parsed = compiler.load(abs);
  if (raw === null || parsed === null) return [];
  // Editor positions do not count a BOM: work on the text without it.
  const src = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const index = new LineIndex(src);
  if (parsed.kind === 'error') {
    const start = index.offsetAt(parsed.line, parsed.column);
    return [{ file, severity: 'error', code: parsed.code, message: parsed.message, range: tokenRange(src, index, start) }];
  }
  const problems: Problem[] = [];
  const value = parsed.value;
  const ownId = value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['$id'] === 'string'
    ? (value as Record<string, string>)['$id'] : undefined;
  for (const site of isJsonSchemaFile(abs) ? jsonRefSites(src) : yamlRefSites(src)) {
    const target = classifyRef(abs, site.ref, compiler.load, ownId);
    if (target.kind === 'bad') {
      problems.push({ file, severity: 'error', code: 'schema-ref', message: target.message, range: rangeOf(index, site.start, site.end) });
    }
  }
  const compiled = compiler.compile(abs);
  if (compiled.kind === 'error') {
    const at = invalidSchemaSite(compiled.message);
    const span = at === null ? null : isJsonSchemaFile(abs) ? jsonSpan(src, at.path) : yamlSpan(src, at.path);
    problems.push({
      file, severity: 'error', code: 'schema-invalid',
      message: `This schema does not compile: ${at?.reason ?? compiled.message}`,
      range: span === null ? rangeOf(index, 0, index.lineEnd(0)) : rangeOf(index, span.start, span.end),
    });
  }
  return problems;
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

function yamlSpan(src: string, path: readonly string[]): { start: number; end: number } | null {
  const doc = parseDocument(src, { keepSourceTokens: false });
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? { start: node.range[0], end: node.range[1] } : null;
}

function jsonSpan(src: string, path: readonly string[]): { start: number; end: number } | null {
  const tree = parseTree(src);
  const node = tree && findNodeAtLocation(tree, path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  return node ? { start: node.offset, end: node.offset + node.length } : null;
}

function yamlRefSites(src: string): RefSite[] {
  const sites: RefSite[] = [];
  const doc = parseDocument(src, { keepSourceTokens: false });
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
