import path from 'node:path';
import type { Draft } from './schemaAjv';
import { leaveOutUnrunnablePatterns, type SchemaIssue } from './schemaPatterns';
import { classifyRef, schemaUri, type SchemaLoader } from './schemaRefs';

/**
 * How deeply a schema file may nest objects and lists.
 *
 * Why: preparing a schema and ajv's compiler both recurse once per level. A JSON schema 5,000
 * levels deep overflowed the stack (ajv's already at 1,000 `properties` levels, after 0.6 s for
 * 500). YAML schema files cannot nest deeper than 100 (js-yaml's own limit); JSON ones get the
 * same, which ajv compiles in about 0.1 s. Real schemas nest a dozen levels.
 */
export const MAX_SCHEMA_DEPTH = 100;

/**
 * How many objects and lists a schema and the files it references may hold together (the values
 * of `enum`, `const`, `default` and `examples` are data and do not count).
 *
 * Why: ajv's compile time grows with the subschemas, and faster than linearly for some shapes.
 * Measured (2 vCPUs): 1,000 `anyOf` branches 0.2 s, 2,000 0.5 s; 1,000 definitions each used by
 * a `$ref` 0.5–0.7 s, 2,000 2.4–3.4 s, 3,000 9.4 s; 10,000 typed properties 1.5 s. At 1,000 every
 * measured shape compiles in under 0.7 s. A milestone schema has tens (the built-in KB schema has 8).
 */
export const MAX_SCHEMA_NODES = 1_000;

const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default']);

/** A schema file and the files its `$ref`s reach, ready for Ajv. */
export interface PreparedClosure {
  /** Absolute path → the file's schema with `$id` set to its file URL and `$ref`s rewritten (bad ones removed). */
  readonly schemas: ReadonlyMap<string, Record<string, unknown> | boolean>;
  /** Every file read, the root included. */
  readonly files: ReadonlySet<string>;
  /** Number of `$ref`s that were not followed (shown by `schemaFileProblems`). */
  readonly badRefs: number;
  /** Patterns left out because RE2 cannot run them, each where it is written. */
  readonly issues: readonly SchemaIssue[];
  /** Set when the closure nests too deeply or holds too much to be compiled; `schemas` is then empty. */
  readonly refusal?: SchemaIssue;
}

/** Thrown inside the walk to stop it at the first bound passed. */
class Refusal extends Error {
  constructor(readonly issue: SchemaIssue) {
    super(issue.message);
  }
}

/**
 * Prepares `root` and, recursively, every file it references: a copy of each schema where file
 * `$ref`s point at the target's file URL, and a `$ref` that cannot be followed is replaced by `{}`
 * (draft-07, where siblings of `$ref` are ignored anyway) or dropped (2019-09 / 2020-12), so the
 * rest of the schema still validates; patterns RE2 cannot run are left out the same way
 * (`leaveOutUnrunnablePatterns`). `$schema` is kept only on the root (references are read in
 * the root's dialect). A closure deeper than `MAX_SCHEMA_DEPTH` or larger than `MAX_SCHEMA_NODES`
 * is not prepared (`refusal`): the walk stops there, before any recursion could run out of stack.
 */
export function prepareClosure(root: string, rootValue: unknown, draft: Draft, load: SchemaLoader): PreparedClosure {
  const schemas = new Map<string, Record<string, unknown> | boolean>();
  const files = new Set<string>([root]);
  const issues: SchemaIssue[] = [];
  let badRefs = 0;
  let nodes = 0;
  const queue: [string, unknown][] = [[root, rootValue]];
  try {
    while (queue.length > 0) {
      const [file, value] = queue.shift()!;
      const ownId = isObject(value) && typeof value['$id'] === 'string' ? value['$id'] : undefined;
      const who = file === root ? 'it' : `${path.basename(file)}, which it references,`;
      const at: string[] = [];
      const rewrite = (node: unknown): unknown => {
        if (node === null || typeof node !== 'object') return node;
        if (at.length >= MAX_SCHEMA_DEPTH) {
          throw new Refusal({ file, path: [...at], onKey: false, message: `${who} nests deeper than ${MAX_SCHEMA_DEPTH} levels, the most Milestones compiles` });
        }
        if (++nodes > MAX_SCHEMA_NODES) {
          throw new Refusal({ file, path: [], onKey: false, message: `${file === root ? 'it' : 'with the files it references it'} has more than ${MAX_SCHEMA_NODES.toLocaleString('en-US')} objects and lists, the most Milestones compiles` });
        }
        if (Array.isArray(node)) {
          return node.map((v: unknown, i) => { at.push(String(i)); const r = rewrite(v); at.pop(); return r; });
        }
        const source = node as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(source)) {
          if (DATA_KEYWORDS.has(k)) { out[k] = v; continue; }
          at.push(k);
          out[k] = rewrite(v);
          at.pop();
        }
        issues.push(...leaveOutUnrunnablePatterns(file, source, out, at));
        const ref = source['$ref'];
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
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { schemas: new Map(), files, badRefs, issues, refusal: e.issue };
  }
  return { schemas, files, badRefs, issues };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
