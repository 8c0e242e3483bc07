import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { MilestoneIndex } from '../../../src/core/index/milestoneIndex';
import type { FileReading } from '../../../src/core/model';
import { record } from './recordEvents';

const GATED = '## Milestone: Core\n\n- [x] Renders HTML\n\n**Approval Required:** Yes\n';
const LOGGED = '## 2026-11-20: Milestone "Core" Approved\n';

function reading(file: string, text = GATED): FileReading {
  const r = readMilestoneFile(file, text);
  assert.ok(r !== null);
  return r;
}

function category(index: MilestoneIndex, file: string): string | undefined {
  return index.get('A', file)?.milestones[0]?.statusCategory;
}

test('a reading set before its DECISIONS.md is known awaits approval, and asks for the log', () => {
  const index = new MilestoneIndex();
  assert.equal(index.lacksApprovalLog('A', reading('STATUS.md')), true);
  index.set('A', 'STATUS.md', reading('STATUS.md'));
  assert.equal(category(index, 'STATUS.md'), 'awaiting-approval');
  index.setApprovalLog('A', 'DECISIONS.md', null);
  assert.equal(index.lacksApprovalLog('A', reading('STATUS.md')), false);
  assert.equal(index.lacksApprovalLog('A', reading('docs/STATUS.md')), true);
  assert.equal(index.lacksApprovalLog('A', reading('docs/STATUS.md', '## Milestone: X\n\n- [x] a\n')), false, 'no approval required');
});

test('logging the approval in DECISIONS.md makes the milestone beside it done, and reports that file only', () => {
  const index = new MilestoneIndex();
  index.setApprovalLog('A', 'DECISIONS.md', null);
  index.set('A', 'STATUS.md', reading('STATUS.md'));
  index.set('A', 'docs/STATUS.md', reading('docs/STATUS.md'));
  index.set('B', 'STATUS.md', reading('STATUS.md'));
  const events = record(index);
  index.setApprovalLog('A', 'DECISIONS.md', LOGGED);
  assert.equal(category(index, 'STATUS.md'), 'done');
  assert.equal(category(index, 'docs/STATUS.md'), 'awaiting-approval');
  assert.equal(index.get('B', 'STATUS.md')?.milestones[0]?.statusCategory, 'awaiting-approval');
  assert.deepEqual(events, [{ changes: [{ folder: 'A', file: 'STATUS.md', kind: 'set' }] }]);
  index.setApprovalLog('A', 'DECISIONS.md', `${LOGGED}\n## 2026-11-21: Milestone "Other" Approved\n`);
  assert.equal(events.length, 1, 'nothing to report when the milestones stay as they are');
});

test('a reading set after its log is gated with it; removing the log (or its folder) makes the milestone wait again', () => {
  const index = new MilestoneIndex();
  index.setApprovalLog('A', 'docs/DECISIONS.md', LOGGED);
  index.set('A', 'docs/STATUS.md', reading('docs/STATUS.md'));
  assert.equal(category(index, 'docs/STATUS.md'), 'done');
  index.removeApprovalLogs('A', 'docs');
  assert.equal(category(index, 'docs/STATUS.md'), 'awaiting-approval');
  assert.equal(index.lacksApprovalLog('A', reading('docs/STATUS.md')), true);
  index.setApprovalLog('A', 'docs/DECISIONS.md', LOGGED);
  index.removeApprovalLogs('A', 'docs/DECISIONS.md');
  assert.equal(category(index, 'docs/STATUS.md'), 'awaiting-approval');
});

test('a renamed reading is gated with the log of its new folder', () => {
  const index = new MilestoneIndex();
  index.setApprovalLog('A', 'DECISIONS.md', LOGGED);
  index.setApprovalLog('A', 'old/DECISIONS.md', null);
  index.set('A', 'old/STATUS.md', reading('old/STATUS.md'));
  assert.equal(category(index, 'old/STATUS.md'), 'awaiting-approval');
  index.rename('A', 'old/STATUS.md', 'STATUS.md');
  assert.equal(category(index, 'STATUS.md'), 'done');
});
