// toggleStep end to end: the real readers find the step, the edit lands on the full text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { toggleStep } from '../../../src/core/edits/toggleStep';
import type { EditContext } from '../../../src/core/edits/toggleStep';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { refOf } from '../../../src/core/model';
import type { EditOutcome, Step, StepRef } from '../../../src/core/model';

const ctx: EditContext = { identity: 'session-4', now: new Date('2026-03-04T12:05:06.789Z') };

function stepOf(file: string, text: string, stepText: string): Step {
  const reading = readMilestoneFile(file, text);
  assert.ok(reading, `${file} is read as a milestone file`);
  const step = reading.milestones.flatMap((m) => m.steps).find((s) => s.text === stepText);
  assert.ok(step, `${file} has the step "${stepText}"`);
  return step;
}

function applied(text: string, outcome: EditOutcome): string {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return applyEdits(text, outcome.kind === 'ok' ? outcome.edits : []);
}

const STATUS = '# Status\r\n\r\n## Milestone: Launch\r\n\r\n- [ ] Deploy to server\r\n- [x] Write docs\r\n';

test('ticking a STATUS.md criterion in a CRLF file changes one character', () => {
  const step = stepOf('STATUS.md', STATUS, 'Deploy to server');
  assert.equal(applied(STATUS, toggleStep(STATUS, 'STATUS.md', refOf(step), true, ctx)), STATUS.replace('[ ] Deploy', '[x] Deploy'));
});

test('a step whose line moved is still found; a duplicated one is refused; a deleted one is refused', () => {
  const ref = refOf(stepOf('STATUS.md', STATUS, 'Deploy to server'));
  const moved = STATUS.replace('## Milestone: Launch\r\n', '## Milestone: Launch\r\n\r\nIntro.\r\n');
  assert.equal(applied(moved, toggleStep(moved, 'STATUS.md', ref, true, ctx)), moved.replace('[ ] Deploy', '[x] Deploy'));
  const twice = moved + '- [ ] Deploy to server\r\n';
  const dup = toggleStep(twice, 'STATUS.md', ref, true, ctx);
  assert.match(dup.kind === 'refused' ? dup.reason : 'ok', /appears 2 times/);
  const gone = toggleStep(STATUS.replace('- [ ] Deploy to server\r\n', ''), 'STATUS.md', ref, true, ctx);
  assert.deepEqual(gone, { kind: 'refused', reason: 'the step "Deploy to server" is no longer in the file; it may have changed on disk' });
});

const EXECPLAN_FILE = '.agent/exec_plans/demo/milestones/active/EP-20260117-014_MS003_demo.md';
const EXECPLAN = [
  '\uFEFF---', 'id: EP-20260117-014/MS003', 'execplan_id: EP-20260117-014', 'ms: 3', 'title: "Demo"', 'status: in_progress',
  'created: 2026-01-17', "updated: '2026-01-20'", '---', '', '# Demo', '', '## Definition of Done', '', '- [ ] Tests pass', '',
  '## Workstreams & Tasks', '', '### Workstream A – API', '', '| ID | Area | Description | Status |', '|----|------|-------------|-------|',
  '| A1 | API | Stream tokens | ⏳ |', '| A2 | Tests | Contract tests | ⚠️ |', '',
].join('\n');

test('an ExecPlan task row becomes ✅ and `updated` becomes today, quotes and BOM kept', () => {
  const rows = readMilestoneFile(EXECPLAN_FILE, EXECPLAN)!.milestones.flatMap((m) => m.steps).filter((s) => s.source.kind === 'table-row');
  assert.equal(rows.length, 2);
  const warn = rows.find((s) => EXECPLAN.split('\n')[s.line]!.includes('A2'))!;
  assert.equal(applied(EXECPLAN, toggleStep(EXECPLAN, EXECPLAN_FILE, refOf(warn), true, ctx)),
    EXECPLAN.replace('| Contract tests | ⚠️ |', '| Contract tests | ✅ |').replace("'2026-01-20'", "'2026-03-04'"));
  const item = stepOf(EXECPLAN_FILE, EXECPLAN, 'Tests pass');
  assert.equal(applied(EXECPLAN, toggleStep(EXECPLAN, EXECPLAN_FILE, refOf(item), true, ctx)),
    EXECPLAN.replace('- [ ] Tests pass', '- [x] Tests pass').replace("'2026-01-20'", "'2026-03-04'"));
});

const JSON_FILE = 'MILESTONES/deploy-dashboard.json';
const SESSION = `{
\t"milestone_id": "deploy-dashboard",
\t"title": "Deploy Dashboard",
\t"status": "in_progress",
\t"progress": 50,
\t"updated_at": "2025-11-15T00:25:00Z",
\t"steps": [
\t\t{
\t\t\t"step": 1,
\t\t\t"description": "Review script",
\t\t\t"status": "completed",
\t\t\t"completed_by": "session-3",
\t\t\t"completed_at": "2025-11-15T00:21:00Z"
\t\t},
\t\t{
\t\t\t"step": 2,
\t\t\t"description": "Deploy",
\t\t\t"status": "pending"
\t\t}
\t]
}`;

test('a session JSON step is completed in a tab-indented file without a final newline', () => {
  const step = stepOf(JSON_FILE, SESSION, 'Deploy');
  assert.equal(applied(SESSION, toggleStep(SESSION, JSON_FILE, refOf(step), true, ctx)), SESSION
    .replace('"status": "pending"', '"status": "completed",\n\t\t\t"completed_by": "session-4",\n\t\t\t"completed_at": "2026-03-04T12:05:06Z"')
    .replace('"progress": 50', '"progress": 100')
    .replace('"updated_at": "2025-11-15T00:25:00Z"', '"updated_at": "2026-03-04T12:05:06Z"'));
  const first = stepOf(JSON_FILE, SESSION, 'Review script');
  assert.equal(applied(SESSION, toggleStep(SESSION, JSON_FILE, refOf(first), false, ctx)), SESSION
    .replace('"status": "completed",\n\t\t\t"completed_by": "session-3",\n\t\t\t"completed_at": "2025-11-15T00:21:00Z"', '"status": "pending"')
    .replace('"progress": 50', '"progress": 0')
    .replace('"updated_at": "2025-11-15T00:25:00Z"', '"updated_at": "2026-03-04T12:05:06Z"'));
});

test('a session JSON file broken since it was read is refused with the reason', () => {
  const ref: StepRef = refOf(stepOf(JSON_FILE, SESSION, 'Deploy'));
  const out = toggleStep(SESSION.replace('"step": 2,', '"step": 2'), JSON_FILE, ref, true, ctx);
  assert.equal(out.kind, 'refused');
});
