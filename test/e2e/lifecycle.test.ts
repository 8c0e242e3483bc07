// A person uses the lifecycle actions from the Milestones view: "New Milestone…" in the view's
// title bar, answered through the quick picks and input boxes; "Complete Milestone" from a row's
// context menu, refused in a dialog that lists the open criteria, then "Complete Anyway".
// Run with `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { localDay } from '../../src/core/edits/timestampStyle';
import { execPlanText } from '../unit/lifecycle/create/createFixtures';
import { MilestonesView } from './milestonesView';
import { examplesWithSettings } from './examplesCopy';
import { QuickInput } from './quickInput';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

let workbench: Workbench;
let view: MilestonesView;
let source: string;

before(async () => {
  source = examplesWithSettings('ms-ui-lc-', { 'milestones.identity': 'ui-test' });
  workbench = await Workbench.open({ workspace: source });
  view = new MilestonesView(workbench.page);
  await view.open();
});

after(async () => {
  await workbench?.close('lifecycle-last');
  rmSync(source, { recursive: true, force: true });
});

const fileOf = (relative: string) => path.join(workbench.workspace, relative);

test('New Milestone… from the view title: ExecPlan, plan, title, domain → MS004 written, shown and opened', async () => {
  const quick = new QuickInput(workbench.page);
  await view.row('Index builder').waitFor();
  await view.titleAction('New Milestone…');
  await quick.pick('ExecPlan milestones');
  await quick.pick('EP-20261102-001');
  await quick.type('The milestone title', 'Ranking');
  await quick.pick('backend');
  const file = fileOf('.agent/exec_plans/search/milestones/active/EP-20261102-001_MS004_ranking.md');
  await waitForFileText(file, execPlanText({ planId: 'EP-20261102-001', ms: 4, title: 'Ranking', owner: '@ui-test', day: localDay(new Date()), domain: 'backend' }));
  await workbench.page.locator('.tabs-container .tab', { hasText: 'EP-20261102-001_MS004_ranking.md' }).waitFor();
  await view.row('Ranking').waitFor();
});

test('Complete Milestone on a milestone with open criteria: a dialog lists them; Cancel keeps the file, Complete Anyway completes it', async () => {
  const file = fileOf('.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md');
  const before = readFileSync(file, 'utf8');
  const dialog = workbench.page.locator('.monaco-dialog-box');
  await view.contextMenu(view.row('Query box'), 'Complete Milestone');
  await dialog.locator('.dialog-message-text', { hasText: '4 of 4 steps of "Query box" are still open.' }).waitFor();
  const detail = await dialog.locator('.dialog-message-detail').innerText();
  assert.equal(detail, '• Results appear within 50 ms of a keystroke\n• The box works with the keyboard alone\n• A1 Search box component\n• A2 Result list with highlighted words');
  await workbench.screenshot('lifecycle-complete-refused');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(readFileSync(file, 'utf8'), before);

  await view.contextMenu(view.row('Query box'), 'Complete Milestone');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Complete Anyway' }).click();
  const text = await waitForFileText(file, (t) => t.includes('status: completed'));
  const day = localDay(new Date());
  assert.equal(text, before.replace('status: planned', 'status: completed').replace('updated: 2026-11-19', `updated: ${day}`)
    .replace('- 2026-11-19 — Milestone created.\n', `- 2026-11-19 — Milestone created.\n- ${day} — Completed.\n`));
  assert.equal(existsSync(file), true);
});
