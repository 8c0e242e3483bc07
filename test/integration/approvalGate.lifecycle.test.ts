// The approval gate of seed 004 in the extension: a STATUS.md milestone with every criterion ticked
// whose approval DECISIONS.md does not log is awaiting approval in the tree, its group's roll-up and
// the Next view; Complete is refused until Log Approval writes DECISIONS.md; the index follows
// DECISIONS.md as it changes. Its own files in gate/, removed afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/commandIds';
import type { NextNode } from '../../src/extension/next/nextNodes';
import type { MilestonesApi } from '../../src/extension/testApi';
import type { TreeNode } from '../../src/extension/treeNodes';
import { actAsTestIdentity, existsOutside, ok, run, target, today } from './lifecycleKit';
import { closeAllEditors, indexed, label, milestonesApi, milestonesOf, readOutside, removeOutside, waitForIndex, waitForTree, writeOutside } from './milestonesTestKit';

const STATUS = 'gate/STATUS.md';
const DECISIONS = 'gate/DECISIONS.md';
const TEXT = `# Gate Status

## Milestone: Release Candidate

**Phase:** Phase 3

**Acceptance Criteria:**
- [x] Every test passes
- [x] The changelog is written

**Approval Required:** Yes

## Milestone: Docs Pass

**Phase:** Phase 3

- [x] Docs reviewed

**Approval Required:** No
`;
const RC = 'Release Candidate';

suite('Approval gate', () => {
  let api: MilestonesApi;
  /** The row as VS Code shows it once hovered: a milestone's tooltip is made then. */
  const item = (node: TreeNode) => api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
  const statusGroup = async (): Promise<TreeNode> => {
    const group = (await api.tree.getChildren()).find((n) => label(item(n)) === 'STATUS / ROADMAP milestones');
    assert.ok(group, 'no STATUS / ROADMAP group');
    return group;
  };
  const row = async (): Promise<TreeNode | undefined> => (await api.tree.getChildren(await statusGroup())).find((n) => n.kind === 'milestone' && n.file === STATUS && n.title === RC);
  const rc = () => milestonesOf(api, STATUS).find((m) => m.title === RC);
  const nextRows = (): Promise<NextNode[]> => api.next.provider.getChildren();
  const doneCount = async (): Promise<number> => Number(/^(\d+)\//.exec(String(item(await statusGroup()).description))?.[1]);

  suiteSetup(async () => {
    api = await milestonesApi();
    await actAsTestIdentity();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await removeOutside('gate');
    await waitForIndex(api, 'gate/ gone from the index', () => milestonesOf(api, STATUS).length === 0, 5000);
  });

  test('every criterion ticked but no approval logged: awaiting approval in the tree, not done in the roll-up, listed in Next', async () => {
    const doneBefore = await doneCount();
    await writeOutside(STATUS, TEXT);
    await waitForIndex(api, `${RC} awaiting approval`, () => rc()?.statusCategory === 'awaiting-approval', 5000);
    assert.deepEqual(rc()?.approval, { required: true, logged: false });
    await waitForTree(api, `the row of ${RC}`, async () => (await row()) !== undefined);
    const rcItem = item((await row())!);
    assert.equal(rcItem.description, '2/2 · awaiting approval');
    assert.equal(rcItem.iconPath instanceof vscode.ThemeIcon ? rcItem.iconPath.id : undefined, 'unverified');
    assert.match(String(rcItem.contextValue), /\bnotdone\b/);
    assert.doesNotMatch(String(rcItem.contextValue), /\bdone\b/, 'Reopen is offered for done rows only');
    const tooltip = rcItem.tooltip instanceof vscode.MarkdownString ? rcItem.tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '') : '';
    assert.match(tooltip, /Approval: required, not logged in gate\/DECISIONS.md yet/);
    // Docs Pass (no approval required) is done, Release Candidate is not.
    assert.equal(await doneCount(), doneBefore + 1);
    const next = (await nextRows()).find((n) => label(api.next.provider.getTreeItem(n)) === RC);
    assert.ok(next, 'Release Candidate is listed in the Next view');
    assert.deepEqual((await api.next.provider.getChildren(next)).map((n) => label(api.next.provider.getTreeItem(n))), ['Awaiting approval: not logged in gate/DECISIONS.md']);
  });

  test('Complete is refused for the approval; Log Approval writes DECISIONS.md, the milestone is done at once, and Complete then completes it', async () => {
    const at = target(STATUS, RC, rc()!.line);
    const refused = await run(CommandId.complete, at, { force: false });
    assert.equal(refused.kind === 'refused' ? refused.code : refused.kind, 'approval-required');
    assert.equal(await readOutside(STATUS), TEXT);
    assert.equal(existsOutside(DECISIONS), false);

    const doneBefore = await doneCount();
    assert.deepEqual(ok(await run(CommandId.logApproval, at, { decision: 'Approved for the release' })).changed, [DECISIONS]);
    assert.match(await readOutside(DECISIONS), new RegExp(`^# Decisions\\n\\n## ${today()}: Milestone "Release Candidate" Approved\\n`));
    // The command tells the index what it wrote: no wait for the file watcher (the index is asked at once).
    await indexed(api);
    assert.equal(rc()?.statusCategory, 'done');
    assert.deepEqual(rc()?.approval, { required: true, logged: true });
    await waitForTree(api, 'the approved milestone done', async () => (await doneCount()) === doneBefore + 1 && item((await row())!).description === '2/2');
    assert.equal((await nextRows()).some((n) => label(api.next.provider.getTreeItem(n)) === RC), false);

    ok(await run(CommandId.complete, at, { force: false }));
    assert.equal(await readOutside(STATUS), TEXT.replace('**Approval Required:** Yes\n', '**Approval Required:** Yes\n**Status:** COMPLETE\n'));
  });

  test('the index follows DECISIONS.md changed outside VS Code: without the approval the milestone awaits it again', async () => {
    await writeOutside(DECISIONS, '# Decisions\n\nNothing approved yet.\n');
    await waitForIndex(api, `${RC} awaiting approval again`, () => rc()?.statusCategory === 'awaiting-approval', 5000);
    await writeOutside(DECISIONS, `# Decisions\n\n## ${today()}: Milestone "release candidate" Approved\n`);
    await waitForIndex(api, `${RC} approved`, () => rc()?.statusCategory === 'done', 5000);
    await removeOutside(DECISIONS);
    await waitForIndex(api, `${RC} awaiting approval once DECISIONS.md is gone`, () => rc()?.statusCategory === 'awaiting-approval', 5000);
  });
});
