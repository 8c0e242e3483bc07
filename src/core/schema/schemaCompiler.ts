import type AjvCore from 'ajv/dist/core';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, draftOf, toSchemaErrors, type Draft } from './schemaAjv';
import { readSchemaText } from './readSchemaText';
import { prepareClosure } from './schemaClosure';
import { readSchemaFile, type SchemaFileRead } from './schemaFilePolicy';
import type { SchemaIssue } from './schemaPatterns';
import { classifyRef, resolvePointer, schemaUri, type LoadedSchema, type SchemaLoader } from './schemaRefs';
import type { JsonSchema, SchemaError, SchemaHost } from './schemaTypes';

/**
 * A schema file compiled (with everything it references), or why it could not be: `missing`,
 * `refused` by the read policy (`readSchemaFile`), or an `error` (syntax, ajv, a bound passed,
 * then `at` says where when it can be placed). `issues` are the parts left out (patterns RE2
 * cannot run): the rest applies.
 */
export type CompiledSchema =
  | { readonly kind: 'ok'; readonly schema: JsonSchema; readonly validate: (data: unknown) => readonly SchemaError[]; readonly issues: readonly SchemaIssue[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string; readonly at?: SchemaIssue };

interface FileEntry {
  readonly read: SchemaFileRead;
  readonly parsed: LoadedSchema;
}

interface RootEntry {
  readonly result: CompiledSchema;
  /** Every file read while compiling (referenced files, missing ones too): a change to any of them recompiles. */
  readonly files: ReadonlySet<string>;
}

/**
 * Reads the schema files of one workspace folder through the host, as `readSchemaFile` allows,
 * and compiles them with Ajv, each once per text: the text of every file read is kept until
 * `invalidate` sees it changed. One Ajv per dialect holds the workspace schemas under their file
 * URLs; when a file they hold changes, that Ajv is replaced (validators compiled earlier keep
 * working) rather than un-registering schemas one by one.
 */
export class SchemaCompiler {
  private readonly files = new Map<string, FileEntry>();
  private readonly roots = new Map<string, RootEntry>();
  private readonly ajvs = new Map<Draft, { ajv: AjvCore; added: Set<string> }>();

  /** `folderRoot`: the absolute path of the workspace folder whose files may be read. */
  constructor(private readonly host: SchemaHost, private readonly folderRoot: string) {}

  /** The parsed schema file at `absolutePath`, refused, or null when it does not exist. Read once, until invalidated. */
  readonly load: SchemaLoader = (absolutePath) => this.entry(absolutePath).parsed;

  /** What reading a schema file gave (its raw text, or why there is none). */
  read(absolutePath: string): SchemaFileRead {
    return this.entry(absolutePath).read;
  }

  /** The schema files read so far that exist and were read (absolute paths). */
  knownFiles(): string[] {
    return [...this.files].filter(([, e]) => e.read.kind === 'text').map(([p]) => p);
  }

  /** Compiles the schema file `absolutePath` (cached). Never throws. */
  compile(absolutePath: string): CompiledSchema {
    const cached = this.roots.get(absolutePath);
    if (cached !== undefined) return cached.result;
    const touched = new Set<string>();
    const load: SchemaLoader = (p) => { touched.add(p); return this.load(p); };
    const result = this.compileUncached(absolutePath, load);
    this.roots.set(absolutePath, { result, files: touched });
    return result;
  }

  /**
   * Forget `absolutePath` (or everything). A file whose text did not change keeps its compiled
   * schemas; a changed one (created, edited, deleted) drops every schema that read it.
   */
  invalidate(absolutePath?: string): void {
    if (absolutePath === undefined) {
      this.files.clear(); this.roots.clear(); this.ajvs.clear();
      return;
    }
    const old = this.files.get(absolutePath);
    if (old === undefined) return;
    this.files.delete(absolutePath);
    if (sameRead(this.entry(absolutePath).read, old.read)) return;
    for (const [root, entry] of this.roots) if (entry.files.has(absolutePath)) this.roots.delete(root);
    const uri = schemaUri(absolutePath);
    for (const [draft, a] of this.ajvs) if (a.added.has(uri)) this.ajvs.delete(draft);
  }

  private entry(absolutePath: string): FileEntry {
    let e = this.files.get(absolutePath);
    if (e === undefined) {
      const read = readSchemaFile(this.host, this.folderRoot, absolutePath);
      e = { read, parsed: read.kind === 'text' ? readSchemaText(absolutePath, read.text) : read.kind === 'refused' ? read : null };
      this.files.set(absolutePath, e);
    }
    return e;
  }

  private ajvFor(draft: Draft): { ajv: AjvCore; added: Set<string> } {
    let a = this.ajvs.get(draft);
    if (a === undefined) { a = { ajv: createAjv(draft), added: new Set() }; this.ajvs.set(draft, a); }
    return a;
  }

  private compileUncached(root: string, load: SchemaLoader): CompiledSchema {
    const parsed = load(root);
    if (parsed === null) return { kind: 'missing' };
    if (parsed.kind === 'refused') return { kind: 'refused', message: parsed.message };
    if (parsed.kind === 'error') return { kind: 'error', message: parsed.message };
    const value = parsed.value;
    if (typeof value !== 'boolean' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return { kind: 'error', message: 'a JSON Schema must be an object' };
    }
    const draft = draftOf(value);
    const closure = prepareClosure(root, value, draft, load);
    if (closure.refusal !== undefined) return { kind: 'error', message: closure.refusal.message, at: closure.refusal };
    const prepared = closure.schemas.get(root);
    // The Ajv of the dialect checks against its own meta-schema; a `$schema` spelt differently
    // (`…/schema#`, draft-06) would make Ajv look the meta-schema up by that name and fail.
    if (prepared !== undefined && typeof prepared === 'object') delete prepared['$schema'];
    const { ajv, added } = this.ajvFor(draft);
    let fn: ValidateFunction | undefined;
    try {
      for (const [file, schema] of closure.schemas) {
        const uri = schemaUri(file);
        if (added.has(uri)) continue;
        added.add(uri);
        ajv.addSchema(schema, uri);
      }
      fn = ajv.getSchema(schemaUri(root));
    } catch (e) {
      // Ajv may hold half of this closure now: start the dialect afresh for the next schema.
      this.ajvs.delete(draft);
      // Within the bounds of `prepareClosure`, ajv can still run out of stack on a long chain of
      // `$ref`s (each compiled inside the one before): 250 linked definitions did.
      return { kind: 'error', message: e instanceof RangeError ? 'its $refs lead through too many levels to compile' : firstLine(e instanceof Error ? e.message : String(e)) };
    }
    if (fn === undefined) return { kind: 'error', message: 'the schema could not be compiled' };
    if ((fn as { $async?: unknown }).$async === true) return { kind: 'error', message: '$async schemas are not supported' };
    return { kind: 'ok', schema: inlinePropertyRefs(root, value, load), validate: validatorOf(fn), issues: closure.issues };
  }
}

/** Whether two reads of a file gave the same: the same text, or the same reason for none. */
function sameRead(a: SchemaFileRead, b: SchemaFileRead): boolean {
  const said = (r: SchemaFileRead): string | null => (r.kind === 'text' ? r.text : r.kind === 'refused' ? r.message : null);
  return a.kind === b.kind && said(a) === said(b);
}

/**
 * What `validatorOf` needs of a validate function: ajv's run-time compiled ones and the built-in
 * ones its standalone code generation wrote at build time (which have no `schema`/`schemaEnv`).
 */
export type ValidateLike = ((data: unknown) => boolean) & { readonly errors?: readonly ErrorObject[] | null };

/** Validates with a compiled function; `$schema` in the data names the schema and is not data. */
export function validatorOf(fn: ValidateLike): (data: unknown) => readonly SchemaError[] {
  return (data) => {
    let d = data;
    if (d !== null && typeof d === 'object' && !Array.isArray(d) && Object.prototype.hasOwnProperty.call(d, '$schema')) {
      const { $schema: _, ...rest } = d as Record<string, unknown>;
      void _;
      d = rest;
    }
    return fn(d) ? [] : toSchemaErrors(fn.errors);
  };
}

/**
 * The schema as completion and hover read it: top-level `properties` that are a `$ref` replaced by
 * what they point at (siblings kept), so descriptions and enums are at hand without resolving.
 */
function inlinePropertyRefs(file: string, value: unknown, load: SchemaLoader): JsonSchema {
  if (value === null || typeof value !== 'object') return {};
  const schema = value as Record<string, unknown>;
  const props = schema['properties'];
  if (props === null || typeof props !== 'object') return schema;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [k, p] of Object.entries(props as Record<string, unknown>)) {
    const ref = p !== null && typeof p === 'object' ? (p as Record<string, unknown>)['$ref'] : undefined;
    if (typeof ref !== 'string') { out[k] = p; continue; }
    const t = classifyRef(file, ref, load);
    const base = t.kind === 'local' ? value : t.kind === 'file' ? (load(t.path) as { value?: unknown } | null)?.value : undefined;
    const frag = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
    const target = base === undefined ? undefined : resolvePointer(base, frag);
    const { $ref: _, ...siblings } = p as Record<string, unknown>;
    void _;
    out[k] = target !== null && typeof target === 'object' ? { ...target, ...siblings } : p;
    changed = true;
  }
  return changed ? { ...schema, properties: out } : schema;
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return nl === -1 ? s : s.slice(0, nl);
}
