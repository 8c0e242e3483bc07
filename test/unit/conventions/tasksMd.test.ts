// Kiro's and GitHub Spec Kit's tasks.md: recognised by their paths, read into the one model (steps,
// states, sections, progress), ticked with exact bytes, checked. Fixtures written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath, readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { toggleStep } from '../../../src/core/edits/toggleStep';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { refOf, type FileReading, type Step } from '../../../src/core/model';
import { conventionProblems } from '../../../src/core/checks/conventionProblems';
import { nextMilestones } from '../../../src/core/lifecycle/next/nextMilestones';

const KIRO_FILE = '.kiro/specs/offline-sync/tasks.md';
const KIRO = `# Implementation Plan

- [x] 1. Set up the sync queue
  - Store pending writes in IndexedDB
  - _Requirements: 1.1, 1.2_

- [-] 2. Replay writes when the network returns
  - [x] 2.1 Detect the network coming back
  - [ ] 2.2 Replay in order, oldest first
    - _Requirements: 2.3_

- [ ]* 2.3 Write property tests for the replay order
  - **Property 1: order is kept**

- [ ] 3. Show the pending count in the status bar
`;

const SPEC_FILE = 'specs/004-photo-albums/tasks.md';
const SPEC = `# Tasks: Photo Albums

**Input**: Design documents from \`/specs/004-photo-albums/\`

## Phase 1: Setup

- [X] T001 Create the project structure in src/albums/
- [X] T002 [P] Configure linting in .eslintrc.json

## Phase 3: User Story 1 - Group photos by date (Priority: P1)

- [ ] T010 [P] [US1] Album model in src/albums/model.ts
- [ ] T011 [US1] Drag and drop in src/albums/board.tsx
- [ ] T011 [US1] Album list in src/albums/list.tsx

**Checkpoint**: User Story 1 works on its own
`;

function read(file: string, text: string): FileReading {
  const reading = readMilestoneFile(file, text);
  assert.ok(reading !== null, `${file} is read`);
  return reading;
}

const now = new Date(2026, 11, 4, 10, 30);
const ctx = { identity: 'Ann', now };

/** The text after ticking (or unticking) `step` of the file's milestone, as the tree's checkbox does. */
function tick(file: string, text: string, step: Step, done: boolean): string {
  const outcome = toggleStep(text, file, refOf(step), done, ctx);
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  return applyEdits(text, outcome.kind === 'ok' ? outcome.edits : []);
}

test('the paths of Kiro and Spec Kit task lists, and only those', () => {
  assert.equal(classifyPath(KIRO_FILE), 'kiro');
  assert.equal(classifyPath('app/.kiro/specs/_archived/old-feature/tasks.md'), 'kiro');
  assert.equal(classifyPath(SPEC_FILE), 'spec-kit');
  assert.equal(classifyPath('web/specs/012-login/tasks.md'), 'spec-kit');
  assert.equal(classifyPath('.kiro/specs/offline-sync/requirements.md'), 'markdown');
  assert.equal(classifyPath('specs/photo-albums/tasks.md'), 'markdown');
  assert.equal(classifyPath('docs/tasks.md'), 'markdown');
});

test('a Kiro spec: nested sub-tasks, [-] in progress, [ ]* optional and counted once done', () => {
  for (const text of [KIRO, KIRO.replace(/\n/g, '\r\n'), `\uFEFF${KIRO}`]) {
    const { convention, milestones, notes } = read(KIRO_FILE, text);
    assert.equal(convention, 'kiro');
    assert.deepEqual(notes, [], 'no marker of the format is flagged as non-standard');
    const [m] = milestones;
    assert.deepEqual([m!.id, m!.title, m!.group, m!.status, m!.statusCategory], ['offline-sync', 'offline-sync', '.kiro/specs', null, 'active']);
    assert.deepEqual(m!.steps.map((s) => [s.text, s.state, s.depth, s.line, s.inProgress === true, s.optional === true]), [
      ['1. Set up the sync queue', 'done', 0, 2, false, false],
      ['2. Replay writes when the network returns', 'open', 0, 6, true, false],
      ['2.1 Detect the network coming back', 'done', 1, 7, false, false],
      ['2.2 Replay in order, oldest first', 'open', 1, 8, false, false],
      ['2.3 Write property tests for the replay order', 'open', 0, 11, false, true],
      ['3. Show the pending count in the status bar', 'open', 0, 14, false, false],
    ]);
    assert.deepEqual(m!.progress, { done: 2, total: 5 }, 'the optional task is not counted while open');
  }
});

test('ticking a Kiro task writes only its box: [-] and [ ]* become [x] and [x]*', () => {
  const steps = read(KIRO_FILE, KIRO).milestones[0]!.steps;
  assert.equal(tick(KIRO_FILE, KIRO, steps[1]!, true), KIRO.replace('- [-] 2. Replay', '- [x] 2. Replay'));
  const optional = tick(KIRO_FILE, KIRO, steps[4]!, true);
  assert.equal(optional, KIRO.replace('- [ ]* 2.3', '- [x]* 2.3'));
  assert.deepEqual(read(KIRO_FILE, optional).milestones[0]!.progress, { done: 3, total: 6 });
  assert.equal(tick(KIRO_FILE, KIRO, steps[0]!, false), KIRO.replace('- [x] 1. Set up', '- [ ] 1. Set up'));
});

test('a Kiro spec\'s next step is the one in progress', () => {
  const [next] = nextMilestones([{ reading: read(KIRO_FILE, KIRO), text: KIRO }]);
  assert.deepEqual(next!.items, [{ kind: 'step', text: '2. Replay writes when the network returns', line: 6 }]);
});

test('Spec Kit tasks: ids and tags kept in the text, phases as sections, [X] done', () => {
  const { convention, milestones, notes } = read(SPEC_FILE, SPEC);
  assert.equal(convention, 'spec-kit');
  assert.deepEqual(notes, []);
  const [m] = milestones;
  assert.deepEqual([m!.id, m!.title, m!.group], ['004-photo-albums', 'Photo Albums', 'specs']);
  assert.deepEqual(m!.steps.map((s) => [s.text, s.state, s.section]), [
    ['T001 Create the project structure in src/albums/', 'done', 'Phase 1: Setup'],
    ['T002 [P] Configure linting in .eslintrc.json', 'done', 'Phase 1: Setup'],
    ['T010 [P] [US1] Album model in src/albums/model.ts', 'open', 'Phase 3: User Story 1 - Group photos by date (Priority: P1)'],
    ['T011 [US1] Drag and drop in src/albums/board.tsx', 'open', 'Phase 3: User Story 1 - Group photos by date (Priority: P1)'],
    ['T011 [US1] Album list in src/albums/list.tsx', 'open', 'Phase 3: User Story 1 - Group photos by date (Priority: P1)'],
  ]);
  assert.deepEqual(m!.progress, { done: 2, total: 5 });
  assert.deepEqual(m!.fields['tasks'], ['T001', 'T002', 'T010', 'T011', 'T011']);
});

test('ticking a Spec Kit task writes [X] like the file\'s other done tasks; unticking writes [ ]', () => {
  const steps = read(SPEC_FILE, SPEC).milestones[0]!.steps;
  assert.equal(tick(SPEC_FILE, SPEC, steps[2]!, true), SPEC.replace('- [ ] T010', '- [X] T010'));
  assert.equal(tick(SPEC_FILE, SPEC, steps[0]!, false), SPEC.replace('- [X] T001', '- [ ] T001'));
  const lower = SPEC.replace(/\[X\]/g, '[x]');
  assert.equal(tick(SPEC_FILE, lower, read(SPEC_FILE, lower).milestones[0]!.steps[2]!, true), lower.replace('- [ ] T010', '- [x] T010'));
});

test('a Spec Kit task id used twice is a warning on the second id', () => {
  const problems = conventionProblems(SPEC_FILE, SPEC, read(SPEC_FILE, SPEC));
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.message, p.range.start.line, p.range.start.character, p.range.end.character]), [
    ['spec-kit-duplicate-id', 'warning', 'task id T011 is used again: line 13 has it already', 13, 6, 10],
  ]);
  assert.deepEqual(conventionProblems(KIRO_FILE, KIRO, read(KIRO_FILE, KIRO)), []);
});
