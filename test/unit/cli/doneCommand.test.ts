// `milestones done` on a copy of examples/: the same edit as the tree's checkbox, found by number or text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, cli, exampleCopy, KB_020, original, PLAN_MS002, read, STATUS, swap, today,
} from '../lifecycle/status/exampleWorkspace';

test('done ticks a step by its number, --undo unticks it', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['done', KB_020, '3']), 'Marked "Output is byte-identical between two builds" done in "Milestone 020: Renderer"');
  assert.equal(read(root, KB_020), swap(original(KB_020), '- [ ] Output', '- [x] Output'));
  assertDone(cli(root, ['done', KB_020, '3', '--undo']), 'Marked "Output is byte-identical between two builds" not done in "Milestone 020: Renderer"');
  assert.equal(read(root, KB_020), original(KB_020));
});

test('done finds a step by a unique part of its text and ticks an ExecPlan row as the tree does', () => {
  const root = exampleCopy();
  assertDone(cli(root, ['done', PLAN_MS002, 'drop words']), 'Marked "A3 Drop words that appear on every page" done in "Index builder"');
  assert.equal(read(root, PLAN_MS002), swap(swap(original(PLAN_MS002), '| A3 | Size | Drop words that appear on every page | ⏳ |', '| A3 | Size | Drop words that appear on every page | ✅ |'),
    "updated: '2026-11-19'", `updated: '${today()}'`));
  assertDone(cli(root, ['done', STATUS, 'Docs list every template helper', '--milestone', 'Core Pipeline']), 'Marked "Docs list every template helper" done in "Core Pipeline"');
  assert.equal(read(root, STATUS), swap(original(STATUS), '- [ ] Docs list', '- [x] Docs list'));
});

test('an ambiguous or unknown step is refused with the candidates', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['done', KB_020, 'TI']),
    'milestones: refused: "TI" matches 2 steps of "Milestone 020: Renderer"; give more of the text or the step\'s number\n  - 2. Partials can include other partials\n  - 3. Output is byte-identical between two builds\n');
  assertRefused(cli(root, ['done', KB_020, '9']), 'milestones: refused: "Milestone 020: Renderer" has 3 steps with a checkbox; there is no step 9\n');
  assertRefused(cli(root, ['done', PLAN_MS002, 'exclude a page']), 'milestones: refused: the step "Docs explain how to exclude a page from search" has no checkbox; there is nothing to tick\n');
  assert.equal(read(root, KB_020), original(KB_020));
});

test('done without a step is a usage error', () => {
  const run = cli(exampleCopy(), ['done', KB_020]);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'milestones: expected: milestones done <file> <step>\n');
});
