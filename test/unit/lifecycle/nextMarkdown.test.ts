import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMilestones } from '../../../src/core/lifecycle/next/nextMilestones';
import { file, lineOf } from './nextKit';

const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';

/** ⚠️ as real files carry it: UTF-8 read as latin1 and saved again (seed 001). */
const MOJIBAKE_WARNING = Buffer.from('⚠️', 'utf8').toString('latin1');

/** An ExecPlan milestone (seed 003): health and task rows marked ⚠️ / ❌ / ⏳ / ✅, some in mojibake. */
const EXECPLAN = `---
id: EP-20261102-001/MS002
execplan_id: EP-20261102-001
ms: 2
title: "Index builder"
status: in_progress
owner: "@codex"
---

# Index builder

## Definition of Done

- [x] The index is written on every build
- Docs explain how to exclude a page

## Current Health Snapshot

| Area | Status | Notes |
| --- | --- | --- |
| Architecture | ✅ | Inverted index |
| Implementation | ⚠️ | Large sites exceed the size budget |
| Tests & QA | ⏳ | Not written yet |
| Release | ❌ | |
| Docs | 🚧 | Being written |

## Workstreams & Tasks

| ID | Description | Status |
|----|-------------|--------|
| A1 | Collect words | ✅ |
| A2 | Golden test of a small site | ${MOJIBAKE_WARNING} |
| A3 | Drop common words | ⏳ |
| A4 | Placeholder row | ✅ / ⏳ / ⚠️ |
| A5 | Wait for the CDN team | BLOCKED |
`;

test('an ExecPlan milestone lists its ⚠️ / ❌ / blocked rows in file order, then its first open step not already listed', () => {
  assert.deepEqual(nextMilestones([file(PLAN, EXECPLAN)]), [{
    file: PLAN, convention: 'execplan', title: 'Index builder', id: 'EP-20261102-001/MS002', status: 'in_progress',
    statusCategory: 'active', line: 0, owner: '@codex', progress: { done: 2, total: 5 },
    items: [
      { kind: 'blocker', text: 'Implementation: Large sites exceed the size budget', line: lineOf(EXECPLAN, '| Implementation |') },
      { kind: 'blocker', text: 'Release', line: lineOf(EXECPLAN, '| Release |') },
      // The first open row, A2, is a blocker already: the step is the next one.
      { kind: 'blocker', text: 'A2 Golden test of a small site', line: lineOf(EXECPLAN, '| A2 |') },
      { kind: 'blocker', text: 'A5 Wait for the CDN team', line: lineOf(EXECPLAN, '| A5 |') },
      { kind: 'step', text: 'A3 Drop common words', line: lineOf(EXECPLAN, '| A3 |') },
    ],
  }]);
});

test('an ExecPlan milestone without trouble lists only its first open step; a planned one is left out', () => {
  const calm = EXECPLAN.replace('⚠️', '⏳').replace('❌', '✅').replace(MOJIBAKE_WARNING, '⏳').replace('BLOCKED', '⏳');
  const [m] = nextMilestones([file(PLAN, calm)]);
  assert.deepEqual(m?.items, [{ kind: 'step', text: 'A2 Golden test of a small site', line: lineOf(EXECPLAN, '| A2 |') }]);
  assert.deepEqual(nextMilestones([file(PLAN, EXECPLAN.replace('status: in_progress', 'status: planned'))]), []);
});

const STATUS = `# Status

## Milestone: Foundation

**Status:** Complete
**Blockers:** Nothing should show for a finished milestone

- [x] Build runs

## Milestone: Core Pipeline

**Owner:** Dana
**Blockers:** Waiting on the template engine licence

- [x] Markdown renders
- [ ] Incremental rebuild under 200 ms

## Milestone: Search

**Status:** In progress
**Blockers:** None

- [ ] Index at compile time
`;

test('a STATUS.md milestone lists its Blockers field (unless it says None) and its first open criterion', () => {
  assert.deepEqual(nextMilestones([file('STATUS.md', STATUS)]), [
    {
      file: 'STATUS.md', convention: 'status-md', title: 'Core Pipeline', id: null, status: null, statusCategory: 'active',
      line: lineOf(STATUS, 'Core Pipeline'), owner: 'Dana', progress: { done: 1, total: 2 },
      items: [
        { kind: 'blocker', text: 'Waiting on the template engine licence', line: lineOf(STATUS, 'Waiting on the template') },
        { kind: 'step', text: 'Incremental rebuild under 200 ms', line: lineOf(STATUS, 'Incremental rebuild') },
      ],
    },
    {
      file: 'STATUS.md', convention: 'status-md', title: 'Search', id: null, status: 'In progress', statusCategory: 'active',
      line: lineOf(STATUS, 'Milestone: Search'), owner: null, progress: { done: 0, total: 1 },
      items: [{ kind: 'step', text: 'Index at compile time', line: lineOf(STATUS, 'Index at compile time') }],
    },
  ]);
});

test('a KB milestone in progress shows its first open criterion; a handoff note with some ticked is in progress', () => {
  const kb = '---\nstatus: in-progress\ngoal: Render pages\n---\n\n# Milestone 020: Renderer\n\n- [x] Layouts\n- [ ] Partials\n- [ ] Byte-identical output\n';
  const handoff = '# Search index handoff\n\n## Next Steps\n\n- [x] Build the index\n- [ ] Compress the index\n';
  assert.deepEqual(nextMilestones([file('handoffs/2-search-index.md', handoff), file('docs/milestones.kb/020-renderer.md', kb)]), [
    {
      file: 'docs/milestones.kb/020-renderer.md', convention: 'kb', title: 'Milestone 020: Renderer', id: '020', status: 'in-progress',
      statusCategory: 'active', line: 0, owner: null, progress: { done: 1, total: 3 },
      items: [{ kind: 'step', text: 'Partials', line: 8 }],
    },
    {
      file: 'handoffs/2-search-index.md', convention: 'handoff', title: 'Search index handoff', id: '2', status: null,
      statusCategory: 'active', line: 0, owner: null, progress: { done: 1, total: 2 },
      items: [{ kind: 'step', text: 'Compress the index', line: 5 }],
    },
  ]);
});

test('a milestone in progress with nothing open still shows, with no items', () => {
  const kb = '---\nstatus: in-progress\n---\n\n# Milestone 030: Plugins\n\n- [x] Hooks\n';
  const [m] = nextMilestones([file('docs/milestones.kb/030-plugins.md', kb)]);
  assert.equal(m?.title, 'Milestone 030: Plugins');
  assert.deepEqual(m?.items, []);
});
