import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lineOfOffset } from '../../../src/core/text/lineIndex';
import { detectLineEnding, hasBom, preferredEol } from '../../../src/core/text/lineEndings';
import { ownString, ownValue } from '../../../src/core/text/ownString';

test('a line index maps offsets to lines and columns, CRLF included', () => {
  const text = 'ab\r\ncd\nef';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 3);
  assert.deepEqual(idx.positionAt(5), { line: 1, column: 1 });
  assert.equal(idx.offsetAt(2, 1), 8);
  assert.equal(idx.lineText(0), 'ab');
  assert.equal(idx.lineEnd(0), 2);
  assert.equal(lineOfOffset(text, 8), 2);
});

test('line endings and a BOM are detected', () => {
  assert.equal(detectLineEnding('a\nb\n'), '\n');
  assert.equal(detectLineEnding('a\r\nb\r\n'), '\r\n');
  assert.equal(detectLineEnding('a\r\nb\n'), 'mixed');
  assert.equal(detectLineEnding('a'), 'none');
  assert.equal(preferredEol('x\r\ny'), '\r\n');
  assert.ok(hasBom('\uFEFF---'));
  assert.ok(!hasBom('---'));
});

test('owned strings and values equal the originals', () => {
  const big = 'x'.repeat(5000) + 'a title long enough to be sliced' + 'y'.repeat(5000);
  const s = big.slice(5000, 5032);
  assert.equal(ownString(s), s);
  assert.deepEqual(ownValue({ a: [s, 1, null], b: { c: true } }), { a: [s, 1, null], b: { c: true } });
});
