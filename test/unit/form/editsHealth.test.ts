import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, crlf, edited, refused } from './editsKit';

const P = PATHS.execplan;
const PLAN = [
  '---', 'title: First', '---', '', '## Current Health Snapshot', '',
  '| Area  | Status | Notes       |', '|-------|--------|-------------|', '| Build | ⏳     | slow        |', '| Docs  | ✅     |             |', '',
  '## Next', '',
].join('\n');
const build = { line: 8, area: 'Build' };

test('a health status changes only its cell content, padding kept', () => {
  assert.equal(edited(P, PLAN, { kind: 'setHealthStatus', ref: build, status: '✅' }), PLAN.replace('| ⏳     |', '| ✅     |'));
  assert.equal(edited(P, PLAN, { kind: 'setHealthStatus', ref: build, status: '⏳' }), PLAN);
});

test('notes grow the row without realigning the others; a | is escaped; an empty cell is filled', () => {
  assert.equal(edited(P, PLAN, { kind: 'setHealthNotes', ref: build, notes: 'much slower than before | CI' }),
    PLAN.replace('| slow        |', '| much slower than before \\| CI        |'));
  assert.equal(edited(P, PLAN, { kind: 'setHealthNotes', ref: { line: 9, area: 'Docs' }, notes: 'ok' }), PLAN.replace('| ✅     |             |', '| ✅     | ok            |'));
  assert.match(refused(P, PLAN, { kind: 'setHealthNotes', ref: build, notes: 'a\nb' }), /one line/);
});

test('rows are added after the last row in its style and removed whole, in CRLF', () => {
  const text = crlf(PLAN);
  assert.equal(edited(P, text, { kind: 'addHealthRow', milestone: 0, area: 'Tests', status: '⚠️', notes: 'flaky' }),
    text.replace('| Docs  | ✅     |             |\r\n', '| Docs  | ✅     |             |\r\n| Tests  | ⚠️     | flaky            |\r\n'));
  assert.equal(edited(P, text, { kind: 'removeHealthRow', ref: build }), text.replace('| Build | ⏳     | slow        |\r\n', ''));
  assert.match(refused(P, text, { kind: 'removeHealthRow', ref: { line: 8, area: 'Gone' } }), /no longer in the file/);
});
