// Property-based tests (fast-check): whatever a repository holds, the readers and the checks give
// an answer, never an exception; and ticking a step then unticking it gives back every byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { toggleStep, type EditContext } from '../../../src/core/edits/toggleStep';
import { statusWordOf } from '../../../src/core/conventions/status';
import { localDay } from '../../../src/core/edits/timestampStyle';
import { refOf, type FileReading, type Step } from '../../../src/core/model';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { validate } from '../validate/validateKit';

/** One path of each convention, and a plain markdown file that is a milestone only by its content. */
const PATHS = [
  'docs/milestones.kb/010-core.md',
  '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index.md',
  'SESSIONS/MILESTONES/deploy.json',
  'handoffs/1-setup.md',
  'STATUS.md',
  'notes/plan-notes.md',
];

/** Lines that mean something to one reader or another, so random files reach deep into them. */
const FRAGMENTS = [
  '---', '+++', '...', 'id: 010', 'status: in_progress', 'title: "T', 'tags: [a, b', 'a: &x [1, 2]', 'b: *x',
  '<<: *x', '- [ ] open step', '- [x] done step', '  - [X] nested', '* [-] odd', '1. [ ] numbered', '[ ] bare',
  '## Milestone: One', '## Phase 2', '### Workstream A – Build', '## Workstreams & Tasks', '## Definition of Done',
  '## Current Health Snapshot', '| ID | Area | Description | Status |', '|----|------|-----|----|', '| A1 | B | C | ✅ |',
  '| A2 | B | C | ⏳ |', '| x | ⚠️ |', '```', '~~~md', '<!--', '-->', '**Status:** Active', '**Progress:** 40%',
  '{', '}', '"steps": [', '{"step": 1, "status": "pending", "description": "d"}', '],', '"milestone_id": "m",',
  '"progress": 50,', '"steps": "no"', '"__proto__": {}', '\uFEFF', '\u0000', '\uD800', 'ï»¿Ã©', '',
];

const fileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40, unit: 'binary' })), { maxLength: 60 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

test('the readers and the file checks never throw, and never fail a read, on random files of every convention', () => {
  fc.assert(
    fc.property(fc.constantFrom(...PATHS), fileText, (file, text) => {
      const reading = readMilestoneFile(file, text);
      const failed = reading?.notes.find((n) => n.code === 'read-failed');
      assert.equal(failed, undefined, failed?.message);
      for (const p of validate(file, text)) {
        assert.ok(p.range.start.line >= 0 && p.range.end.line >= p.range.start.line, `${p.code} has a range`);
      }
    }),
    { numRuns: 1500 },
  );
});

const now = new Date('2026-03-04T12:00:00Z');
const ctx: EditContext = { identity: 'tester', now };
/**
 * Step text: printable, no line break, no `|` (it would split a table row), not blank, and not the
 * text of a legend item (`-> Not started`, `= done`, a bare status word), which is no step.
 */
const stepText = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .map((s) => s.replace(/[\r\n|`<>[\]\\]/g, ' ').trim())
  .filter((s) => s.length > 0 && !/^[-*+#>=:→⇒⟶➔—–]/.test(s) && !/^\d+[.)]/.test(s) && statusWordOf(s) === null);
const eol = fc.constantFrom('\n', '\r\n');

/** Ticks (or unticks) `step` in `text` and returns the new text; fails the property on a refusal. */
function toggled(file: string, text: string, step: Step, done: boolean): string {
  const outcome = toggleStep(text, file, refOf(step), done, ctx);
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return outcome.kind === 'ok' ? applyEdits(text, outcome.edits) : text;
}

/** Every countable step of a reading, in order. */
function stepsOf(reading: FileReading | null): Step[] {
  return (reading?.milestones ?? []).flatMap((m) => m.steps).filter((s) => s.state === 'open' || s.state === 'done');
}

/** For each step: tick then untick (an open step) or untick then tick (a done one) restores the text exactly. */
function assertRoundTrips(file: string, text: string, expectedSteps: number): void {
  const steps = stepsOf(readMilestoneFile(file, text));
  assert.equal(steps.length, expectedSteps, 'every generated step is read');
  for (const step of steps) {
    const first = toggled(file, text, step, step.state === 'open');
    const moved = stepsOf(readMilestoneFile(file, first)).find((s) => s.line === step.line && s.text === step.text);
    assert.ok(moved, `step "${step.text}" is read again after the first toggle`);
    assert.notEqual(first, text, 'the first toggle changes the file');
    assert.equal(toggled(file, first, moved, step.state === 'done'), text, `toggling "${step.text}" twice restores every byte`);
  }
}

test('tick then untick restores every byte of random task lists (bullets, nesting, CRLF, BOM)', () => {
  const item = fc.record({
    deeper: fc.integer({ min: -2, max: 1 }),
    bullet: fc.constantFrom('-', '*', '+', '1.', '2)'),
    done: fc.boolean(),
    text: stepText,
  });
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), eol, fc.boolean(), (items, nl, bom) => {
      // A nested item starts at its parent's content column (GitHub's rule); at most one level deeper.
      const columns: number[] = [];
      const lines = items.map((it) => {
        const depth = Math.max(0, Math.min(columns.length, columns.length - 1 + it.deeper));
        columns.length = depth;
        const indent = depth === 0 ? 0 : columns[depth - 1]!;
        columns.push(indent + it.bullet.length + 1);
        return `${' '.repeat(indent)}${it.bullet} [${it.done ? 'x' : ' '}] ${it.text}`;
      });
      const text = `${bom ? '\uFEFF' : ''}---${nl}id: 010${nl}title: Core${nl}status: active${nl}---${nl}# Core${nl}${nl}${lines.join(nl)}${nl}`;
      assertRoundTrips('docs/milestones.kb/010-core.md', text, items.length);
    }),
    { numRuns: 300 },
  );
});

test('tick then untick restores every byte of random ExecPlan task tables', () => {
  const row = fc.record({ id: fc.stringMatching(/^[A-Z][0-9]{1,2}$/), text: stepText, done: fc.boolean(), pad: fc.constantFrom(' ', '  ') });
  fc.assert(
    fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 10, selector: (r) => r.id }), eol, (rows, nl) => {
      // `updated` is already today, so ticking changes only the status cells.
      const header = ['---', 'id: EP-20261102-001/MS002', 'ms: 2', 'title: "Index"', 'status: in_progress', `updated: ${localDay(now)}`, '---', '# Index', '', '## Workstreams & Tasks', '', '### Workstream A – Build', '', '| ID | Area | Description | Status |', '|----|------|-------------|--------|'];
      const body = rows.map((r) => `| ${r.id} | Build | ${r.text} |${r.pad}${r.done ? '✅' : '⏳'}${r.pad}|`);
      const text = [...header, ...body, ''].join(nl);
      assertRoundTrips('.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index.md', text, rows.length);
    }),
    { numRuns: 200 },
  );
});

test('tick then untick restores every byte of random session JSON steps (indentation, key order, CRLF)', () => {
  // A step is pending, in progress (started by someone, at some time, or both) or done; a done step
  // may say when it was started too, after its completed_* keys (where ticking writes them).
  const started = fc.constantFrom<('started_by' | 'started_at')[]>(['started_by', 'started_at'], ['started_at'], ['started_by']);
  const step = fc.record({
    description: stepText,
    state: fc.constantFrom('pending', 'in_progress', 'completed'),
    started: fc.option(started, { nil: null }),
    notesFirst: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), fc.constantFrom(2, 4, '\t'), eol, (steps, indent, nl) => {
      // What unticking writes back: `in_progress` for a step that says it was started, else `pending`.
      const value = {
        milestone_id: 'deploy', title: 'Deploy', status: 'in_progress',
        steps: steps.map((s, i) => {
          const startedKeys = s.state === 'pending' ? [] : s.state === 'in_progress' ? s.started ?? ['started_at'] : s.started ?? [];
          const startedPart = Object.fromEntries(startedKeys.map((k) => [k, k === 'started_by' ? 'ann' : '2026-03-01T09:00:00Z']));
          return {
            step: i + 1,
            ...(s.notesFirst ? { notes: 'n' } : {}),
            description: s.description,
            status: s.state,
            ...(s.state === 'completed' ? { completed_by: 'tester', completed_at: '2026-03-04T12:00:00Z' } : {}),
            ...startedPart,
          };
        }),
      };
      const text = JSON.stringify(value, null, indent).replace(/\n/g, nl) + nl;
      assertRoundTrips('SESSIONS/MILESTONES/deploy.json', text, steps.length);
    }),
    { numRuns: 300 },
  );
});
