// `milestones complete` on a copy of examples/: refusals, --force, the files' full text, validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, assertValid, cli, exampleCopy, HANDOFF, KB_020, original, PLAN_MS002, read, SESSION, stampWritten, STATUS, swap, today,
} from '../lifecycle/status/exampleWorkspace';

test('complete refuses open criteria, then completes once they are ticked; validate stays clean', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['complete', KB_020]),
    'milestones: refused: 2 of 3 acceptance criteria of "Milestone 020: Renderer" are still open\n  - Partials can include other partials\n  - Output is byte-identical between two builds\n');
  assertDone(cli(root, ['done', KB_020, '2']), 'Marked "Partials can include other partials" done in "Milestone 020: Renderer"');
  assertDone(cli(root, ['done', KB_020, 'byte-identical']), 'Marked "Output is byte-identical between two builds" done in "Milestone 020: Renderer"');
  assertDone(cli(root, ['complete', KB_020]), 'Completed "Milestone 020: Renderer" (status completed)');
  assert.equal(read(root, KB_020), original(KB_020).replace('status: in-progress', 'status: completed').replace(/- \[ \]/g, '- [x]'));
  assertValid(root);
  assertDone(cli(root, ['complete', KB_020]), '"Milestone 020: Renderer" is already completed');
});

test('complete --force completes an ExecPlan with open steps', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['complete', PLAN_MS002, '--force']), 'Completed "Index builder" (status completed)');
  assert.equal(read(root, PLAN_MS002), swap(swap(original(PLAN_MS002), 'status: in_progress', 'status: completed'), "updated: '2026-11-19'", `updated: '${today()}'`)
    + `- ${today()} — Completed.\n`);
});

test('a session milestone completed after its last step gets progress 100', () => {
  const root = exampleCopy();
  for (const step of ['3', '4', '5']) assert.equal(cli(root, ['done', SESSION, step, '--as', 'session-8']).status, 0);
  const from = new Date();
  assertDone(cli(root, ['complete', SESSION]), 'Completed "Deploy the preview site" (status completed)');
  const text = read(root, SESSION)!;
  assert.match(text, /^ {2}"status": "completed",\n {2}"progress": 100,$/m);
  stampWritten(text, from);
  assertValid(root);
});

test('the approval gate holds with --force', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['complete', STATUS, '--milestone', 'Core Pipeline', '--force']),
    'milestones: refused: "Core Pipeline" requires approval (Approval Required: Yes); log the approval in DECISIONS.md first\n');
  assert.equal(read(root, STATUS), original(STATUS));
  assert.equal(read(root, 'DECISIONS.md'), null);
});

test('a STATUS.md milestone that needs no approval is completed with **Status:** COMPLETE', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['complete', STATUS, '--milestone', 'Foundation Complete']), 'Completed "Foundation Complete" (status COMPLETE)');
  assert.equal(read(root, STATUS), swap(original(STATUS), '**Approval Required:** No (foundation work)\n', '**Approval Required:** No (foundation work)\n**Status:** COMPLETE\n'));
  assertValid(root);
});

test('a handoff note cannot be completed', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['complete', HANDOFF]),
    'milestones: refused: "Search index handoff — 2026-11-19" is a handoff note, which has no owner or status field; it cannot be completed\n');
});
