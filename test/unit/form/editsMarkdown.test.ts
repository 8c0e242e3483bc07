import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, crlf, edited, ref, refused } from './editsKit';

const STATUS = [
  '# Status', '', '## Milestone: Launch', '', '**Goal:** Ship it', '', '**Acceptance Criteria:**',
  '- [ ] Deploy to server', '- [x] Write docs', '', '**Approval Required:** Yes', '',
  '## Milestone: Later', '', '### Tasks', '', '1. [ ] First', '2. [x] Second', '   - [ ] child of second', '3. [ ] Third', '',
].join('\n');
const F = PATHS.status;

test('ticking from the form is the same edit as the tree', () => {
  assert.equal(edited(F, STATUS, { kind: 'toggleStep', ref: ref(F, STATUS, 'Deploy to server'), done: true }), STATUS.replace('- [ ] Deploy', '- [x] Deploy'));
});

test('setting a step text replaces only the text after the marker, special characters as typed', () => {
  const out = edited(F, STATUS, { kind: 'setStepText', ref: ref(F, STATUS, 'Deploy to server'), text: 'Deploy *now* | `x` <b>' });
  assert.equal(out, STATUS.replace('- [ ] Deploy to server', '- [ ] Deploy *now* | `x` <b>'));
  assert.equal(edited(F, STATUS, { kind: 'setStepText', ref: ref(F, STATUS, 'Deploy to server'), text: 'Deploy to server' }), STATUS);
  assert.match(refused(F, STATUS, { kind: 'setStepText', ref: ref(F, STATUS, 'Deploy to server'), text: 'two\nlines' }), /one line/);
});

test('a step that is gone is refused with a reason', () => {
  assert.match(refused(F, STATUS, { kind: 'setStepText', ref: { line: 7, text: 'Nope', section: 'Milestone: Launch', kind: 'task' }, text: 'x' }), /no longer in the file/);
});

test('a STATUS.md acceptance criterion goes after the last item under **Acceptance Criteria:**', () => {
  const out = edited(F, STATUS, { kind: 'addStep', milestone: 0, section: 'Milestone: Launch', text: 'Announce it' });
  assert.equal(out, STATUS.replace('- [x] Write docs\n', '- [x] Write docs\n- [ ] Announce it\n'));
  const win = crlf(STATUS);
  assert.equal(edited(F, win, { kind: 'addStep', milestone: 0, section: 'Milestone: Launch', text: 'Announce it' }), win.replace('- [x] Write docs\r\n', '- [x] Write docs\r\n- [ ] Announce it\r\n'));
});

test('an ordered list continues its numbering, after the last item and its nested lines', () => {
  const out = edited(F, STATUS, { kind: 'addStep', milestone: 1, section: 'Tasks', text: 'Fourth' });
  assert.equal(out, STATUS.replace('3. [ ] Third\n', '3. [ ] Third\n4. [ ] Fourth\n'));
  const after = edited(F, STATUS, { kind: 'addStep', milestone: 1, section: 'Tasks', text: 'Between', after: ref(F, STATUS, 'Second') });
  assert.equal(after, STATUS.replace('   - [ ] child of second\n', '   - [ ] child of second\n3. [ ] Between\n'));
});

test('a section without a list gets one under its heading; asterisk bullets and tabs are copied', () => {
  const text = '# Plan\n\n## Milestone: One\n\n* [ ] a\n\t* [ ] nested\n\n## Milestone: Two\n\nSome words.\n';
  assert.equal(edited(F, text, { kind: 'addStep', milestone: 1, section: 'Milestone: Two', text: 'b' }),
    text.replace('## Milestone: Two\n\n', '## Milestone: Two\n\n* [ ] b\n\n'));
  assert.equal(edited(F, text, { kind: 'addStep', milestone: 0, section: 'Milestone: One', text: 'c', after: ref(F, text, 'nested') }),
    text.replace('\t* [ ] nested\n', '\t* [ ] nested\n\t* [ ] c\n'));
  const bare = '# Plan\n\n## Milestone: One\n- [ ] a\n## Milestone: Two';
  assert.equal(edited(F, bare, { kind: 'addStep', milestone: 1, section: 'Milestone: Two', text: 'b' }), bare + '\n\n- [ ] b');
});

test('removing a step deletes its line; one with nested items is refused', () => {
  assert.equal(edited(F, STATUS, { kind: 'removeStep', ref: ref(F, STATUS, 'Third') }), STATUS.replace('3. [ ] Third\n', ''));
  assert.match(refused(F, STATUS, { kind: 'removeStep', ref: ref(F, STATUS, 'Second') }), /nested items/);
  const noEol = '# Milestone: A\n- [ ] one\n- [ ] two';
  assert.equal(edited(F, noEol, { kind: 'removeStep', ref: ref(F, noEol, 'two') }), '# Milestone: A\n- [ ] one');
});

test('moving a step moves its lines byte for byte, nested lines along, line endings in place', () => {
  const out = edited(F, STATUS, { kind: 'moveStep', ref: ref(F, STATUS, 'Third'), to: 0 });
  assert.equal(out, STATUS.replace('1. [ ] First\n2. [x] Second\n   - [ ] child of second\n3. [ ] Third\n', '3. [ ] Third\n1. [ ] First\n2. [x] Second\n   - [ ] child of second\n'));
  const down = edited(F, STATUS, { kind: 'moveStep', ref: ref(F, STATUS, 'Second'), to: 3 });
  assert.equal(down, STATUS.replace('2. [x] Second\n   - [ ] child of second\n3. [ ] Third\n', '3. [ ] Third\n2. [x] Second\n   - [ ] child of second\n'));
  const noEol = '\uFEFF# Milestone: A\r\n- [ ] one\r\n- [ ] two';
  assert.equal(edited(F, noEol, { kind: 'moveStep', ref: ref(F, noEol, 'two'), to: 0 }), '\uFEFF# Milestone: A\r\n- [ ] two\r\n- [ ] one');
  assert.match(refused(F, STATUS, { kind: 'moveStep', ref: ref(F, STATUS, 'child of second'), to: 0 }), /own list/);
});

const PLAN = [
  '---', 'title: First', 'updated: 2026-01-01', '---', '', '## Definition of Done', '', '- Tests pass', '', '## Workstreams & Tasks', '',
  '| ID | Description | Status |', '|----|-------------|--------|', '| T1 | Build it    | ⏳      |', '| T2 | Ship it     | ✅      |', '',
].join('\n');
const P = PATHS.execplan;

test('an ExecPlan task row keeps its padding when its description changes; a | is escaped', () => {
  assert.equal(edited(P, PLAN, { kind: 'setStepText', ref: ref(P, PLAN, 'T1 Build it'), text: 'T1 Build a|b' }), PLAN.replace('| Build it    |', '| Build a\\|b    |'));
  assert.equal(edited(P, PLAN, { kind: 'setStepText', ref: ref(P, PLAN, 'T1 Build it'), text: 'T1 Build it' }), PLAN);
  assert.equal(edited(P, PLAN, { kind: 'setStepText', ref: ref(P, PLAN, 'Tests pass'), text: 'All tests pass' }), PLAN.replace('- Tests pass', '- All tests pass'));
  assert.equal(edited(P, PLAN, { kind: 'moveStep', ref: ref(P, PLAN, 'T2 Ship it'), to: 0 }),
    PLAN.replace('| T1 | Build it    | ⏳      |\n| T2 | Ship it     | ✅      |', '| T2 | Ship it     | ✅      |\n| T1 | Build it    | ⏳      |'));
  assert.equal(edited(P, PLAN, { kind: 'removeStep', ref: ref(P, PLAN, 'T1 Build it') }), PLAN.replace('| T1 | Build it    | ⏳      |\n', ''));
});

test('an unclosed header is refused', () => {
  const text = '---\ntitle: x\n\n- [ ] a\n';
  assert.match(refused(P, text, { kind: 'setStepText', ref: ref(P, text, 'a'), text: 'b' }), /not closed/);
});
