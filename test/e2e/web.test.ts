// VS Code on the web (vscode.dev, github.dev): the extension loaded as a web extension, so it runs
// in the browser's web worker extension host with its language server in a web worker, and reads
// and writes every file through `vscode.workspace.fs`. A person opens the Milestones view on the
// examples, sees every convention, ticks steps (the file gets exactly that change, signed with the
// identity from the setting), and fixes a schema error with its quick fix.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { localDay } from '../../src/core/edits/timestampStyle';
import { execPlanText } from '../unit/lifecycle/create/createFixtures';
import { examplesWithSettings } from './examplesCopy';
import { FormEditor } from './formEditor';
import { MilestonesView } from './milestonesView';
import { QuickInput } from './quickInput';
import { addQueryBoxTypo, QUERY_BOX, showQueryBoxQuickFix } from './queryBoxTypo';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

const RENDERER = 'docs/milestones.kb/020-renderer.md';
const DEPLOY = 'SESSIONS/MILESTONES/deploy-preview-site.json';
const INDEX_BUILDER = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
let source: string;
let workbench: Workbench;
let view: MilestonesView;

before(async () => {
  source = examplesWithSettings('ms-web-', { 'milestones.identity': 'web-reviewer' });
  addQueryBoxTypo(source);
  workbench = await Workbench.open({ workspace: source, web: true });
  view = new MilestonesView(workbench.page);
  await view.open();
});

after(async () => {
  await workbench?.close('web-last');
  if (source) rmSync(source, { recursive: true, force: true });
});

test('the extension under test is a web extension: a browser entry and no main', () => {
  // Without `main` no Node extension host can run it: what the tree shows comes from the web worker one.
  const manifest = JSON.parse(readFileSync(path.join(workbench.workspace, '..', 'webext', 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest['main'], undefined);
  assert.equal(manifest['browser'], './dist/web/extension.js');
});

test('the tree shows the milestones of every convention, with their progress', async () => {
  const expected: [RegExp, string][] = [
    [/^KB milestones/, 'Milestone 020: Renderer'], [/^Session milestones \(JSON\)/, 'Deploy the preview site'],
    [/^Handoffs/, 'Search index handoff'], [/^ExecPlan milestones/, 'Index builder'], [/^STATUS \/ ROADMAP milestones/, 'Core Pipeline'],
    [/^Codex ExecPlans/, 'Make search work offline'], [/^Kiro specs/, 'offline-preview'], [/^Spec Kit tasks/, 'Search filters'],
  ];
  for (const [group, milestone] of expected) {
    await view.row(group).waitFor();
    await view.row(milestone).waitFor();
  }
  assert.equal(await view.description(view.row('Milestone 020: Renderer')), '1/3');
  assert.equal(await view.description(view.row('Index builder')), '3/7');
  // The tree says where only the built-in schemas apply.
  await view.tree.page().locator('.pane-body .message', { hasText: 'On the web, only the built-in schemas apply.' }).first().waitFor();
  await workbench.screenshot('web-tree');
});

test('a click on a step ticks it in the file through workspace.fs, byte for byte', async () => {
  const file = path.join(workbench.workspace, RENDERER);
  const before = readFileSync(file, 'utf8');
  const milestone = view.row('Milestone 020: Renderer');
  await view.expand(milestone, view.row('Partials can include other partials'));
  await view.clickCheckbox(view.row('Partials can include other partials'));
  await waitForFileText(file, before.replace('- [ ] Partials can include other partials', '- [x] Partials can include other partials'));
  await view.waitForDescription(milestone, '2/3');
});

test('a JSON step ticked on the web is signed with milestones.identity', async () => {
  const file = path.join(workbench.workspace, DEPLOY);
  const milestone = view.row('Deploy the preview site');
  await view.expand(milestone, view.row('Upload to the preview bucket'));
  await view.clickCheckbox(view.row('Upload to the preview bucket'));
  const text = await waitForFileText(file, (t) => t.includes('"completed_by": "web-reviewer"'));
  const step = (JSON.parse(text) as { steps: { description: string; status: string; completed_by?: string }[] }).steps.find((s) => s.description === 'Upload to the preview bucket');
  assert.equal(step?.status, 'completed');
  await view.waitForDescription(milestone, '3/5');
});

test('a schema error shows in the editor and the Problems panel, and its quick fix corrects the file', async () => {
  const { page } = workbench;
  const fix = await showQueryBoxQuickFix(page, view);
  await workbench.screenshot('web-quick-fix');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await fix.click();
  await editor.locator('.view-line', { hasText: 'status: planned' }).waitFor();
  await page.keyboard.press('Control+S');
  const file = path.join(workbench.workspace, QUERY_BOX);
  await waitForFileText(file, readFileSync(path.join(source, QUERY_BOX), 'utf8').replace('status: planed', 'status: planned'));
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'did you mean' }).waitFor({ state: 'detached' });
});

test('the Milestone Form opens on the web; a health row set there is saved to the file', async () => {
  const { page } = workbench;
  await page.keyboard.press('Control+J'); // hides the panel the quick fix opened
  await view.row('Index builder').locator('.label-name').click();
  await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Index builder' }).first().waitFor();
  await workbench.runCommand('Milestones: Open in Form');
  const form = new FormEditor(page);
  await form.health('Tests & QA').waitFor();
  await workbench.screenshot('web-form');
  const file = path.join(workbench.workspace, INDEX_BUILDER);
  const before = readFileSync(file, 'utf8');
  await form.choose(form.health('Tests & QA').locator('[data-role="status"]'), '✅');
  await form.saveAndExpect(file, before.replace('| Tests & QA | ⏳ | Builder tests not written yet |', '| Tests & QA | ✅ | Builder tests not written yet |'));
  await workbench.runCommand('View: Close All Editors');
});

test('a lifecycle action on the web: Log Approval… creates DECISIONS.md through the file system', async () => {
  const quick = new QuickInput(workbench.page);
  await view.collapseAll();
  await view.expand(view.row('STATUS / ROADMAP milestones'), view.row(/^Search MVP$/));
  await view.contextMenu(view.row(/^Search MVP$/), 'Log Approval…');
  await quick.type('The decision', 'Approved in the browser');
  const heading = `## ${localDay(new Date())}: Milestone "Search MVP" Approved`;
  await waitForFileText(path.join(workbench.workspace, 'DECISIONS.md'), (t) => t.includes(heading) && t.includes('Approved in the browser'));
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'DECISIONS.md' }).waitFor();
});

test('an edit and a delete made outside VS Code reach the tree through the watcher and workspace.fs', async () => {
  await view.collapseAll();
  await view.expand(view.row(/^KB milestones/), view.row('Milestone 030: Plugins'));
  const plugins = view.row('Milestone 030: Plugins');
  await view.waitForDescription(plugins, '0/2');
  const file = path.join(workbench.workspace, 'docs/milestones.kb/030-plugins.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] ', '- [x] '));
  await view.waitForDescription(plugins, '1/2');
  rmSync(file);
  await plugins.waitFor({ state: 'detached' });
});

test('New Milestone… on the web: the plan offered from its files, MS004 written through workspace.fs', async () => {
  const quick = new QuickInput(workbench.page);
  await view.titleAction('New Milestone…');
  await quick.pick('ExecPlan milestones');
  await quick.pick('EP-20261102-001');
  await quick.type('The milestone title', 'Ranking');
  await quick.pick('backend');
  const file = path.join(workbench.workspace, '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS004_ranking.md');
  await waitForFileText(file, execPlanText({ planId: 'EP-20261102-001', ms: 4, title: 'Ranking', owner: '@web-reviewer', day: localDay(new Date()), domain: 'backend' }));
  await workbench.page.locator('.tabs-container .tab', { hasText: 'EP-20261102-001_MS004_ranking.md' }).waitFor();
});
