// A key written twice in a session JSON file: JSON.parse keeps the later one, every reader here does
// the same (so `list` and `validate` count the same steps), `validate` says where, and edits refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sessionTokens } from '../../../src/core/checks/sessionJsonTokens';
import { jsonDuplicateKeys, duplicateKeyRefusal } from '../../../src/core/text/jsonDuplicateKeys';
import { jsonStepLines } from '../../../src/core/conventions/jsonStepLines';
import { readSessionJson } from '../../../src/core/conventions/sessionJson';
import { jsonStepEdits } from '../../../src/core/edits/jsonStepEdits';
import { fixEdits } from '../../../src/core/fixes/fixEdits';
import { openJson } from '../../../src/core/form/edits/jsonEditor';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { JsonLocator } from '../../../src/core/validate/jsonLocator';
import { at, problemsOf, withCode } from './checkKit';

const FILE = 'SESSIONS/MILESTONES/twice.json';

/** `steps` twice (3 steps, then 2), and `status` twice in the later steps' first step. */
const TWICE = `{
  "milestone_id": "twice",
  "steps": [
    { "step": 1, "description": "Old one", "status": "completed", "completed_at": "2025-01-01" },
    { "step": 2, "description": "Old two", "status": "pending" },
    { "step": 3, "description": "Old three", "status": "pending" }
  ],
  "title": "Twice",
  "progress": 0,
  "steps": [
    { "step": 1, "description": "New one", "status": "completed", "status": "pending" },
    { "step": 2, "description": "New two", "status": "pending" }
  ]
}
`;

test('a key written twice is found at any depth, on the later key, with where the earlier one is', () => {
  const dups = jsonDuplicateKeys(TWICE);
  assert.deepEqual(dups.map((d) => ({ key: d.key, where: d.where, text: TWICE.slice(d.start, d.end), earlier: TWICE.slice(d.earlier, d.earlier + 7) })), [
    { key: 'steps', where: '', text: '"steps"', earlier: '"steps"' },
    { key: 'status', where: 'steps[0]', text: '"status"', earlier: '"status' },
  ]);
  assert.ok(dups[0]!.earlier < dups[0]!.start);
  assert.equal(TWICE.indexOf('"status"', dups[1]!.earlier + 1), dups[1]!.start, 'the earlier status is the one just before');
});

test('keys compare unescaped; the same key in sibling objects or nested objects is no duplicate', () => {
  assert.deepEqual(jsonDuplicateKeys('{"ab": 1, "a\\u0062": 2}').map((d) => d.key), ['ab']);
  assert.deepEqual(jsonDuplicateKeys('{"steps": [{"status": 1}, {"status": 2}], "o": {"status": {"status": 3}}}'), []);
  assert.deepEqual(jsonDuplicateKeys('{"a": [1, {"x": {"k": 1, "k": 2}}]}').map((d) => d.where), ['a[1].x']);
  assert.deepEqual(jsonDuplicateKeys('\ufeff{"a": 1, "a": 2}').map((d) => d.start), [10]);
});

test('validate warns on each later key; list and validate count the later steps', () => {
  const problems = problemsOf(FILE, TWICE);
  assert.deepEqual(withCode(problems, 'json-duplicate-key').map((p) => `${at(p)} ${p.message}`), [
    '9:2-9:9 "steps" is also defined on line 3; this later one wins and that one is ignored',
    '10:66-10:74 "status" in steps[0] is also defined on line 11; this later one wins and that one is ignored',
  ]);
  // Counting both arrays said "step 1 is out of order: expected 4"; the later status (pending) needs no completed_at.
  assert.deepEqual(withCode(problems, 'session-step-numbers'), []);
  assert.deepEqual(withCode(problems, 'session-completed-at'), []);
  const [milestone] = readSessionJson(FILE, TWICE).milestones;
  assert.deepEqual(milestone!.steps.map((s) => [s.text, s.state, s.line]), [['New one', 'open', 10], ['New two', 'open', 11]]);
  assert.equal(sessionTokens(TWICE).steps.length, 2);
});

test('a steps key written again as a non-array leaves no steps to check', () => {
  const text = '{\n  "milestone_id": "x",\n  "steps": [{ "step": 5, "status": "completed" }],\n  "steps": null\n}\n';
  assert.deepEqual(readSessionJson(FILE, text).milestones[0]!.steps, []);
  assert.deepEqual(sessionTokens(text).steps, []);
  assert.deepEqual(withCode(problemsOf(FILE, text), 'session-step-numbers'), []);
});

test('edits refuse a file that writes a key twice: they would change the ignored value', () => {
  const refused = jsonStepEdits(TWICE, { index: 0, done: true, identity: 'me', now: new Date('2026-01-01T00:00:00Z'), progressAfter: { done: 1, total: 2 } });
  assert.deepEqual(refused, { kind: 'refused', reason: 'the file writes "steps" twice (lines 3 and 10); remove one in the text editor first' });
  const form = openJson(TWICE);
  assert.ok('kind' in form && form.kind === 'refused');
  assert.equal(duplicateKeyRefusal(TWICE), form.reason);
  assert.equal(fixEdits(FILE, TWICE, { kind: 'set-key', key: 'progress', value: '50' }), null);
  assert.equal(duplicateKeyRefusal('{"a": 1}'), null);
});

/** A session JSON text with keys written twice, from pairs: no JSON.stringify, which cannot write one. */
function textOf(top: readonly (readonly [string, unknown])[]): string {
  const value = (v: unknown, indent: string): string => {
    if (Array.isArray(v)) return `[\n${v.map((x) => `${indent}  ${value(x, `${indent}  `)}`).join(',\n')}\n${indent}]`;
    if (v instanceof Pairs) return `{ ${v.pairs.map(([k, x]) => `${JSON.stringify(k)}: ${value(x, indent)}`).join(', ')} }`;
    return JSON.stringify(v);
  };
  return `{\n${top.map(([k, v]) => `  ${JSON.stringify(k)}: ${value(v, '  ')}`).join(',\n')}\n}\n`;
}

class Pairs {
  constructor(readonly pairs: readonly (readonly [string, unknown])[]) {}
}

test('property: the reader, jsonStepLines, sessionTokens and JsonLocator follow JSON.parse on keys written twice', () => {
  const status = fc.constantFrom('completed', 'pending', 'in_progress');
  const stepPair = fc.oneof(
    fc.tuple(fc.constant('step'), fc.integer({ min: 1, max: 4 })),
    fc.tuple(fc.constant('status'), status),
    fc.tuple(fc.constant('description'), fc.constantFrom('One', 'Two', 'Three')),
  );
  const step = fc.array(stepPair, { minLength: 1, maxLength: 5 }).map((pairs) => new Pairs(pairs));
  const topPair = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constant('steps'), fc.array(step, { maxLength: 4 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('steps'), fc.constant(null)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('title', 'status', 'progress'), fc.constantFrom('A', 'in_progress', 50)) },
  );
  fc.assert(fc.property(fc.array(topPair, { minLength: 1, maxLength: 5 }), (top) => {
    const text = textOf(top);
    const parsed = JSON.parse(text) as { steps?: unknown };
    const steps = Array.isArray(parsed.steps) ? parsed.steps as Record<string, unknown>[] : [];
    const reading = readSessionJson(FILE, text).milestones[0]!;
    const tokens = sessionTokens(text);
    assert.equal(reading.steps.length, steps.length, 'list counts the steps JSON.parse keeps');
    assert.equal(tokens.steps.length, steps.length, 'validate counts the same steps');
    assert.equal(jsonStepLines(text).length, steps.length);
    const locator = new JsonLocator(text, new LineIndex(text));
    const index = new LineIndex(text);
    steps.forEach((s, i) => {
      assert.equal(reading.steps[i]!.source.kind === 'json-step' && reading.steps[i]!.source.status, s['status'] ?? null);
      assert.equal(tokens.steps[i]!.get('status')?.raw, s['status'] === undefined ? undefined : JSON.stringify(s['status']));
      assert.equal(tokens.steps[i]!.get('step')?.raw, s['step'] === undefined ? undefined : JSON.stringify(s['step']));
      if (s['status'] !== undefined) {
        const r = locator.value(['steps', i, 'status']);
        const start = index.offsetAt(r.start.line, r.start.character);
        const end = index.offsetAt(r.end.line, r.end.character);
        assert.equal(text.slice(start, end), JSON.stringify(s['status']), 'the locator places problems on the value that counts');
        const line = reading.steps[i]!.line;
        // A step's line is its description's (when it has one) in the object that counts.
        assert.ok(line >= r.start.line - 1 && line <= r.start.line, `step ${i} line ${line}, its status on ${r.start.line}`);
      }
    });
  }), { numRuns: 300 });
});
