import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../src/core/conventions/readMilestoneFile';
import { milestoneAtLine, ownedByMilestone } from '../../src/core/milestoneAtLine';
import type { Milestone } from '../../src/core/model';
import { validate } from './validate/validateKit';

const STATUS = [
  '# Lantern Status', //                                   0
  '',
  '## Current State',
  '- Phase: Phase 1 - Core',
  '- Milestone: Core Pipeline (90% complete)', //             4: disagrees with 1/2 ticked
  '',
  '## Milestone: Foundation', //                              6
  '',
  '**Progress:** 10%', //                                     8: disagrees with 1/1
  '- [x] Build runs',
  '',
  '## Milestone: Core Pipeline', //                          11
  '',
  '- [x] Parser',
  '- [ ] Renderer',
  '',
  '### Milestone: Templates', //                             16: inside Core Pipeline
  '- [ ] Helpers',
  '',
].join('\n');

function milestones(file: string, text: string): readonly Milestone[] {
  const reading = readMilestoneFile(file, text);
  assert.ok(reading);
  return reading.milestones;
}

test('a STATUS.md line belongs to the innermost milestone that holds it; lines above the first milestone belong to the file', () => {
  const ms = milestones('STATUS.md', STATUS);
  const title = (line: number): string | null => milestoneAtLine(ms, line)?.title ?? null;
  assert.deepEqual([0, 2, 4, 5].map(title), [null, null, null, null]);
  assert.deepEqual([6, 8, 10].map(title), ['Foundation', 'Foundation', 'Foundation']);
  assert.deepEqual([11, 14, 15].map(title), ['Core Pipeline', 'Core Pipeline', 'Core Pipeline']);
  assert.deepEqual([16, 17].map(title), ['Templates', 'Templates']);
});

test('a percentage problem in Current State is on no milestone; one in a milestone\'s lines is on that milestone only', () => {
  const ms = milestones('STATUS.md', STATUS);
  const problems = validate('STATUS.md', STATUS).filter((p) => p.code === 'status-percentage');
  assert.deepEqual(problems.map((p) => p.range.start.line).sort((a, b) => a - b), [4, 8]);
  const on = (title: string): number[] => ownedByMilestone(ms, ms.find((m) => m.title === title)!, problems, (p) => p.range.start.line).map((p) => p.range.start.line);
  assert.deepEqual(on('Foundation'), [8]);
  assert.deepEqual(on('Core Pipeline'), []);
  assert.deepEqual(on('Templates'), []);
  assert.equal(milestoneAtLine(ms, 4), null);
});

test('a whole-file milestone owns every line of its file, its header included', () => {
  const text = '---\nstatus: in-progress\n---\n# Core\n\n- [ ] a\n';
  const ms = milestones('docs/milestones.kb/010-core.md', text);
  assert.deepEqual([0, 1, 3, 5].map((l) => milestoneAtLine(ms, l)?.title), ['Core', 'Core', 'Core', 'Core']);
});
