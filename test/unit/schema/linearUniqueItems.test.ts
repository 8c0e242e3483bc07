import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import fc from 'fast-check';
import { canonicalKey } from '../../../src/core/schema/linearUniqueItems';
import { createAjv, toSchemaErrors } from '../../../src/core/schema/schemaAjv';

test('the canonical key ignores key order and keeps types apart', () => {
  assert.equal(canonicalKey({ a: 1, b: [true, null] }), canonicalKey({ b: [true, null], a: 1 }));
  assert.notEqual(canonicalKey(1), canonicalKey('1'));
  assert.notEqual(canonicalKey([1]), canonicalKey({ 0: 1 }));
  assert.notEqual(canonicalKey(null), canonicalKey('null'));
  assert.notEqual(canonicalKey({ a: '1,"b":2' }), canonicalKey({ a: '1', b: 2 }));
});

test('uniqueItems over 50,000 mappings is checked in linear time, with ajv\'s keyword and params', () => {
  const validate = createAjv('07').compile({ type: 'array', uniqueItems: true });
  const items = Array.from({ length: 50_000 }, (_, i) => ({ a: i, tags: [`t${i}`] }));
  const started = Date.now();
  assert.equal(validate(items), true);
  assert.equal(validate([...items, { tags: ['t7'], a: 7 }]), false);
  // A hang detector, not a speed test: ajv's pairwise check took 218 s here.
  assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  const [error] = toSchemaErrors(validate.errors);
  assert.equal(error?.keyword, 'uniqueItems');
  assert.deepEqual(error?.params, { i: 50_000, j: 7 });
});

test('uniqueItems agrees with ajv\'s own check on any JSON array', () => {
  const ours = createAjv('07').compile({ uniqueItems: true });
  const theirs = new Ajv({ allErrors: true, strict: false }).compile({ uniqueItems: true });
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.constantFrom(null, true, false, 0, 1, '', 'a', '1'), fc.integer({ min: -2, max: 2 })),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3, noNullPrototype: true })),
  })).node;
  fc.assert(fc.property(fc.array(value, { maxLength: 8 }), (items) => {
    assert.equal(ours(items), theirs(items));
    if (ours.errors) assert.deepEqual(ours.errors[0]?.params, theirs.errors?.[0]?.params);
  }), { numRuns: 500 });
});
