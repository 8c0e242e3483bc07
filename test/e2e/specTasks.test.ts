// A person opens the Milestones view on a workspace with a Kiro spec, a Spec Kit task list and a
// Codex ExecPlan, sees each as a milestone under its own group with its tasks (Kiro's in-progress
// and optional ones, Spec Kit's phases, the plan's Progress), and ticks a task of each by clicking
// its checkbox: the file gets exactly that box (and the plan the time), written as the file writes
// its others. Run with `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../harness/repoPaths';
import { MilestonesView } from './milestonesView';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

const KIRO = '.kiro/specs/offline-sync/tasks.md';
const SPEC = 'specs/004-photo-albums/tasks.md';
const PLAN = '.agent/execplans/EP-2026-02-11__offline-search.md';
let workbench: Workbench;
let view: MilestonesView;

before(async () => {
  workbench = await Workbench.open({ workspace: path.join(repoRoot(), 'test/e2e/fixtures/spec-tasks') });
  view = new MilestonesView(workbench.page);
  await view.open();
});

after(async () => {
  await workbench?.close('spec-tasks-last');
});

test('a Kiro spec is a milestone of its tasks; a click ticks the task in progress', async () => {
  const group = view.row(/^Kiro specs/);
  await view.expand(group, view.row('offline-sync'));
  const milestone = view.row('offline-sync');
  assert.match(await view.description(milestone), /2\/5/);
  await view.expand(milestone, view.row('2. Replay writes when the network returns'));
  for (const label of ['1. Set up the sync queue', '2.1 Detect the network coming back', '2.2 Replay in order, oldest first', '2.3 Write property tests for the replay order', '3. Show the pending count in the status bar']) {
    await view.row(label).waitFor();
  }
  assert.equal(await view.description(view.row('2. Replay writes when the network returns')), 'in progress');
  assert.equal(await view.description(view.row('2.3 Write property tests for the replay order')), 'optional, not counted');
  await workbench.screenshot('spec-tasks-kiro');
  const before = readFileSync(path.join(workbench.workspace, KIRO), 'utf8');
  const row = view.row('2. Replay writes when the network returns');
  assert.equal(await view.isChecked(row), false);
  await view.clickCheckbox(row);
  await waitForFileText(path.join(workbench.workspace, KIRO), before.replace('- [-] 2. Replay', '- [x] 2. Replay'));
  await view.waitForDescription(milestone, /3\/5/);
});

test('a Spec Kit task list shows its task ids; a click writes [X] as the file does', async () => {
  const group = view.row(/^Spec Kit tasks/);
  await view.expand(group, view.row('Photo Albums'));
  const milestone = view.row('Photo Albums');
  await view.expand(milestone, view.row(/^T010 \[P\] \[US1\] Album model/));
  const before = readFileSync(path.join(workbench.workspace, SPEC), 'utf8');
  await view.clickCheckbox(view.row(/^T010 \[P\] \[US1\] Album model/));
  await waitForFileText(path.join(workbench.workspace, SPEC), before.replace('- [ ] T010', '- [X] T010'));
  await view.waitForDescription(milestone, /3\/4/);
  await workbench.screenshot('spec-tasks-spec-kit');
});

test('a Codex ExecPlan shows its Progress and its Decision Log; a tick writes when it was done', async () => {
  const group = view.row(/^Codex ExecPlans/);
  await view.expand(group, view.row('Make search work offline'));
  const milestone = view.row('Make search work offline');
  await view.expand(milestone, view.row('Query the cached index when fetch fails.'));
  await view.row('Decision: keep one index file, not one per section.').waitFor();
  const before = readFileSync(path.join(workbench.workspace, PLAN), 'utf8');
  await view.clickCheckbox(view.row('Query the cached index when fetch fails.'));
  const after = await waitForFileText(path.join(workbench.workspace, PLAN), (text) => text !== before);
  assert.match(after, /^- \[x\] \(\d{4}-\d\d-\d\d \d\d:\d\dZ\) Query the cached index when fetch fails\.$/m);
  assert.equal(after.replace(/- \[x\] \([^)]*\) Query/, '- [ ] Query'), before);
  await view.waitForDescription(milestone, /2\/2/);
  await workbench.screenshot('spec-tasks-codex-plan');
});
