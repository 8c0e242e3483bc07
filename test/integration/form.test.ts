import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/extension/treeNodes';
import { closeAllEditors, label, readOutside, uriOf } from './milestonesTestKit';
import { milestonesApi } from './milestonesTestKit';
import { expectedState, localDay, nextPost, openForm, replaceOnce, type FormTestApi } from './formTestKit';

const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
const CONVENTIONS: ReadonlyArray<readonly [string, string]> = [
  ['execplan', PLAN],
  ['status-md', 'STATUS.md'],
  ['kb', 'docs/milestones.kb/020-renderer.md'],
  ['session-json', 'SESSIONS/MILESTONES/deploy-preview-site.json'],
  ['handoff', 'handoffs/1-core-pipeline/0-milestone-summary.md'],
];
const DOD = '- [ ] The index of the docs site is under 200 KB';
const STALE = 'The file changed while you were editing; the form shows the current text now.';

/** Resolves when `holds()` is true, checked now and on each `event` (never on a clock). */
function waitFor(holds: () => boolean, event: vscode.Event<unknown>, what: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no ${what} within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = event(() => {
      if (!holds()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

suite('milestone form editor', () => {
  let api: FormTestApi;

  suiteSetup(async () => {
    api = await milestonesApi();
    await vscode.workspace.getConfiguration('milestones').update('identity', 'Form Tester', vscode.ConfigurationTarget.Global);
  });

  teardown(() => closeAllEditors());

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('milestones').update('identity', undefined, vscode.ConfigurationTarget.Global);
  });

  for (const [convention, file] of CONVENTIONS) {
    test(`a ${convention} file opens in the form, which is shown the state formStateOf computes`, async () => {
      const { doc, state } = await openForm(api, file);
      assert.equal(state.version, doc.version);
      assert.deepEqual(state.state, expectedState(api, file, doc));
      assert.deepEqual(api.form.lastState(doc.uri), state);
    });
  }

  test('a markdown file that is no milestone opens with the unsupported banner', async () => {
    const { state } = await openForm(api, 'README.md');
    assert.equal(state.state.kind, 'unsupported');
  });

  test('Open in Form opens the active milestone file in the form', async () => {
    await vscode.window.showTextDocument(uriOf('STATUS.md'));
    await vscode.commands.executeCommand('milestones.openForm');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom && input.viewType === 'milestones.form' && input.uri.toString() === uriOf('STATUS.md').toString());
  });

  test('Open in Form on a STATUS.md milestone\'s row opens the form at that milestone; the status bar stays, showing it in plain words', async () => {
    const rowOf = (nodes: TreeNode[], text: string) => nodes.find((n) => label(api.tree.getTreeItem(n)).startsWith(text))!;
    const search = rowOf(await api.tree.getChildren(rowOf(await api.tree.getChildren(), 'STATUS')), 'Search MVP');
    assert.ok(search?.kind === 'milestone');
    const uri = uriOf('STATUS.md');
    const revealed = nextPost(api, uri, 'reveal', (m) => m.type === 'reveal');
    // The tree's context menu passes the row and the selection.
    await vscode.commands.executeCommand('milestones.openForm', search, [search]);
    assert.ok(await api.form.send(uri, { type: 'ready' }), 'no form panel for STATUS.md');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom && input.viewType === 'milestones.form' && input.uri.toString() === uri.toString());
    assert.equal(vscode.window.activeTextEditor, undefined);
    assert.deepEqual(await revealed, { type: 'reveal', milestone: 2 });
    const shown = api.form.lastState(uri)?.state;
    assert.equal(shown?.kind === 'form' ? shown.milestones[2]?.title : shown?.kind, 'Search MVP');
    await waitFor(() => api.statusBar.text === '$(milestone) Search MVP 0/3', api.statusBar.onDidUpdate, 'the status bar on Search MVP');
    assert.ok(api.statusBar.visible);
    assert.equal(api.statusBar.accessibleLabel, 'Milestone Search MVP: 0 of 3 steps done, status Planned');
  });

  test('an edit message becomes a WorkspaceEdit: the document changes, is dirty and is not saved; undo restores it', async () => {
    const { doc } = await openForm(api, PLAN);
    const original = doc.getText();
    const ref = { line: original.split('\n').findIndex((l) => l === DOD), text: 'The index of the docs site is under 200 KB', section: 'Definition of Done', kind: 'task' as const };
    const shown = doc.version;
    const posted = nextPost(api, doc.uri, 'the state after the edit', (m) => m.type === 'state' && m.version > shown);
    await api.form.send(doc.uri, { type: 'edit', version: shown, edit: { kind: 'toggleStep', ref, done: true } });
    const expected = replaceOnce(replaceOnce(original, DOD, DOD.replace('[ ]', '[x]')), "updated: '2026-11-19'", `updated: '${localDay()}'`);
    assert.equal(doc.getText(), expected);
    assert.ok(doc.isDirty, 'the document is dirty');
    assert.equal(await readOutside(PLAN), original, 'the file was saved');
    const state = await posted;
    assert.ok(state.type === 'state');
    assert.equal(state.version, doc.version);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original);
  });

  test('an edit made on an older version is refused with a message, and the current state is posted', async () => {
    const { doc } = await openForm(api, 'STATUS.md');
    const typing = new vscode.WorkspaceEdit();
    typing.insert(doc.uri, new vscode.Position(0, 0), '<!-- typed -->\n');
    assert.ok(await vscode.workspace.applyEdit(typing));
    const before = doc.getText();
    const refused = nextPost(api, doc.uri, 'editRefused', (m) => m.type === 'editRefused');
    const current = doc.version;
    const fresh = nextPost(api, doc.uri, 'the fresh state', (m) => m.type === 'state' && m.version === current);
    const ref = { line: 14, text: 'Unit test framework configured', section: 'Acceptance Criteria', kind: 'criterion' as const };
    await api.form.send(doc.uri, { type: 'edit', version: current - 1, edit: { kind: 'toggleStep', ref, done: false } });
    assert.deepEqual(await refused, { type: 'editRefused', version: current, message: STALE });
    await fresh;
    assert.equal(doc.getText(), before);
  });

  test('a change of the text (another editor) posts the new state at once', async () => {
    const { doc } = await openForm(api, 'STATUS.md');
    const next = doc.version + 1;
    const posted = nextPost(api, doc.uri, 'the state of the typed text', (m) => m.type === 'state' && m.version === next);
    const typing = new vscode.WorkspaceEdit();
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Search index built at compile time'));
    typing.insert(doc.uri, doc.lineAt(line).range.end, ' (typed)');
    assert.ok(await vscode.workspace.applyEdit(typing));
    const state = await posted;
    assert.ok(state.type === 'state');
    assert.deepEqual(state.state, expectedState(api, 'STATUS.md', doc));
  });
});
