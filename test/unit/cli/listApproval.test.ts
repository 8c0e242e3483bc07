// `list --json` and `next` on a folder written at test time: the approval gate of seed 004 in each
// state (required and not logged, required and logged, not required).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli, writeFolder, type ListDocument, type ListedMilestone } from './cliHarness';

const milestone = (name: string, approval: string): string =>
  `## Milestone: ${name}\n\n**Phase:** Phase 1\n\n**Acceptance Criteria:**\n- [x] It works\n- [x] It is tested\n\n**Approval Required:** ${approval}\n`;

const FILES: Record<string, string> = {
  'STATUS.md': ['# Status\n', milestone('Waiting', 'Yes'), milestone('Approved', 'YES (major milestone)'), milestone('Foundation', 'No (foundation work)')].join('\n'),
  'DECISIONS.md': '# Decisions\n\n## 2026-11-20: Milestone "Approved" Approved\n\n**Decision:** Approved to advance to Phase 2\n',
  // A DECISIONS.md logs the milestones beside it only: this one's folder has none.
  'docs/ROADMAP.md': milestone('Approved', 'Yes'),
};

let root = '';
before(() => {
  root = writeFolder('milestones-approval-', FILES);
});
after(() => rmSync(root, { recursive: true, force: true }));

type WithApproval = ListedMilestone & { statusCategory: string; approval?: { required: boolean; logged: boolean } };

function listed(): Map<string, WithApproval> {
  const run = runCli(['list', '--json'], root);
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as ListDocument;
  return new Map(doc.milestones.map((m) => [`${m.file}#${m.title}`, m as WithApproval]));
}

test('list --json: required and not logged is awaiting approval, with "approval": {"required": true, "logged": false}', () => {
  const waiting = listed().get('STATUS.md#Waiting');
  assert.deepEqual(waiting?.approval, { required: true, logged: false });
  assert.equal(waiting?.statusCategory, 'awaiting-approval');
  assert.deepEqual(waiting?.progress, { done: 2, total: 2 });
  assert.deepEqual(listed().get('docs/ROADMAP.md#Approved')?.approval, { required: true, logged: false });
});

test('list --json: required and logged in DECISIONS.md beside it is done, with "logged": true', () => {
  const approved = listed().get('STATUS.md#Approved');
  assert.deepEqual(approved?.approval, { required: true, logged: true });
  assert.equal(approved?.statusCategory, 'done');
});

test('list --json: no approval required, no "approval" key', () => {
  const foundation = listed().get('STATUS.md#Foundation');
  assert.equal(foundation?.statusCategory, 'done');
  assert.equal(foundation !== undefined && 'approval' in foundation, false);
});

test('next lists the milestones awaiting approval with the missing approval as their blocker', () => {
  const run = runCli(['next'], root);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, [
    'STATUS.md:3  Waiting  (2/2)',
    '  ! 11  Awaiting approval: not logged in DECISIONS.md',
    '',
    'docs/ROADMAP.md:1  Approved  (2/2)',
    '  ! 9  Awaiting approval: not logged in docs/DECISIONS.md',
    '',
  ].join('\n'));
});
