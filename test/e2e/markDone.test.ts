// A person opens the Milestones view on the example workspace, ticks one step of each convention
// by clicking its checkbox, and checks the file on disk and the tree; then undoes one tick with
// Ctrl+Z in the editor. Run with `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { MilestonesView } from './milestonesView';
import { examplesWithSettings } from './examplesCopy';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

let workbench: Workbench;
let view: MilestonesView;
let source: string;

before(async () => {
  // The examples plus a workspace setting, so `completed_by` is known in advance.
  source = examplesWithSettings('ms-ui-src-', { 'milestones.identity': 'ui-test' });
  workbench = await Workbench.open({ workspace: source });
  view = new MilestonesView(workbench.page);
  await view.open();
});

after(async () => {
  await workbench?.close('mark-done-last');
  rmSync(source, { recursive: true, force: true });
});

function fileOf(relative: string): string {
  return path.join(workbench.workspace, relative);
}

/** `text` with `from` replaced by `to`, asserting `from` occurs exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Clicks the view's "Collapse All" title action (title actions show while the pointer is over the side bar). */
async function collapseAll(): Promise<void> {
  await view.collapseAll();
}

/** Collapses the whole tree, then expands the given rows in order and returns the step row. */
async function showStep(path: readonly string[], step: string): Promise<Locator> {
  await collapseAll();
  for (const label of path) await view.expand(view.row(label));
  const row = view.row(step);
  await row.waitFor();
  return row;
}

/** A label matched whole, so "Core Pipeline" does not also find "Milestone 1: Core pipeline — …". */
function exactly(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

test('the tree shows every convention with its progress; the status is in each row\'s accessible label', async () => {
  for (const group of ['KB milestones', 'Session milestones (JSON)', 'Handoffs', 'ExecPlan milestones', 'STATUS / ROADMAP milestones', 'Codex ExecPlans', 'Kiro specs', 'Spec Kit tasks']) {
    await view.row(group).waitFor();
  }
  await collapseAll();
  const expected: Array<[readonly string[], string, string, string]> = [
    [['KB milestones'], 'Milestone 020: Renderer', '1/3', 'in-progress (Active)'],
    [['Session milestones (JSON)'], 'Deploy the preview site', '2/5', 'in_progress (Active)'],
    [['Handoffs'], 'Search index handoff — 2026-11-19', '1/3', 'Active'],
    [['ExecPlan milestones', 'EP-20261102-001'], 'Index builder', '3/7', 'in_progress (Active)'],
    [['STATUS / ROADMAP milestones'], 'Core Pipeline', '3/5', 'Active'],
  ];
  for (const [groups, milestone, description, status] of expected) {
    for (const group of groups) await view.expand(view.row(group));
    const row = view.row(exactly(milestone));
    assert.equal(await view.description(row), description, milestone);
    assert.equal(await row.getAttribute('aria-label'), `${milestone}, ${status}, ${description.replace('/', ' of ')} steps done`);
  }
  await workbench.screenshot('tree-all-conventions');
});

test('ticking a STATUS.md criterion writes [x] and updates the milestone', async () => {
  const file = fileOf('STATUS.md');
  const before = readFileSync(file, 'utf8');
  const row = await showStep(['STATUS / ROADMAP milestones', 'Core Pipeline'], 'Incremental rebuild under 200 ms');
  assert.equal(await view.isChecked(row), false);
  await view.clickCheckbox(row, () => waitForFileText(file, replaceOnce(before, '- [ ] Incremental rebuild under 200 ms', '- [x] Incremental rebuild under 200 ms')));
  await view.waitForDescription(view.row(exactly('Core Pipeline')), '4/5');
  await view.waitForChecked(view.row('Incremental rebuild under 200 ms'), true);
});

test('Ctrl+Z in the editor restores the text before the tick', async () => {
  const file = fileOf('STATUS.md');
  const ticked = readFileSync(file, 'utf8');
  const original = replaceOnce(ticked, '- [x] Incremental rebuild under 200 ms', '- [ ] Incremental rebuild under 200 ms');
  // Clicking the step's label opens the file at its line.
  await view.row('Incremental rebuild under 200 ms').locator('.label-name').click();
  const editor = workbench.page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'Incremental rebuild under 200 ms' }).waitFor();
  await editor.locator('.view-lines').click();
  await workbench.page.keyboard.press('Control+Z');
  await editor.locator('.view-line', { hasText: '- [ ] Incremental rebuild under 200 ms' }).waitFor();
  await workbench.page.keyboard.press('Control+S');
  await waitForFileText(file, original);
  await view.waitForDescription(view.row(exactly('Core Pipeline')), '3/5');
  await workbench.screenshot('undo-in-editor');
});

test('ticking a KB success criterion writes [x]', async () => {
  const file = fileOf('docs/milestones.kb/020-renderer.md');
  const before = readFileSync(file, 'utf8');
  const row = await showStep(['KB milestones', 'Milestone 020: Renderer'], 'Partials can include other partials');
  await view.clickCheckbox(row, () => waitForFileText(file, replaceOnce(before, '- [ ] Partials can include other partials', '- [x] Partials can include other partials')));
  await view.waitForDescription(view.row('Milestone 020: Renderer'), '2/3');
});

test('ticking a handoff next step writes [x]', async () => {
  const file = fileOf('handoffs/2-search-index.md');
  const before = readFileSync(file, 'utf8');
  const row = await showStep(['Handoffs', 'Search index handoff'], 'Compress the index with gzip');
  await view.clickCheckbox(row, () => waitForFileText(file, replaceOnce(before, '- [ ] Compress the index with gzip', '- [x] Compress the index with gzip')));
  await view.waitForDescription(view.row('Search index handoff'), '2/3');
});

test('ticking an ExecPlan task row turns ⏳ into ✅ and sets updated to today', async () => {
  const file = fileOf('.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md');
  const before = readFileSync(file, 'utf8');
  const row = await showStep(['ExecPlan milestones', 'EP-20261102-001', 'Index builder'], 'A3 Drop words that appear on every page');
  const expected = replaceOnce(
    replaceOnce(before, '| A3 | Size | Drop words that appear on every page | ⏳ |', '| A3 | Size | Drop words that appear on every page | ✅ |'),
    "updated: '2026-11-19'",
    `updated: '${localToday()}'`,
  );
  await view.clickCheckbox(row, () => waitForFileText(file, expected));
  await view.waitForDescription(view.row('Index builder'), '4/7');
  await workbench.screenshot('execplan-row-ticked');
});

test('ticking a session JSON step completes it with who and when, and recomputes progress', async () => {
  const file = fileOf('SESSIONS/MILESTONES/deploy-preview-site.json');
  const before = readFileSync(file, 'utf8');
  const row = await showStep(['Session milestones (JSON)', 'Deploy the preview site'], 'Upload to the preview bucket');
  const clickedAt = Date.now();
  let after = '';
  await view.clickCheckbox(row, async () => { after = await waitForFileText(file, (text) => text.includes('"completed_by": "ui-test"')); });
  // The file's own timestamp style: "YYYY-MM-DD HH:MM:SS UTC".
  const stamps = [...after.matchAll(/"(?:completed_at|updated_at)": "(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC"/g)].map((m) => m[1]!);
  const fresh = stamps.filter((s) => Math.abs(Date.parse(`${s.replace(' ', 'T')}Z`) - clickedAt) < 60_000);
  assert.equal(fresh.length, 2, `completed_at and updated_at are now: ${stamps.join(', ')}`);
  const [stamp] = fresh;
  let expected = replaceOnce(
    before,
    '      "description": "Upload to the preview bucket",\n      "status": "in_progress",\n',
    `      "description": "Upload to the preview bucket",\n      "status": "completed",\n      "completed_by": "ui-test",\n      "completed_at": "${stamp} UTC",\n`,
  );
  expected = replaceOnce(expected, '"progress": 40,', '"progress": 60,');
  expected = replaceOnce(expected, '"updated_at": "2026-11-19 16:42:00 UTC",', `"updated_at": "${fresh[1]} UTC",`);
  assert.equal(after, expected);
  await view.waitForDescription(view.row('Deploy the preview site'), '3/5');
  await workbench.screenshot('session-json-step-ticked');
});
