// `milestones claim` on a copy of examples/: the files' full text after each command, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, assertValid, cli, exampleCopy, HANDOFF, KB_020, original, PLAN_MS003, read, SESSION, stampWritten, STATUS, swap, today,
} from '../lifecycle/status/exampleWorkspace';

test('claim takes a milestone of each convention for --as, and validate stays clean', () => {
  const root = exampleCopy();
  const from = new Date();
  assertDone(cli(root, ['claim', PLAN_MS003, '--as', 'Ann Lee']), 'Claimed "Query box" for @Ann-Lee');
  assert.equal(read(root, PLAN_MS003), swap(swap(original(PLAN_MS003), 'owner: "@claude"', 'owner: "@Ann-Lee"'), 'updated: 2026-11-19', `updated: ${today()}`));
  assertDone(cli(root, ['claim', KB_020, '--as', 'Ann Lee']), 'Claimed "Milestone 020: Renderer" for Ann Lee');
  assert.equal(read(root, KB_020), swap(original(KB_020), '  - "HTML writer"\n', '  - "HTML writer"\nowner: Ann Lee\n'));
  assertDone(cli(root, ['claim', SESSION, '--as', 'Ann Lee']), 'Claimed "Deploy the preview site" for Ann Lee');
  const session = read(root, SESSION)!;
  assert.equal(session, swap(swap(original(SESSION), '"owner": "session-7"', '"owner": "Ann Lee"'), '2026-11-19 16:42:00 UTC', stampWritten(session, from)));
  assertDone(cli(root, ['claim', STATUS, '--milestone', 'search mvp', '--as', 'Ann Lee']), 'Claimed "Search MVP" for Ann Lee');
  assert.equal(read(root, STATUS), `${original(STATUS)}**Owner:** Ann Lee\n`);
  assertValid(root);
});

test('the identity comes from MILESTONES_IDENTITY without --as', () => {
  const root = exampleCopy();
  const saved = process.env['MILESTONES_IDENTITY'];
  process.env['MILESTONES_IDENTITY'] = 'codex-2';
  try {
    assertDone(cli(root, ['claim', PLAN_MS003]), 'Claimed "Query box" for @codex-2');
  } finally {
    if (saved === undefined) delete process.env['MILESTONES_IDENTITY']; else process.env['MILESTONES_IDENTITY'] = saved;
  }
  assert.match(read(root, PLAN_MS003)!, /^owner: "@codex-2"$/m);
});

test('claiming again changes nothing; --dry-run writes nothing', () => {
  const root = exampleCopy();
  const run = cli(root, ['claim', PLAN_MS003, '--as', 'claude']);
  assertDone(run, '"Query box" is already owned by @claude');
  assert.equal(run.stdout, '"Query box" is already owned by @claude\n');
  const dry = cli(root, ['claim', KB_020, '--as', 'Bo', '--dry-run']);
  assert.equal(dry.stdout, `(dry run) Claimed "Milestone 020: Renderer" for Bo\n  edited  ${KB_020}\n`);
  assert.equal(read(root, KB_020), original(KB_020));
});

test('a handoff note or a STATUS file without --milestone is refused with exit 1', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['claim', HANDOFF, '--as', 'Bo']),
    'milestones: refused: "Search index handoff — 2026-11-19" is a handoff note, which has no owner or status field; it cannot be claimed\n');
  assertRefused(cli(root, ['claim', STATUS, '--as', 'Bo']),
    'milestones: refused: STATUS.md holds 3 milestones; name one with --milestone\n  - Foundation Complete\n  - Core Pipeline\n  - Search MVP\n');
  assertRefused(cli(root, ['claim', STATUS, '--milestone', 'Nope', '--as', 'Bo']),
    'milestones: refused: STATUS.md has no milestone "Nope"\n  - Foundation Complete\n  - Core Pipeline\n  - Search MVP\n');
  assert.equal(read(root, STATUS), original(STATUS));
});

test('usage errors exit 2', () => {
  const root = exampleCopy();
  const none = cli(root, ['claim']);
  assert.equal(none.status, 2);
  assert.equal(none.stderr, 'milestones: expected: milestones claim <file>\n');
  const outside = cli(root, ['claim', '../elsewhere.md', '--as', 'Bo']);
  assert.equal(outside.status, 2);
  assert.match(outside.stderr, /^milestones: \.\.\/elsewhere\.md is not a file inside the workspace folder /);
  assert.equal(cli(root, ['claim', KB_020, '--force']).status, 2);
});
