// The bounds of one file's check: at most MAX_SCHEMA_PROBLEMS schema problems (and one that counts
// the rest), and a time budget past which the remaining checks are skipped with a problem that says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { CHECK_BUDGET_MS, MAX_SCHEMA_PROBLEMS, validateFile } from '../../../src/core/validate/validateFile';
import { MemoryHost } from '../schema/memoryHost';

const FILE = 'SESSIONS/MILESTONES/many.json';
/** A session milestone whose `steps` all have a status the built-in schema does not allow. */
function manyWrongSteps(n: number): string {
  const steps = Array.from({ length: n }, (_, i) => ({ step: i + 1, description: `Step ${i + 1}`, status: 'bogus' }));
  return JSON.stringify({ milestone_id: 'many', title: 'Many', status: 'in_progress', steps }, null, 2) + '\n';
}
function check(text: string, clock?: () => number) {
  const schemas = new SchemaRegistry(new MemoryHost({}));
  return validateFile(FILE, text, readMilestoneFile(FILE, text), { schemas, folderRoot: '/ws', today: '2026-05-05', ...(clock ? { clock } : {}) });
}

test('a file with thousands of schema errors shows the first ones and one problem counting the rest', () => {
  const problems = check(manyWrongSteps(MAX_SCHEMA_PROBLEMS + 700));
  const enums = problems.filter((p) => p.code === 'schema-enum');
  assert.equal(enums.length, MAX_SCHEMA_PROBLEMS);
  assert.equal(enums[0]!.range.start.line, 8, 'the first is on the first step\'s status');
  const more = problems.filter((p) => p.code === 'schema-too-many');
  assert.equal(more.length, 1);
  assert.equal(more[0]!.message, `700 more schema problems are not shown (at most ${MAX_SCHEMA_PROBLEMS} a file); fix these and check again.`);
});

test('a file under the cap gets every problem and no count', () => {
  const problems = check(manyWrongSteps(3));
  assert.equal(problems.filter((p) => p.code === 'schema-enum').length, 3);
  assert.deepEqual(problems.filter((p) => p.code === 'schema-too-many'), []);
});

test('past the time budget the remaining checks are skipped, and a problem says which stage took too long', () => {
  // A clock that jumps past the budget after the first reading: the schema check "took" too long.
  let calls = 0;
  const clock = () => (calls++ === 0 ? 0 : CHECK_BUDGET_MS + 1);
  const problems = check(manyWrongSteps(2), clock);
  assert.deepEqual(problems.map((p) => p.code), ['not-checked']);
  assert.match(problems[0]!.message, /^Not fully checked: its schema check took longer than 1\.5 s/);
});

test('within the budget nothing is skipped', () => {
  const problems = check(manyWrongSteps(2), () => 0);
  assert.deepEqual(problems.map((p) => p.code), ['schema-enum', 'schema-enum']);
});
