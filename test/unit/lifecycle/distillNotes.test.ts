import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { noteSections, sentences } from '../../../src/core/lifecycle/distill/noteSections';
import { problemSolutions } from '../../../src/core/lifecycle/distill/problemSolutions';
import { CORPUS, needsCorpus } from '../support/corpus';


test('items count under the nearest heading naming a section, subheadings and CRLF included; code does not count', () => {
  const text = [
    '---', 'date: 2026-11-21', '---',
    '# Note',
    '## Decisions',
    '### Storage',
    '- SQLite, not files',
    '## What changed',
    '1. Parser rewritten',
    '2. [ ] Half-done item',
    '```md',
    '## Discoveries',
    '- not a discovery',
    '```',
    '## Discovered along the way',
    '* Slow disk on CI',
    '## Changelog',
    '- 2026-11-21 — not a change section',
  ].join('\r\n');
  assert.deepEqual(noteSections(text).items, {
    changes: [{ text: 'Parser rewritten', depth: 0 }, { text: 'Half-done item', depth: 0 }],
    decisions: [{ text: 'SQLite, not files', depth: 0 }],
    discoveries: [{ text: 'Slow disk on CI', depth: 0 }],
    state: [],
  });
});

test('the sentences under a section are copied too, and the usual names of the sections are understood', () => {
  const text = [
    '# Session 4 handoff — 2026-11-21',
    '**Date:** 2026-11-21',
    '',
    'Moved the search to a worker. The UI no longer stalls, e.g. on 10k pages.',
    '',
    '## Summary',
    '',
    'Snippets now cut at sentence ends.',
    'Highlighting counts UTF-16 units!',
    '',
    '| Area | State |',
    '|---|---|',
    '| UI | ok |',
    '',
    '## Priority Development Requirements (PDR)',
    '- **HIGH**: Paginate results',
    '',
    '## Deviations',
    '- Used a worker instead of WASM: simpler to ship',
    '',
    '## Findings',
    'Half the queries are one word.',
    '',
    '## Problems & Solutions',
    '- **Problem**: Worker crashed',
    '  **Solution**: Catch its errors',
    '',
    '## Work in Progress',
    '- Ranking: 60%',
    '- [x] Worker pool',
    '- [ ] Cancel stale queries',
    '  that the user typed past',
    '',
    '## References',
    '- src/worker.ts',
    '',
    'A closing paragraph that stays in the note.',
    '',
  ].join('\n');
  assert.deepEqual(noteSections(text).items, {
    changes: [
      { text: 'Moved the search to a worker.', depth: 0 }, { text: 'The UI no longer stalls, e.g. on 10k pages.', depth: 0 },
      { text: 'Snippets now cut at sentence ends.', depth: 0 }, { text: 'Highlighting counts UTF-16 units!', depth: 0 },
    ],
    decisions: [{ text: 'Used a worker instead of WASM: simpler to ship', depth: 0 }],
    discoveries: [{ text: 'Half the queries are one word.', depth: 0 }],
    state: [{ text: 'Ranking: 60%', depth: 0 }, { text: 'Done: Worker pool', depth: 0 }, { text: 'To do: Cancel stale queries', depth: 0 }],
  });
});

test('sentences split after . ! ? before a capital, never after an abbreviation', () => {
  assert.deepEqual(sentences('One. Two! Three? 4 is a number. See e.g. Four, vs. Five.'), ['One.', 'Two!', 'Three?', '4 is a number.', 'See e.g. Four, vs. Five.']);
  assert.deepEqual(sentences('Wrote `a.b`. Then "quoted." Done'), ['Wrote `a.b`.', 'Then "quoted."', 'Done']);
});

test('a pair under its own heading takes the heading as topic; under a shared heading, none', () => {
  const text = [
    '## Problems & Solutions',
    '- **Problem:** A',
    '  **Solution:** fix A',
    '- **Problem**: B',
    '  **Solution**:',
    '  - first step',
    '  - second step',
    '',
    '### Cache Misses',
    '',
    '**Problem:** Cache missed',
    'on every cold start',
    '',
    '**Solution:** Warm it',
    'at boot.',
    '',
    'A paragraph that is not part of it.',
    '',
    '```',
    '**Problem:** in code',
    '```',
  ].join('\n');
  assert.deepEqual(problemSolutions(text), [
    { topic: null, problem: 'A', solution: ['fix A'], code: [] },
    { topic: null, problem: 'B', solution: ['first step', 'second step'], code: [] },
    { topic: 'Cache Misses', problem: 'Cache missed on every cold start', solution: ['Warm it at boot.'], code: [] },
  ]);
});

test('a solution of a list item goes on after a blank line only while it stays indented in the item', () => {
  const text = '- **Problem**: Flaky test\n  **Solution**: Retry once\n\n  and log the seed\n- Next item\n\n- **Problem**: Alone\n\nProse.\n';
  assert.deepEqual(problemSolutions(text), [
    { topic: null, problem: 'Flaky test', solution: ['Retry once and log the seed'], code: [] },
    { topic: null, problem: 'Alone', solution: [], code: [] },
  ]);
});

test('the real BondBridge note gives its pair with the code block of the solution, and its discoveries', needsCorpus, () => {
  const text = readFileSync(path.join(CORPUS, 'darolishes__BondBridge/handoffs/1-setup.md'), 'utf8');
  const pairs = problemSolutions(text);
  assert.deepEqual(pairs.map((p) => [p.problem, p.solution.length, p.code.length]), [['Need for framework readiness detection', 1, 1]]);
  assert.deepEqual(pairs[0]!.code[0]!.at(0), '```typescript');
  assert.deepEqual(pairs[0]!.code[0]!.at(-1), '```');
  const items = noteSections(text).items;
  assert.deepEqual(items.discoveries.map((i) => i.text), [
    'Project uses custom hooks for framework readiness checking (useFrameworkReady.ts)',
    'Card-based state management approach implemented through cardStore.ts',
    'Custom error boundary implementation for React Native',
  ]);
  // The Summary's sentences are the changes, the Deviations the decisions, Work in Progress the state;
  // the PDR priorities and the References stay in the note.
  assert.deepEqual(items.changes.map((i) => i.text), [
    'Initial project setup with React Native/Expo using TypeScript.',
    'Core directory structure established including components, hooks, stores, and types.',
    'Basic error handling and loading components implemented.',
  ]);
  assert.equal(items.decisions.length, 2);
  assert.match(items.decisions[0]!.text, /^Using custom error boundary instead of React Error Boundary/);
  assert.deepEqual(items.state.map((i) => i.text), ['Error Boundary Component: 70%', 'Loading Screen Component: 90%', 'SwipeIndicator Component: 50%', 'Card Store Implementation: 30%']);
});
