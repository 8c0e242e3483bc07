import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/extension/treeNodes';
import type { MilestonesApi } from '../../src/extension/testApi';
import { label, milestonesApi, uriOf, waitForTree } from './milestonesTestKit';

const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';

suite('Milestones tree', () => {
  let api: MilestonesApi;
  const children = (node?: TreeNode) => api.tree.getChildren(node);
  const item = (node: TreeNode) => api.tree.getTreeItem(node);
  const rootLabels = () => children().map((n) => label(item(n)));
  const find = (nodes: TreeNode[], text: string) => {
    const node = nodes.find((n) => label(item(n)).includes(text));
    assert.ok(node, `no row "${text}" among ${nodes.map((n) => label(item(n))).join(' | ')}`);
    return node;
  };
  const checkbox = (node: TreeNode) => {
    const state = item(node).checkboxState;
    return typeof state === 'object' ? state.state : state;
  };
  const setting = (key: string, value: unknown) =>
    vscode.workspace.getConfiguration('milestones').update(key, value, vscode.ConfigurationTarget.Global);

  suiteSetup(async () => {
    api = await milestonesApi();
  });

  suiteTeardown(async () => {
    await setting('tree.groupBy', undefined);
    await setting('tree.hideCompleted', undefined);
  });

  test('a single folder shows one group a convention, in a fixed order', () => {
    assert.deepEqual(rootLabels(), ['KB milestones', 'Session milestones (JSON)', 'Handoffs', 'ExecPlan milestones', 'STATUS / ROADMAP milestones']);
  });

  test('group rows roll up how many of their milestones are done, and say so in the tooltip', () => {
    assert.deepEqual(children().map((n) => [label(item(n)), item(n).description]), [
      ['KB milestones', '1/3 done · 33%'],
      ['Session milestones (JSON)', '0/1 done · 0%'],
      ['Handoffs', '1/3 done · 33%'],
      ['ExecPlan milestones', '1/3 done · 33%'],
      ['STATUS / ROADMAP milestones', '1/3 done · 33%'],
    ]);
    const plan = find(children(find(children(), 'ExecPlan')), 'EP-20261102-001');
    assert.equal(item(plan).description, '1/3 done · 33%');
    const tooltip = item(find(children(), 'STATUS')).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(text, /1 of 3 milestones are done \(33%/);
    assert.match(text, /Phase 1: 3\/5 · 60% — 0\/1 milestones done/);
  });

  test('ExecPlan milestones are grouped by plan, with done/total and status', () => {
    const plans = children(find(children(), 'ExecPlan'));
    const plan = find(plans, 'EP-20261102-001');
    const builder = find(children(plan), 'Index builder');
    assert.equal(item(builder).description, '3/7 · in_progress');
    assert.ok(item(builder).iconPath instanceof vscode.ThemeIcon);
  });

  test('steps have checkboxes in the file state; a plain criterion has none', () => {
    const plan = find(children(find(children(), 'ExecPlan')), 'EP-20261102-001');
    const rows = children(find(children(plan), 'Index builder'));
    assert.equal(checkbox(find(rows, 'search-index.json')), vscode.TreeItemCheckboxState.Checked);
    assert.equal(checkbox(find(rows, 'under 200 KB')), vscode.TreeItemCheckboxState.Unchecked);
    assert.equal(checkbox(find(rows, 'Docs explain how to exclude')), undefined);
    const health = children(find(rows, 'Health snapshot'));
    assert.deepEqual(health.map((n) => [label(item(n)), item(n).description]), [
      ['Architecture/design', 'Inverted index, stems only'],
      ['Implementation', 'Large sites exceed the size budget'],
      ['Tests & QA', 'Builder tests not written yet'],
      ['Docs & runbooks', ''],
    ]);
  });

  test('an open step that is in progress or at risk says so beside its checkbox', () => {
    const json = children(find(children(find(children(), 'Session milestones')), 'Deploy the preview site'));
    assert.equal(item(find(json, 'Upload to the preview bucket')).description, 'in progress');
    assert.equal(item(find(json, 'Post the preview URL')).description, undefined);
    const plan = find(children(find(children(), 'ExecPlan')), 'EP-20261102-001');
    const rows = children(find(children(plan), 'Index builder'));
    assert.equal(item(find(rows, 'B1 Golden test')).description, '⚠️ at risk');
    assert.equal(item(find(rows, 'A3 Drop words')).description, undefined);
  });

  test('clicking a step opens its file at its line', async () => {
    const plan = find(children(find(children(), 'ExecPlan')), 'EP-20261102-001');
    const row = item(find(children(find(children(plan), 'Index builder')), 'under 200 KB'));
    assert.ok(row.command);
    await vscode.commands.executeCommand(row.command.command, ...(row.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uriOf(PLAN).toString());
    assert.equal(editor?.document.lineAt(editor.selection.active.line).text, '- [ ] The index of the docs site is under 200 KB');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('hide completed leaves out done milestones, show completed brings them back', async () => {
    const kb = () => children(find(children(), 'KB')).map((n) => label(item(n)));
    assert.ok(kb().some((l) => l.includes('Parser')));
    await vscode.commands.executeCommand('milestones.hideCompleted');
    await waitForTree(api, 'no Parser', () => !kb().some((l) => l.includes('Parser')));
    assert.equal(item(find(children(), 'KB')).description, '1/3 done · 33%', 'the roll-up counts hidden milestones too');
    await vscode.commands.executeCommand('milestones.showCompleted');
    await waitForTree(api, 'Parser again', () => kb().some((l) => l.includes('Parser')));
  });

  test('group by status shows status groups, group by convention restores conventions', async () => {
    await vscode.commands.executeCommand('milestones.groupByStatus');
    await waitForTree(api, 'status groups', () => rootLabels().includes('Done') && rootLabels().includes('Active'));
    assert.deepEqual(children().map((n) => [label(item(n)), item(n).description]), [
      ['Active', '0/5 done · 0%'], ['Planned', '0/4 done · 0%'], ['Done', '4/4 done · 100%'],
    ]);
    await vscode.commands.executeCommand('milestones.groupByConvention');
    await waitForTree(api, 'convention groups', () => rootLabels().includes('KB milestones'));
  });
});
