// OpenAI's ExecPlans (Codex's PLANS.md convention): recognised by path, read into the one model
// (the Progress checklist as steps, the living sections as notes), ticked with the time it was
// done in the plan's own style. Fixtures written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath, readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { toggleStep } from '../../../src/core/edits/toggleStep';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { refOf, type FileReading, type Step } from '../../../src/core/model';
import { conventionProblems } from '../../../src/core/checks/conventionProblems';

const FILE = '.agent/execplans/EP-2026-02-11__offline-search.md';
const PLAN = `# Make search work offline

This ExecPlan is a living document. The sections Progress, Surprises & Discoveries, Decision Log,
and Outcomes & Retrospective must be kept up to date as work proceeds.

## Purpose / Big Picture

A reader can search the site without a network connection.

## Progress

- [x] (2026-02-11 09:12Z) Ship the index with the site bundle.
- [x] (2026-02-11 10:40Z) Load the index from the service worker cache.
- [ ] Query the cached index when fetch fails (completed: lookup; remaining: ranking).
- [ ] Show an "offline" badge on results.

## Surprises & Discoveries

- Observation: the index is 40% smaller gzipped than expected.
  Evidence: 180 KB vs 300 KB.

## Decision Log

- Decision: keep one index file, not one per section.
  Rationale: one request, one cache entry.

## Outcomes & Retrospective

## Concrete Steps

- [ ] not a Progress item: a checklist in another section is not counted
`;

function read(file: string, text: string): FileReading {
  const reading = readMilestoneFile(file, text);
  assert.ok(reading !== null, `${file} is read`);
  return reading;
}

function tick(text: string, step: Step, done: boolean, now: Date): string {
  const outcome = toggleStep(text, FILE, refOf(step), done, { identity: 'codex', now });
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  return applyEdits(text, outcome.kind === 'ok' ? outcome.edits : []);
}

test('the places plans live, and the guide alone is no plan', () => {
  assert.equal(classifyPath(FILE), 'codex-plan');
  assert.equal(classifyPath('docs/execplans/search.md'), 'codex-plan');
  assert.equal(classifyPath('.agents/execplans/2026/ranking.md'), 'codex-plan');
  assert.equal(classifyPath('.agent/PLANS.md'), 'codex-plan');
  assert.equal(classifyPath('.agent/execplans/README.md'), 'markdown', 'a guide to the plans is no plan (only its content could make it a milestone file)');
  assert.equal(classifyPath('docs/plans/search.md'), 'markdown');
  const guide = '# Codex Execution Plans (ExecPlans)\n\nEvery plan has these sections:\n\n```md\n## Progress\n\n- [x] (2025-10-01 13:00Z) Example completed step.\n```\n';
  assert.equal(readMilestoneFile('.agent/PLANS.md', guide), null);
});

test('a plan: its Progress items are the steps without their stamps, the living sections notes', () => {
  for (const text of [PLAN, PLAN.replace(/\n/g, '\r\n'), `\uFEFF${PLAN}`]) {
    const { convention, milestones, notes } = read(FILE, text);
    assert.equal(convention, 'codex-plan');
    assert.deepEqual(notes, []);
    const [m] = milestones;
    assert.deepEqual([m!.id, m!.title, m!.group, m!.status, m!.statusCategory], ['EP-2026-02-11__offline-search', 'Make search work offline', '.agent/execplans', null, 'active']);
    assert.deepEqual(m!.steps.map((s) => [s.state, s.text, s.section, s.line]), [
      ['done', 'Ship the index with the site bundle.', 'Progress', 11],
      ['done', 'Load the index from the service worker cache.', 'Progress', 12],
      ['open', 'Query the cached index when fetch fails (completed: lookup; remaining: ranking).', 'Progress', 13],
      ['open', 'Show an "offline" badge on results.', 'Progress', 14],
      ['info', 'Observation: the index is 40% smaller gzipped than expected.', 'Surprises & Discoveries', 18],
      ['info', 'Decision: keep one index file, not one per section.', 'Decision Log', 23],
    ]);
    assert.deepEqual(m!.progress, { done: 2, total: 4 });
  }
});

test('a tick writes when the step was done, in the plan\'s style; an untick takes the stamp out', () => {
  const steps = read(FILE, PLAN).milestones[0]!.steps;
  const now = new Date(Date.UTC(2026, 1, 12, 8, 5, 30));
  const ticked = tick(PLAN, steps[3]!, true, now);
  assert.equal(ticked, PLAN.replace('- [ ] Show an', '- [x] (2026-02-12 08:05Z) Show an'));
  assert.equal(read(FILE, ticked).milestones[0]!.steps[3]!.text, 'Show an "offline" badge on results.');
  assert.equal(tick(ticked, read(FILE, ticked).milestones[0]!.steps[3]!, false, now), PLAN);
  assert.equal(tick(PLAN, steps[0]!, false, now), PLAN.replace('- [x] (2026-02-11 09:12Z) Ship', '- [ ] Ship'));
  // A plan whose stamps carry seconds and a T gets one like them.
  const iso = PLAN.replace('(2026-02-11 09:12Z)', '(2026-02-11T09:12:00Z)').replace('(2026-02-11 10:40Z)', '(2026-02-11T10:40:00Z)');
  assert.equal(tick(iso, read(FILE, iso).milestones[0]!.steps[2]!, true, now), iso.replace('- [ ] Query', '- [x] (2026-02-12T08:05:30Z) Query'));
});

test('a plan without one of its living sections is a warning on its title naming them', () => {
  assert.deepEqual(conventionProblems(FILE, PLAN, read(FILE, PLAN)), []);
  const without = PLAN.replace('## Decision Log\n', '## Decisions\n').replace('## Outcomes & Retrospective\n', '');
  assert.deepEqual(conventionProblems(FILE, without, read(FILE, without)).map((p) => [p.code, p.severity, p.range.start.line, p.message]), [[
    'codex-plan-section', 'warning', 0,
    'this ExecPlan has no "Decision Log", "Outcomes & Retrospective" sections; PLANS.md asks every plan to keep Progress, Surprises & Discoveries, Decision Log and Outcomes & Retrospective up to date',
  ]]);
});
