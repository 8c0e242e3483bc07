import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { noteSections } from '../../../src/core/lifecycle/distill/noteSections';
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
  const sections = noteSections(text);
  assert.deepEqual(sections.items, {
    changes: [{ text: 'Parser rewritten', depth: 0 }, { text: 'Half-done item', depth: 0 }],
    decisions: [{ text: 'SQLite, not files', depth: 0 }],
    discoveries: [{ text: 'Slow disk on CI', depth: 0 }],
  });
  assert.equal(sections.hasSections, true);
  assert.deepEqual(sections.sections, ['Decisions', 'What changed', 'Discovered along the way', 'Changelog']);
  assert.equal(noteSections('# N\n\n## Summary\n\n- a\n').hasSections, false);
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
  assert.deepEqual(noteSections(text).items.discoveries.map((i) => i.text), [
    'Project uses custom hooks for framework readiness checking (useFrameworkReady.ts)',
    'Card-based state management approach implemented through cardStore.ts',
    'Custom error boundary implementation for React Native',
  ]);
});
