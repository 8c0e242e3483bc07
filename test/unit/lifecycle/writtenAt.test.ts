import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logApproval } from '../../../src/core/lifecycle/approval/logApproval';
import { archiveExecPlanMilestone } from '../../../src/core/lifecycle/archive/archiveExecPlanMilestone';
import type { FolderSnapshot, PlanOutcome } from '../../../src/core/lifecycle/changePlan';
import { newStatusMilestone } from '../../../src/core/lifecycle/create/statusNew';
import { claimMilestone } from '../../../src/core/lifecycle/status/claimMilestone';
import { writtenAt } from '../../../src/core/lifecycle/writtenAt';
import { ctx, EXECPLAN, EXECPLAN_FILE, memory, refIn, STATUS, STATUS_FILE, textAfter } from './status/lifecycleKit';

/** Where `outcome` says its result is, with the text of that line after the plan. */
function shown(snapshot: FolderSnapshot, outcome: PlanOutcome): { file: string; line: number; text: string } | null {
  assert.equal(outcome.kind, 'ok');
  if (outcome.kind !== 'ok') return null;
  const at = writtenAt(outcome.plan, (f) => snapshot.text(f));
  if (at === null) return null;
  return { ...at, text: textAfter(snapshot, outcome, at.file).split(/\r?\n/)[at.line]! };
}

const DECISIONS = '# Decisions\n\n## 2026-11-01: Milestone "Foundation Complete" Approved\n\n**Decision:** Go\n';

test('an approval appended to DECISIONS.md is shown at its heading, past the blank line before it', () => {
  for (const decisions of [DECISIONS, DECISIONS.trimEnd(), DECISIONS.replace(/\n/g, '\r\n')]) {
    const snapshot = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': decisions });
    const at = shown(snapshot, logApproval(snapshot, refIn(snapshot, STATUS_FILE, 'Core Pipeline'), {}, ctx));
    assert.deepEqual(at, { file: 'DECISIONS.md', line: decisions.split(/\r?\n/).length + (decisions.endsWith('\n') ? 0 : 1), text: '## 2026-11-21: Milestone "Core Pipeline" Approved' });
  }
});

test('a DECISIONS.md the approval creates is shown from its top', () => {
  const snapshot = memory({ [STATUS_FILE]: STATUS });
  assert.deepEqual(shown(snapshot, logApproval(snapshot, refIn(snapshot, STATUS_FILE, 'Core Pipeline'), {}, ctx)), { file: 'DECISIONS.md', line: 0, text: '# Decisions' });
});

test('a milestone appended to STATUS.md is shown at its heading', () => {
  const snapshot = memory({ [STATUS_FILE]: STATUS });
  const outcome = newStatusMilestone(snapshot, { name: 'Search v2', goal: 'Faster search', criteria: [], deliverables: [], approvalRequired: false }, ctx);
  assert.equal(shown(snapshot, outcome)?.text, '## Milestone: Search v2');
});

test('a claim is shown at the line it changed; an archived file at its new path', () => {
  const snapshot = memory({ [EXECPLAN_FILE]: EXECPLAN });
  assert.deepEqual(shown(snapshot, claimMilestone(snapshot, refIn(snapshot, EXECPLAN_FILE), ctx)), { file: EXECPLAN_FILE, line: 7, text: 'owner: "@Ann-Lee"' });
  const archived = shown(snapshot, archiveExecPlanMilestone(snapshot, EXECPLAN_FILE, ctx));
  assert.equal(archived?.file, '.agent/exec_plans/search/milestones/archive/2026/11/21/EP-20261102-001_MS002_index-builder.md');
  assert.equal(archived?.text, 'status: archived');
});

test('a plan without changes or without a primary file shows nothing', () => {
  assert.equal(writtenAt({ changes: [], summary: 'Nothing to do', primary: 'STATUS.md' }, () => ''), null);
  assert.equal(writtenAt({ changes: [{ kind: 'create', file: 'a.md', text: 'x' }], summary: 'Made a.md' }, () => null), null);
});
