import * as assert from 'node:assert/strict';
import { CONVENTIONS, type ConventionId } from '../../src/core/model';
import type { MilestonesApi } from '../../src/extension/testApi';
import { allMilestones, milestonesApi, milestonesOf } from './milestonesTestKit';

/** What a person counts in each file of examples/: convention, title and done/total of every milestone. */
const expected: readonly { file: string; convention: ConventionId; milestones: readonly [title: string, done: number, total: number][] }[] = [
  { file: 'STATUS.md', convention: 'status-md', milestones: [['Foundation Complete', 3, 3], ['Core Pipeline', 3, 5], ['Search MVP', 0, 3]] },
  { file: 'SESSIONS/MILESTONES/deploy-preview-site.json', convention: 'session-json', milestones: [['Deploy the preview site', 2, 5]] },
  { file: 'docs/milestones.kb/010-parser.md', convention: 'kb', milestones: [['Parser', 2, 2]] },
  { file: 'docs/milestones.kb/020-renderer.md', convention: 'kb', milestones: [['Renderer', 1, 3]] },
  { file: 'docs/milestones.kb/030-plugins.md', convention: 'kb', milestones: [['Plugins', 0, 2]] },
  { file: 'handoffs/2-search-index.md', convention: 'handoff', milestones: [['Search index', 1, 3]] },
  // Definition of Done task items plus the Workstreams & Tasks rows (✅ done; ⏳ and ⚠️ open).
  { file: '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md', convention: 'execplan', milestones: [['Index builder', 3, 7]] },
  { file: '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md', convention: 'execplan', milestones: [['Query box', 0, 4]] },
  { file: '.agent/exec_plans/search/milestones/archive/2026/11/12/EP-20261102-001_MS001_tokenizer.md', convention: 'execplan', milestones: [['Tokenizer for the search index', 3, 3]] },
];

suite('workspace index', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
  });

  for (const { file, convention, milestones } of expected) {
    test(`${file} is indexed as ${convention} with the done/total a person counts`, () => {
      const indexed = milestonesOf(api, file);
      assert.ok(indexed.length > 0, `${file} is not in the index`);
      assert.ok(indexed.every((m) => m.convention === convention), `${file}: ${indexed.map((m) => m.convention).join(', ')}`);
      const actual = indexed.map((m) => ({ done: m.progress.done, total: m.progress.total }));
      assert.deepEqual(actual, milestones.map(([, done, total]) => ({ done, total })), `${file}: progress`);
      milestones.forEach(([title], i) => assert.ok(indexed[i]!.title.includes(title), `${file}: "${indexed[i]!.title}" should name "${title}"`));
    });
  }

  test('every convention of the examples is indexed', () => {
    const seen = new Set(allMilestones(api).map((m) => m.milestone.convention));
    assert.deepEqual([...seen].sort(), [...CONVENTIONS].sort());
  });

  test('the handoff milestone folder is indexed from its summary', () => {
    assert.ok(milestonesOf(api, 'handoffs/1-core-pipeline/0-milestone-summary.md').some((m) => m.convention === 'handoff'));
  });

  test('folder guides and READMEs are not milestones', () => {
    for (const file of ['docs/milestones.kb/CLAUDE.md', 'SESSIONS/MILESTONES/README.md', 'README.md']) {
      assert.deepEqual(milestonesOf(api, file), [], `${file} should not be a milestone`);
    }
  });

  test('the Current Health Snapshot rows are read with their status', () => {
    const [plan] = milestonesOf(api, '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md');
    assert.deepEqual(plan!.health.map((h) => [h.area, h.category]), [
      ['Architecture/design', 'ok'], ['Implementation', 'warn'], ['Tests & QA', 'pending'], ['Docs & runbooks', 'pending'],
    ]);
  });
});
