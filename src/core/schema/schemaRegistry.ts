import path from 'node:path';
import type { ConventionId } from '../model';
import type { Problem } from '../problems';
import { matcher } from '../workspace/globs';
import { builtinSchemaFor } from './builtinSchemas';
import { builtinValidators as precompiled } from './generated/builtinValidators';
import { SchemaCompiler, validatorOf, type CompiledSchema } from './schemaCompiler';
import { schemaFileProblems } from './schemaFileProblems';
import { schemaReference, workspaceSchemaCandidates } from './schemaLocations';
import type { SchemaHost, SchemaResolution, SchemaSetting, SchemaSource, SchemaUse } from './schemaTypes';

/**
 * Finds, loads and compiles the JSON Schemas that apply to milestone files, offline:
 *   1. a `$schema` key in the file's own frontmatter / JSON (a path relative to the file; a URL is
 *      never fetched: it is a problem on the `$schema` value);
 *   2. the `milestones.schemas` setting (schema → globs, like `yaml.schemas`);
 *   3. the workspace's own schema: for a file in `NAME.kb/`, `NAME.jsonschema.yaml` beside that folder
 *      (nested .kb folders follow the same rule);
 *   4. the built-in schema of the file's convention (schemas/*.schema.json).
 * Schemas may be YAML or JSON, draft-07 or 2020-12; local `$ref`s (relative files, `#/definitions/…`)
 * are resolved; a `$ref` to a missing file or to a URL is a problem on that `$ref` in the schema file
 * (see `schemaFileProblems`), never a network request. Each schema is compiled once and recompiled
 * after `invalidate(path)`.
 *
 * Workspace schemas are not vetted by anyone, so what they may cost is bounded: a schema file is
 * read only when it is a regular file inside the workspace folder and small enough
 * (`readSchemaFile`); nesting and size are bounded before ajv compiles (`prepareClosure`);
 * patterns run in linear time, `uniqueItems` too (`createAjv`).
 *
 * A source that cannot be used (missing file, refused, syntax error, does not compile) gives way
 * to the next one, so the file is still checked; only a bad `$schema` is reported on the file itself.
 * Construct one per set of settings: `new SchemaRegistry(nodeSchemaHost, settings)`.
 *
 * With `{ workspaceSchemas: false }` (VS Code's Restricted Mode) only the built-in schemas are used:
 * no schema of the workspace is read or compiled. Ajv turns a schema into code and its authors
 * treat schemas as trusted as that code; the bounds above limit what a schema can cost, but a
 * workspace nobody trusts yet gets the checks that ship with the extension (compiled when the
 * extension is built: `builtinValidator`).
 */
export class SchemaRegistry {
  /** One compiler per workspace folder: what may be read depends on the folder (`readSchemaFile`). */
  private readonly compilers = new Map<string, SchemaCompiler>();
  private readonly settingMatchers: readonly { readonly schema: string; readonly matches: (file: string) => boolean }[];
  private readonly uses = new Map<string, SchemaUse>();
  private readonly workspaceSchemas: boolean;

  constructor(readonly host: SchemaHost, readonly settings: readonly SchemaSetting[] = [], options: SchemaRegistryOptions = {}) {
    this.workspaceSchemas = options.workspaceSchemas ?? true;
    this.settingMatchers = settings.map((s) => ({ schema: s.schema, matches: matcher(s.globs) }));
  }

  /**
   * The schema for `file` (relative to the workspace folder `folderRoot`, an absolute path), given
   * its parsed header/JSON `data` (null when unreadable) and convention (null: a file of no
   * convention, which only `$schema` and the setting can give a schema).
   * The problems (code `schema-source`) have a placeholder range on line 0: `validateFile` places
   * them on the `$schema` value, which only it can see. Never throws.
   */
  resolve(folderRoot: string, file: string, convention: ConventionId | null, data: Readonly<Record<string, unknown>> | null): SchemaResolution {
    const problems: Problem[] = [];
    if (!this.workspaceSchemas) return { use: convention === null ? null : this.builtin(convention), problems };
    const compiler = this.compilerFor(folderRoot);
    if (data !== null && Object.prototype.hasOwnProperty.call(data, '$schema')) {
      const ref = schemaReference(path.resolve(folderRoot, file), data['$schema']);
      if (ref.kind === 'bad') {
        problems.push(sourceProblem(file, ref.message));
      } else {
        const compiled = compiler.compile(ref.path);
        if (compiled.kind === 'ok') return { use: this.useOf('$schema', ref.path, compiled), problems };
        const shown = JSON.stringify(String(data['$schema']));
        problems.push(sourceProblem(file, compiled.kind === 'missing'
          ? `$schema ${shown} cannot be read: there is no file ${relative(folderRoot, ref.path)}.`
          : compiled.kind === 'refused'
            ? `$schema ${shown} is not read: ${compiled.message}.`
            : `$schema ${shown} cannot be used: ${compiled.message} (see the problems of ${relative(folderRoot, ref.path)}).`));
      }
    }
    for (const s of this.settingMatchers) {
      if (!s.matches(file)) continue;
      const abs = path.isAbsolute(s.schema) ? s.schema : path.resolve(folderRoot, s.schema);
      const compiled = compiler.compile(abs);
      if (compiled.kind === 'ok') return { use: this.useOf('setting', abs, compiled), problems };
    }
    if (convention === 'kb') {
      for (const abs of workspaceSchemaCandidates(folderRoot, file)) {
        const compiled = compiler.compile(abs);
        if (compiled.kind === 'ok') return { use: this.useOf('workspace', abs, compiled), problems };
      }
    }
    return { use: convention === null ? null : this.builtin(convention), problems };
  }

  /**
   * Problems of a schema file itself, for diagnostics on it: YAML / JSON syntax, a `$ref` to a
   * missing file, to a URL or to nothing (`schema-ref`, on the `$ref` value), a schema Ajv cannot
   * compile (`schema-invalid`, line 0). `file` is relative to `folderRoot`. Never throws. None
   * without `workspaceSchemas` (the file is not read).
   */
  schemaFileProblems(folderRoot: string, file: string): readonly Problem[] {
    if (!this.workspaceSchemas) return [];
    const abs = path.resolve(folderRoot, file);
    try {
      return schemaFileProblems(file, abs, this.compilerFor(folderRoot));
    } catch (e) {
      return [{ file, severity: 'error', code: 'schema-invalid', message: `The schema could not be checked: ${e instanceof Error ? e.message : String(e)}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    }
  }

  /** Absolute paths of the schema files read so far (resolved schemas and the files they reference), for the host to watch and diagnose. */
  schemaFiles(): readonly string[] {
    return [...new Set([...this.compilers.values()].flatMap((c) => c.knownFiles()))];
  }

  /**
   * Forget what was read and compiled from `absolutePath` (or everything): the file changed, was
   * created or deleted. Cheap for paths that are not schema files, so the host may call it for every change.
   */
  invalidate(absolutePath?: string): void {
    // Uses made from an older compile are replaced on their next lookup (`useOf` compares).
    for (const compiler of this.compilers.values()) compiler.invalidate(absolutePath);
  }

  private compilerFor(folderRoot: string): SchemaCompiler {
    const key = path.resolve(folderRoot);
    let compiler = this.compilers.get(key);
    if (compiler === undefined) this.compilers.set(key, (compiler = new SchemaCompiler(this.host, key)));
    return compiler;
  }

  private readonly compiledOf = new WeakMap<SchemaUse, CompiledSchema>();

  private useOf(source: SchemaSource, abs: string, compiled: CompiledSchema & { kind: 'ok' }): SchemaUse {
    const key = `${source}\u0000${abs}`;
    const cached = this.uses.get(key);
    if (cached !== undefined && this.compiledOf.get(cached) === compiled) return cached;
    const use: SchemaUse = { source, id: abs, schema: compiled.schema, validate: compiled.validate };
    this.uses.set(key, use);
    this.compiledOf.set(use, compiled);
    return use;
  }

  private builtin(convention: ConventionId): SchemaUse | null {
    const b = builtinSchemaFor(convention);
    if (b === undefined) return null;
    const key = `builtin\u0000${b.name}`;
    let use = this.uses.get(key);
    if (use === undefined) {
      const validate = builtinValidator(b.name);
      if (validate === undefined) return null;
      use = { source: 'builtin', id: `builtin:${b.name}`, schema: b.schema, validate };
      this.uses.set(key, use);
    }
    return use;
  }
}

/**
 * The validator of a built-in schema, compiled at build time by ajv's standalone code generation
 * (scripts/builtinValidators.mjs writes ./generated/builtinValidators.js): nothing is compiled at
 * run time, which a browser web worker (vscode.dev) may refuse (`new Function`), and no start pays
 * for it (compiling the three at run time took ~90 ms per run of `milestones validate` in the
 * 10k-file bench, a third of the read floor; loading the generated module takes 0.6 ms). They run
 * native patterns, not RE2 (our own patterns need no bound): 100,000 validations of a valid
 * ExecPlan header take 34 ms, 162 ms compiled at run time. The errors are those of the run-time
 * compile, `parentSchema` included (test/unit/schema/builtinValidators.test.ts). Undefined only
 * when the generated module lacks `name`, which that test rules out for every built-in name.
 */
function builtinValidator(name: string): SchemaUse['validate'] | undefined {
  const fn = precompiled[name];
  return fn === undefined ? undefined : validatorOf(fn);
}

export interface SchemaRegistryOptions {
  /** Whether the workspace's own schemas (`$schema`, the setting, NAME.jsonschema.yaml) are used; default true. */
  readonly workspaceSchemas?: boolean;
}

function sourceProblem(file: string, message: string): Problem {
  return { file, severity: 'error', code: 'schema-source', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function relative(folderRoot: string, abs: string): string {
  const r = path.relative(folderRoot, abs).split(path.sep).join('/');
  return r.startsWith('..') ? abs : r;
}
