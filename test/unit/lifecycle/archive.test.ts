import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPlanToTexts } from '../../../src/core/lifecycle/applyPlanToTexts';
import { archiveExecPlanMilestone, archivedPathOf } from '../../../src/core/lifecycle/archive/archiveExecPlanMilestone';
import { changelogEntryEdit } from '../../../src/core/lifecycle/archive/changelogEntry';
import type { ChangePlan, FolderSnapshot, LifecycleContext, PlanOutcome } from '../../../src/core/lifecycle/changePlan';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { crlfBom, validate } from '../validate/validateKit';

// Noon UTC: the local calendar day is the same in every zone from UTC-11 to UTC+11.
const ctx: LifecycleContext = { identity: 'tester', now: new Date('2026-11-21T12:00:00Z') };

const PLAN = '.agent/exec_plans/search/milestones';
const MS2 = `${PLAN}/active/EP-20261102-001_MS002_index-builder.md`;
const ARCHIVED = `${PLAN}/archive/2026/11/21/EP-20261102-001_MS002_index-builder.md`;
const MS3 = `${PLAN}/active/EP-20261102-001_MS003_query-ui.md`;

const header = (status: string, updated: string) => [
  '---',
  'id: EP-20261102-001/MS002',
  'execplan_id: EP-20261102-001',
  'ms: 2',
  'title: "Index builder"',
  `status: ${status}`,
  'domain: backend',
  'owner: "@codex"',
  'created: 2026-11-12',
  `updated: ${updated}`,
  '---',
];

/** The body after the header: the two relative links as given, the Changelog items after the two of the fixture. */
const body = (queryBox: string, plan: string, changelog: readonly string[] = []) => [
  '',
  '<!-- SECTION: Metadata -->',
  '# Index builder',
  '',
  `Feeds [the query box](${queryBox}) and follows [the plan](${plan}#milestones).`,
  '',
  '---',
  '',
  '## Definition of Done',
  '',
  '- [x] The index is written on every build',
  '- [ ] The index is under 200 KB',
  '',
  '---',
  '',
  '## Changelog',
  '',
  '- 2026-11-12 — Milestone created.',
  '- 2026-11-19 — Index written on every build.',
  ...changelog,
  '',
];

const MS2_TEXT = [...header('in_progress', "'2026-11-19'"), ...body('EP-20261102-001_MS003_query-ui.md', '../../PLAN.md')].join('\n');

const MS2_ARCHIVED = [
  ...header('archived', "'2026-11-21'"),
  ...body('../../../../active/EP-20261102-001_MS003_query-ui.md', '../../../../../PLAN.md', ['- 2026-11-21 — Archived to milestones/archive/2026/11/21/.']),
].join('\n');

const STATUS = '# Status\n\n## Milestone: Search MVP\n\n- [ ] Index builder ([MS002](.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md#definition-of-done))\n';
const KB = '---\nstatus: planned\ngoal: "Search"\ndepends-on: []\ndeliverables:\n  - ".agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md"\n---\n\n# Search\n\n```md\n[not a link](../../.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md)\n```\n\n[builder]: <../../.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md>\n';
const MS3_TEXT = '---\nid: EP-20261102-001/MS003\n---\n\n# Query box\n\nNeeds [the index builder](./EP-20261102-001_MS002_index-builder.md "MS002").\n';

function snapshotOf(files: Record<string, string>): FolderSnapshot {
  return { files: Object.keys(files).sort(), text: (file) => files[file] ?? null };
}

function planOf(outcome: PlanOutcome): ChangePlan {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return outcome.plan;
}

test('the archived path is the local day\'s folder under milestones/archive/, null outside milestones/active/', () => {
  assert.equal(archivedPathOf(MS2, ctx.now), ARCHIVED);
  assert.equal(archivedPathOf('.agent/exec_plans/active/gtfs/milestones/active/MS003_gtfs.md', new Date(2026, 0, 5, 23, 59)), '.agent/exec_plans/active/gtfs/milestones/archive/2026/01/05/MS003_gtfs.md');
  assert.equal(archivedPathOf(ARCHIVED, ctx.now), null);
  assert.equal(archivedPathOf(`${PLAN}/active/sub/EP-20261102-001_MS002_x.md`, ctx.now), null);
  assert.equal(archivedPathOf('docs/milestones/active/010-x.md', ctx.now), null);
  assert.equal(archivedPathOf(`${PLAN}/active/notes.txt`, ctx.now), null);
});

test('archiving edits the file, rewrites the links of other files, then moves it', () => {
  const files = { [MS2]: MS2_TEXT, [MS3]: MS3_TEXT, 'STATUS.md': STATUS, 'docs/milestones.kb/010-search.md': KB, 'SESSIONS/MILESTONES/a.json': '{"title": "' + MS2 + '"}' };
  const snapshot = snapshotOf(files);
  const plan = planOf(archiveExecPlanMilestone(snapshot, MS2, ctx));
  assert.deepEqual(plan.changes.map((c) => (c.kind === 'rename' ? `rename ${c.from} -> ${c.to}` : `${c.kind} ${c.file}`)), [
    `edit ${MS2}`,
    `edit ${MS3}`,
    'edit STATUS.md',
    'edit docs/milestones.kb/010-search.md',
    `rename ${MS2} -> ${ARCHIVED}`,
  ]);
  assert.equal(plan.primary, ARCHIVED);
  // 2 rebased in the file itself, 1 in MS003, 1 in STATUS.md, 2 in the KB file (frontmatter value, reference definition).
  assert.equal(plan.summary, `Archived EP-20261102-001/MS002 "Index builder" to ${ARCHIVED}; 6 links updated`);
  const texts = applyPlanToTexts(snapshot, plan);
  assert.deepEqual([...texts.keys()].sort(), [MS2, MS3, ARCHIVED, 'STATUS.md', 'docs/milestones.kb/010-search.md'].sort());
  assert.equal(texts.get(MS2), null);
  assert.equal(texts.get(ARCHIVED), MS2_ARCHIVED);
  assert.equal(texts.get(MS3), MS3_TEXT.replace('(./EP-20261102-001_MS002_index-builder.md', '(../archive/2026/11/21/EP-20261102-001_MS002_index-builder.md'));
  assert.equal(texts.get('STATUS.md'), STATUS.replace('/active/EP-', '/archive/2026/11/21/EP-'));
  assert.equal(texts.get('docs/milestones.kb/010-search.md'), KB
    .replace('  - ".agent/exec_plans/search/milestones/active/', '  - ".agent/exec_plans/search/milestones/archive/2026/11/21/')
    .replace('[builder]: <../../.agent/exec_plans/search/milestones/active/', '[builder]: <../../.agent/exec_plans/search/milestones/archive/2026/11/21/'));
});

test('the archived file validates clean in its new folder', () => {
  const texts = applyPlanToTexts(snapshotOf({ [MS2]: MS2_TEXT }), planOf(archiveExecPlanMilestone(snapshotOf({ [MS2]: MS2_TEXT }), MS2, ctx)));
  assert.deepEqual(validate(ARCHIVED, texts.get(ARCHIVED)!), []);
  // The same text left in active/ would be fine too, and before archiving the folder check would fire on the old status.
  assert.deepEqual(validate(ARCHIVED, MS2_TEXT).map((p) => p.code), ['execplan-archive-status']);
});

test('CRLF line endings and a BOM survive archiving, and new lines take CRLF', () => {
  const text = crlfBom(MS2_TEXT);
  const snapshot = snapshotOf({ [MS2]: text });
  const texts = applyPlanToTexts(snapshot, planOf(archiveExecPlanMilestone(snapshot, MS2, ctx)));
  assert.equal(texts.get(ARCHIVED), crlfBom(MS2_ARCHIVED));
});

test('a bare updated date stays bare and a missing Changelog becomes the last section, written like the others', () => {
  const text = [...header('completed', '2026-11-19'), '', '<!-- SECTION: Objective -->', '## Objective', '', 'Build it.', '', '---', '', '<!-- SECTION: Scope -->', '## Scope', '', '- All pages', ''].join('\n');
  const snapshot = snapshotOf({ [MS2]: text });
  const texts = applyPlanToTexts(snapshot, planOf(archiveExecPlanMilestone(snapshot, MS2, ctx)));
  assert.equal(texts.get(ARCHIVED), [
    ...header('archived', '2026-11-21'), '', '<!-- SECTION: Objective -->', '## Objective', '', 'Build it.', '', '---', '', '<!-- SECTION: Scope -->', '## Scope', '', '- All pages',
    '', '---', '', '<!-- SECTION: Changelog -->', '## Changelog', '', '- 2026-11-21 — Archived to milestones/archive/2026/11/21/.', '',
  ].join('\n'));
});

test('the Changelog line goes after the last item and its continuation lines, under a heading without a list, or in a plain new section', () => {
  const entry = '2026-11-21 — Archived.';
  const cases: [string, string][] = [
    ['# T\n\n## Changelog\n\n* one\n  more of one\n    - nested\n\n## Notes\n', '# T\n\n## Changelog\n\n* one\n  more of one\n    - nested\n* 2026-11-21 — Archived.\n\n## Notes\n'],
    ['# T\n\n## Changelog\n\n## Notes\n', '# T\n\n## Changelog\n\n- 2026-11-21 — Archived.\n\n## Notes\n'],
    ['# T\n\n## Changelog\nNothing yet.\n', '# T\n\n## Changelog\n\n- 2026-11-21 — Archived.\n\nNothing yet.\n'],
    ['# T\n\n## Changelog\n- one', '# T\n\n## Changelog\n- one\n- 2026-11-21 — Archived.'],
    ['# T\n\n## Objective\n\nDo it.\n\n\n', '# T\n\n## Objective\n\nDo it.\n\n## Changelog\n\n- 2026-11-21 — Archived.\n\n\n'],
    ['# T\n\n```md\n## Changelog\n```\n', '# T\n\n```md\n## Changelog\n```\n\n## Changelog\n\n- 2026-11-21 — Archived.\n'],
  ];
  for (const [text, expected] of cases) assert.equal(applyEdits(text, [changelogEntryEdit(text, entry)]), expected);
});

test('archiving refuses what is not an active ExecPlan milestone, a missing file and an occupied target', () => {
  const refusal = (files: Record<string, string>, file: string) => {
    const outcome = archiveExecPlanMilestone(snapshotOf(files), file, ctx);
    return outcome.kind === 'refused' ? [outcome.code, outcome.reason] : ['ok'];
  };
  assert.deepEqual(refusal({ [ARCHIVED]: MS2_TEXT }, ARCHIVED), ['not-applicable', `${ARCHIVED} is not an ExecPlan milestone in a milestones/active/ folder`]);
  assert.deepEqual(refusal({ 'docs/milestones.kb/010-search.md': KB }, 'docs/milestones.kb/010-search.md'), ['not-applicable', 'docs/milestones.kb/010-search.md is not an ExecPlan milestone in a milestones/active/ folder']);
  assert.deepEqual(refusal({}, MS2), ['not-found', `${MS2} does not exist`]);
  assert.deepEqual(refusal({ [MS2]: MS2_TEXT, [ARCHIVED]: 'older' }, MS2), ['exists', `${ARCHIVED} already exists`]);
  assert.deepEqual(refusal({ [MS2]: '# Index builder\n\nNo header.\n' }, MS2), ['not-applicable', `${MS2}: the file has no frontmatter header to hold "status"`]);
});
