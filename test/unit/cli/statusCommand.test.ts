// `milestones status` on a copy of examples/: the files' full text after each command, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, assertValid, cli, exampleCopy, KB_020, original, PLAN_MS003, read, SESSION, stampWritten, STATUS, swap, today,
} from '../lifecycle/status/exampleWorkspace';

test('status sets the word, bumps updated and logs the change in an ExecPlan', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['status', PLAN_MS003, 'in-progress']), 'Set the status of "Query box" to in_progress');
  assert.equal(read(root, PLAN_MS003), swap(swap(original(PLAN_MS003), 'status: planned', 'status: in_progress'), 'updated: 2026-11-19', `updated: ${today()}`)
    + `- ${today()} — Status set to in_progress.\n`);
  assertValid(root);
});

test('status sets KB, session and STATUS.md milestones', () => {
  const root = exampleCopy();
  const from = new Date();
  assertDone(cli(root, ['status', KB_020, 'not-started']), 'Set the status of "Milestone 020: Renderer" to not-started');
  assert.equal(read(root, KB_020), swap(original(KB_020), 'status: in-progress', 'status: not-started'));
  assertDone(cli(root, ['status', SESSION, 'blocked']), 'Set the status of "Deploy the preview site" to blocked');
  const session = read(root, SESSION)!;
  assert.equal(session, swap(swap(original(SESSION), '"status": "in_progress",\n  "progress"', '"status": "blocked",\n  "progress"'), '2026-11-19 16:42:00 UTC', stampWritten(session, from)));
  assertDone(cli(root, ['status', STATUS, 'blocked', '--milestone', 'Core Pipeline']), 'Set the status of "Core Pipeline" to BLOCKED');
  assert.equal(read(root, STATUS), swap(original(STATUS), '**Approval Required:** Yes\n\n## Milestone: Search', '**Approval Required:** Yes\n**Status:** BLOCKED\n\n## Milestone: Search'));
  const list = JSON.parse(cli(root, ['list', '--json', '.']).stdout) as { milestones: { title: string; status: string | null }[] };
  assert.equal(list.milestones.find((m) => m.title === 'Core Pipeline')?.status, 'BLOCKED');
});

test('a word the convention does not know, or archived, is refused', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['status', PLAN_MS003, 'done']),
    'milestones: refused: "done" is not a status of ExecPlan milestones; use one of planned, in_progress, completed, blocked, archived\n');
  assertRefused(cli(root, ['status', PLAN_MS003, 'archived']), 'milestones: refused: use Archive, which also moves the file to milestones/archive/YYYY/MM/DD/\n');
  assertRefused(cli(root, ['status', KB_020, 'completed']),
    'milestones: refused: 2 of 3 acceptance criteria of "Milestone 020: Renderer" are still open\n  - Partials can include other partials\n  - Output is byte-identical between two builds\n');
  assert.equal(read(root, PLAN_MS003), original(PLAN_MS003));
  assert.equal(read(root, KB_020), original(KB_020));
});

test('status without a status word is a usage error', () => {
  const run = cli(exampleCopy(), ['status', PLAN_MS003]);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'milestones: expected: milestones status <file> <status>\n');
});
