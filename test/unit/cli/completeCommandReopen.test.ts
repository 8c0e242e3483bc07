// `milestones reopen` on a copy of examples/: the files' full text, exit codes, validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, assertValid, cli, exampleCopy, KB_010, KB_020, original, PLAN_MS002, read, STATUS, swap, today,
} from '../lifecycle/status/exampleWorkspace';

test('reopen sets a completed KB milestone back to in-progress; validate stays clean', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['reopen', KB_010]), 'Reopened "Milestone 010: Parser" (status in-progress)');
  assert.equal(read(root, KB_010), swap(original(KB_010), 'status: completed', 'status: in-progress'));
  assertValid(root);
});

test('reopen after complete gives an ExecPlan back its status with both Changelog lines', () => {
  const root = exampleCopy();
  assert.equal(cli(root, ['complete', PLAN_MS002, '--force']).status, 0);
  assertDone(cli(root, ['reopen', PLAN_MS002]), 'Reopened "Index builder" (status in_progress)');
  assert.equal(read(root, PLAN_MS002), swap(original(PLAN_MS002), "updated: '2026-11-19'", `updated: '${today()}'`)
    + `- ${today()} — Completed.\n- ${today()} — Reopened.\n`);
  assertValid(root);
});

test('a STATUS.md milestone done by its ticks is reopened with **Status:** IN PROGRESS', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['reopen', STATUS, '--milestone', 'foundation complete']), 'Reopened "Foundation Complete" (status IN PROGRESS)');
  assert.equal(read(root, STATUS), swap(original(STATUS), '**Approval Required:** No (foundation work)\n', '**Approval Required:** No (foundation work)\n**Status:** IN PROGRESS\n'));
});

test('a milestone that is not done is not reopened', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['reopen', KB_020]), 'milestones: refused: "Milestone 020: Renderer" is not done (status in-progress); only a done milestone can be reopened\n');
  assert.equal(read(root, KB_020), original(KB_020));
});
