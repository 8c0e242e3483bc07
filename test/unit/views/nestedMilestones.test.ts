import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Milestone } from '../../../src/core/model';
import { nestMilestones } from '../../../src/core/views/nestedMilestones';

function handoff(file: string): Milestone {
  return {
    convention: 'handoff', file, id: null, title: file, status: null, statusCategory: 'unknown', line: 0, endLine: 0,
    group: file.slice(0, file.lastIndexOf('/')), fields: {}, steps: [], health: [], progress: { done: 0, total: 0 },
  };
}

const SUMMARY = 'handoffs/1-core-pipeline/0-milestone-summary.md';
const MOVED = 'handoffs/1-core-pipeline/1-project-setup.md';
const LOOSE = 'handoffs/2-search-index.md';

test('a note in a distilled milestone\'s folder goes under the folder\'s summary; a loose note stays at the top', () => {
  const [summary, moved, loose] = [handoff(SUMMARY), handoff(MOVED), handoff(LOOSE)];
  const nested = nestMilestones([summary, moved, loose]);
  assert.deepEqual(nested.top.map((m) => m.file), [SUMMARY, LOOSE]);
  assert.deepEqual(nested.under.get(summary)?.map((m) => m.file), [MOVED]);
  assert.equal(nested.under.get(loose), undefined);
});

test('without its summary in the list (hidden, grouped elsewhere) a moved note stays at the top', () => {
  const nested = nestMilestones([handoff(MOVED), handoff(LOOSE)]);
  assert.deepEqual(nested.top.map((m) => m.file), [MOVED, LOOSE]);
  assert.equal(nested.under.size, 0);
});

test('notes of another folder, and milestones of other conventions, are never nested', () => {
  const other = handoff('handoffs/2-search/1-index.md');
  const kb = { ...handoff('docs/handoffs/1-core-pipeline/1-x.md'), convention: 'kb' as const };
  const nested = nestMilestones([handoff(SUMMARY), other, kb]);
  assert.equal(nested.top.length, 3);
});
