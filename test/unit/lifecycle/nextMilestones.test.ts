import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMilestones } from '../../../src/core/lifecycle/next/nextMilestones';
import { file } from './nextKit';

const json = (title: string, status: string): string => JSON.stringify({ title, status, steps: [{ description: 'x', status: 'pending' }] });
const kb = (status: string): string => `---\nstatus: ${status}\n---\n\n# Milestone\n\n- [ ] x\n`;

test('blocked milestones come first, then by convention, file and line', () => {
  const status = '## Milestone: B\n\n**Status:** Active\n\n- [ ] x\n\n## Milestone: A\n\n**Status:** Active\n\n- [ ] y\n';
  const found = nextMilestones([
    file('STATUS.md', status),
    file('MILESTONES/z.json', json('Z', 'in_progress')),
    file('MILESTONES/a.json', json('A', 'in_progress')),
    file('docs/milestones.kb/020-b.md', kb('in-progress')),
    file('MILESTONES/blocked.json', json('Blocked', 'blocked')),
    file('docs/milestones.kb/010-a.md', kb('blocked')),
    file('docs/milestones.kb/005-done.md', kb('done')),
  ]);
  assert.deepEqual(found.map((m) => `${m.statusCategory} ${m.file}:${m.line}`), [
    'blocked docs/milestones.kb/010-a.md:0',
    'blocked MILESTONES/blocked.json:0',
    'active docs/milestones.kb/020-b.md:0',
    'active MILESTONES/a.json:0',
    'active MILESTONES/z.json:0',
    'active STATUS.md:0',
    'active STATUS.md:6',
  ]);
});

test('nothing in progress gives an empty list', () => {
  assert.deepEqual(nextMilestones([file('docs/milestones.kb/010-a.md', kb('not-started')), file('MILESTONES/d.json', json('D', 'completed'))]), []);
  assert.deepEqual(nextMilestones([]), []);
});

test('the files may be any iterable, read once', () => {
  function* files(): Generator<ReturnType<typeof file>> {
    yield file('MILESTONES/a.json', json('A', 'in_progress'));
  }
  assert.deepEqual(nextMilestones(files()).map((m) => m.title), ['A']);
});
