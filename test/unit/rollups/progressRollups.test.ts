import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Milestone, StatusCategory } from '../../../src/core/model';
import { milestoneRollup, overallRollup, percentOf, phaseRollups, rollupLabel } from '../../../src/core/rollups/progressRollups';

function ms(title: string, statusCategory: StatusCategory, done: number, total: number, phase?: unknown): Milestone {
  return {
    convention: 'status-md', file: 'STATUS.md', id: null, title, status: null, statusCategory, line: 0, endLine: 0,
    group: 'STATUS.md', fields: phase === undefined ? {} : { phase }, steps: [], health: [], progress: { done, total },
  };
}

test('percentOf rounds down and is 0 for an empty total', () => {
  assert.equal(percentOf(2, 3), 66);
  assert.equal(percentOf(1, 3), 33);
  assert.equal(percentOf(3, 3), 100);
  assert.equal(percentOf(0, 0), 0);
});

test('overall: completed milestones of all milestones of the group', () => {
  const group = [ms('A', 'done', 3, 3), ms('B', 'active', 3, 5), ms('C', 'planned', 0, 3), ms('D', 'done', 0, 0), ms('E', 'blocked', 1, 2)];
  assert.deepEqual(overallRollup(group), { done: 2, total: 5, percent: 40 });
  assert.equal(rollupLabel(overallRollup(group)), '2/5 done · 40%');
  assert.deepEqual(overallRollup([]), { done: 0, total: 0, percent: 0 });
});

test('overall counts only statusCategory done as completed, not full progress', () => {
  assert.deepEqual(overallRollup([ms('A', 'active', 4, 4), ms('B', 'dropped', 0, 1)]), { done: 0, total: 2, percent: 0 });
});

test('milestone: met criteria of all criteria', () => {
  assert.deepEqual(milestoneRollup(ms('Index builder', 'active', 3, 7)), { done: 3, total: 7, percent: 42 });
  assert.deepEqual(milestoneRollup(ms('Empty', 'planned', 0, 0)), { done: 0, total: 0, percent: 0 });
});

test('phase: deliverables of the milestones of each phase, in order of appearance', () => {
  const milestones = [
    ms('Foundation', 'done', 3, 3, 'Phase 0'),
    ms('Core', 'active', 3, 5, 'Phase 1'),
    ms('No phase', 'active', 1, 1),
    ms('Search', 'planned', 0, 3, ' Phase 1 '),
    ms('Numbered', 'planned', 1, 4, 2),
    ms('Blank', 'planned', 1, 4, ''),
  ];
  assert.deepEqual(phaseRollups(milestones), [
    { phase: 'Phase 0', done: 3, total: 3, percent: 100, milestones: { done: 1, total: 1, percent: 100 } },
    { phase: 'Phase 1', done: 3, total: 8, percent: 37, milestones: { done: 0, total: 2, percent: 0 } },
    { phase: '2', done: 1, total: 4, percent: 25, milestones: { done: 0, total: 1, percent: 0 } },
  ]);
  assert.deepEqual(phaseRollups([]), []);
});
