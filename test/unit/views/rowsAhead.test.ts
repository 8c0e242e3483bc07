import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RowsAhead } from '../../../src/core/views/rowsAhead';

test('rows asked for later are not replaced by an answer to an earlier request', () => {
  const ahead = new RowsAhead<string>();
  // A tick's repaint asked (request 7) after the first scan's problems repaint (request 5), and its answer came first.
  assert.equal(ahead.set('milestone', ['step ticked'], 7), true);
  assert.equal(ahead.set('milestone', ['step not ticked'], 5), false);
  assert.deepEqual(ahead.get('milestone'), ['step ticked']);
  // A later request replaces them.
  assert.equal(ahead.set('milestone', ['step unticked'], 8), true);
  assert.deepEqual(ahead.get('milestone'), ['step unticked']);
});

test('a cleared set keeps nothing and takes any answer again', () => {
  const ahead = new RowsAhead<string>();
  ahead.set('group', ['a'], 9);
  ahead.clear();
  assert.equal(ahead.get('group'), undefined);
  assert.equal(ahead.askedOf('group'), -1);
  assert.equal(ahead.set('group', ['b'], 1), true);
});
