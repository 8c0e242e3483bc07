// Archive (ExecPlan) and Distill (handoffs) from the extension on a copy of examples/: the files'
// new paths and full texts, links to the archived file following it, the index at the new paths.
import * as assert from 'node:assert/strict';
import { expectedSummary, SEARCH_INDEX_SECTIONS } from '../unit/lifecycle/distillKit';
import { CommandId } from '../../src/extension/commandIds';
import type { MilestonesApi } from '../../src/extension/testApi';
import { cliProblemsOf, existsOutside, ok, replaceOnce, run, target, today } from './lifecycleKit';
import { indexed, milestonesApi, milestonesOf, readOutside, uriOf, waitForIndex, writeOutside } from './milestonesTestKit';

const INDEX_BUILDER = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
const KB_020 = 'docs/milestones.kb/020-renderer.md';

suite('Archive and distill', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
  });

  test('Archive: status archived, updated and a Changelog line of today, moved to archive/YYYY/MM/DD/, links follow', async () => {
    const link = (to: string) => `\nThe search index comes from [the index builder](../../${to}).\n`;
    const kb = (await readOutside(KB_020)) + link(INDEX_BUILDER);
    await writeOutside(KB_020, kb);
    await indexed(api);
    const before = await readOutside(INDEX_BUILDER);

    const result = ok(await run(CommandId.archive, target(INDEX_BUILDER, 'Index builder')));
    const day = today();
    const moved = `.agent/exec_plans/search/milestones/archive/${day.replace(/-/g, '/')}/EP-20261102-001_MS002_index-builder.md`;
    assert.equal(result.primary, moved);
    assert.deepEqual([...result.changed].sort(), [moved, KB_020].sort());
    assert.equal(existsOutside(INDEX_BUILDER), false);
    assert.equal(await readOutside(moved), replaceOnce(replaceOnce(replaceOnce(before,
      'status: in_progress', 'status: archived'),
      "updated: '2026-11-19'", `updated: '${day}'`),
      '- 2026-11-19 — Index written on every build.\n', `- 2026-11-19 — Index written on every build.\n- ${day} — Archived to milestones/archive/${day.replace(/-/g, '/')}/.\n`));
    assert.equal(await readOutside(KB_020), replaceOnce(kb, link(INDEX_BUILDER), link(moved)));
    await waitForIndex(api, 'the archived milestone indexed at its new path', () => milestonesOf(api, moved)[0]?.status === 'archived' && milestonesOf(api, INDEX_BUILDER).length === 0, 5000);
    assert.deepEqual(await cliProblemsOf([moved, KB_020]), []);
  });

  test('Archive refuses a milestone that is not in milestones/active/', async () => {
    const archivedBefore = '.agent/exec_plans/search/milestones/archive/2026/11/12/EP-20261102-001_MS001_tokenizer.md';
    const before = await readOutside(archivedBefore);
    const result = await run(CommandId.archive, target(archivedBefore, 'Tokenizer'));
    assert.equal(result.kind, 'refused');
    assert.equal(await readOutside(archivedBefore), before);
  });

  test('Distill: the chosen note into handoffs/N-name/ with a summary and lessons pre-filled from it, links to it following', async () => {
    const note = await readOutside('handoffs/2-search-index.md');
    const SETUP = 'handoffs/1-core-pipeline/1-project-setup.md';
    const link = (to: string) => `\nThe search index came next: [its handoff](${to}).\n`;
    const setup = (await readOutside(SETUP)) + link('../2-search-index.md');
    await writeOutside(SETUP, setup);
    await indexed(api);

    const result = ok(await run(CommandId.distillHandoffs, undefined, [{ uri: uriOf('handoffs/2-search-index.md') }], 'Search index'));
    assert.equal(result.primary, 'handoffs/2-search-index/0-milestone-summary.md');
    assert.deepEqual([...result.changed].sort(), [
      SETUP, 'handoffs/2-search-index/0-lessons-learned.md', 'handoffs/2-search-index/0-milestone-summary.md', 'handoffs/2-search-index/2-search-index.md',
    ]);
    assert.equal(await readOutside(SETUP), replaceOnce(setup, link('../2-search-index.md'), link('../2-search-index/2-search-index.md')));
    assert.equal(await readOutside('handoffs/2-search-index/0-milestone-summary.md'), expectedSummary(
      `Milestone 2: Search index — ${today()}`,
      '[2-search-index.md](2-search-index.md)',
      SEARCH_INDEX_SECTIONS,
    ));
    assert.equal(await readOutside('handoffs/2-search-index/0-lessons-learned.md'), [
      '# Lessons learned: Search index', '',
      '## Index too large for big sites', '',
      '**Problem:** Index too large for big sites', '',
      '**Solution:**', '- Store word stems only', '',
    ].join('\n'));
    assert.equal(await readOutside('handoffs/2-search-index/2-search-index.md'), note);
    assert.equal(existsOutside('handoffs/2-search-index.md'), false);
    await waitForIndex(api, 'the milestone folder indexed', () => milestonesOf(api, 'handoffs/2-search-index/0-milestone-summary.md').length === 1, 5000);
    assert.deepEqual(await cliProblemsOf(['handoffs/']), []);
  });
});
