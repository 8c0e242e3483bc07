// Runs only in the multi-root run (`runOffline.js --multi-root`): the workspace is a .code-workspace
// with two folders, `lantern` (a copy of examples/) and `relay` (test/integration/fixtures/relay/).
// Both hold a STATUS.md and a step with the same text, so an edit that lands in the wrong folder
// would still "succeed": the tests check which file changed.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../src/extension/testApi';
import type { TreeNode } from '../../src/extension/treeNodes';
import { closeAllEditors, label, milestonesApi, milestonesOf, waitForIndex, waitForTree } from './milestonesTestKit';

const WITHIN_MS = 1000;
const SHARED_STEP = 'Docs list every template helper';
const NEW_SESSION = 'SESSIONS/MILESTONES/itest-multiroot-new.json';

const relayStatus = `# Relay Status

## Milestone: Beta Release

**Goal:** Testers run the relay on their own machines

**Acceptance Criteria:**
- [x] Installer builds on CI
- [ ] Docs list every template helper
- [ ] Beta testers invited
`;

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder "${name}"`);
  return folder;
}

function fsPathIn(folder: string, file: string): string {
  return path.join(folderNamed(folder).uri.fsPath, ...file.split('/'));
}

function readIn(folder: string, file: string): Promise<string> {
  return fs.readFile(fsPathIn(folder, file), 'utf8');
}


suite('multi-root workspace', () => {
  let api: MilestonesApi;
  let lanternStatus: string;
  const children = (node?: TreeNode) => api.tree.getChildren(node);
  /** The row as VS Code shows it once hovered: a milestone's tooltip is made then. */
  const item = (node: TreeNode) => api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
  const rows = (nodes: TreeNode[]) => nodes.map((n) => [label(item(n)), item(n).description]);
  const find = (nodes: TreeNode[], text: string) => {
    const node = nodes.find((n) => label(item(n)) === text);
    assert.ok(node, `no row "${text}" among ${nodes.map((n) => label(item(n))).join(' | ')}`);
    return node;
  };
  /** The milestone rows (title, description) of one convention group of one folder. */
  const milestoneRows = async (folder: string, group: string) => rows(await children(find(await children(find(await children(), folder)), group)));
  /** The milestones the index holds for `file` of workspace folder `folder`. */
  const milestonesIn = (folder: string, file: string) => milestonesOf(api, file, folderNamed(folder));


  suiteSetup(async () => {
    api = await milestonesApi();
    lanternStatus = await readIn('lantern', 'STATUS.md');
  });

  test('the window is the .code-workspace with both folders, in order', () => {
    assert.equal(vscode.workspace.workspaceFile?.fsPath, process.env.MILESTONES_TEST_WORKSPACE);
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['lantern', 'relay']);
  });

  test('the root rows are the two folders, each with its milestones done of all', async () => {
    assert.deepEqual(rows(await children()), [['lantern', '5/17 done · 29%'], ['relay', '0/2 done · 0%']]);
  });

  test('under each folder are the convention groups of that folder only', async () => {
    assert.deepEqual(rows(await children(find(await children(), 'lantern'))), [
      ['KB milestones', '1/3 done · 33%'],
      ['Session milestones (JSON)', '0/1 done · 0%'],
      ['Handoffs', '1/3 done · 33%'],
      ['ExecPlan milestones', '2/4 done · 50%'],
      ['STATUS / ROADMAP milestones', '1/3 done · 33%'],
      ['Codex ExecPlans', '0/1 done · 0%'],
      ['Kiro specs', '0/1 done · 0%'],
      ['Spec Kit tasks', '0/1 done · 0%'],
    ]);
    assert.deepEqual(rows(await children(find(await children(), 'relay'))), [
      ['Session milestones (JSON)', '0/1 done · 0%'],
      ['STATUS / ROADMAP milestones', '0/1 done · 0%'],
    ]);
  });

  test('each folder\'s milestones show their own done/total', async () => {
    assert.deepEqual(await milestoneRows('lantern', 'Session milestones (JSON)'), [['Deploy the preview site', '2/5']]);
    assert.deepEqual(await milestoneRows('relay', 'Session milestones (JSON)'), [['Ship the beta', '1/3']]);
    assert.deepEqual(await milestoneRows('lantern', 'STATUS / ROADMAP milestones'), [
      ['Foundation Complete', '3/3'],
      ['Core Pipeline', '3/5'],
      ['Search MVP', '0/3'],
    ]);
    assert.deepEqual(await milestoneRows('relay', 'STATUS / ROADMAP milestones'), [['Beta Release', '1/3']]);
  });

  suite('ticking a step in the second folder', () => {
    teardown(async () => {
      await closeAllEditors();
      await fs.writeFile(fsPathIn('relay', 'STATUS.md'), relayStatus, 'utf8');
      await waitForIndex(api, 'relay STATUS.md back at 1/3', () => milestonesIn('relay', 'STATUS.md')[0]?.progress.done === 1, 5000);
    });

    test('changes that folder\'s file and not the other folder\'s file of the same name', async () => {
      const step = milestonesIn('relay', 'STATUS.md')[0]?.steps.find((s) => s.text === SHARED_STEP);
      assert.ok(step, `no step "${SHARED_STEP}" in relay/STATUS.md`);
      assert.ok(milestonesIn('lantern', 'STATUS.md').some((m) => m.steps.some((s) => s.text === SHARED_STEP)), 'lantern/STATUS.md lost the twin step');
      const uri = vscode.Uri.joinPath(folderNamed('relay').uri, 'STATUS.md');
      const ref = { line: step.line, text: step.text, section: step.section, kind: step.source.kind };
      const result = await vscode.commands.executeCommand('milestones.toggleStep', uri.toString(), ref, true);
      assert.deepEqual(result, { kind: 'ok', edits: 1 });
      assert.equal(await readIn('relay', 'STATUS.md'), relayStatus.replace(`- [ ] ${SHARED_STEP}`, `- [x] ${SHARED_STEP}`));
      assert.equal(await readIn('lantern', 'STATUS.md'), lanternStatus);
      await waitForTree(api, 'relay\'s Beta Release at 2/3',
        async () => (await milestoneRows('relay', 'STATUS / ROADMAP milestones'))[0]?.[1] === '2/3', WITHIN_MS);
      assert.deepEqual((await milestoneRows('lantern', 'STATUS / ROADMAP milestones')).map((r) => r[1]), ['3/3', '3/5', '0/3']);
    });
  });

  suite('a file created outside VS Code in the second folder', () => {
    teardown(async () => {
      await fs.rm(fsPathIn('relay', NEW_SESSION), { force: true });
      await waitForIndex(api, `relay/${NEW_SESSION} removed`, () => milestonesIn('relay', NEW_SESSION).length === 0, 5000);
    });

    test('appears under that folder within a second', async () => {
      const text = JSON.stringify({
        milestone_id: 'itest-multiroot-new',
        title: 'Fresh from outside',
        // Valid against the session schema and checks, so the row shows no problem count.
        status: 'pending',
        progress: 50,
        steps: [
          { step: 1, description: 'Write it with Node', status: 'completed', completed_at: '2026-01-05 10:00:00 UTC' },
          { step: 2, description: 'See it in the tree', status: 'pending' },
        ],
      }, null, 2);
      // The second counts from before the write.
      const shown = waitForTree(api, 'the new session under relay', async () =>
        (await milestoneRows('relay', 'Session milestones (JSON)').catch(() => [])).some(([title]) => title === 'Fresh from outside'), WITHIN_MS);
      await fs.writeFile(fsPathIn('relay', NEW_SESSION), `${text}\n`, 'utf8');
      await shown;
      assert.deepEqual(await milestoneRows('relay', 'Session milestones (JSON)'), [
        ['Fresh from outside', '1/2'],
        ['Ship the beta', '1/3'],
      ]);
      assert.deepEqual(await milestoneRows('lantern', 'Session milestones (JSON)'), [['Deploy the preview site', '2/5']]);
      assert.equal(milestonesIn('lantern', NEW_SESSION).length, 0);
    });
  });
});
