// Workspace schemas written to hang or exhaust the process: each case is a folder made at test
// time, checked with `validate --json` and `list --json` as a user would run them. Each run must
// end well inside a hang detector (not a speed test: these ran for minutes, for ever, or to 6 GB),
// report the problem on the file or reference at fault, and leave the folder's ordinary file
// validated as usual.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportedProblem } from '../../../src/cli/problemFormats';
import { runCliWithin } from './cliHarness';

/** Generous: every case ends in well under a second on 2 cores. */
const HANG_DETECTOR_MS = 10_000;
const posix = process.platform !== 'win32';

const A32 = 'a'.repeat(32);
const HOSTILE = 'docs/milestones.kb/010-hostile.md';
const NORMAL = 'docs/milestones.kb/020-normal.md';
const KB_SCHEMA = 'docs/milestones.jsonschema.yaml';

/** A KB milestone the built-in schema accepts, with `extra` header lines. */
const kb = (extra: string[] = []): string =>
  ['---', 'status: in-progress', 'goal: "A goal"', 'depends-on: []', 'deliverables: ["x"]', 'owner: me', ...extra, '---', '', '# Hostile', ''].join('\n');
/** Breaks the built-in schema (`status`) and every workspace schema here (`required: [owner]`). */
const NORMAL_TEXT = ['---', 'status: finished', 'goal: "Ordinary"', 'depends-on: []', 'deliverables: ["x"]', '---', '', '# Normal', ''].join('\n');
const WORKSPACE_PROBLEM = 'schema-required: missing required key "owner"';
const BUILTIN_PROBLEM = 'schema-enum: status "finished" is not one of not-started, in-progress, completed — did you mean "completed"?';
/** A workspace schema: requires `owner`, plus `rest` (YAML lines). */
const schema = (...rest: string[]): string => ['type: object', 'required: [owner]', ...rest, ''].join('\n');
const REDOS = schema('properties:', '  name:', '    type: string', "    pattern: '^(a+)+$'");
const settings = (schemaFile: string): string => JSON.stringify({ 'milestones.schemas': { [schemaFile]: ['docs/**/*.md'] } });
const upToRoot = '../'.repeat(30);

/** A JSON schema `levels` `properties` deep. */
function nested(levels: number): string {
  let s = '{"type":"string"}';
  for (let i = 0; i < levels; i++) s = `{"properties":{"a":${s}}}`;
  return s;
}

interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  /** Made after the files: FIFOs, symbolic links (`outside` is a folder beside the workspace folder). */
  readonly setup?: (root: string, outside: string) => void;
  readonly posixOnly?: boolean;
  /** The problem at fault. */
  readonly expect: { readonly file: string; readonly code: string; readonly message: string | RegExp };
  /** Which schema the ordinary file is still checked against. */
  readonly normal: 'workspace' | 'builtin';
}

const CASES: readonly Case[] = [
  {
    name: 'a catastrophic pattern in NAME.jsonschema.yaml beside the .kb folder',
    files: { [KB_SCHEMA]: REDOS, [HOSTILE]: kb([`name: "${A32}!"`]) },
    expect: { file: HOSTILE, code: 'schema-pattern', message: `name "${A32}!" does not match the pattern ^(a+)+$` },
    normal: 'workspace',
  },
  {
    name: 'a catastrophic pattern in the schema a file names with $schema',
    files: { 'schemas/x.schema.yaml': REDOS, [HOSTILE]: kb(['$schema: ../../schemas/x.schema.yaml', `name: "${A32}!"`]) },
    expect: { file: HOSTILE, code: 'schema-pattern', message: /does not match the pattern \^\(a\+\)\+\$/ },
    normal: 'builtin',
  },
  {
    name: 'a catastrophic pattern in a schema of the milestones.schemas setting',
    files: { 'schemas/x.schema.yaml': REDOS, '.vscode/settings.json': settings('schemas/x.schema.yaml'), [HOSTILE]: kb([`name: "${A32}!"`]) },
    expect: { file: HOSTILE, code: 'schema-pattern', message: /does not match the pattern \^\(a\+\)\+\$/ },
    normal: 'workspace',
  },
  {
    name: 'a catastrophic patternProperties pattern',
    files: { [KB_SCHEMA]: schema('patternProperties:', "  '^(a+)+$': { type: integer }"), [HOSTILE]: kb([`${A32}: "x"`, `"${A32}!": 1`]) },
    expect: { file: HOSTILE, code: 'schema-type', message: `${A32} must be an integer, not the string "x"` },
    normal: 'workspace',
  },
  {
    name: 'a catastrophic propertyNames pattern',
    files: { [KB_SCHEMA]: schema("propertyNames: { pattern: '^(a+)+$|^[a-z-]+$' }"), [HOSTILE]: kb([`"${A32}!": 1`]) },
    expect: { file: HOSTILE, code: 'schema-property-names', message: /property name/ },
    normal: 'workspace',
  },
  {
    name: 'a backreference, which no linear-time engine runs',
    files: { [KB_SCHEMA]: schema('properties:', '  name:', "    pattern: '^(a)\\1$'"), [HOSTILE]: kb(['name: "ab"']) },
    expect: { file: KB_SCHEMA, code: 'schema-invalid', message: 'Not checked: pattern "^(a)\\\\1$" uses a backreference (\\1), which Milestones cannot run in linear time; the rest of the schema applies.' },
    normal: 'workspace',
  },
  {
    name: 'a $ref to /dev/zero',
    posixOnly: true,
    files: { [KB_SCHEMA]: schema('properties:', "  a: { $ref: '/dev/zero' }"), [HOSTILE]: kb() },
    expect: { file: KB_SCHEMA, code: 'schema-ref', message: '$ref "/dev/zero" is not read: /dev/zero is not a regular file.' },
    normal: 'workspace',
  },
  {
    name: 'a $schema naming /dev/zero',
    posixOnly: true,
    files: { [HOSTILE]: kb(['$schema: /dev/zero']) },
    expect: { file: HOSTILE, code: 'schema-source', message: '$schema "/dev/zero" is not read: /dev/zero is not a regular file.' },
    normal: 'builtin',
  },
  {
    name: 'a $ref to a FIFO',
    posixOnly: true,
    files: { [KB_SCHEMA]: schema('properties:', "  a: { $ref: 'pipe.yaml' }"), [HOSTILE]: kb() },
    setup: (root) => execFileSync('mkfifo', [path.join(root, 'docs/pipe.yaml')]),
    expect: { file: KB_SCHEMA, code: 'schema-ref', message: '$ref "pipe.yaml" is not read: docs/pipe.yaml is not a regular file.' },
    normal: 'workspace',
  },
  {
    name: 'a $schema naming a FIFO',
    posixOnly: true,
    files: { [HOSTILE]: kb(['$schema: ../../schemas/pipe.yaml']) },
    setup: (root) => { mkdirSync(path.join(root, 'schemas')); execFileSync('mkfifo', [path.join(root, 'schemas/pipe.yaml')]); },
    expect: { file: HOSTILE, code: 'schema-source', message: 'schemas/pipe.yaml is not a regular file' },
    normal: 'builtin',
  },
  {
    name: 'a $schema climbing out to /etc/passwd',
    posixOnly: true,
    files: { [HOSTILE]: kb([`$schema: ${upToRoot}etc/passwd`]) },
    expect: { file: HOSTILE, code: 'schema-source', message: 'is not read: /etc/passwd is outside the workspace folder; Milestones reads schemas only from inside it.' },
    normal: 'builtin',
  },
  {
    name: 'a $schema file URL of /etc/passwd',
    posixOnly: true,
    files: { [HOSTILE]: kb(['$schema: file:///etc/passwd']) },
    expect: { file: HOSTILE, code: 'schema-source', message: '$schema "file:///etc/passwd" is not read: /etc/passwd is outside the workspace folder; Milestones reads schemas only from inside it.' },
    normal: 'builtin',
  },
  {
    name: 'a $ref climbing out to /etc/passwd',
    posixOnly: true,
    files: { [KB_SCHEMA]: schema('properties:', `  a: { $ref: '${upToRoot}etc/passwd' }`), [HOSTILE]: kb() },
    expect: { file: KB_SCHEMA, code: 'schema-ref', message: '/etc/passwd is outside the workspace folder; Milestones reads schemas only from inside it.' },
    normal: 'workspace',
  },
  {
    name: 'a schema file that is a symbolic link out of the folder',
    posixOnly: true,
    files: { [HOSTILE]: kb() },
    setup: (root, outside) => {
      writeFileSync(path.join(outside, 'elsewhere.yaml'), schema());
      symlinkSync(path.join(outside, 'elsewhere.yaml'), path.join(root, KB_SCHEMA));
    },
    expect: { file: KB_SCHEMA, code: 'schema-source', message: /^This schema file is not read: docs\/milestones\.jsonschema\.yaml links to .*elsewhere\.yaml, outside the workspace folder/ },
    normal: 'builtin',
  },
  {
    name: 'a 5 MB schema',
    files: { [KB_SCHEMA]: schema(`description: "${'x'.repeat(5 * 1024 * 1024)}"`), [HOSTILE]: kb() },
    expect: { file: KB_SCHEMA, code: 'schema-source', message: 'This schema file is not read: milestones.jsonschema.yaml is 5.0 MB, over the 256 KB limit for schema files.' },
    normal: 'builtin',
  },
  {
    name: 'an enum of 160,000 values (a 1.3 MB schema)',
    files: { [KB_SCHEMA]: schema('properties:', `  status: { enum: [${Array.from({ length: 160_000 }, (_, i) => `v${i}`).join(', ')}] }`), [HOSTILE]: kb() },
    expect: { file: KB_SCHEMA, code: 'schema-source', message: 'milestones.jsonschema.yaml is 1.3 MB, over the 256 KB limit for schema files' },
    normal: 'builtin',
  },
  {
    name: 'an enum of 20,000 values, under the size bound',
    files: { [KB_SCHEMA]: schema('properties:', `  status: { enum: [${Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(', ')}] }`), [HOSTILE]: kb().replace('status: in-progress', 'status: v1999x') },
    expect: { file: HOSTILE, code: 'schema-enum', message: 'status "v1999x" is not one of v0, v1, v2, v3, v4 … (20,000 values)' },
    normal: 'workspace',
  },
  {
    name: 'uniqueItems over 50,000 entries, the repeat first (ajv compared every pair after it)',
    files: {
      'schemas/u.json': JSON.stringify({ type: 'object', properties: { items: { type: 'array', uniqueItems: true } } }),
      'SESSIONS/MILESTONES/big.json': JSON.stringify({ $schema: '../../schemas/u.json', items: [{ n: 0 }, ...Array.from({ length: 50_000 }, (_, n) => ({ n }))] }),
      [HOSTILE]: kb(),
    },
    expect: { file: 'SESSIONS/MILESTONES/big.json', code: 'schema-unique-items', message: 'items has the same entry twice (entries 1 and 2)' },
    normal: 'builtin',
  },
  {
    name: 'a schema 5,000 levels deep in the milestones.schemas setting',
    files: { 'schemas/deep.json': nested(5_000), '.vscode/settings.json': settings('schemas/deep.json'), [HOSTILE]: kb() },
    expect: { file: 'schemas/deep.json', code: 'schema-invalid', message: 'This schema does not compile: it nests deeper than 100 levels, the most Milestones compiles' },
    normal: 'builtin',
  },
  {
    name: 'a schema 5,000 levels deep named by $schema',
    files: { 'schemas/deep.json': nested(5_000), [HOSTILE]: kb(['$schema: ../../schemas/deep.json']) },
    expect: { file: HOSTILE, code: 'schema-source', message: /cannot be used: it nests deeper than 100 levels/ },
    normal: 'builtin',
  },
  {
    name: 'a schema of 5,000 anyOf branches',
    files: { 'schemas/wide.json': JSON.stringify({ anyOf: Array.from({ length: 5_000 }, () => ({ type: 'string' })) }), '.vscode/settings.json': settings('schemas/wide.json'), [HOSTILE]: kb() },
    expect: { file: 'schemas/wide.json', code: 'schema-invalid', message: /it has more than 1,000 objects and lists/ },
    normal: 'builtin',
  },
  {
    name: 'a chain of 330 $refs, each inside the one before',
    files: {
      'schemas/chain.json': JSON.stringify({
        $ref: '#/definitions/d0',
        definitions: Object.fromEntries(Array.from({ length: 330 }, (_, i) => [`d${i}`, i === 329 ? { type: 'string' } : { properties: { a: { $ref: `#/definitions/d${i + 1}` } } }])),
      }),
      '.vscode/settings.json': settings('schemas/chain.json'),
      [HOSTILE]: kb(),
    },
    expect: { file: 'schemas/chain.json', code: 'schema-invalid', message: 'This schema does not compile: its $refs lead through too many levels to compile' },
    normal: 'builtin',
  },
];

let base = '';
before(() => { base = mkdtempSync(path.join(tmpdir(), 'milestones-hostile-')); });
after(() => { if (base !== '') rmSync(base, { recursive: true, force: true }); });

/** The case's workspace folder, made on first use, with an `outside` folder beside it. */
function folderOf(c: Case, index: number): string {
  const root = path.join(base, `case-${index}`, 'ws');
  const outside = path.join(base, `case-${index}`, 'outside');
  mkdirSync(outside, { recursive: true });
  for (const [file, text] of Object.entries({ ...c.files, [NORMAL]: NORMAL_TEXT })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  c.setup?.(root, outside);
  return root;
}

describe('hostile workspace schemas', () => {
  CASES.forEach((c, index) => {
    test(c.name, { skip: c.posixOnly === true && !posix }, () => {
      const root = folderOf(c, index);
      const validate = runCliWithin(['validate', '--json', root], HANG_DETECTOR_MS);
      assert.equal(validate.timedOut, false, 'validate --json hung');
      assert.equal(validate.stderr, '');
      assert.equal(validate.status, 1);
      const problems = (JSON.parse(validate.stdout) as { problems: ReportedProblem[] }).problems;
      const fault = problems.filter((p) => p.file === c.expect.file && p.code === c.expect.code);
      assert.ok(fault.some((p) => (typeof c.expect.message === 'string' ? p.message.includes(c.expect.message) : c.expect.message.test(p.message))),
        `no ${c.expect.code} on ${c.expect.file} saying ${String(c.expect.message)}: ${JSON.stringify(problems, null, 1)}`);
      const normal = problems.filter((p) => p.file === NORMAL).map((p) => `${p.code}: ${p.message}`);
      const [expected, unexpected] = c.normal === 'workspace' ? [WORKSPACE_PROBLEM, BUILTIN_PROBLEM] : [BUILTIN_PROBLEM, WORKSPACE_PROBLEM];
      assert.ok(normal.includes(expected) && !normal.includes(unexpected), `the ordinary file against the ${c.normal} schema: ${normal.join('; ')}`);

      const list = runCliWithin(['list', '--json', root], HANG_DETECTOR_MS);
      assert.equal(list.timedOut, false, 'list --json hung');
      assert.equal(list.status, 0, list.stderr);
      const listed = (JSON.parse(list.stdout) as { milestones: { file: string }[] }).milestones.map((m) => m.file);
      assert.ok(listed.includes(NORMAL), `list shows the ordinary file: ${listed.join(', ')}`);
    });
  });
});
