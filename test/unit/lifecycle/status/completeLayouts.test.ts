// Complete in the layouts agents write today: agentrules' current ExecPlan layout moves a completed
// milestone to milestones/complete/ (links to it follow); the task lists whose tasks are their status
// (Kiro, Spec Kit, Codex ExecPlans) are complete once every counted task is ticked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPlanToTexts } from '../../../../src/core/lifecycle/applyPlanToTexts';
import { completeMilestone } from '../../../../src/core/lifecycle/status/completeMilestone';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { conventionProblems } from '../../../../src/core/checks/conventionProblems';
import { toggleStep } from '../../../../src/core/edits/toggleStep';
import { refOf } from '../../../../src/core/model';
import { applyEdits } from '../../../../src/core/text/applyEdits';
import { assertUnchanged, ctx, memory, refIn, refusal, TODAY } from './lifecycleKit';

const ACTIVE = '.agent/exec_plans/active/offline/milestones/active/MS002_replay-queue.md';
const COMPLETE = '.agent/exec_plans/active/offline/milestones/complete/MS002_replay-queue.md';
const NOTES = '.agent/exec_plans/active/offline/milestones/active/MS003_badge.md';
const MS002 = `---
id: EP-20261201-001/MS002
execplan_id: EP-20261201-001
ms: 2
title: "Replay queue"
status: in_progress
owner: "@codex"
created: 2026-12-01
updated: 2026-12-02
---

# Replay queue

## Definition of Done

- [x] Writes made offline are replayed in order
- [x] The queue survives a reload

## Changelog

- 2026-12-02 — Queue written.
`;
const MS003 = `---
id: EP-20261201-001/MS003
execplan_id: EP-20261201-001
ms: 3
title: "Offline badge"
status: planned
---

# Offline badge

Builds on [the replay queue](MS002_replay-queue.md).

- [ ] Show the badge
`;

test('agentrules\' current layout is read as an ExecPlan milestone, ticked as one, and checked clean', () => {
  const reading = readMilestoneFile(NOTES, MS003)!;
  assert.equal(reading.convention, 'execplan');
  const [m] = reading.milestones;
  assert.deepEqual([m!.id, m!.title, m!.status, m!.group], ['EP-20261201-001/MS003', 'Offline badge', 'planned', 'EP-20261201-001']);
  assert.deepEqual(m!.steps.map((s) => [s.text, s.state, s.line]), [['Show the badge', 'open', 12]]);
  const outcome = toggleStep(MS003, NOTES, refOf(m!.steps[0]!), true, ctx);
  assert.equal(outcome.kind, 'ok');
  // Only the box: this header has no `updated` to bump (MS002's tick would bump its own).
  assert.equal(applyEdits(MS003, outcome.kind === 'ok' ? outcome.edits : []), MS003.replace('- [ ] Show', '- [x] Show'));
  const ms002 = readMilestoneFile(ACTIVE, MS002)!.milestones[0]!;
  const untick = toggleStep(MS002, ACTIVE, refOf(ms002.steps[0]!), false, ctx);
  assert.equal(applyEdits(MS002, untick.kind === 'ok' ? untick.edits : []), MS002.replace('- [x] Writes', '- [ ] Writes').replace('updated: 2026-12-02', `updated: ${TODAY}`));
  const done = readMilestoneFile(ACTIVE, MS002)!;
  assert.deepEqual(conventionProblems(ACTIVE, MS002, done).map((p) => p.code), []);
});

test('agentrules\' current layout: complete moves the milestone to milestones/complete/, links following', () => {
  const folder = memory({ [ACTIVE]: MS002, [NOTES]: MS003 });
  const outcome = completeMilestone(folder, refIn(folder, ACTIVE), { force: false }, null, ctx);
  if (outcome.kind === 'refused') assert.fail(outcome.reason);
  assert.equal(outcome.plan.summary, 'Completed "Replay queue" (status completed), moved to milestones/complete/');
  assert.equal(outcome.plan.primary, COMPLETE);
  const texts = applyPlanToTexts(folder, outcome.plan);
  assert.equal(texts.get(ACTIVE), null, 'the old path is gone');
  assert.equal(texts.get(COMPLETE), MS002.replace('status: in_progress', 'status: completed').replace('updated: 2026-12-02', `updated: ${TODAY}`)
    .replace('- 2026-12-02 — Queue written.\n', `- 2026-12-02 — Queue written.\n- ${TODAY} — Completed.\n`));
  assert.equal(texts.get(NOTES), MS003.replace('(MS002_replay-queue.md)', '(../complete/MS002_replay-queue.md)'));
});

test('the seed\'s layout keeps a completed milestone where it is (Archive moves it later)', () => {
  const seed = '.agent/exec_plans/offline/milestones/active/MS002_replay-queue.md';
  const folder = memory({ [seed]: MS002 });
  const outcome = completeMilestone(folder, refIn(folder, seed), { force: false }, null, ctx);
  if (outcome.kind === 'refused') assert.fail(outcome.reason);
  assert.deepEqual(outcome.plan.changes.map((c) => c.kind), ['edit']);
});

test('a task list is complete when its counted tasks are ticked: open ones are listed, optional ones are not', () => {
  const kiro = '.kiro/specs/offline/tasks.md';
  const open = memory({ [kiro]: '# Implementation Plan\n\n- [x] 1. Queue\n- [-] 2. Replay\n- [ ]* 3. Property tests\n' });
  const refused = refusal(completeMilestone(open, refIn(open, kiro), { force: true }, null, ctx));
  assert.equal(refused.reason, '1 of 2 steps of "offline" is still open');
  assert.deepEqual(refused.items, ['2. Replay']);
  const done = memory({ [kiro]: '# Implementation Plan\n\n- [x] 1. Queue\n- [x] 2. Replay\n- [ ]* 3. Property tests\n' });
  assertUnchanged(completeMilestone(done, refIn(done, kiro), { force: false }, null, ctx), /^"offline" is done: every task is ticked$/);
});
