import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Milestone, StatusCategory } from '../../../src/core/model';
import { groupRollup } from '../../../src/core/rollups/groupRollup';

function ms(statusCategory: StatusCategory, done: number, total: number): Milestone {
  return {
    convention: 'kb', file: 'docs/x.kb/010-a.md', id: null, title: 'A', status: null, statusCategory, line: 0, endLine: 0,
    group: 'docs/x.kb', fields: {}, steps: [], health: [], progress: { done, total },
  };
}

test('a convention, plan or folder row counts its milestones that are done', () => {
  const group = [ms('done', 2, 2), ms('active', 1, 3), ms('planned', 0, 2)];
  for (const kind of ['convention', 'plan', 'folder'] as const) {
    const r = groupRollup(kind, group);
    assert.equal(r.counts, 'milestones');
    assert.equal(r.label, '1/3 done · 33%');
    assert.match(r.explanation[0]!, /^1 of 3 milestones are done \(33%/);
  }
});

test('a status row counts the steps of its milestones: they all share the status, so milestones done says nothing', () => {
  const active = groupRollup('status', [ms('active', 1, 3), ms('active', 3, 5), ms('active', 0, 0)]);
  assert.equal(active.counts, 'steps');
  assert.equal(active.label, '4/8 steps · 50%');
  assert.match(active.explanation.join(' '), /4 of 8 steps of 3 milestones are done \(50%.*has this status/);
  assert.equal(groupRollup('status', [ms('done', 2, 2)]).label, '2/2 steps · 100%');
});

test('a status row whose milestones have no steps counts the milestones', () => {
  assert.equal(groupRollup('status', [ms('planned', 0, 0), ms('planned', 0, 0)]).label, '2 milestones');
  assert.equal(groupRollup('status', [ms('planned', 0, 0)]).label, '1 milestone');
});
