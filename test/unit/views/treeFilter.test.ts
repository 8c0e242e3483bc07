import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Milestone, Step } from '../../../src/core/model';
import { filterKey, matchMilestone } from '../../../src/core/views/treeFilter';

function step(text: string, depth = 0): Step {
  return { text, state: 'open', line: 0, section: null, depth, source: { kind: 'task', marker: '[ ]', markerOffset: 0 } };
}

function ms(title: string, steps: Step[]): Milestone {
  return {
    convention: 'status-md', file: 'STATUS.md', id: null, title, status: null, statusCategory: 'active', line: 0, endLine: 0,
    group: 'STATUS.md', fields: {}, steps, health: [], progress: { done: 0, total: steps.length },
  };
}

const core = ms('Core Pipeline', [step('Markdown files render to HTML'), step('Templates support partials'), step('Docs list every helper')]);

test('no filter, or a title that matches, keeps the whole milestone', () => {
  assert.deepEqual(matchMilestone(core, ''), { kind: 'all' });
  assert.deepEqual(matchMilestone(core, filterKey('  PIPELINE ')), { kind: 'all' });
});

test('steps that match keep only themselves, case ignored', () => {
  assert.deepEqual(matchMilestone(core, filterKey('Partials')), { kind: 'steps', steps: new Set([1]) });
  assert.deepEqual(matchMilestone(core, filterKey('html')), { kind: 'steps', steps: new Set([0]) });
});

test('a matching nested step keeps the steps it is nested under, not its siblings', () => {
  const nested = ms('Release', [step('Build'), step('Linux'), step('Sign the binaries', 1), step('Notarize', 2), step('Windows', 1), step('Publish')]);
  assert.deepEqual(matchMilestone(nested, filterKey('notarize')), { kind: 'steps', steps: new Set([1, 2, 3]) });
});

test('nothing that matches leaves nothing', () => {
  assert.equal(matchMilestone(core, filterKey('gzip')), null);
});
