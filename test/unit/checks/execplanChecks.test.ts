import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archiveFolder } from '../../../src/core/checks/execplanChecks';
import { assertFires, problemsOf, variants } from './checkKit';

const DIR = '.agent/exec_plans/gtfs/milestones/active';

function plan(fields: Record<string, string>, body = ''): string {
  const f = {
    id: 'EP-20260329-001/MS003', execplan_id: 'EP-20260329-001', ms: '3', title: '"Import feeds"', status: 'in_progress',
    domain: 'backend', owner: '"@codex"', created: '2026-03-29', updated: '2026-03-30', ...fields,
  };
  return `---\n${Object.entries(f).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n# Import feeds\n${body}`;
}

const BODY = `
## Definition of Done

- [x] Feeds import
- [ ] Errors are reported

## Workstreams & Tasks

| ID | Area | Description | Status |
|----|------|-------------|--------|
| A1 | API | Parse feeds | ✅ |
| A2 | Tests | Cover errors | ⏳ |
`;

test('a consistent ExecPlan milestone has no convention problem, in every line-ending variant', () => {
  for (const v of variants(plan({}, BODY))) assert.deepEqual(problemsOf(`${DIR}/EP-20260329-001_MS003_import-feeds.md`, v.text), [], v.name);
  for (const v of variants(plan({}, BODY))) assert.deepEqual(problemsOf(`${DIR}/MS003_import-feeds.md`, v.text), [], v.name);
});

test('execplan-id sits on the id value and proposes the id execplan_id and ms make', () => {
  const [p] = assertFires(`${DIR}/EP-20260329-001_MS004_import-feeds.md`, plan({ id: 'EP-20260329-001/MS004', ms: '4', execplan_id: 'EP-20260329-002' }), 'execplan-id', ['1:4-1:25']);
  assert.equal(p!.severity, 'error');
  assert.equal(p!.message, 'id "EP-20260329-001/MS004" does not match execplan_id and ms: expected "EP-20260329-002/MS004"');
  assert.deepEqual(p!.fixes, [{ kind: 'set-key', key: 'id', value: 'EP-20260329-002/MS004' }]);
});

test('execplan-id covers a quoted id with its quotes, and pads ms to three digits', () => {
  const [p] = assertFires(`${DIR}/EP-20260329-001_MS003_x.md`, plan({ id: '"EP-20260329-001/MS3"' }), 'execplan-id', ['1:4-1:25']);
  assert.match(p!.message, /expected "EP-20260329-001\/MS003"/);
});

test('execplan-filename compares the EP and MS parts of an EP-…_MS###_slug.md name', () => {
  const file = `${DIR}/EP-20260329-001_MS004_import-feeds.md`;
  const [p] = assertFires(file, plan({}), 'execplan-filename', ['1:4-1:25']);
  assert.equal(p!.severity, 'warning');
  assert.equal(p!.message, 'the file name EP-20260329-001_MS004_import-feeds.md does not match id "EP-20260329-001/MS003": expected EP-20260329-001_MS003_import-feeds.md');
  assert.deepEqual(p!.fixes, [
    { kind: 'set-key', key: 'id', value: 'EP-20260329-001/MS004' },
    { kind: 'rename-file', to: `${DIR}/EP-20260329-001_MS003_import-feeds.md` },
  ]);
  assertFires(`${DIR}/EP-20260101-009_MS003_import-feeds.md`, plan({}), 'execplan-filename', ['1:4-1:25']);
});

test('an MS###_slug.md name is checked on its MS number only, and renamed without an EP prefix', () => {
  assertFires(`${DIR}/MS003_gtfs-foundation.md`, plan({}), 'execplan-filename', []);
  const [p] = assertFires(`${DIR}/MS005_gtfs-foundation.md`, plan({}), 'execplan-filename', ['1:4-1:25']);
  assert.deepEqual(p!.fixes, [
    { kind: 'set-key', key: 'id', value: 'EP-20260329-001/MS005' },
    { kind: 'rename-file', to: `${DIR}/MS003_gtfs-foundation.md` },
  ]);
});

test('execplan-filename stays silent when the name or the id has no recognisable form', () => {
  assertFires(`${DIR}/import-feeds.md`, plan({}), 'execplan-filename', []);
  assertFires(`${DIR}/MS004_x.md`, plan({ id: 'EP-YYYYMMDD-NNN/MS###' }), 'execplan-filename', []);
});

test('execplan-dates fires on updated before created, quoted or not, and offers today', () => {
  const [p] = assertFires(`${DIR}/MS003_x.md`, plan({ updated: "'2026-03-28'" }), 'execplan-dates', ['9:9-9:21']);
  assert.equal(p!.message, 'updated 2026-03-28 is earlier than created 2026-03-29');
  assert.deepEqual(p!.fixes, [{ kind: 'set-key', key: 'updated', value: '2026-06-01' }]);
  assertFires(`${DIR}/MS003_x.md`, plan({ updated: '2026-03-28 # last touched' }), 'execplan-dates', ['9:9-9:19']);
  assertFires(`${DIR}/MS003_x.md`, plan({ created: '"2026-03-29"', updated: '2026-03-29' }), 'execplan-dates', []);
  assertFires(`${DIR}/MS003_x.md`, plan({ updated: 'YYYY-MM-DD' }), 'execplan-dates', []);
});

test('execplan-completed-open counts open task items and task rows on the status value', () => {
  const [p] = assertFires(`${DIR}/MS003_x.md`, plan({ status: 'completed' }, BODY), 'execplan-completed-open', ['5:8-5:17']);
  assert.equal(p!.message, 'status is "completed" but 1 task item and 1 task row of 4 are still open');
  const done = BODY.replace('- [ ] Errors', '- [x] Errors').replace('⏳', '✅');
  assertFires(`${DIR}/MS003_x.md`, plan({ status: 'completed' }, done), 'execplan-completed-open', []);
  assertFires(`${DIR}/MS003_x.md`, plan({ status: 'in_progress' }, BODY), 'execplan-completed-open', []);
});

test('execplan-archive-status: an archived file must be archived or completed', () => {
  const archived = '.agent/exec_plans/gtfs/milestones/archive/2026/04/01/MS003_x.md';
  const [p] = assertFires(archived, plan({ status: 'in_progress' }), 'execplan-archive-status', ['5:8-5:19']);
  assert.match(p!.message, /archive folder .*milestones\/archive\/ but its status is "in_progress"/);
  assertFires(archived, plan({ status: 'completed' }), 'execplan-archive-status', []);
  assertFires(archived, plan({ status: 'archived' }), 'execplan-archive-status', []);
  // milestones/complete/ is the same archive under another name.
  assertFires('.agent/exec_plans/p/milestones/complete/MS003_x.md', plan({ status: 'planned' }), 'execplan-archive-status', ['5:8-5:15']);
  assertFires(`${DIR}/MS003_x.md`, plan({ status: 'planned' }), 'execplan-archive-status', []);
});

test('archiveFolder knows archive, complete and completed folders, dated or not', () => {
  assert.equal(archiveFolder('.agent/exec_plans/p/milestones/archive/2026/04/01/MS001_x.md'), '.agent/exec_plans/p/milestones/archive');
  assert.equal(archiveFolder('.agent/exec_plans/complete/2026/05/05/EP-1_p/milestones/active/MS001_x.md'), '.agent/exec_plans/complete/2026/05/05');
  assert.equal(archiveFolder('.agent/exec_plans/p/milestones/completed/MS001_x.md'), '.agent/exec_plans/p/milestones/completed');
  assert.equal(archiveFolder('.agent/exec_plans/p/milestones/active/MS001_x.md'), null);
  assert.equal(archiveFolder('.agent/exec_plans/p/milestones/archive.md'), null);
});
