// Claim, set status, complete (refused while criteria are open, and behind the approval gate),
// log approval and reopen, run from the extension on a copy of examples/: the full text of each file
// afterwards, undo in the editor, unsaved editors respected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/commandIds';
import type { MilestonesApi } from '../../src/extension/testApi';
import { actAsTestIdentity, cliProblemsOf, existsOutside, IDENTITY, ok, replaceOnce, run, target, today } from './lifecycleKit';
import { closeAllEditors, milestonesApi, milestonesOf, readOutside, removeOutside, uriOf, waitForDirty, waitForDocument, waitForIndex, waitForSelection, writeOutside } from './milestonesTestKit';

const QUERY_BOX = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md';
const SESSION = 'SESSIONS/MILESTONES/deploy-preview-site.json';
const KB_030 = 'docs/milestones.kb/030-plugins.md';
const STATUS = 'STATUS.md';

suite('Claim, status, complete, approve, reopen', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
    await actAsTestIdentity();
  });

  teardown(closeAllEditors);

  test('Claim an ExecPlan milestone: owner "@identity" and updated today, nothing else', async () => {
    const before = await readOutside(QUERY_BOX);
    const result = ok(await run(CommandId.claim, target(QUERY_BOX, 'Query box')));
    assert.deepEqual(result.changed, [QUERY_BOX]);
    assert.equal(await readOutside(QUERY_BOX), replaceOnce(replaceOnce(before, 'owner: "@claude"', `owner: "@${IDENTITY}"`), 'updated: 2026-11-19', `updated: ${today()}`));
    await waitForIndex(api, 'the new owner indexed', () => milestonesOf(api, QUERY_BOX)[0]?.fields['owner'] === `@${IDENTITY}`, 5000);
    await waitForSelection(api.treeView, (row) => row.kind === 'milestone' && row.file === QUERY_BOX);
  });

  test('Claim a session milestone, then Undo in its editor gives the text back', async () => {
    const before = await readOutside(SESSION);
    const doc = await vscode.workspace.openTextDocument(uriOf(SESSION));
    await vscode.window.showTextDocument(doc);
    ok(await run(CommandId.claim, target(SESSION, 'Deploy the preview site')));
    const after = await readOutside(SESSION);
    assert.equal(after.replace(/"updated_at": "[^"]*"/, '"updated_at": "…"'), replaceOnce(before, '"owner": "session-7"', `"owner": "${IDENTITY}"`).replace(/"updated_at": "[^"]*"/, '"updated_at": "…"'));
    assert.match(after, new RegExp(`"updated_at": "${today()} \\d\\d:\\d\\d:\\d\\d UTC"`));
    assert.equal(doc.getText(), after);
    await vscode.commands.executeCommand('undo');
    await waitForDocument(doc, (text) => text === before);
    assert.ok(await doc.save());
    assert.equal(await readOutside(SESSION), before);
  });

  test('Set status keeps an unsaved editor unsaved, with both changes in it', async () => {
    const disk = await readOutside(KB_030);
    const doc = await vscode.workspace.openTextDocument(uriOf(KB_030));
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), 'An unsaved line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDirty(doc);
    const unsaved = doc.getText();
    ok(await run(CommandId.setStatus, target(KB_030, 'Milestone 030: Plugins'), 'in-progress'));
    assert.equal(doc.getText(), replaceOnce(unsaved, 'status: not-started', 'status: in-progress'));
    // Not saved: the disk still has the text from before both changes, and the editor stays unsaved.
    assert.equal(await readOutside(KB_030), disk);
    assert.ok(doc.isDirty);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.getText(), disk);
  });

  test('Set status refuses a value the schema does not allow, and changes nothing', async () => {
    const before = await readOutside(KB_030);
    const result = await run(CommandId.setStatus, target(KB_030, 'Milestone 030: Plugins'), 'doing');
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.reason : '', /not-started, in-progress, completed/);
    assert.equal(await readOutside(KB_030), before);
  });

  test('Complete is refused with the open criteria listed; forced, it completes with a Changelog line; Reopen reopens', async () => {
    const before = await readOutside(QUERY_BOX);
    const refused = await run(CommandId.complete, target(QUERY_BOX, 'Query box'), { force: false });
    assert.deepEqual(refused, {
      kind: 'refused', reason: '4 of 4 steps of "Query box" are still open', code: 'open-steps',
      items: ['Results appear within 50 ms of a keystroke', 'The box works with the keyboard alone', 'A1 Search box component', 'A2 Result list with highlighted words'],
    });
    assert.equal(await readOutside(QUERY_BOX), before);
    ok(await run(CommandId.complete, target(QUERY_BOX, 'Query box'), { force: true }));
    const day = today();
    const completed = replaceOnce(replaceOnce(before, 'status: planned', 'status: completed'), '- 2026-11-19 — Milestone created.\n', `- 2026-11-19 — Milestone created.\n- ${day} — Completed.\n`);
    assert.equal(await readOutside(QUERY_BOX), completed.replace(/updated: \S+/, `updated: ${day}`));
    await waitForIndex(api, 'Query box done', () => milestonesOf(api, QUERY_BOX)[0]?.statusCategory === 'done', 5000);
    ok(await run(CommandId.reopen, target(QUERY_BOX, 'Query box')));
    assert.equal(await readOutside(QUERY_BOX), replaceOnce(completed, 'status: completed', 'status: in_progress').replace(`- ${day} — Completed.\n`, `- ${day} — Completed.\n- ${day} — Reopened.\n`).replace(/updated: \S+/, `updated: ${day}`));
    assert.deepEqual(await cliProblemsOf([QUERY_BOX]), []);
  });

  test('An approval-gated milestone is refused even when forced, until "Log approval" writes DECISIONS.md', async () => {
    const core = milestonesOf(api, STATUS).find((m) => m.title === 'Core Pipeline')!;
    const statusBefore = await readOutside(STATUS);
    const gated = await run(CommandId.complete, target(STATUS, 'Core Pipeline', core.line), { force: true });
    assert.equal(gated.kind, 'refused');
    assert.equal(gated.kind === 'refused' ? gated.code : '', 'approval-required');
    assert.equal(gated.kind === 'refused' ? gated.reason : '', '"Core Pipeline" requires approval (Approval Required: Yes); log the approval in DECISIONS.md first');
    assert.equal(await readOutside(STATUS), statusBefore);
    assert.equal(existsOutside('DECISIONS.md'), false);

    const logged = ok(await run(CommandId.logApproval, target(STATUS, 'Core Pipeline', core.line), {}));
    assert.deepEqual(logged.changed, ['DECISIONS.md']);
    assert.equal(await readOutside('DECISIONS.md'), `# Decisions

## ${today()}: Milestone "Core Pipeline" Approved

**Context:** Phase 1 complete, 3 of 5 acceptance criteria met
**Evidence:**
- Acceptance criteria met (3/5)
- Deliverables: Markdown renderer, Template engine, Incremental build cache
- Progress: 60%

**Decision:** Approved to advance to Phase 2
**Next Milestone:** Search MVP
`);
    const open = await run(CommandId.complete, target(STATUS, 'Core Pipeline', core.line), { force: false });
    assert.equal(open.kind === 'refused' ? open.code : open.kind, 'open-steps');
    ok(await run(CommandId.complete, target(STATUS, 'Core Pipeline', core.line), { force: true }));
    assert.equal(await readOutside(STATUS), replaceOnce(statusBefore, '**Approval Required:** Yes\n\n## Milestone: Search MVP', '**Approval Required:** Yes\n**Status:** COMPLETE\n\n## Milestone: Search MVP'));
    await waitForIndex(api, 'Core Pipeline done', () => milestonesOf(api, STATUS).find((m) => m.title === 'Core Pipeline')?.statusCategory === 'done', 5000);
  });

  test('Log approval with a DECISIONS.md over milestones.maxFileSize stops with its size and the setting, and changes nothing', async () => {
    const search = milestonesOf(api, STATUS).find((m) => m.title === 'Search MVP')!;
    const decisionsBefore = existsOutside('DECISIONS.md') ? await readOutside('DECISIONS.md') : null;
    const statusBefore = await readOutside(STATUS);
    const huge = `# Decisions\n\n${'- an earlier decision, kept as it was\n'.repeat(60_000)}`;
    assert.ok(huge.length > 2 * 1048576 && huge.length < 2.5 * 1048576);
    await writeOutside('DECISIONS.md', huge);
    try {
      const result = await run(CommandId.logApproval, target(STATUS, 'Search MVP', search.line), {});
      assert.deepEqual(result, { kind: 'failed', message: 'DECISIONS.md is 2.2 MB, over milestones.maxFileSize (2 MB); raise that setting to let Milestones edit it' });
      assert.equal(await readOutside('DECISIONS.md'), huge);
      assert.equal(await readOutside(STATUS), statusBefore);
    } finally {
      if (decisionsBefore === null) await removeOutside('DECISIONS.md');
      else await writeOutside('DECISIONS.md', decisionsBefore);
    }
  });
});
