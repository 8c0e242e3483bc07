import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMilestones } from '../../../src/core/lifecycle/next/nextMilestones';
import { file, lineOf } from './nextKit';

const PATH = 'SESSIONS/MILESTONES/deploy-dashboard.json';

/** A session milestone (seed 001) in progress, with a blocker, two asks of the next session and odd entries. */
const SESSION = `{
  "milestone_id": "deploy-dashboard",
  "title": "Deploy Dashboard",
  "owner": "session-3",
  "status": "in_progress",
  "progress": 33,
  "steps": [
    { "step": 1, "description": "Review script", "status": "completed" },
    { "step": 2, "description": "Deploy to server", "status": "in_progress" },
    { "step": 3, "description": "Verify", "status": "pending" }
  ],
  "next_session_should": [
    "Check server logs",
    42,
    { "note": "an object is skipped" },
    "   ",
    "Run the smoke\\ntests"
  ],
  "blockers": [null, "Waiting for the staging\\n  credentials"],
  "handoff_notes": "No blockers."
}
`;

test('a session milestone lists its blockers, what the next session should do, then its first open step', () => {
  assert.deepEqual(nextMilestones([file(PATH, SESSION)]), [{
    file: PATH, convention: 'session-json', title: 'Deploy Dashboard', id: 'deploy-dashboard', status: 'in_progress',
    statusCategory: 'active', line: 0, owner: 'session-3', progress: { done: 1, total: 3 },
    items: [
      { kind: 'blocker', text: 'Waiting for the staging credentials', line: lineOf(SESSION, '"blockers"') },
      { kind: 'next', text: 'Check server logs', line: lineOf(SESSION, 'Check server logs') },
      { kind: 'next', text: 'Run the smoke tests', line: lineOf(SESSION, 'Run the smoke') },
      { kind: 'step', text: 'Deploy to server', line: lineOf(SESSION, 'Deploy to server') },
    ],
  }]);
});

test('lines stay right with a BOM and CRLF line endings', () => {
  const text = '\uFEFF' + SESSION.replace(/\n/g, '\r\n');
  const [m] = nextMilestones([file(PATH, text)]);
  const [plain] = nextMilestones([file(PATH, SESSION)]);
  assert.deepEqual(m?.items, plain?.items);
  assert.equal(m?.items.length, 4);
});

test('entries written one per line get one line each, also in a file laid out by hand', () => {
  const text = [
    '{"title": "T", "status": "blocked", "steps": [{"description": "a", "status": "pending"}],',
    '"blockers": [',
    '  "First",',
    '',
    '  "Second"],',
    '"next_session_should": "One string, not a list"}',
  ].join('\n');
  const [m] = nextMilestones([file(PATH, text)]);
  assert.equal(m?.statusCategory, 'blocked');
  assert.deepEqual(m?.items, [
    { kind: 'blocker', text: 'First', line: 2 },
    { kind: 'blocker', text: 'Second', line: 4 },
    { kind: 'next', text: 'One string, not a list', line: 5 },
    { kind: 'step', text: 'a', line: 0 },
  ]);
});

test('a blocker that says there is none is not a blocker', () => {
  const text = JSON.stringify({ title: 'T', status: 'in_progress', steps: [], blockers: ['None', 'n/a', 'No blockers.', '-'], next_session_should: ['None'] }, null, 2);
  const [m] = nextMilestones([file(PATH, text)]);
  // "None" as something to do is still something a person wrote; only blockers mean "nothing".
  assert.deepEqual(m?.items, [{ kind: 'next', text: 'None', line: lineOf(text, '"next_session_should"') + 1 }]);
});

test('a key written twice counts as JSON.parse reads it: the last one', () => {
  const text = '{\n"title": "T",\n"status": "active",\n"steps": [],\n"next_session_should": ["old"],\n"next_session_should": ["new"]\n}\n';
  const [m] = nextMilestones([file(PATH, text)]);
  assert.deepEqual(m?.items, [{ kind: 'next', text: 'new', line: 5 }]);
});

test('milestones not in progress are left out: pending, completed, and a file that does not parse', () => {
  const pending = JSON.stringify({ title: 'P', status: 'pending', steps: [], next_session_should: ['x'] });
  const done = JSON.stringify({ title: 'D', status: 'completed', steps: [], next_session_should: ['x'] });
  const broken = '{ "title": "B", "status": "in_progress", "next_session_should": ["x"'; // JSON syntax error
  assert.deepEqual(nextMilestones([
    file('MILESTONES/p.json', pending), file('MILESTONES/d.json', done), file('MILESTONES/b.json', broken),
  ]), []);
});

test('odd shapes never throw: lists of objects, a top-level array, the wrong text', () => {
  const objects = JSON.stringify({ title: 'O', status: 'in_progress', steps: 'none', blockers: [{ what: 'x' }], next_session_should: [[1], true] });
  const [m] = nextMilestones([file('MILESTONES/o.json', objects)]);
  assert.deepEqual(m?.items, []);
  assert.deepEqual(nextMilestones([file('MILESTONES/a.json', '[1, 2]')]), []);
  // A reading whose text went missing: no items from the JSON, the steps still count.
  const { reading } = file(PATH, SESSION);
  const [lost] = nextMilestones([{ reading, text: '' }]);
  assert.deepEqual(lost?.items, [{ kind: 'step', text: 'Deploy to server', line: lineOf(SESSION, 'Deploy to server') }]);
});
