import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../src/extension/testApi';
import { closeAllEditors, milestonesApi, milestonesOf, readOutside, stepOf, toggle, uriOf, waitForIndex, waitForSelection, writeOutside } from './milestonesTestKit';

const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
const STATUS = 'STATUS.md';

/** Resolves when `holds()` is true, checked now and after every status bar update (never on a clock). */
function waitForStatusBar(api: MilestonesApi, what: string, holds: () => boolean, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`the status bar did not show ${what} within ${timeoutMs} ms (it shows "${api.statusBar.text}")`)); }, timeoutMs);
    const sub = api.statusBar.onDidUpdate(() => {
      if (!holds()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

async function openAt(file: string, line: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uriOf(file));
  return vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0) });
}

suite('status bar', () => {
  let api: MilestonesApi;
  let planText: string;

  suiteSetup(async () => {
    api = await milestonesApi();
    planText = await readOutside(PLAN);
  });

  teardown(async () => {
    await closeAllEditors();
    if ((await readOutside(PLAN)) !== planText) {
      await writeOutside(PLAN, planText);
      await waitForIndex(api, 'Index builder back at 3/7', () => milestonesOf(api, PLAN)[0]?.progress.done === 3, 5000);
    }
  });

  test('the Index builder file shows its milestone and progress; ticking a step updates it', async () => {
    await openAt(PLAN, 0);
    await waitForStatusBar(api, 'Index builder 3/7', () => api.statusBar.text === '$(milestone) Index builder 3/7');
    assert.ok(api.statusBar.visible);
    const result = await toggle(PLAN, stepOf(api, PLAN, 'under 200 KB'), true);
    assert.equal(result.kind, 'ok');
    await waitForStatusBar(api, 'Index builder 4/7', () => api.statusBar.text === '$(milestone) Index builder 4/7', 5000);
  });

  test('its accessible label is plain text: the title, the progress and the status, no markdown', async () => {
    await openAt(PLAN, 0);
    await waitForStatusBar(api, 'Index builder', () => api.statusBar.text.includes('Index builder'));
    assert.equal(api.statusBar.accessibleLabel, 'Milestone Index builder: 3 of 7 steps done, status in_progress (Active)');
  });

  test('in STATUS.md it shows the milestone under the cursor', async () => {
    const lines = (await readOutside(STATUS)).split(/\r?\n/);
    const core = lines.indexOf('## Milestone: Core Pipeline');
    assert.ok(core > 0, 'no Core Pipeline heading in STATUS.md');
    const editor = await openAt(STATUS, core + 3);
    await waitForStatusBar(api, 'Core Pipeline 3/5', () => api.statusBar.text === '$(milestone) Core Pipeline 3/5');
    const foundation = lines.indexOf('## Milestone: Foundation Complete');
    editor.selection = new vscode.Selection(foundation + 1, 0, foundation + 1, 0);
    await waitForStatusBar(api, 'Foundation Complete 3/3', () => api.statusBar.text === '$(milestone) Foundation Complete 3/3');
  });

  test('in STATUS.md, above the first milestone (Current State) it names no milestone', async () => {
    const lines = (await readOutside(STATUS)).split(/\r?\n/);
    const current = lines.indexOf('## Current State');
    assert.ok(current >= 0 && current < lines.indexOf('## Milestone: Foundation Complete'), 'no Current State above the first milestone');
    const editor = await openAt(STATUS, lines.indexOf('## Milestone: Core Pipeline') + 1);
    await waitForStatusBar(api, 'Core Pipeline', () => api.statusBar.text.includes('Core Pipeline'));
    editor.selection = new vscode.Selection(current + 1, 0, current + 1, 0);
    await waitForStatusBar(api, 'nothing on the Current State lines', () => !api.statusBar.visible);
  });

  test('a file that holds no milestone hides it', async () => {
    await openAt(PLAN, 0);
    await waitForStatusBar(api, 'Index builder', () => api.statusBar.visible);
    await openAt('README.md', 0);
    await waitForStatusBar(api, 'nothing', () => !api.statusBar.visible);
    assert.equal(api.statusBar.text, '');
  });

  test('Reveal in Tree selects the milestone\'s row', async () => {
    await openAt(PLAN, 0);
    await waitForStatusBar(api, 'Index builder', () => api.statusBar.text.includes('Index builder'));
    const id = await vscode.commands.executeCommand<string | undefined>('milestones.revealInTree');
    assert.ok(id, 'revealInTree found no row');
    await waitForSelection(api.treeView, id);
    const row = api.treeView.selection[0];
    assert.ok(row, 'no row is selected');
    assert.equal(row.kind, 'milestone');
    assert.equal(row.kind === 'milestone' && row.title, 'Index builder');
  });
});
