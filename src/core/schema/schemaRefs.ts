import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Draft } from './schemaAjv';
import type { SchemaText } from './readSchemaText';

/** Reads a schema file by absolute path: its parsed text, or null when there is no such file. */
export type SchemaLoader = (absolutePath: string) => SchemaText | null;

/** Where a `$ref` points, or why it is not followed. */
export type RefTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'file'; readonly path: string; readonly fragment: string }
  | { readonly kind: 'bad'; readonly message: string };

/** The `$id` under which a schema file is registered with Ajv: its `file://` URL (unique per file, unlike authors' own `$id`s). */
export function schemaUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;
const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default']);

/**
 * Classifies the `$ref` value `ref` written in the schema file `fromFile` (whose own `$id` is
 * `ownId`, if any). Local refs (`#/definitions/x`) and relative file refs (`common.yaml#/defs/x`)
 * are followed; a URL is never fetched and a missing file, an unreadable file or a pointer to
 * nothing is `bad`, with a message for people.
 */
export function classifyRef(fromFile: string, ref: string, load: SchemaLoader, ownId?: string): RefTarget {
  let filePart = ref;
  let fragment = '';
  const hash = ref.indexOf('#');
  if (hash !== -1) { filePart = ref.slice(0, hash); fragment = ref.slice(hash + 1); }
  if (ownId !== undefined && filePart !== '' && filePart === ownId.replace(/#$/, '')) filePart = '';
  if (filePart === '') {
    const self = load(fromFile);
    if (self !== null && self.kind === 'ok' && !pointerExists(self.value, fragment)) {
      return { kind: 'bad', message: `$ref "${ref}" points at nothing: this file has no "${fragment}".` };
    }
    return { kind: 'local' };
  }
  let target: string;
  if (/^file:/i.test(filePart)) {
    try { target = fileURLToPath(filePart); } catch { return { kind: 'bad', message: `$ref "${ref}" is not a valid file URL.` }; }
  } else if (URL_LIKE.test(filePart) && !/^[a-z]:[\\/]/i.test(filePart)) {
    return { kind: 'bad', message: `$ref "${ref}" is not fetched: Milestones never downloads schemas; save it in the workspace and point $ref at the file.` };
  } else {
    let decoded = filePart;
    try { decoded = decodeURI(filePart); } catch { /* keep as written */ }
    target = path.resolve(path.dirname(fromFile), decoded);
  }
  const loaded = load(target);
  if (loaded === null) return { kind: 'bad', message: `$ref "${ref}": no file at ${target}.` };
  if (loaded.kind === 'error') return { kind: 'bad', message: `$ref "${ref}": ${path.basename(target)} cannot be read (${loaded.message}).` };
  if (!pointerExists(loaded.value, fragment)) {
    return { kind: 'bad', message: `$ref "${ref}" points at nothing: ${path.basename(target)} has no "${fragment}".` };
  }
  return { kind: 'file', path: target, fragment };
}

/** True when the JSON pointer `fragment` (`/definitions/x`, or empty) resolves in `value`; anchors (`#foo`) are left to Ajv. */
function pointerExists(value: unknown, fragment: string): boolean {
  return fragment === '' || !fragment.startsWith('/') || resolvePointer(value, fragment) !== undefined;
}

/** The value at a JSON pointer, or undefined. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const raw of pointer.split('/').slice(1)) {
    let seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try { seg = decodeURIComponent(seg); } catch { /* as written */ }
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** A schema file and the files its `$ref`s reach, ready for Ajv. */
export interface PreparedClosure {
  /** Absolute path → the file's schema with `$id` set to its file URL and `$ref`s rewritten (bad ones removed). */
  readonly schemas: ReadonlyMap<string, Record<string, unknown> | boolean>;
  /** Every file read, the root included. */
  readonly files: ReadonlySet<string>;
  /** Number of `$ref`s that were not followed (shown by `schemaFileProblems`). */
  readonly badRefs: number;
}

/**
 * Prepares `root` and, recursively, every file it references: a copy of each schema where file
 * `$ref`s point at the target's file URL, and a `$ref` that cannot be followed is replaced by `{}`
 * (draft-07, where siblings of `$ref` are ignored anyway) or dropped (2019-09 / 2020-12), so the
 * rest of the schema still validates. `$schema` is kept only on the root (references are read in
 * the root's dialect).
 */
export function prepareClosure(root: string, rootValue: unknown, draft: Draft, load: SchemaLoader): PreparedClosure {
  const schemas = new Map<string, Record<string, unknown> | boolean>();
  const files = new Set<string>([root]);
  let badRefs = 0;
  const queue: [string, unknown][] = [[root, rootValue]];
  while (queue.length > 0) {
    const [file, value] = queue.shift()!;
    const ownId = isObject(value) && typeof value['$id'] === 'string' ? value['$id'] : undefined;
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (!isObject(node)) return node;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = DATA_KEYWORDS.has(k) ? v : rewrite(v);
      const ref = node['$ref'];
      if (typeof ref !== 'string') return out;
      const target = classifyRef(file, ref, load, ownId);
      if (target.kind === 'bad') {
        badRefs++;
        if (draft === '07') return {};
        delete out['$ref'];
      } else if (target.kind === 'file') {
        out['$ref'] = target.fragment === '' ? schemaUri(target.path) : `${schemaUri(target.path)}#${target.fragment}`;
        if (!files.has(target.path)) {
          files.add(target.path);
          const loaded = load(target.path);
          if (loaded !== null && loaded.kind === 'ok') queue.push([target.path, loaded.value]);
        }
      } else if (ownId !== undefined && ref.startsWith(ownId.replace(/#$/, '')) && !ref.startsWith('#')) {
        out['$ref'] = ref.slice(ownId.replace(/#$/, '').length) || '#';
      }
      return out;
    };
    const prepared = rewrite(value);
    if (typeof prepared === 'boolean') { schemas.set(file, prepared); continue; }
    const obj = isObject(prepared) ? prepared : {};
    obj['$id'] = schemaUri(file);
    if (file !== root) delete obj['$schema'];
    schemas.set(file, obj);
  }
  return { schemas, files, badRefs };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
