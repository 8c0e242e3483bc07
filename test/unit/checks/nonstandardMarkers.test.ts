import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFires, problemsOf, variants, withCode } from './checkKit';

const TASKS = `[ ] bare item

## Milestone 1

- [x] write the parser
- [-] ship the lexer
- [~] partly
- [] empty
- [x]* optional and done
`;

test('nonstandard-marker sits on each marker GitHub does not render, as information', () => {
  const found = assertFires('ROADMAP.md', TASKS, 'nonstandard-marker', ['0:0-0:3', '5:2-5:5', '6:2-6:5', '7:2-7:4', '8:2-8:6']);
  assert.ok(found.every((p) => p.severity === 'info'));
  assert.deepEqual(found.map((p) => p.fixes), [
    [{ kind: 'standard-marker', line: 0, marker: '[ ]' }],
    [{ kind: 'standard-marker', line: 5, marker: '[ ]' }],
    [{ kind: 'standard-marker', line: 6, marker: '[ ]' }],
    [{ kind: 'standard-marker', line: 7, marker: '[ ]' }],
    [{ kind: 'standard-marker', line: 8, marker: '[x]' }],
  ]);
  assert.equal(found[0]!.message, '`[ ]` outside a list is not a task item GitHub renders as a checkbox; write `- [ ]`');
  assert.equal(found[1]!.message, '`[-]` is not a task marker GitHub renders as a checkbox; it is shown but not counted: write `[ ]` (it does not say done)');
});

test('standard markers are never flagged', () => {
  for (const v of variants('## Milestone 1\n\n- [ ] a\n- [x] b\n* [X] c\n1. [ ] d\n')) {
    assert.deepEqual(withCode(problemsOf('ROADMAP.md', v.text), 'nonstandard-marker'), [], v.name);
  }
});

test('a placeholder status cell of an ExecPlan task table is flagged without a fix', () => {
  const text = `---\nid: EP-20260101-001/MS001\nexecplan_id: EP-20260101-001\nms: 1\nstatus: planned\n---\n\n## Workstreams & Tasks\n\n| ID | Description | Status |\n|----|----|----|\n| A1 | Parse | ✅ / ⏳ / ⚠️ |\n`;
  const [p] = assertFires('.agent/exec_plans/p/milestones/active/MS001_x.md', text, 'nonstandard-marker', ['11:15-11:25']);
  assert.equal(p!.fixes, undefined);
});
