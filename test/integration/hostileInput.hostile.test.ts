// A workspace with hostile files beside normal ones (a copy of fixtures/hostile/, trusted): YAML
// alias bombs in a KB milestone and a handoff, a workspace schema whose `pattern` backtracks
// exponentially on a backtracking engine. The extension host stays responsive, the bombs and the
// pattern are problems on their exact place, and every other milestone is shown and checked as usual.
import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/extension/treeNodes';
import type { MilestonesApi } from '../../src/extension/testApi';
import { label, milestonesOf, readOutside, stepOf, toggle, waitForIndex } from './milestonesTestKit';
import { codeOf, describe, diagnosticsWithCode, milestonesApi, ours, tupleOf } from './problemsKit';

const BOMB = 'docs/milestones.kb/010-bomb.md';
const NORMAL = 'docs/milestones.kb/020-normal.md';
const REDOS = 'plans/milestones.kb/010-redos.md';
const FINE = 'plans/milestones.kb/020-fine.md';
const HANDOFF = 'handoffs/1-bomb.md';

/** A hang detector for the extension host's event loop, not a speed test. */
const LONGEST_BLOCK_MS = 2000;

suite('Hostile files beside normal ones', () => {
  let api: MilestonesApi;
  const children = (node?: TreeNode) => api.tree.getChildren(node);
  const labels = (nodes: TreeNode[]) => nodes.map((n) => label(api.tree.getTreeItem(n)));
  const descriptionOf = async (title: string): Promise<string> => {
    const all: TreeNode[] = [];
    const walk = async (nodes: TreeNode[]) => { for (const n of nodes) { all.push(n); await walk(await children(n)); } };
    await walk(await children());
    const row = all.find((n) => label(api.tree.getTreeItem(n)) === title);
    assert.ok(row, `no row "${title}" in the tree: ${labels(all).join(' | ')}`);
    return String(api.tree.getTreeItem(row).description ?? '');
  };

  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the workspace schemas apply only in a trusted workspace');
    api = await milestonesApi();
  });

  test('indexing and checking everything again never blocks the extension host for seconds', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await vscode.commands.executeCommand('milestones.refresh');
    await api.whenIndexed();
    await vscode.commands.executeCommand('milestones.validateWorkspace');
    delay.disable();
    const longestMs = delay.max / 1e6;
    assert.ok(longestMs < LONGEST_BLOCK_MS, `the event loop was blocked for ${longestMs.toFixed(0)} ms`);
  });

  test('the tree shows every milestone, the bombs with the steps that could be read', async () => {
    assert.deepEqual(labels(await children()), ['KB milestones', 'Handoffs', 'STATUS / ROADMAP milestones']);
    assert.match(await descriptionOf('Alias bomb'), /^1\/2\b/);
    assert.match(await descriptionOf('Normal milestone'), /^0\/2\b/);
    assert.match(await descriptionOf('Catastrophic pattern'), /^0\/1\b/);
    assert.match(await descriptionOf('Fine plan'), /^0\/1\b/);
    assert.match(await descriptionOf('Handoff with a bomb'), /^0\/1\b/);
    assert.match(await descriptionOf('Launch'), /^1\/2\b/);
  });

  test('each alias bomb is an error on its first alias', async () => {
    for (const file of [BOMB, HANDOFF]) {
      const [d] = await diagnosticsWithCode(file, 'yaml-aliases');
      assert.ok(d, describe(file));
      const text = await readOutside(file);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('*a0'));
      assert.deepEqual(tupleOf(d.range).slice(0, 2), [line, lines[line]!.indexOf('*a0')], describe(file));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /aliases expand beyond 100,000 values/);
    }
  });

  test('the catastrophic pattern is checked, and fails on the value', async () => {
    const [d] = await diagnosticsWithCode(REDOS, 'schema-pattern');
    assert.ok(d, describe(REDOS));
    const line = (await readOutside(REDOS)).split('\n').findIndex((l) => l.startsWith('slug:'));
    assert.equal(d.range.start.line, line, describe(REDOS));
    assert.deepEqual(ours(FINE).map(codeOf), [], describe(FINE));
  });

  test('the normal milestone beside the bomb is checked as usual', async () => {
    const [d] = await diagnosticsWithCode(NORMAL, 'schema-enum');
    assert.ok(d, describe(NORMAL));
    assert.equal(d.range.start.line, 1, describe(NORMAL));
  });

  test('a step of the normal milestone still ticks', async () => {
    const step = stepOf(api, NORMAL, 'Tick me');
    const result = await toggle(NORMAL, step, true);
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    await waitForIndex(api, 'the ticked step', () => milestonesOf(api, NORMAL)[0]?.progress.done === 1, 5000);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    assert.match(await readOutside(NORMAL), /- \[x\] Tick me/);
  });
});
