import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionTokens } from '../../../src/core/checks/sessionJsonTokens';
import { assertFires, problemsOf, variants } from './checkKit';

const FILE = 'SESSIONS/MILESTONES/deploy-dashboard.json';

function session(progress: number, steps: string[]): string {
  return `{
  "milestone_id": "deploy-dashboard",
  "title": "Deploy Dashboard",
  "status": "in_progress",
  "progress": ${progress},
  "context": { "step": 9, "status": "completed" },
  "steps": [
${steps.map((s) => `    ${s}`).join(',\n')}
  ],
  "blockers": []
}
`;
}

const DONE = (n: number): string => `{ "step": ${n}, "description": "Step ${n}", "status": "completed", "completed_at": "2025-11-15 00:2${n}:00 UTC" }`;
const OPEN = (n: number): string => `{ "step": ${n}, "description": "Step ${n}", "status": "pending" }`;

test('a session milestone whose progress, numbering and timestamps agree has no problem', () => {
  for (const v of variants(session(67, [DONE(1), DONE(2), OPEN(3)]))) assert.deepEqual(problemsOf(FILE, v.text), [], v.name);
  // A script that floors 2/3 to 66 is right too.
  assert.deepEqual(problemsOf(FILE, session(66, [DONE(1), DONE(2), OPEN(3)])), []);
});

test('session-progress sits on the progress value and recomputes it', () => {
  const [p] = assertFires(FILE, session(50, [DONE(1), DONE(2), OPEN(3)]), 'session-progress', ['4:14-4:16']);
  assert.equal(p!.message, 'progress is 50 but 2 of 3 steps are completed: expected 67');
  assert.deepEqual(p!.fixes, [{ kind: 'set-key', key: 'progress', value: '67' }]);
});

test('session-step-numbers fires on each step value that breaks 1..n, not on the steps after it', () => {
  const text = session(0, [OPEN(1), OPEN(2), OPEN(4), OPEN(5), OPEN(5)]);
  const found = assertFires(FILE, text, 'session-step-numbers', ['9:14-9:15', '11:14-11:15']);
  assert.equal(found[0]!.message, 'step 4 is out of order: expected 3 (steps are numbered 1 to 5 in order)');
  assertFires(FILE, session(0, [OPEN(0), OPEN(1)]), 'session-step-numbers', ['7:14-7:15']);
});

test('session-completed-at fires on the status of a completed step without completed_at', () => {
  const bare = '{ "step": 2, "description": "Step 2", "status": "completed", "completed_at": null }';
  const [p] = assertFires(FILE, session(67, [DONE(1), bare, OPEN(3)]), 'session-completed-at', ['8:52-8:63']);
  assert.equal(p!.message, 'step 2 is completed but has no completed_at');
  assertFires(FILE, session(100, ['{ "step": 1, "status": "completed" }']), 'session-completed-at', ['7:27-7:38']);
});

test('a JSON file that does not parse gets no session check', () => {
  assert.deepEqual(problemsOf(FILE, '{ "progress": 10, "steps": [ { "step": 3 ]'), []);
});

test('sessionTokens keeps top-level and step values apart from nested objects', () => {
  const t = sessionTokens(session(5, [DONE(1)]));
  assert.equal(t.top.get('progress')?.raw, '5');
  assert.equal(sessionTokens(session(5, []), ['status']).top.get('status')?.raw, '"in_progress"');
  assert.equal(t.steps.length, 1);
  assert.equal(t.steps[0]!.get('step')?.raw, '1');
  assert.equal(t.steps[0]!.get('completed_at')?.raw, '"2025-11-15 00:21:00 UTC"');
  assert.equal(sessionTokens('\uFEFF{"steps":["a", 2, {"step": 3}], "progress": 1}').steps.length, 3);
});
