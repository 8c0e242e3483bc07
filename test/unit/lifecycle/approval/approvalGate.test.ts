import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { approvalOf, isApprovalLog, readApprovalLog } from '../../../../src/core/lifecycle/approval/approvalGate';
import { gateMilestone, gateReading, gateReadings } from '../../../../src/core/lifecycle/approval/gateReading';
import { nextMilestones } from '../../../../src/core/lifecycle/next/nextMilestones';
import type { FileReading, Milestone } from '../../../../src/core/model';
import { overallRollup, phaseRollups } from '../../../../src/core/rollups/progressRollups';

/** Two milestones of one phase: "Core" requires approval and has every criterion met; "Docs" requires none. */
const STATUS = `# Status

## Milestone: Core

**Phase:** Phase 1

**Acceptance Criteria:**
- [x] Renders HTML
- [x] Templates work

**Approval Required:** Yes

## Milestone: Docs

**Phase:** Phase 1

- [x] Written

**Approval Required:** No
`;
const LOGGED = '# Decisions\n\n## 2026-11-20: Milestone "Core" Approved\n\n**Decision:** Approved\n';

function reading(file = 'STATUS.md', text = STATUS): FileReading {
  const r = readMilestoneFile(file, text);
  assert.ok(r !== null);
  return r;
}

function byTitle(r: FileReading, title: string): Milestone {
  const m = r.milestones.find((x) => x.title === title);
  assert.ok(m, `no milestone "${title}"`);
  return m;
}

test('an approval-required milestone with every criterion met awaits its approval until DECISIONS.md logs it', () => {
  const waiting = gateReading(reading(), readApprovalLog(null));
  assert.equal(byTitle(waiting, 'Core').statusCategory, 'awaiting-approval');
  assert.deepEqual(byTitle(waiting, 'Core').approval, { required: true, logged: false });
  const approved = gateReading(reading(), readApprovalLog(LOGGED));
  assert.equal(byTitle(approved, 'Core').statusCategory, 'done');
  assert.deepEqual(byTitle(approved, 'Core').approval, { required: true, logged: true });
});

test('a milestone that requires no approval is left as the reader read it, without an approval', () => {
  const gated = gateReading(reading(), readApprovalLog(null));
  assert.equal(byTitle(gated, 'Docs').statusCategory, 'done');
  assert.equal(byTitle(gated, 'Docs').approval, undefined);
  assert.equal(approvalOf(byTitle(gated, 'Docs'), readApprovalLog(LOGGED)), undefined);
  const kb = reading('docs/milestones.kb/010-a.md', '---\nstatus: completed\n---\n# A\n');
  assert.equal(gateReading(kb, readApprovalLog(null)), kb);
});

test('only a milestone that would be done waits: one with open criteria keeps its category', () => {
  const open = reading('STATUS.md', STATUS.replace('- [x] Templates work', '- [ ] Templates work'));
  const core = byTitle(gateReading(open, readApprovalLog(null)), 'Core');
  assert.equal(core.statusCategory, 'active');
  assert.deepEqual(core.approval, { required: true, logged: false });
  const written = reading('STATUS.md', STATUS.replace('**Approval Required:** Yes', '**Approval Required:** Yes\n**Status:** COMPLETE'));
  assert.equal(byTitle(gateReading(written, readApprovalLog(null)), 'Core').statusCategory, 'awaiting-approval');
});

test('gating again with a newer log undoes or redoes the wait, and changes nothing when nothing changed', () => {
  const waiting = gateReading(reading(), readApprovalLog(null));
  assert.equal(gateReading(waiting, readApprovalLog(null)), waiting);
  const approved = gateReading(waiting, readApprovalLog(LOGGED));
  assert.equal(byTitle(approved, 'Core').statusCategory, 'done');
  assert.equal(byTitle(gateReading(approved, readApprovalLog('# Decisions\n')), 'Core').statusCategory, 'awaiting-approval');
  const core = byTitle(approved, 'Core');
  assert.equal(gateMilestone(core, readApprovalLog(LOGGED)), core);
});

test('an approval is logged under the exact title, ignoring case, in the DECISIONS.md beside the STATUS file', () => {
  const log = (text: string) => byTitle(gateReading(reading(), readApprovalLog(text)), 'Core').approval?.logged;
  assert.equal(log('### 2026-11-20: Milestone “core” Approved\r\n'), true);
  assert.equal(log('## 2026-11-20: Milestone "Core Pipeline" Approved\n'), false);
  assert.equal(log('Milestone "Core" Approved\n'), false);
  assert.equal(isApprovalLog('DECISIONS.md'), true);
  assert.equal(isApprovalLog('docs/plan/DECISIONS.md'), true);
  assert.equal(isApprovalLog('docs/decisions.md'), false);
  const texts: Record<string, string> = { 'DECISIONS.md': '# Decisions\n', 'docs/DECISIONS.md': LOGGED };
  const read: string[] = [];
  const gated = gateReadings([reading(), reading('docs/STATUS.md'), reading('docs/ROADMAP.md')], (file) => {
    read.push(file);
    return texts[file] ?? null;
  });
  assert.deepEqual(gated.map((r) => byTitle(r, 'Core').statusCategory), ['awaiting-approval', 'done', 'done']);
  assert.deepEqual(read, ['DECISIONS.md', 'docs/DECISIONS.md'], 'each DECISIONS.md is read once');
});

test('roll-ups count a milestone awaiting approval as not done, and as done once the approval is logged', () => {
  const waiting = gateReading(reading(), readApprovalLog(null)).milestones;
  assert.deepEqual(overallRollup(waiting), { done: 1, total: 2, percent: 50 });
  assert.deepEqual(phaseRollups(waiting).map((p) => [p.phase, p.done, p.total, p.milestones.done]), [['Phase 1', 3, 3, 1]]);
  const approved = gateReading(reading(), readApprovalLog(LOGGED)).milestones;
  assert.deepEqual(overallRollup(approved), { done: 2, total: 2, percent: 100 });
  assert.equal(phaseRollups(approved)[0]!.milestones.done, 2);
});

test('Next lists a milestone awaiting approval with the missing approval as its blocker, on its Approval Required line', () => {
  const next = nextMilestones([{ reading: gateReading(reading(), readApprovalLog(null)), text: STATUS }]);
  assert.deepEqual(next.map((m) => [m.title, m.statusCategory, m.items]), [
    ['Core', 'awaiting-approval', [{ kind: 'blocker', text: 'Awaiting approval: not logged in DECISIONS.md', line: 10 }]],
  ]);
  assert.deepEqual(nextMilestones([{ reading: gateReading(reading(), readApprovalLog(LOGGED)), text: STATUS }]), []);
});
