import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markStep } from '../../../../src/core/lifecycle/status/markStep';
import {
  assertUnchanged, crlfBom, ctx, EXECPLAN, EXECPLAN_FILE, memory, refIn, refusal, SESSION, SESSION_FILE, STAMP, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from './lifecycleKit';

function mark(file: string, text: string, query: string, done = true, title: string | null = null): string {
  const folder = memory({ [file]: text });
  return textAfter(folder, markStep(folder, refIn(folder, file, title), query, done, ctx), file);
}

const PLAN_UPDATED = swap(EXECPLAN, "'2026-11-19'", `'${TODAY}'`);

test('a step is found by its number among the counted steps', () => {
  // 1 = the ticked criterion, 2 = the open one, 3 and 4 the table rows; the plain bullet is not counted.
  assert.equal(mark(EXECPLAN_FILE, EXECPLAN, '2'), swap(PLAN_UPDATED, '- [ ] The index', '- [x] The index'));
  assert.equal(mark(EXECPLAN_FILE, EXECPLAN, '4'), swap(PLAN_UPDATED, '| ⏳ |', '| ✅ |'));
  assert.equal(mark(EXECPLAN_FILE, crlfBom(EXECPLAN), '4'), crlfBom(swap(PLAN_UPDATED, '| ⏳ |', '| ✅ |')));
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN });
  assert.equal(refusal(markStep(folder, refIn(folder, EXECPLAN_FILE), '5', true, ctx)).code, 'not-found');
});

test('a step is found by its exact text or a unique part of it, ignoring case', () => {
  assert.equal(mark(EXECPLAN_FILE, EXECPLAN, 'A2 Drop words that appear on every page'), swap(PLAN_UPDATED, '| ⏳ |', '| ✅ |'));
  assert.equal(mark(EXECPLAN_FILE, EXECPLAN, 'UNDER 200 kb'), swap(PLAN_UPDATED, '- [ ] The index', '- [x] The index'));
  assert.equal(mark(STATUS_FILE, STATUS, 'partials', true, 'Core Pipeline'), swap(STATUS, '- [ ] Templates support partials', '- [x] Templates support partials'));
});

test('an ambiguous part is refused with the candidates', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN });
  const r = refusal(markStep(folder, refIn(folder, EXECPLAN_FILE), 'index', true, ctx));
  assert.equal(r.code, 'invalid-input');
  assert.deepEqual(r.items, ['1. `search-index.json` is written on every build', '2. The index of the docs site is under 200 KB']);
  const none = refusal(markStep(folder, refIn(folder, EXECPLAN_FILE), 'deploy', true, ctx));
  assert.equal(none.code, 'not-found');
  assert.equal(none.items?.length, 4);
});

test('a step without a checkbox is found but cannot be ticked', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN });
  assert.match(refusal(markStep(folder, refIn(folder, EXECPLAN_FILE), 'exclude a page', true, ctx)).reason, /has no checkbox/);
});

test('a session step is ticked with its stamps and the stored progress; undo reverts the status', () => {
  const done = mark(SESSION_FILE, SESSION, '2');
  assert.equal(done, swap(swap(swap(SESSION, '"status": "pending"', `"status": "completed",\n      "completed_by": "Ann Lee",\n      "completed_at": "${STAMP}"`),
    '"progress": 50', '"progress": 100'), '2026-11-19 16:42:00 UTC', STAMP));
  assert.equal(mark(SESSION_FILE, done, 'upload', false), swap(SESSION, '2026-11-19 16:42:00 UTC', STAMP));
});

test('a step already in the wanted state changes nothing', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN });
  assertUnchanged(markStep(folder, refIn(folder, EXECPLAN_FILE), '1', true, ctx), /already done/);
  assertUnchanged(markStep(folder, refIn(folder, EXECPLAN_FILE), '2', false, ctx), /already not done/);
});
