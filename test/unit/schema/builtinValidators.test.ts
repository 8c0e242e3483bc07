// The built-in schemas are validated by functions ajv's standalone code generation wrote at build
// time (scripts/builtinValidators.mjs → src/core/schema/generated/), not compiled at run time. Their
// errors must be those of the run-time compile (`createAjv('07')`), `parentSchema` included: the
// messages and quick fixes read enum values and descriptions from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import type { ConventionId } from '../../../src/core/model';
import { builtinSchemaFor } from '../../../src/core/schema/builtinSchemas';
import { builtinValidators } from '../../../src/core/schema/generated/builtinValidators';
import { createAjv } from '../../../src/core/schema/schemaAjv';
import { validatorOf } from '../../../src/core/schema/schemaCompiler';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import type { JsonSchema, SchemaError } from '../../../src/core/schema/schemaTypes';
import { MemoryHost } from './memoryHost';

const root = process.cwd();

type Validate = (data: unknown) => readonly SchemaError[];

interface Case {
  readonly convention: ConventionId;
  readonly valid: readonly Record<string, unknown>[];
  readonly invalid: readonly unknown[];
}

const EXECPLAN = {
  id: 'EP-20260117-014/MS003', execplan_id: 'EP-20260117-014', ms: 3, title: 'Prototype streaming', status: 'in_progress',
  domain: 'backend', owner: '@codex', created: '2026-01-17', updated: '2026-02-28', tags: ['io'], risk: 'low', links: { pr: '#12' },
};
const KB = { status: 'in-progress', goal: 'Parse it', 'depends-on': ['010', '020'], deliverables: ['a parser'] };
const SESSION = {
  milestone_id: 'deploy-dashboard', title: 'Deploy', status: 'in_progress', progress: 50, priority: 'HIGH',
  context: { why: 'ship', related_files: ['src/'], dependencies: [] },
  steps: [{ step: 1, description: 'build', status: 'completed', notes: 'ok' }, { step: 2, description: 'ship', status: 'pending' }],
  next_session_should: ['check'], blockers: [], handoff_notes: '',
};

/** Without `key`. */
function without(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _, ...rest } = o;
  void _;
  return rest;
}

const CASES: readonly Case[] = [
  {
    convention: 'execplan',
    valid: [EXECPLAN, { ...EXECPLAN, extra: { any: 'thing' } }, { ...EXECPLAN, $schema: './x.json' }, { ...EXECPLAN, created: '2024-02-29' }],
    invalid: [
      { ...EXECPLAN, status: 'done' }, // enum
      { ...EXECPLAN, domain: 'Backend', risk: 'medium' }, // two enums
      { ...EXECPLAN, ms: '3' }, // type
      { ...EXECPLAN, ms: 2.5 }, // integer
      { ...EXECPLAN, ms: 0 }, // minimum
      without(EXECPLAN, 'owner'), // required
      {}, // every required key
      { ...EXECPLAN, created: '2026-02-30' }, // format date: no such day
      { ...EXECPLAN, updated: '17/01/2026' }, // format date: not YYYY-MM-DD
      { ...EXECPLAN, created: 20260117 }, // a date that is no string
      { ...EXECPLAN, id: 'EP-1/MS1', execplan_id: 'EP-20260117-14' }, // patterns
      { ...EXECPLAN, owner: 'codex' }, // pattern
      { ...EXECPLAN, owner: '\n@codex', execplan_id: 'EP-20260117-014\n' }, // anchors
      { ...EXECPLAN, tags: ['a', 1, null], links: 'x' }, // items, type
      { ...EXECPLAN, links: { pr: 12, issue: ['x'] } },
      { id: 1, execplan_id: null, ms: -1, title: [], status: 1, domain: 'x', owner: '', created: 'x', updated: '' }, // all at once
      [], null, 'EP-20260117-014', 3,
    ],
  },
  {
    convention: 'kb',
    valid: [KB, { ...KB, 'depends-on': [], owner: '@me' }],
    invalid: [
      { ...KB, status: 'done' },
      { ...KB, 'depends-on': ['10', 10, '0100'] },
      // RE2 at run time, the default engine here: neither lets `$` before a final newline nor `\d` match other digits.
      { ...KB, 'depends-on': ['010\n', '٠١٠', '０１０'] },
      { ...KB, deliverables: 'a parser' },
      without(KB, 'goal'),
      { ...KB, goal: null },
      {}, [KB], true,
    ],
  },
  {
    convention: 'session-json',
    valid: [SESSION, { ...SESSION, steps: [] }, { ...SESSION, progress: 0 }, { ...SESSION, progress: 100, blockers: [1, { a: 2 }] }],
    invalid: [
      { ...SESSION, status: 'done' },
      { ...SESSION, progress: 101 },
      { ...SESSION, progress: -0.5 },
      { ...SESSION, progress: '50' },
      without(SESSION, 'steps'),
      { ...SESSION, steps: [{ step: 0, description: 'd', status: 'nope' }, {}, 'step 3', { step: '4', description: 4, status: 'pending', started_at: 1 }] },
      { ...SESSION, context: { related_files: [1], dependencies: 'x', why: 2 } },
      { ...SESSION, context: [] },
      { ...SESSION, blockers: {}, next_session_should: [null], handoff_notes: 1 },
      {}, null,
    ],
  },
];

/** The validator of a built-in schema as the registry hands it out (Restricted Mode: built-ins only). */
function precompiledOf(convention: ConventionId): Validate {
  const r = new SchemaRegistry(new MemoryHost(), [], { workspaceSchemas: false }).resolve('/ws', 'x', convention, null);
  const use = r.use;
  assert.equal(use?.source, 'builtin');
  return (data) => use.validate(data);
}

/** The validator a run-time compile of the same schema gives (what the registry did before). */
function runtimeOf(schema: JsonSchema): Validate {
  return validatorOf(createAjv('07').compile(schema));
}

for (const c of CASES) {
  const b = builtinSchemaFor(c.convention)!;
  test(`${b.name}: the precompiled validator gives the errors of a run-time compile, parentSchema included`, () => {
    const precompiled = precompiledOf(c.convention);
    const runtime = runtimeOf(b.schema);
    for (const data of c.valid) {
      assert.deepEqual(precompiled(data), [], JSON.stringify(data));
      assert.deepEqual(runtime(data), [], JSON.stringify(data));
    }
    for (const data of c.invalid) {
      const errors = precompiled(data);
      assert.ok(errors.length > 0, JSON.stringify(data));
      assert.deepEqual(errors, runtime(data), JSON.stringify(data));
      // Not a copy: the generated module imports the schema file builtinSchemas.ts bundles.
      errors.forEach((e, i) => assert.equal(e.parentSchema, runtime(data)[i]?.parentSchema));
    }
  });
}

test('the precompiled validators agree with run-time ones on random data of the schemas\' keys', () => {
  // Values of every JSON type, with the enum words, dates, ids and handles the schemas test for.
  const words = fc.constantFrom('planned', 'completed', 'in-progress', 'in_progress', 'pending', 'backend', 'low', 'x', '',
    '2026-01-17', '2026-02-30', '2026-01-17\n', 'EP-20260117-014', 'EP-20260117-014/MS003', 'EP-20260117-014\n', '@codex', '\n@x', '010', '010\n', '٠١٠', '10');
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(words, fc.constantFrom(null, true, 0, 1, 100, 101, -1, 2.5)),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('step', 'description', 'status', 'notes', 'pr', 'why', 'related_files'), tie('node'), { maxKeys: 4, noNullPrototype: true })),
  })).node;
  for (const c of CASES) {
    const b = builtinSchemaFor(c.convention)!;
    const keys = [...Object.keys(b.schema['properties'] as object), 'extra', '$schema'];
    const precompiled = precompiledOf(c.convention);
    const runtime = runtimeOf(b.schema);
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length, noNullPrototype: true }), (data) => {
      assert.deepEqual(precompiled(data), runtime(data));
    }), { numRuns: 300 });
  }
});

test('every built-in schema has its precompiled validator, and the generated module is current', () => {
  for (const convention of ['execplan', 'kb', 'session-json'] as const) {
    assert.equal(typeof builtinValidators[builtinSchemaFor(convention)!.name], 'function', convention);
  }
  // Fails when a schema changed and the module was not written again (the build writes it).
  execFileSync(process.execPath, [path.join(root, 'scripts', 'builtinValidators.mjs'), '--check'], { stdio: 'pipe' });
});
