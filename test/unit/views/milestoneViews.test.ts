import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Milestone, StatusCategory } from '../../../src/core/model';
import { milestoneRowView } from '../../../src/core/views/milestoneRowView';
import { statusBarView } from '../../../src/core/views/statusBarView';

function ms(title: string, status: string | null, statusCategory: StatusCategory, done: number, total: number, fields: Record<string, unknown> = {}): Milestone {
  return {
    convention: 'execplan', file: 'plans/ms.md', id: 'EP-1/MS002', title, status, statusCategory, line: 0, endLine: 9,
    group: 'EP-1', fields, steps: [], health: [], progress: { done, total },
  };
}

test('a milestone row is short: progress (and problems) only; the status leads the tooltip and is read out', () => {
  const row = milestoneRowView(ms('Index builder', 'in_progress', 'active', 3, 7, { owner: '@codex', goal: 'Index the docs' }), '2 problems');
  assert.equal(row.description, '3/7 · 2 problems');
  assert.equal(row.accessibleLabel, 'Index builder, in_progress (Active), 3 of 7 steps done, 2 problems');
  assert.deepEqual(row.details.slice(0, 3), [['Status', 'in_progress (Active)'], ['Progress', '3 of 7 steps done'], ['File', 'plans/ms.md:1']]);
  assert.deepEqual(row.details.map(([name]) => name), ['Status', 'Progress', 'File', 'Id', 'Goal', 'Owner']);
});

test('a milestone without steps or a written status says what its status is from', () => {
  const row = milestoneRowView(ms('Core Pipeline', null, 'planned', 0, 0), '');
  assert.equal(row.description, '');
  assert.equal(row.accessibleLabel, 'Core Pipeline, Planned');
  assert.deepEqual(row.details[0], ['Status', 'Planned']);
});

test('the status bar item has a short text and a plain-text accessible label, whatever the title holds', () => {
  const view = statusBarView(ms('Search **MVP** with a title far longer than thirty characters', null, 'planned', 0, 3));
  assert.equal(view.text, 'Search **MVP** with a title f… 0/3');
  assert.equal(view.accessibleLabel, 'Milestone Search **MVP** with a title far longer than thirty characters: 0 of 3 steps done, status Planned');
  assert.doesNotMatch(view.accessibleLabel, /&nbsp;|\\/);
  assert.deepEqual(view.details, ['File: plans/ms.md:1', 'Status: Planned', 'Progress: 0 of 3 steps done']);
});
