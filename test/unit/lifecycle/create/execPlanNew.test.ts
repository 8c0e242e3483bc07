import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { execPlanChoices, newExecPlanId, newExecPlanMilestone } from '../../../../src/core/lifecycle/create/execPlanNew';
import { ctx, created, DAY, folder, refusal } from './createKit';
import { execPlanText } from './createFixtures';

const PLAN = '.agent/exec_plans/search';
const header = (id: string, ms: number, extra = '') => `---\nid: ${id}/MS${String(ms).padStart(3, '0')}\nexecplan_id: ${id}\nms: ${ms}\ntitle: "M${ms}"\nstatus: planned\n${extra}---\n\n# M${ms}\n`;

/** The search plan of the examples: MS001 archived, MS002 and MS003 active. */
const SEARCH = {
  [`${PLAN}/milestones/archive/2026/11/12/EP-20261102-001_MS001_tokenizer.md`]: header('EP-20261102-001', 1).replace('planned', 'completed'),
  [`${PLAN}/milestones/active/EP-20261102-001_MS002_index-builder.md`]: header('EP-20261102-001', 2),
  [`${PLAN}/milestones/active/EP-20261102-001_MS003_query-ui.md`]: header('EP-20261102-001', 3),
  'docs/readme.md': '# Not a milestone\n',
};

const MS004 = execPlanText({ planId: 'EP-20261102-001', ms: 4, title: 'Ranking & scoring', owner: '@Ada-Lovelace', day: DAY });

test('a new milestone of a plan is its next number, with the seed header and sections', () => {
  const out = created(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20261102-001', title: '  Ranking & scoring ' }, ctx));
  assert.equal(out.file, `${PLAN}/milestones/active/EP-20261102-001_MS004_ranking-scoring.md`);
  assert.equal(out.text, MS004);
  assert.equal(out.summary, `Created EP-20261102-001/MS004 "Ranking & scoring" in ${PLAN}`);
});

test('the new file reads back as a planned milestone of its plan with three open Definition of Done items and pending health rows', () => {
  const m = readMilestoneFile(`${PLAN}/milestones/active/x.md`, MS004)!.milestones[0]!;
  assert.equal(m.id, 'EP-20261102-001/MS004');
  assert.equal(m.title, 'Ranking & scoring');
  assert.equal(m.group, 'EP-20261102-001');
  assert.deepEqual(m.progress, { done: 0, total: 3 });
  assert.deepEqual(m.health.map((h) => h.category), ['pending', 'pending', 'pending', 'pending']);
  assert.equal(readMilestoneFile(`${PLAN}/milestones/active/x.md`, MS004)!.notes.length, 0);
});

test('numbering is monotonic: an archived MS007 makes the next one MS008, never a reused number', () => {
  const files = {
    [`${PLAN}/milestones/active/EP-20261102-001_MS002_a.md`]: header('EP-20261102-001', 2),
    [`${PLAN}/milestones/archive/2026/11/12/EP-20261102-001_MS007_old.md`]: header('EP-20261102-001', 7).replace('planned', 'archived'),
  };
  assert.equal(created(newExecPlanMilestone(folder(files), { execplanId: 'EP-20261102-001', title: 'Next' }, ctx)).file, `${PLAN}/milestones/active/EP-20261102-001_MS008_next.md`);
});

test('the header ms counts when it is higher than the file name, and files named MS###_slug.md without the plan id count too', () => {
  const files = {
    [`${PLAN}/milestones/active/EP-20261102-001_MS002_a.md`]: header('EP-20261102-001', 13).replace('id: EP-20261102-001/MS013', 'id: EP-20261102-001/MS002'),
    [`${PLAN}/milestones/complete/MS011_done.md`]: header('EP-20261102-001', 11),
  };
  const out = created(newExecPlanMilestone(folder(files), { execplanId: 'EP-20261102-001', title: 'Fourteen' }, ctx));
  assert.equal(out.file, `${PLAN}/milestones/active/EP-20261102-001_MS014_fourteen.md`);
  assert.match(out.text, /^id: EP-20261102-001\/MS014\nexecplan_id: EP-20261102-001\nms: 14\n/m);
  // A file of the folder with no readable plan id belongs to the folder's only plan.
  const broken = { ...files, [`${PLAN}/milestones/active/MS020_broken.md`]: '---\nms: [\n---\n' };
  assert.match(created(newExecPlanMilestone(folder(broken), { execplanId: 'EP-20261102-001', title: 'X' }, ctx)).file, /_MS021_x\.md$/);
});

test('execPlanChoices lists each plan with its folder, next number, file count and whether it is complete', () => {
  const files = {
    ...SEARCH,
    '.agent/exec_plans/auth/milestones/active/EP-20260101-002_MS001_login.md': header('EP-20260101-002', 1),
    '.agent/exec_plans/complete/2026/01/09/EP-20260101-001_setup/milestones/complete/MS001_repo.md': header('EP-20260101-001', 1).replace('planned', 'completed'),
  };
  assert.deepEqual(execPlanChoices(folder(files)), [
    { execplanId: 'EP-20260101-001', folder: '.agent/exec_plans/complete/2026/01/09/EP-20260101-001_setup', nextMs: 2, count: 1, completed: true },
    { execplanId: 'EP-20260101-002', folder: '.agent/exec_plans/auth', nextMs: 2, count: 1, completed: false },
    { execplanId: 'EP-20261102-001', folder: PLAN, nextMs: 4, count: 3, completed: false },
  ]);
  // A completed plan takes no new milestone.
  assert.equal(refusedReason(newExecPlanMilestone(folder(files), { execplanId: 'EP-20260101-001', title: 'More' }, ctx)),
    'EP-20260101-001 is archived (in .agent/exec_plans/complete/2026/01/09/); start a new plan for more work');
  assert.deepEqual(execPlanChoices(folder({ 'STATUS.md': '# S\n' })), []);
});

test('a new plan id is the local date and the next number of that date', () => {
  assert.equal(newExecPlanId(folder({}), ctx.now), 'EP-20260304-001');
  const files = {
    '.agent/exec_plans/a/milestones/active/EP-20260304-001_MS001_a.md': header('EP-20260304-001', 1),
    '.agent/exec_plans/b/milestones/active/EP-20260304-004_MS001_b.md': header('EP-20260304-004', 1),
    '.agent/exec_plans/c/milestones/active/EP-20260305-009_MS001_c.md': header('EP-20260305-009', 1),
  };
  assert.equal(newExecPlanId(folder(files), ctx.now), 'EP-20260304-005');
});

test('the first milestone of a new plan is MS001 in the folder given', () => {
  const out = created(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20260304-001', folder: './.agent/exec_plans/ranking/', title: 'Scores' }, ctx));
  assert.equal(out.file, '.agent/exec_plans/ranking/milestones/active/EP-20260304-001_MS001_scores.md');
  assert.equal(out.text, execPlanText({ planId: 'EP-20260304-001', ms: 1, title: 'Scores', owner: '@Ada-Lovelace', day: DAY }));
  assert.equal(out.summary, 'Created EP-20260304-001/MS001 "Scores" in a new plan in .agent/exec_plans/ranking');
});

test('domain, risk and owner: given values are written, an existing @ is kept, values outside the seed are refused', () => {
  const at = { identity: ' @codex ', now: ctx.now };
  const text = created(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20261102-001', title: 'T', domain: 'frontend', risk: 'high' }, at)).text;
  assert.match(text, /\ndomain: frontend\nowner: "@codex"\n[^]*\nrisk: high\n/);
  refusal(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20261102-001', title: 'T', domain: 'database' }, ctx), 'invalid-input',
    /^domain "database" is not one of backend, frontend, console, infra, cross-cutting$/);
  refusal(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20261102-001', title: 'T', risk: 'medium' }, ctx), 'invalid-input', /^risk "medium" is not one of low, med, high$/);
});

test('a title with quotes and a colon is written as a YAML string that reads back as typed', () => {
  const out = created(newExecPlanMilestone(folder(SEARCH), { execplanId: 'EP-20261102-001', title: 'Say "hi": now' }, ctx));
  assert.match(out.text, /\ntitle: "Say \\"hi\\": now"\n/);
  assert.equal(readMilestoneFile(out.file, out.text)!.milestones[0]!.title, 'Say "hi": now');
});

test('bad input is refused, never thrown', () => {
  const snapshot = folder(SEARCH);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-2026-1', title: 'T' }, ctx), 'invalid-input', /is not an ExecPlan id: expected EP-YYYYMMDD-NNN/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20261102-001', title: '   ' }, ctx), 'invalid-input', /^the title is empty$/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20261102-001', title: 'two\nlines' }, ctx), 'invalid-input', /^the title must be one line of text$/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260304-001', title: 'T' }, ctx), 'invalid-input', /has no milestone yet: name the folder of the new plan/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260304-001', folder: 'plans/x', title: 'T' }, ctx), 'invalid-input', /^plans\/x is not an ExecPlan folder/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260304-001', folder: '../x', title: 'T' }, ctx), 'invalid-input', /outside the workspace folder/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260304-001', folder: PLAN, title: 'T' }, ctx), 'invalid-input', /already holds the plan EP-20261102-001$/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20261102-001', folder: '.agent/exec_plans/other', title: 'T' }, ctx), 'invalid-input',
    /^EP-20261102-001 lives in \.agent\/exec_plans\/search, not in \.agent\/exec_plans\/other$/);
});

test('a plan archived as a whole takes no new milestone, and a new plan cannot start in an archive', () => {
  const archived = '.agent/exec_plans/complete/2026/05/05/EP-20260505-001_hardening';
  const snapshot = folder({ [`${archived}/milestones/complete/MS004_done.md`]: header('EP-20260505-001', 4).replace('planned', 'completed') });
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260505-001', title: 'T' }, ctx), 'not-applicable', /^EP-20260505-001 is archived \(in \.agent\/exec_plans\/complete\/2026\/05\/05\/\)/);
  refusal(newExecPlanMilestone(snapshot, { execplanId: 'EP-20260304-001', folder: '.agent/exec_plans/archive/2026/01/01/x', title: 'T' }, ctx), 'invalid-input', /lies in the archive folder/);
});

test('an existing file of the same name is refused as exists', () => {
  const files = { ...SEARCH, [`${PLAN}/milestones/active/EP-20261102-001_MS004_ranking.md`]: 'hand-written, not read\n' };
  // The hand-written file has no header; its name still says MS004, so the next number is MS005.
  assert.match(created(newExecPlanMilestone(folder(files), { execplanId: 'EP-20261102-001', title: 'Ranking' }, ctx)).file, /_MS005_ranking\.md$/);
  const hidden = { files: Object.keys(SEARCH), text: (f: string) => (f.endsWith('_MS004_ranking.md') ? 'not indexed\n' : SEARCH[f as keyof typeof SEARCH] ?? null) };
  refusal(newExecPlanMilestone(hidden, { execplanId: 'EP-20261102-001', title: 'Ranking' }, ctx), 'exists', /_MS004_ranking\.md already exists$/);
});

function refusedReason(outcome: ReturnType<typeof newExecPlanMilestone>): string {
  return outcome.kind === 'refused' ? outcome.reason : `not refused: ${outcome.plan.summary}`;
}
