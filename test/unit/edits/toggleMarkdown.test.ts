import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toggleStepInReading } from '../../../src/core/edits/toggleStep';
import type { EditContext } from '../../../src/core/edits/toggleStep';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { refOf } from '../../../src/core/model';
import type { EditOutcome, StepRef } from '../../../src/core/model';
import { criterion, reading, row, task } from './readingFixtures';

// Noon UTC: the local calendar day is the same in every zone from UTC-11 to UTC+11.
const ctx: EditContext = { identity: 'tester', now: new Date('2026-03-04T12:05:06.789Z') };

function applied(text: string, outcome: EditOutcome): string {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return applyEdits(text, outcome.kind === 'ok' ? outcome.edits : []);
}

const STATUS = '# Status\n\n## Milestone: Launch\n\n- [ ] Deploy to server\n- [x] Write docs\n  - [ ] nested child\n';

test('ticking a task item changes only the character between the brackets', () => {
  const step = task(STATUS, 'Deploy to server', 'Milestone: Launch');
  const out = toggleStepInReading(STATUS, reading('status-md', [step]), refOf(step), true, ctx);
  assert.equal(applied(STATUS, out), STATUS.replace('- [ ] Deploy', '- [x] Deploy'));
  assert.deepEqual(out.kind === 'ok' && out.edits, [{ start: STATUS.indexOf('[ ] Deploy') + 1, end: STATUS.indexOf('[ ] Deploy') + 2, newText: 'x' }]);
});

test('unticking works for [x] and [X], and a nested item keeps its indentation', () => {
  const text = STATUS.replace('[x] Write', '[X] Write');
  const upper = task(text, 'Write docs', 'Milestone: Launch');
  assert.equal(applied(text, toggleStepInReading(text, reading('status-md', [upper]), refOf(upper), false, ctx)), STATUS.replace('[x] Write', '[ ] Write'));
  const child = task(STATUS, 'nested child', 'Milestone: Launch', 0, 1);
  assert.equal(applied(STATUS, toggleStepInReading(STATUS, reading('status-md', [child]), refOf(child), true, ctx)), STATUS.replace('  - [ ] nested', '  - [x] nested'));
});

test('CRLF line endings and a BOM survive a tick', () => {
  const text = '\uFEFF' + STATUS.replace(/\n/g, '\r\n');
  const step = task(text, 'Deploy to server', 'Milestone: Launch');
  assert.equal(applied(text, toggleStepInReading(text, reading('status-md', [step]), refOf(step), true, ctx)), text.replace('[ ] Deploy', '[x] Deploy'));
});

test('a step already in the wanted state gives no edits', () => {
  const step = task(STATUS, 'Write docs', 'Milestone: Launch');
  assert.deepEqual(toggleStepInReading(STATUS, reading('status-md', [step]), refOf(step), true, ctx), { kind: 'ok', edits: [] });
});

test('a step whose line moved is still found when its text is unique', () => {
  const before = task(STATUS, 'Deploy to server', 'Milestone: Launch');
  const text = STATUS.replace('## Milestone: Launch\n', '## Milestone: Launch\n\nTwo new\nlines above.\n');
  const now = task(text, 'Deploy to server', 'Milestone: Launch');
  assert.notEqual(now.line, before.line);
  assert.equal(applied(text, toggleStepInReading(text, reading('status-md', [now]), refOf(before), true, ctx)), text.replace('[ ] Deploy', '[x] Deploy'));
});

test('a duplicated step is refused unless one copy is on the remembered line', () => {
  const text = STATUS + '- [ ] Deploy to server\n';
  const first = task(text, 'Deploy to server', 'Milestone: Launch', 0);
  const second = task(text, 'Deploy to server', 'Milestone: Launch', 1);
  const r = reading('status-md', [first, second]);
  const moved: StepRef = { ...refOf(first), line: 1 };
  const out = toggleStepInReading(text, r, moved, true, ctx);
  assert.equal(out.kind, 'refused');
  assert.match(out.kind === 'refused' ? out.reason : '', /the step "Deploy to server" appears 2 times under "Milestone: Launch"/);
  const exact = toggleStepInReading(text, r, refOf(second), true, ctx);
  assert.equal(applied(text, exact), STATUS + '- [x] Deploy to server\n');
});

test('a step that is gone, or has another section or kind, is refused with a sentence', () => {
  const step = task(STATUS, 'Deploy to server', 'Milestone: Launch');
  const r = reading('status-md', [step]);
  const gone = toggleStepInReading(STATUS, r, { ...refOf(step), text: 'Deploy to moon' }, true, ctx);
  assert.deepEqual(gone, { kind: 'refused', reason: 'the step "Deploy to moon" is no longer in the file; it may have changed on disk' });
  assert.equal(toggleStepInReading(STATUS, r, { ...refOf(step), section: 'Other' }, true, ctx).kind, 'refused');
  assert.equal(toggleStepInReading(STATUS, r, { ...refOf(step), kind: 'table-row' }, true, ctx).kind, 'refused');
});

test('non-standard markers and plain criteria are refused, not guessed', () => {
  const text = '## Tasks\n\n- [-] In flight\n- Plain criterion\n';
  const odd = task(text, 'In flight', 'Tasks');
  const plain = criterion(text, 'Plain criterion', 'Tasks');
  const r = reading('status-md', [odd, plain]);
  const a = toggleStepInReading(text, r, refOf(odd), true, ctx);
  assert.match(a.kind === 'refused' ? a.reason : 'ok', /non-standard marker "\[-\]"/);
  const b = toggleStepInReading(text, r, refOf(plain), true, ctx);
  assert.match(b.kind === 'refused' ? b.reason : 'ok', /has no checkbox/);
});

const EXECPLAN = [
  '---',
  'id: EP-20260117-014/MS003',
  'title: "Prototype streaming"',
  'status: in_progress',
  'created: 2026-01-17',
  'updated: 2026-01-20  # bump on change',
  'tags: []',
  '---',
  '',
  '# Prototype streaming',
  '',
  '## Definition of Done',
  '',
  '- [ ] Tests pass',
  '',
  '## Workstreams & Tasks',
  '',
  '### Workstream A – API',
  '',
  '| ID | Area | Description | Status |',
  '|----|------|-------------|-------|',
  '| A1 | API | Stream tokens | ⏳ |',
  '| A2 | Tests | Contract tests | ⚠️ |',
  '| A3 | Docs | Write runbook | ✅ done |',
  '',
].join('\n');

function execplanStep(text: string, id: string, description: string) {
  return row(text, `| ${id} |`, description, 'Workstream A – API');
}

test('an ExecPlan row ⏳ becomes ✅ and a bare `updated` becomes today, comment kept', () => {
  const step = execplanStep(EXECPLAN, 'A1', 'Stream tokens');
  const out = toggleStepInReading(EXECPLAN, reading('execplan', [step]), refOf(step), true, ctx);
  assert.equal(applied(EXECPLAN, out), EXECPLAN.replace('| Stream tokens | ⏳ |', '| Stream tokens | ✅ |').replace('updated: 2026-01-20  #', 'updated: 2026-03-04  #'));
});

test('⚠️ (with or without U+FE0F) becomes ✅ and a single-quoted `updated` keeps its quotes', () => {
  const text = EXECPLAN.replace('updated: 2026-01-20  # bump on change', "updated: '2026-01-20'");
  const step = execplanStep(text, 'A2', 'Contract tests');
  assert.equal(text.includes('\u26A0\uFE0F'), true);
  const expected = text.replace('| Contract tests | \u26A0\uFE0F |', '| Contract tests | ✅ |').replace("'2026-01-20'", "'2026-03-04'");
  assert.equal(applied(text, toggleStepInReading(text, reading('execplan', [step]), refOf(step), true, ctx)), expected);
  const bare = text.replace('\u26A0\uFE0F', '\u26A0');
  const step2 = execplanStep(bare, 'A2', 'Contract tests');
  assert.equal(applied(bare, toggleStepInReading(bare, reading('execplan', [step2]), refOf(step2), true, ctx)), expected);
});

test('unticking an ExecPlan row turns ✅ into ⏳, keeps the words beside it, and a double-quoted `updated`', () => {
  const text = EXECPLAN.replace('updated: 2026-01-20  # bump on change', 'updated: "2026-01-20"');
  const step = execplanStep(text, 'A3', 'Write runbook');
  assert.equal(applied(text, toggleStepInReading(text, reading('execplan', [step]), refOf(step), false, ctx)),
    text.replace('| ✅ done |', '| ⏳ done |').replace('"2026-01-20"', '"2026-03-04"'));
});

test('an ExecPlan task item also bumps `updated`, in a CRLF file with a BOM', () => {
  const text = '\uFEFF' + EXECPLAN.replace(/\n/g, '\r\n');
  const step = task(text, 'Tests pass', 'Definition of Done');
  assert.equal(applied(text, toggleStepInReading(text, reading('execplan', [step]), refOf(step), true, ctx)),
    text.replace('- [ ] Tests pass', '- [x] Tests pass').replace('updated: 2026-01-20', 'updated: 2026-03-04'));
});

test('an ExecPlan without an `updated` key gets none added; a KB file never has its `updated` touched', () => {
  const text = EXECPLAN.replace('updated: 2026-01-20  # bump on change\n', '');
  const step = task(text, 'Tests pass', 'Definition of Done');
  assert.equal(applied(text, toggleStepInReading(text, reading('execplan', [step]), refOf(step), true, ctx)), text.replace('- [ ] Tests', '- [x] Tests'));
  const kbStep = task(EXECPLAN, 'Tests pass', 'Definition of Done');
  assert.equal(applied(EXECPLAN, toggleStepInReading(EXECPLAN, reading('kb', [kbStep]), refOf(kbStep), true, ctx)), EXECPLAN.replace('- [ ] Tests', '- [x] Tests'));
});
