// Writes src/core/schema/generated/builtinValidators.js and .d.ts: the validators of the three
// built-in schemas (schemas/*.schema.json), compiled now by ajv's standalone code generation, so
// that the extension never compiles code at run time for them: in a browser web worker
// (vscode.dev) `new Function` may be refused, and every start paid for the compile. Measured
// (Node 20, esbuild cjs bundle): the run-time compile of the three took 43–48 ms cold (8 ms of it
// `createAjv`), 9–24 ms warm; loading the generated module takes 0.6 ms.
// Workspace schemas are still compiled at run time (src/core/schema/schemaAjv.ts, `createAjv`).
//
// The arrangement: src/core/schema/generated/ is git-ignored and eslint-ignored, and this script
// writes both files in it: the module (ESM, which esbuild bundles into the node cjs bundles and a
// browser esm/iife one alike) and its declaration, whose text is below, so nothing generated is
// committed and no committed file describes a file that may not exist yet. The build runs this
// script before bundling and before tsc; on a fresh clone `tsc --noEmit` passes once it has run.
// With `--check` it writes nothing and fails when the files on disk are not what it would write
// (a unit test runs that). `writeBuiltinValidators(root, outDir)` writes elsewhere.
//
// The module exports `builtinValidators`: the built-in name (the file name without
// `.schema.json`, as src/core/schema/builtinSchemas.ts names them) → validate function, whose
// errors are those of ajv's run-time compile (test/unit/schema/builtinValidators.test.ts proves it).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { _ } = require('ajv/dist/compile/codegen');

/** The built-in schemas, by the name src/core/schema/builtinSchemas.ts gives them. */
const NAMES = ['execplan-milestone', 'kb-milestone', 'session-milestone'];

/** Where the files go, relative to the root. */
const OUT_DIR = path.join('src', 'core', 'schema', 'generated');

/**
 * The options of `createAjv` (src/core/schema/schemaAjv.ts) but two, which only a run-time compile
 * can have and which exist to bound what an UNTRUSTED workspace schema may cost:
 *   - `code.regExp: linearRegExp` (RE2, linear time): a pattern of ours is no attacker's; the
 *     four patterns (`^EP-\d{8}-\d{3}/MS\d{3}$`, `^EP-\d{8}-\d{3}$`, `^@`, `^\d{3}$`) are anchored
 *     and cannot backtrack, so the default engine (`new RegExp(p, "u")`, not code generation)
 *     runs them in linear time too and gives the same answers (the unit test tries final
 *     newlines and non-ASCII digits), faster: 100,000 validations of a valid ExecPlan header
 *     took 34 ms against 162 ms with RE2 (KB: 5 ms against 54 ms);
 *   - the `linearUniqueItems` keyword (a function, which standalone code cannot carry): none of
 *     the three schemas uses `uniqueItems` (`builtinValidatorsCode` refuses one that does, so this is
 *     checked whenever a schema changes), so ajv's own keyword would not even be reached.
 * `loopEnum` is `LOOP_ENUM_FROM` of schemaAjv.ts (the longest enum here has 5 values: no loop).
 * `verbose` keeps `schema` and `parentSchema` in every error, which the messages and quick fixes
 * read (enum values, descriptions); `code.formats` names the import written at the top of the
 * module, where ajv-formats would write a `require()` into ESM code.
 */
function newAjv() {
  const ajv = new Ajv({
    allErrors: true, strict: false, verbose: true, loopEnum: 100,
    code: { source: true, esm: true, optimize: false, lines: true, formats: _`fullFormats` },
  });
  addFormats(ajv);
  return ajv;
}

/** The text of the module and of its declaration, for `outDir` (absolute). */
export function builtinValidatorsCode(root, outDir = path.join(root, OUT_DIR)) {
  const ajv = newAjv();
  const schemas = NAMES.map((name) => {
    const file = path.join(root, 'schemas', `${name}.schema.json`);
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    if (JSON.stringify(schema).includes('"uniqueItems"')) {
      throw new Error(`${name}: uses uniqueItems; decide whether ajv's keyword (quadratic on arrays of objects) is acceptable, see newAjv()`);
    }
    ajv.addSchema(schema, name);
    return { name, file, schema, exportName: name.replace(/-(\w)/g, (_m, c) => c.toUpperCase()) };
  });
  let code = standaloneCode(ajv, Object.fromEntries(schemas.map((s) => [s.exportName, s.name])));
  const imports = [];
  if (code.includes('fullFormats')) imports.push('import { fullFormats } from "ajv-formats/dist/formats";');
  // With `code.source` ajv writes each schema as a literal (`const schema11 = {…};`), a second
  // copy of a file builtinSchemas.ts already bundles: the line becomes an import of that file, so
  // `parentSchema` is the very object of the run-time compile (and the bundle carries one copy).
  code = code.replace(/^const (schema\d+) = (\{.*\});$/gm, (line, id, json) => {
    const s = schemas.find((x) => isDeepStrictEqual(x.schema, JSON.parse(json)));
    if (s === undefined) return line;
    imports.push(`import ${id} from ${JSON.stringify(toImportPath(outDir, s.file))};`);
    return '';
  });
  // ajv's runtime helpers (ucs2length for minLength, equal for object enums …) come as
  // `require("ajv/dist/runtime/…")`: none is needed now; one that appears should be imported.
  if (/\brequire\(/.test(code)) throw new Error('the standalone code has a require(): import it like fullFormats');
  const map = schemas.map((s) => `  ${JSON.stringify(s.name)}: ${s.exportName},`).join('\n');
  const js = [
    '// Generated by scripts/builtinValidators.mjs from schemas/*.schema.json: do not edit.',
    ...imports,
    // ajv's `"use strict";` is no directive below the imports, and an ES module is strict anyway.
    code.replace(/^"use strict";/, '').replace(/\n{2,}/g, '\n').trim(),
    '/** The validator of each built-in schema, by its name. */',
    `export const builtinValidators = {\n${map}\n};`,
    '',
  ].join('\n');
  const dts = [
    '// Generated by scripts/builtinValidators.mjs: do not edit.',
    "import type { ErrorObject } from 'ajv';",
    '',
    '/** A validator ajv\'s standalone code generation wrote at build time: false and `errors` set when `data` is invalid. */',
    'export interface PrecompiledValidate {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    `/** The validator of each built-in schema, by its name (${NAMES.join(', ')}). */`,
    'export declare const builtinValidators: Readonly<Record<string, PrecompiledValidate>>;',
    '',
  ].join('\n');
  return { js, dts };
}

function toImportPath(fromDir, file) {
  const rel = path.relative(fromDir, file).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Writes builtinValidators.js and .d.ts into `outDir` (default src/core/schema/generated/ under `root`). */
export async function writeBuiltinValidators(root, outDir = path.join(root, OUT_DIR)) {
  const { js, dts } = builtinValidatorsCode(root, outDir);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'builtinValidators.js'), js);
  await writeFile(path.join(outDir, 'builtinValidators.d.ts'), dts);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  if (process.argv.includes('--check')) {
    const outDir = path.join(root, OUT_DIR);
    const { js, dts } = builtinValidatorsCode(root, outDir);
    const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
    if (read(path.join(outDir, 'builtinValidators.js')) !== js || read(path.join(outDir, 'builtinValidators.d.ts')) !== dts) {
      console.error(`${OUT_DIR}/builtinValidators.js is not current: run \`node scripts/builtinValidators.mjs\` (the build does).`);
      process.exit(1);
    }
  } else {
    await writeBuiltinValidators(root);
  }
}
