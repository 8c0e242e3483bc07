// A reading kept without its steps (the language server's index of files no editor has open):
// what is left, what is counted, and how the milestones of the file read again are found.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { fullMilestone, hasRows, isSlim, slimReading } from '../../../src/core/index/slimReading';

const STATUS = [
  '# Status', '',
  '## Milestone 1: Parser', '', '**Status:** In Progress', '', '- [x] Tokens', '- [ ] Errors', '',
  '## Milestone 2: Empty', '', '**Status:** Planned', '',
  '## Milestone 3: Renderer', '', '**Status:** Planned', '', '- [ ] Pages', '',
].join('\n');

test('a reading kept slim has every milestone and its counts, without its steps; one without steps is kept as it is', () => {
  const full = readMilestoneFile('STATUS.md', STATUS);
  assert.ok(full);
  const slim = slimReading(full);
  assert.ok(isSlim(slim) && !isSlim(full));
  assert.deepEqual(slim.milestones.map((m) => [m.title, m.steps.length, m.slim, m.progress]), [
    ['Milestone 1: Parser', 0, { steps: 2, health: 0 }, { done: 1, total: 2 }],
    ['Milestone 2: Empty', 0, undefined, { done: 0, total: 0 }],
    ['Milestone 3: Renderer', 0, { steps: 1, health: 0 }, { done: 0, total: 1 }],
  ]);
  assert.deepEqual(slim.milestones.map(hasRows), [true, false, true]);
  assert.deepEqual(full.milestones.map(hasRows), [true, false, true]);
  // Everything but the steps is the same data.
  const { steps: _s, health: _h, slim: _c, ...rest } = slim.milestones[0]!;
  const { steps: _fs, health: _fh, ...fullRest } = full.milestones[0]!;
  assert.deepEqual(rest, fullRest);
  const bare = readMilestoneFile('STATUS.md', '# Status\n\n## Milestone 1: Nothing yet\n\n**Status:** Planned\n');
  assert.ok(bare);
  assert.equal(slimReading(bare), bare);
});

test('the milestone read again is found at its place, or by its title when the file changed meanwhile', () => {
  const full = readMilestoneFile('STATUS.md', STATUS)!;
  const slim = slimReading(full);
  assert.equal(fullMilestone(full, 2, slim.milestones[2]!), full.milestones[2]);
  const moved = readMilestoneFile('STATUS.md', STATUS.replace('## Milestone 1: Parser', '## Milestone 0: Setup\n\n- [ ] Repo\n\n## Milestone 1: Parser'))!;
  assert.equal(fullMilestone(moved, 0, slim.milestones[0]!)?.title, 'Milestone 1: Parser');
  assert.deepEqual(fullMilestone(moved, 0, slim.milestones[0]!)?.steps.map((s) => s.text), ['Tokens', 'Errors']);
  const renamed = readMilestoneFile('STATUS.md', STATUS.replace('Milestone 3: Renderer', 'Milestone 3: Pages'))!;
  assert.equal(fullMilestone(renamed, 2, slim.milestones[2]!), undefined);
});
