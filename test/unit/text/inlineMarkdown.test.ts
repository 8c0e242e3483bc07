import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineSpans } from '../../../src/core/text/inlineMarkdown';

test('code spans, strong and emphasis become spans; the rest is text', () => {
  assert.deepEqual(inlineSpans('Set `status` to **done** when *all* steps are _ticked_.'), [
    { kind: 'text', text: 'Set ' }, { kind: 'code', text: 'status' }, { kind: 'text', text: ' to ' }, { kind: 'strong', text: 'done' },
    { kind: 'text', text: ' when ' }, { kind: 'em', text: 'all' }, { kind: 'text', text: ' steps are ' }, { kind: 'em', text: 'ticked' }, { kind: 'text', text: '.' },
  ]);
});

test('HTML is text, never markup', () => {
  assert.deepEqual(inlineSpans('<img src=x onerror=alert(1)> and `<b>`'), [
    { kind: 'text', text: '<img src=x onerror=alert(1)> and ' }, { kind: 'code', text: '<b>' },
  ]);
});

test('what is not a delimiter stays as written: snake_case, a lone star, escapes, unclosed backticks', () => {
  assert.deepEqual(inlineSpans('next_session_should and depends_on'), [{ kind: 'text', text: 'next_session_should and depends_on' }]);
  assert.deepEqual(inlineSpans('2 * 3 = 6'), [{ kind: 'text', text: '2 * 3 = 6' }]);
  assert.deepEqual(inlineSpans('\\*not em\\* and `open'), [{ kind: 'text', text: '*not em* and `open' }]);
  assert.deepEqual(inlineSpans('`` a`b ``'), [{ kind: 'code', text: 'a`b' }]);
  assert.deepEqual(inlineSpans(''), []);
});
