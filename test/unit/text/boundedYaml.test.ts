import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandedSize, loadYamlBounded } from '../../../src/core/text/boundedYaml';

test('a billion-laughs document is refused on its first alias, in milliseconds', () => {
  const lines = ['title: x', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const started = process.hrtime.bigint();
  const r = loadYamlBounded(lines.join('\n'));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(r.kind, 'error');
  assert.ok(r.kind === 'error' && r.code === 'yaml-aliases' && r.line === 2 && r.column === 9, JSON.stringify(r));
  assert.ok(ms < 2000, `${ms} ms`);
});

test('anchors used honestly are read as js-yaml 5 reads them (YAML 1.2: `<<` is a plain key)', () => {
  const r = loadYamlBounded('base: &b {x: 1, y: [a, b]}\nmore: *b\nmerged:\n  <<: *b\n  z: 2\n');
  assert.deepEqual(r, { kind: 'ok', value: { base: { x: 1, y: ['a', 'b'] }, more: { x: 1, y: ['a', 'b'] }, merged: { '<<': { x: 1, y: ['a', 'b'] }, z: 2 } } });
});

test('the alias is found past quotes and comments that contain a star', () => {
  const text = 'a: "*not" # *nor this\nb: &x [1]\nc: \'*no\'\nd: [*x, *x]\n';
  const r = loadYamlBounded(text, 3);
  assert.ok(r.kind === 'error' && r.line === 3 && r.column === 4, JSON.stringify(r));
});

test('expanded size counts shared values once per use, stops past the limit, and takes a cycle for over', () => {
  const leaf = [1, 2, 3];
  assert.equal(expandedSize({ a: leaf, b: leaf }, 100), 1 + 4 + 4);
  const wide = Array(1000).fill(Array(1000).fill(0));
  assert.equal(expandedSize(wide, 10_000), 10_001);
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  assert.equal(expandedSize(cyclic, 50), 51);
});

test('a syntax error keeps its line and column', () => {
  const r = loadYamlBounded('a: 1\nb: [1, 2\nc: 3\n');
  assert.equal(r.kind, 'error');
  assert.ok(r.kind === 'error' && r.code === 'yaml-syntax' && r.line >= 1, JSON.stringify(r));
});
