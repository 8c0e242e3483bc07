// A person uses the lifecycle actions from the Milestones view: "New Milestone…" in the view's
// title bar, answered through the quick picks and input boxes; "Complete Milestone" from a row's
// context menu, refused in a dialog that lists the open criteria (Enter and Escape keep it open),
// then "Complete Anyway"; an approval-gated milestone with every criterion ticked awaits approval,
// and Complete offers "Log Approval…". Run with `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
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
  // An earlier decision: Log Approval appends after it.
  writeFileSync(path.join(source, 'DECISIONS.md'), '# Decisions\n\n## 2026-11-01: Milestone "Foundation Complete" Approved\n\n**Decision:** Go on\n');
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
  // The new row is revealed and selected in the tree.
  await view.row('Ranking').and(workbench.page.locator('[aria-selected="true"]')).waitFor();
});

test('Log Approval… on "Search MVP" opens DECISIONS.md at the new entry', async () => {
  const quick = new QuickInput(workbench.page);
  await view.expand(view.row('STATUS / ROADMAP milestones'));
  await view.contextMenu(view.row(/^Search MVP$/), 'Log Approval…');
  await quick.type('The decision', 'Approved early');
  const heading = `## ${localDay(new Date())}: Milestone "Search MVP" Approved`;
  const text = await waitForFileText(fileOf('DECISIONS.md'), (t) => t.includes(heading));
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'DECISIONS.md' }).waitFor();
  // The cursor is on the entry's heading, as the status bar says.
  const line = text.split('\n').indexOf(heading) + 1;
  await workbench.page.locator('.part.statusbar .statusbar-item', { hasText: `Ln ${line}, Col 1` }).waitFor();
  await workbench.runCommand('View: Close All Editors');
});

/**
 * Waits for the dialog's default button (the one focused when it opens, which Enter presses) to be
 * "Keep Open", and presses `key` (Enter or Escape); the dialog closes.
 */
async function answerWith(dialog: Locator, key: 'Enter' | 'Escape'): Promise<void> {
  await dialog.locator('.dialog-buttons .monaco-button:focus', { hasText: 'Keep Open' }).waitFor();
  await workbench.page.keyboard.press(key);
  await dialog.waitFor({ state: 'detached' });
}

test('Complete Milestone on a milestone with open criteria: a dialog lists them; Enter, Escape and Cancel keep the file, Complete Anyway completes it', async () => {
  const file = fileOf('.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md');
  const before = readFileSync(file, 'utf8');
  const dialog = workbench.page.locator('.monaco-dialog-box');
  await view.contextMenu(view.row('Query box'), 'Complete Milestone');
  await dialog.locator('.dialog-message-text', { hasText: '4 of 4 steps of "Query box" are still open.' }).waitFor();
  const detail = await dialog.locator('.dialog-message-detail').innerText();
  assert.equal(detail, '• Results appear within 50 ms of a keystroke\n• The box works with the keyboard alone\n• A1 Search box component\n• A2 Result list with highlighted words');
  await workbench.screenshot('lifecycle-complete-refused');
  await answerWith(dialog, 'Enter');
  assert.equal(readFileSync(file, 'utf8'), before);
  await view.contextMenu(view.row('Query box'), 'Complete Milestone');
  await answerWith(dialog, 'Escape');
  await view.contextMenu(view.row('Query box'), 'Complete Milestone');
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

test('Core Pipeline with every criterion ticked awaits approval; Complete offers Log Approval…: Enter keeps it open, the click writes DECISIONS.md and completes it', async () => {
  const status = fileOf('STATUS.md');
  const decisions = fileOf('DECISIONS.md');
  const core = view.row(/^Core Pipeline$/);
  const group = view.row('STATUS / ROADMAP milestones');
  const doneIn = async (): Promise<number> => Number(/^(\d+)\//.exec(await view.description(group))?.[1]);
  const doneBefore = await doneIn();
  await view.expand(core, view.row('Incremental rebuild under 200 ms for 1,000 pages'));
  for (const criterion of ['Incremental rebuild under 200 ms for 1,000 pages', 'Docs list every template helper']) {
    await view.clickCheckbox(view.row(criterion), () => waitForFileText(status, (t) => t.includes(`- [x] ${criterion}`)));
  }
  await view.waitForDescription(core, '5/5 · awaiting approval');
  await core.locator('.codicon-unverified').waitFor();
  assert.equal(await doneIn(), doneBefore, 'a milestone awaiting approval is not done');
  const menu = await view.contextMenuItems(core);
  assert.ok(menu.includes('Complete Milestone') && menu.includes('Log Approval…'), menu.join(' | '));
  assert.equal(menu.includes('Reopen Milestone'), false, menu.join(' | '));
  const ticked = readFileSync(status, 'utf8');
  const decided = readFileSync(decisions, 'utf8');

  const dialog = workbench.page.locator('.monaco-dialog-box');
  await view.contextMenu(core, 'Complete Milestone');
  await dialog.locator('.dialog-message-text', { hasText: '"Core Pipeline" requires approval (Approval Required: Yes); log the approval in DECISIONS.md first.' }).waitFor();
  await answerWith(dialog, 'Enter');
  assert.equal(readFileSync(status, 'utf8'), ticked);
  assert.equal(readFileSync(decisions, 'utf8'), decided);

  await view.contextMenu(core, 'Complete Milestone');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Log Approval…' }).click();
  await new QuickInput(workbench.page).type('The decision', 'Approved to advance to Phase 2');
  const day = localDay(new Date());
  await waitForFileText(decisions, `${decided.trimEnd()}

## ${day}: Milestone "Core Pipeline" Approved

**Context:** Phase 1 complete, all acceptance criteria met
**Evidence:**
- Acceptance criteria met (5/5)
- Deliverables: Markdown renderer, Template engine, Incremental build cache
- Progress: 100%

**Decision:** Approved to advance to Phase 2
**Next Milestone:** Search MVP
`);
  await waitForFileText(status, ticked.replace('**Approval Required:** Yes\n\n## Milestone: Search MVP', '**Approval Required:** Yes\n**Status:** COMPLETE\n\n## Milestone: Search MVP'));
  // Done: the row's icon says it, and the description no longer says what is missing.
  await view.waitForDescription(core, '5/5');
  await core.locator('.codicon-pass-filled').waitFor();
  assert.equal(await doneIn(), doneBefore + 1);
});
