// `milestones approve` on a copy of examples/: DECISIONS.md's full text, then complete passes the gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertDone, assertRefused, assertValid, cli, exampleCopy, KB_020, original, read, STATUS, swap, today, write,
} from '../lifecycle/status/exampleWorkspace';

const entry = (): string => `## ${today()}: Milestone "Core Pipeline" Approved

**Context:** Phase 1 complete, 3 of 5 acceptance criteria met
**Evidence:**
- Acceptance criteria met (3/5)
- Deliverables: Markdown renderer, Template engine, Incremental build cache
- Progress: 60%

**Decision:** Approved to advance to Phase 2
**Next Milestone:** Search MVP
`;

test('approve logs the approval in DECISIONS.md, after which complete --force passes the gate', () => {
  const root = exampleCopy();
  const run = cli(root, ['approve', STATUS, '--milestone', 'Core Pipeline']);
  assertDone(run, 'Logged the approval of "Core Pipeline" in DECISIONS.md');
  assert.equal(run.stdout, 'Logged the approval of "Core Pipeline" in DECISIONS.md\n  created DECISIONS.md\n');
  assert.equal(read(root, 'DECISIONS.md'), `# Decisions\n\n${entry()}`);
  assertDone(cli(root, ['approve', STATUS, '--milestone', 'Core Pipeline']), 'The approval of "Core Pipeline" is already logged in DECISIONS.md');
  assertRefused(cli(root, ['complete', STATUS, '--milestone', 'Core Pipeline']),
    'milestones: refused: 2 of 5 acceptance criteria of "Core Pipeline" are still open\n  - Incremental rebuild under 200 ms for 1,000 pages\n  - Docs list every template helper\n');
  assertDone(cli(root, ['complete', STATUS, '--milestone', 'Core Pipeline', '--force']), 'Completed "Core Pipeline" (status COMPLETE)');
  assert.equal(read(root, STATUS), swap(original(STATUS), '**Approval Required:** Yes\n\n## Milestone: Search', '**Approval Required:** Yes\n**Status:** COMPLETE\n\n## Milestone: Search'));
});

test('approve appends to an existing DECISIONS.md and takes the decision, next milestone and context given', () => {
  const root = exampleCopy();
  write(root, 'DECISIONS.md', '# Decisions\n\n## 2026-11-01: Use esbuild\n\nFast enough.\n');
  assertDone(cli(root, ['approve', STATUS, '--milestone', 'Core Pipeline', '--decision', 'Approved, docs to follow', '--next', 'Plugins', '--context', 'Demo on 2026-11-20']),
    'Logged the approval of "Core Pipeline" in DECISIONS.md');
  assert.equal(read(root, 'DECISIONS.md'), '# Decisions\n\n## 2026-11-01: Use esbuild\n\nFast enough.\n\n' + entry()
    .replace('Phase 1 complete, 3 of 5 acceptance criteria met', 'Demo on 2026-11-20')
    .replace('Approved to advance to Phase 2', 'Approved, docs to follow')
    .replace('**Next Milestone:** Search MVP', '**Next Milestone:** Plugins'));
  assertValid(root);
});

test('approve is for STATUS.md milestones only', () => {
  const root = exampleCopy();
  assertRefused(cli(root, ['approve', KB_020]),
    'milestones: refused: approvals are logged for STATUS.md milestones (seed 004); "Milestone 020: Renderer" has no approval gate\n');
  assert.equal(read(root, 'DECISIONS.md'), null);
});
