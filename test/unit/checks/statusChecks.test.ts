import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFires, problemsOf, variants } from './checkKit';

const FILE = 'STATUS.md';

const STATUS = `# Project Status

## Progress

**Overall:** 45% (2/5 milestones complete)

**Current Milestone:** MVP Functional (65% complete)

## Milestones
- [x] Foundation Complete (Phase 0)
- [x] Authentication Complete (Phase 1)
- [ ] MVP Functional (Phase 2) - 65%
- [ ] Enhanced Features (Phase 3)
- [ ] v1 Release (Phase 4)

## Milestone: Foundation Complete

**Acceptance Criteria:**
- [x] Build runs
- [ ] CI green on main

## Milestone: Authentication Complete ✅

- [x] Login works
- [x] Tokens validated

## Milestone: MVP Functional

**Progress:** 40%

- [x] Feature A
- [ ] Feature B
- [ ] Feature C
- [x] Feature D

\`\`\`markdown
**Overall:** 10% (3/4 milestones complete)
- [x] MVP Functional (Phase 2) - 90%
\`\`\`
`;

const CLEAN = STATUS
  .replace('45% (2/5', '40% (2/5')
  .replace('(65% complete)', '(50% complete)')
  .replace('- 65%', '- 50%')
  .replace('**Progress:** 40%', '**Progress:** 50%')
  .replace('- [ ] CI green', '- [x] CI green');

test('a STATUS.md whose marks and percentages agree has no problem, in every variant', () => {
  for (const v of variants(CLEAN)) assert.deepEqual(problemsOf(FILE, v.text), [], v.name);
});

test('status-complete-open fires on a ticked milestones-list item whose section has unticked criteria', () => {
  const [p] = assertFires(FILE, STATUS, 'status-complete-open', ['9:0-9:35']);
  assert.equal(p!.message, '"Foundation Complete" is ticked as complete here but 1 of its 2 criteria is unticked (line 16)');
});

test('status-percentage fires on each stated percentage that disagrees, never inside code', () => {
  const found = assertFires(FILE, STATUS, 'status-percentage', ['4:13-4:16', '6:39-6:42', '11:33-11:36', '28:14-28:17']);
  assert.equal(found[0]!.message, '45% does not match the count beside it: 2/5 is 40%');
  assert.equal(found[1]!.message, '65% does not match the ticked items of "MVP Functional": 2 of 4 (50%)');
});

test('a heading marked ✅, (COMPLETE) or **Status:** complete with unticked items is flagged on the heading', () => {
  assertFires(FILE, '# Milestone 1: Core ✅\n\n- [x] a\n- [ ] b\n', 'status-complete-open', ['0:0-0:21']);
  assertFires(FILE, '# Plan\n\n## Phase 2 (COMPLETE)\n\n- [ ] a\n', 'status-complete-open', ['2:0-2:21']);
  const [p] = assertFires(FILE, '## Milestone: Auth\n\n**Status:** Complete\n\n- [ ] a\n- [x] b\n', 'status-complete-open', ['0:0-0:18']);
  assert.equal(p!.message, '"Auth" is marked "Complete" but 1 of its 2 criteria is unticked');
  assertFires(FILE, '# Milestone 1: Core ✅\n\n- [x] a\n- [x] b\n', 'status-complete-open', []);
  assertFires(FILE, '## Milestone: Foundation Complete\n\n- [ ] a\n', 'status-complete-open', []);
});

test('a percentage in a milestone heading is compared with that milestone', () => {
  const text = '## Milestone: Auth (25% complete)\n\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n';
  const [p] = assertFires(FILE, text, 'status-percentage', ['0:20-0:23']);
  assert.equal(p!.message, '25% does not match the ticked items of "Auth": 2 of 4 (50%)');
  assertFires(FILE, text.replace('25%', '50%'), 'status-percentage', []);
});

test('percentages that do not say what they measure are left alone', () => {
  const text = '# Milestone 1\n\n| Metric | Target |\n|---|---|\n| Accuracy | >70% |\n\n- [x] a\n- [ ] b\n\n## Notes\n\n**Overall:** 45%\n\nCoverage is 80% (16/20 files).\n';
  assertFires(FILE, text, 'status-percentage', []);
  // A Progress line with a count is checked against that count, not against the section it stands in.
  assertFires(FILE, '## Stage 4\n\nProgress: 36% (4/11 gates)\n\n- [ ] a\n', 'status-percentage', []);
  assertFires(FILE, '## Stage 4\n\nProgress: 50% (4/11 gates)\n\n- [ ] a\n', 'status-percentage', ['2:10-2:13']);
});
