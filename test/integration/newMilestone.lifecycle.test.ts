// "New milestone" from the extension, one convention at a time, on a copy of examples/: the file's
// name, path and full text (the texts written out by hand in the unit tests' fixtures), the index
// picking it up, and the ExecPlan sequence of the issue: three new, the second archived, a fourth.
import * as assert from 'node:assert/strict';
import { execPlanText, handoffText, sessionText } from '../unit/lifecycle/create/createFixtures';
import { CommandId } from '../../src/extension/commandIds';
import type { MilestonesApi } from '../../src/extension/testApi';
import { actAsTestIdentity, cliProblemsOf, existsOutside, IDENTITY, ok, run, target, today } from './lifecycleKit';
import type { TreeNode } from '../../src/extension/treeNodes';
import { milestonesApi, milestonesOf, readOutside, waitForIndex, waitForSelection } from './milestonesTestKit';

/** The row is the milestone `title` of `file`. */
const rowOf = (file: string, title: string) => (row: TreeNode) => row.kind === 'milestone' && row.file === file && row.title === title;

suite('New milestone', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
    await actAsTestIdentity();
  });

  test('ExecPlan: the next MS### of the plan, seed 003 template, opened in the index', async () => {
    const file = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS004_ranking.md';
    const result = ok(await run(CommandId.newMilestone, { convention: 'execplan', execplanId: 'EP-20261102-001', title: 'Ranking', domain: 'backend' }));
    assert.equal(result.primary, file);
    assert.deepEqual(result.changed, [file]);
    assert.equal(await readOutside(file), execPlanText({ planId: 'EP-20261102-001', ms: 4, title: 'Ranking', owner: `@${IDENTITY}`, day: today(), domain: 'backend' }));
    await waitForIndex(api, 'the new milestone indexed', () => milestonesOf(api, file)[0]?.id === 'EP-20261102-001/MS004', 5000);
    assert.deepEqual(await cliProblemsOf([file]), []);
  });

  test('the new milestone\'s row is revealed and selected in the tree', async () => {
    const file = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS005_snippets.md';
    ok(await run(CommandId.newMilestone, { convention: 'execplan', execplanId: 'EP-20261102-001', title: 'Snippets', domain: 'frontend' }));
    await waitForSelection(api.treeView, rowOf(file, 'Snippets'));
    assert.ok(api.treeView.visible, 'the Milestones view is shown');
  });

  test('three in a new plan, the second archived, a fourth: MS001, MS002 (archived, dated folder), MS003, MS004, all valid', async () => {
    const planId = `EP-${today().replace(/-/g, '')}-001`;
    const plan = '.agent/exec_plans/relay';
    const titles = ['Wire protocol', 'Retry queue', 'Metrics'];
    const created: string[] = [];
    for (const title of titles) {
      const r = ok(await run(CommandId.newMilestone, { convention: 'execplan', execplanId: planId, planFolder: plan, title }));
      created.push(r.primary!);
    }
    assert.deepEqual(created, [
      `${plan}/milestones/active/${planId}_MS001_wire-protocol.md`,
      `${plan}/milestones/active/${planId}_MS002_retry-queue.md`,
      `${plan}/milestones/active/${planId}_MS003_metrics.md`,
    ]);
    await waitForIndex(api, 'the three indexed', () => created.every((f) => milestonesOf(api, f).length === 1), 5000);
    const archived = ok(await run(CommandId.archive, target(created[1]!, 'Retry queue')));
    const [y, m, d] = today().split('-');
    const moved = `${plan}/milestones/archive/${y}/${m}/${d}/${planId}_MS002_retry-queue.md`;
    assert.equal(archived.primary, moved);
    assert.equal(existsOutside(created[1]!), false);
    await waitForIndex(api, 'the archived file indexed at its new path', () => milestonesOf(api, moved)[0]?.status === 'archived', 5000);
    const fourth = ok(await run(CommandId.newMilestone, { convention: 'execplan', execplanId: planId, title: 'Dashboards' }));
    assert.equal(fourth.primary, `${plan}/milestones/active/${planId}_MS004_dashboards.md`);
    const all = [created[0]!, moved, created[2]!, fourth.primary];
    await waitForIndex(api, 'all four indexed', () => all.every((f) => milestonesOf(api, f).length === 1), 5000);
    assert.deepEqual(all.map((f) => milestonesOf(api, f)[0]!.id), ['MS001', 'MS002', 'MS003', 'MS004'].map((ms) => `${planId}/${ms}`));
    assert.deepEqual(await cliProblemsOf([`${plan}/`]), []);
  });

  test('KB: inserted between 010 and 020 takes 015, with the folder schema\'s keys', async () => {
    const file = 'docs/milestones.kb/015-lexer.md';
    const result = ok(await run(CommandId.newMilestone, {
      convention: 'kb', kbFolder: 'docs/milestones.kb', title: 'Lexer', goal: 'Split pages into tokens', after: '010', criteria: ['Tokens carry their line'],
    }));
    assert.equal(result.primary, file);
    assert.equal(await readOutside(file), [
      '---', 'status: not-started', 'goal: Split pages into tokens', 'depends-on: []', 'deliverables: []', '---', '',
      '# Milestone 015: Lexer', '', '## Success Criteria', '', '- [ ] Tokens carry their line', '',
    ].join('\n'));
    assert.deepEqual(await cliProblemsOf([file]), []);
  });

  test('Session JSON: milestone_id from the title, one step a line', async () => {
    const file = 'SESSIONS/MILESTONES/ship-the-beta.json';
    const result = ok(await run(CommandId.newMilestone, { convention: 'session-json', title: 'Ship the beta', steps: ['Build the bundle', 'Upload it'] }));
    assert.equal(result.primary, file);
    const text = await readOutside(file);
    const at = /"created_at": "(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC"/.exec(text)?.[1];
    assert.ok(at, text);
    assert.equal(text, sessionText({ id: 'ship-the-beta', title: 'Ship the beta', priority: 'MEDIUM', owner: IDENTITY, at, why: '', steps: ['Build the bundle', 'Upload it'] }));
    await waitForIndex(api, 'the session milestone indexed', () => milestonesOf(api, file)[0]?.steps.length === 2, 5000);
    assert.deepEqual(await cliProblemsOf([file]), []);
  });

  test('STATUS.md: a "## Milestone:" block appended, nothing else changed', async () => {
    const before = await readOutside('STATUS.md');
    const result = ok(await run(CommandId.newMilestone, {
      convention: 'status-md', name: 'Search v2', goal: 'Faster search', phase: 'Phase 3',
      criteria: ['Queries under 20 ms'], deliverables: ['Query cache', 'Benchmarks'], approvalRequired: true,
    }));
    assert.deepEqual(result.changed, ['STATUS.md']);
    assert.equal(await readOutside('STATUS.md'), `${before}\n${[
      '## Milestone: Search v2', '', '**Goal:** Faster search', '**Phase:** Phase 3', '',
      '**Acceptance Criteria:**', '- [ ] Queries under 20 ms', '',
      '**Deliverables:**', '1. Query cache', '2. Benchmarks', '', '**Approval Required:** Yes', '',
    ].join('\n')}`);
    await waitForIndex(api, 'the new block indexed', () => milestonesOf(api, 'STATUS.md').some((m) => m.title === 'Search v2'), 5000);
    await waitForSelection(api.treeView, rowOf('STATUS.md', 'Search v2'));
    assert.deepEqual(await cliProblemsOf(['STATUS.md']), []);
  });

  test('Handoff: the next number after every note, those in milestone folders too', async () => {
    const file = 'handoffs/3-relationship-fixes.md';
    const result = ok(await run(CommandId.newMilestone, { convention: 'handoff', title: 'Relationship fixes' }));
    assert.equal(result.primary, file);
    assert.equal(await readOutside(file), handoffText('Relationship fixes handoff', today()));
    assert.deepEqual(await cliProblemsOf([file]), []);
  });

  test('an existing file is never overwritten', async () => {
    const file = 'SESSIONS/MILESTONES/ship-the-beta.json';
    const before = await readOutside(file);
    const again = await run(CommandId.newMilestone, { convention: 'session-json', title: 'Ship the beta', steps: [] });
    assert.equal(again.kind, 'refused');
    assert.equal(await readOutside(file), before);
  });
});
