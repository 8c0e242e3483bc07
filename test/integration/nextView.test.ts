import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NextNode } from '../../src/extension/next/nextNodes';
import type { NextTreeProvider } from '../../src/extension/next/nextTreeProvider';
import type { MilestonesApi } from '../../src/extension/testApi';
import { closeAllEditors, label, milestonesApi, milestonesOf, openInSyncWithDisk, readOutside, uriOf, waitForIndex, writeOutside } from './milestonesTestKit';

const SESSION = 'SESSIONS/MILESTONES/deploy-preview-site.json';
const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';

/** The test API with the Next view in it (`activate` returns it as `next`). */
type NextApi = MilestonesApi & { readonly next: { readonly provider: NextTreeProvider; readonly view: vscode.TreeView<NextNode> } };

suite('Next view', () => {
  let api: NextApi;
  let sessionText: string;
  const provider = () => api.next.provider;
  const children = (node?: NextNode) => provider().getChildren(node);
  const item = (node: NextNode) => provider().getTreeItem(node);
  const labels = (nodes: NextNode[]) => nodes.map((n) => label(item(n)));
  const row = async (title: string): Promise<NextNode> => {
    const rows = await children();
    const node = rows.find((n) => label(item(n)) === title);
    assert.ok(node, `no row "${title}" among ${labels(rows).join(' | ')}`);
    return node;
  };
  const iconOf = (node: NextNode) => {
    const icon = item(node).iconPath;
    return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
  };

  /** Resolves when `holds()` is true, checked now and whenever the view repaints (never on a clock). */
  const waitForView = (what: string, holds: () => Promise<boolean>, timeoutMs = 5000): Promise<void> => new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      if (done || !(await holds()) || done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      done = true;
      sub.dispose();
      void children().then((rows) => reject(new Error(`the Next view did not show ${what} within ${timeoutMs} ms (rows: ${labels(rows).join(' | ')})`)));
    }, timeoutMs);
    const sub = provider().onDidChangeTreeData(() => void check());
    void check();
  });

  /** Changes the session file in an editor, as a person would, and saves it. */
  const editSession = async (from: string, to: string): Promise<void> => {
    const doc = await openInSyncWithDisk(SESSION);
    const at = doc.getText().indexOf(from);
    assert.ok(at >= 0, `${SESSION} holds no ${from}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
  };

  suiteSetup(async () => {
    api = await milestonesApi();
    assert.ok(api.next, 'the extension API has no `next` (the Next view is not registered)');
    sessionText = await readOutside(SESSION);
  });

  teardown(async () => {
    await closeAllEditors();
    if ((await readOutside(SESSION)) !== sessionText) {
      await writeOutside(SESSION, sessionText);
      await waitForIndex(api, 'the session milestone as it was', () => {
        const next = milestonesOf(api, SESSION)[0]?.fields['next_session_should'];
        return Array.isArray(next) && next[0] === 'Finish step 3 (upload)' && milestonesOf(api, SESSION)[0]?.status === 'in_progress';
      }, 5000);
    }
  });

  test('one row a milestone in progress, blocked first then by convention, with status, progress and owner', async () => {
    assert.deepEqual((await children()).map((n) => [label(item(n)), item(n).description, iconOf(n)]), [
      ['Milestone 020: Renderer', 'in-progress · 1/3', 'play-circle'],
      ['Deploy the preview site', 'in_progress · 2/5 · session-7', 'play-circle'],
      ['Search index handoff — 2026-11-19', '1/3', 'play-circle'],
      ['Index builder', 'in_progress · 3/7 · @codex', 'play-circle'],
      ['Core Pipeline', '3/5', 'play-circle'],
    ]);
    const tooltip = item(await row('Index builder')).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    // The tooltip is markdown: `_` in the path is escaped there, and shows as `_`.
    assert.ok(tooltip.value.replace(/\\(.)/g, '$1').includes(`${PLAN}:1`), tooltip.value);
  });

  test('under each row: blockers, what the last session asked for, then the first open step', async () => {
    const session = await children(await row('Deploy the preview site'));
    assert.deepEqual(session.map((n) => [label(item(n)), iconOf(n)]), [
      ['Finish step 3 (upload)', 'arrow-right'],
      ['Then post the URL (step 4)', 'arrow-right'],
      ['Upload to the preview bucket', 'circle-large-outline'],
    ]);
    const plan = await children(await row('Index builder'));
    assert.deepEqual(plan.map((n) => [label(item(n)), iconOf(n)]), [
      ['Implementation: Large sites exceed the size budget', 'error'],
      ['B1 Golden test of a small site', 'error'],
      ['The index of the docs site is under 200 KB', 'circle-large-outline'],
    ]);
    assert.deepEqual(labels(await children(await row('Milestone 020: Renderer'))), ['Partials can include other partials']);
    assert.deepEqual(labels(await children(await row('Core Pipeline'))), ['Incremental rebuild under 200 ms for 1,000 pages']);
  });

  test('clicking a blocker opens the file at its line', async () => {
    const blocker = (await children(await row('Index builder'))).find((n) => label(item(n)).startsWith('B1 '));
    assert.ok(blocker);
    const command = item(blocker).command;
    assert.ok(command, 'the blocker row has no command');
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uriOf(PLAN).toString());
    assert.equal(editor?.document.lineAt(editor.selection.active.line).text.startsWith('| B1 |'), true);
  });

  test('an edited next_session_should shows once the file is saved', async () => {
    await editSession('"Finish step 3 (upload)"', '"Check the upload logs"');
    await waitForView('the new ask of the next session', async () =>
      labels(await children(await row('Deploy the preview site')))[0] === 'Check the upload logs');
    assert.deepEqual(labels(await children(await row('Deploy the preview site'))), ['Check the upload logs', 'Then post the URL (step 4)', 'Upload to the preview bucket']);
  });

  test('a milestone marked completed leaves the view', async () => {
    await editSession('"status": "in_progress"', '"status": "completed"');
    await waitForView('no Deploy the preview site row', async () => !labels(await children()).includes('Deploy the preview site'));
    assert.deepEqual(labels(await children()), ['Milestone 020: Renderer', 'Search index handoff — 2026-11-19', 'Index builder', 'Core Pipeline']);
  });
});
