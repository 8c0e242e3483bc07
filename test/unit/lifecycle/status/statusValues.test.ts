import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeValueOf, doneValueOf, matchStatus, statusValues } from '../../../../src/core/lifecycle/status/statusValues';

test('each convention has its default status words', () => {
  assert.deepEqual(statusValues('execplan', null), ['planned', 'in_progress', 'completed', 'blocked', 'archived']);
  assert.deepEqual(statusValues('kb', null), ['not-started', 'in-progress', 'completed']);
  assert.deepEqual(statusValues('session-json', null), ['pending', 'in_progress', 'blocked', 'completed', 'abandoned']);
  assert.deepEqual(statusValues('status-md', null), ['PLANNED', 'IN PROGRESS', 'COMPLETE', 'BLOCKED']);
  assert.deepEqual(statusValues('handoff', null), []);
});

test("the schema's status enum wins, followed through $ref and allOf", () => {
  const schema = {
    definitions: { state: { type: 'string', enum: ['todo', 'doing', 'done', 7] } },
    allOf: [{ properties: { status: { $ref: '#/definitions/state' } } }],
  };
  assert.deepEqual(statusValues('kb', schema), ['todo', 'doing', 'done']);
  assert.deepEqual(statusValues('kb', { properties: { status: { type: 'string' } } }), ['not-started', 'in-progress', 'completed']);
  assert.deepEqual(statusValues('handoff', schema), []);
});

test('the done and the active word are picked from the list', () => {
  assert.equal(doneValueOf(statusValues('execplan', null)), 'completed');
  assert.equal(doneValueOf(statusValues('status-md', null)), 'COMPLETE');
  assert.equal(doneValueOf(['open', 'shipped', 'archived']), 'shipped');
  assert.equal(doneValueOf(['open', 'archived']), null);
  assert.equal(activeValueOf(statusValues('kb', null)), 'in-progress');
  assert.equal(activeValueOf(statusValues('status-md', null)), 'IN PROGRESS');
  assert.equal(activeValueOf(['todo', 'doing', 'done']), 'doing');
  assert.equal(activeValueOf(['todo', 'done']), null);
});

test('a status is matched exactly, else ignoring case, spaces, underscores and dashes', () => {
  assert.equal(matchStatus(statusValues('kb', null), 'in_progress'), 'in-progress');
  assert.equal(matchStatus(statusValues('status-md', null), 'in-progress'), 'IN PROGRESS');
  assert.equal(matchStatus(['Done', 'done'], 'done'), 'done');
  assert.equal(matchStatus(statusValues('execplan', null), 'finished'), null);
});
