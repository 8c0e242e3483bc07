import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance, MAX_SUGGESTION_CANDIDATES } from '../../../src/core/validate/didYouMean';

const STATUS = ['planned', 'in_progress', 'completed', 'blocked', 'archived'];
const KEYS = ['id', 'execplan_id', 'ms', 'title', 'status', 'domain', 'owner', 'created', 'updated', 'tags', 'risk', 'links'];

test('edit distance counts an adjacent transposition as one edit', () => {
  assert.equal(editDistance('titel', 'title'), 1);
  assert.equal(editDistance('ownr', 'owner'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
});

test('edit distance stops early past its limit', () => {
  assert.equal(editDistance('abcdefgh', 'zyxwvuts', 2), 3);
});

test('a misspelt key is matched to the nearest known key', () => {
  assert.equal(didYouMean('ownr', KEYS), 'owner');
  assert.equal(didYouMean('staus', KEYS), 'status');
  assert.equal(didYouMean('crated', KEYS), 'created');
  assert.equal(didYouMean('titel', KEYS), 'title');
  assert.equal(didYouMean('Status', KEYS), 'status');
});

test('two-letter keys are not all typos of id and ms', () => {
  assert.equal(didYouMean('pr', KEYS), null);
  assert.equal(didYouMean('xy', KEYS), null);
});

test('a shared prefix of three characters suggests a value, unless prefixes are off', () => {
  assert.equal(didYouMean('arch', STATUS), 'archived');
  assert.equal(didYouMean('complete', STATUS), 'completed');
  assert.equal(didYouMean('links_extra', KEYS, { prefix: false }), null);
});

test('nothing close gives no suggestion', () => {
  assert.equal(didYouMean('done', STATUS), null);
  assert.equal(didYouMean('zzz', STATUS), null);
});

test('among more than a thousand candidates there is no suggestion, and no time spent looking', () => {
  const many = Array.from({ length: MAX_SUGGESTION_CANDIDATES + 1 }, (_, i) => `value-${i}`);
  assert.equal(didYouMean('value-1x', many), null);
  assert.equal(didYouMean('value-1x', many.slice(0, MAX_SUGGESTION_CANDIDATES)), 'value-1');
});
