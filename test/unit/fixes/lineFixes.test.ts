import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixEdits } from '../../../src/core/fixes/fixEdits';
import type { FixHint } from '../../../src/core/problems';
import { applyEdits } from '../../../src/core/text/applyEdits';

const FILE = 'docs/STATUS.md';

function fixed(text: string, hint: FixHint): string {
  const fix = fixEdits(FILE, text, hint);
  assert.ok(fix, `no fix for ${JSON.stringify(hint)}`);
  return applyEdits(text, fix.edits);
}

test('an unclosed header is closed before the given line, with the file\'s line ending', () => {
  const text = '---\nid: x\nstatus: planned\n\n# Title\n';
  const fix = fixEdits(FILE, text, { kind: 'close-frontmatter', line: 3, fence: '---' });
  assert.equal(fix?.title, 'Close the frontmatter at the blank line 4, where the keys end');
  assert.equal(fixEdits(FILE, '---\nid: x\n# Title\n', { kind: 'close-frontmatter', line: 2, fence: '---' })?.title, 'Close the frontmatter before the heading on line 3');
  assert.equal(fix?.isPreferred, true);
  assert.equal(applyEdits(text, fix.edits), '---\nid: x\nstatus: planned\n---\n\n# Title\n');
  const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
  assert.equal(fixed(crlf, { kind: 'close-frontmatter', line: 3, fence: '---' }), '\uFEFF---\r\nid: x\r\nstatus: planned\r\n---\r\n\r\n# Title\r\n');
  assert.equal(fixed('+++\nid = "x"\n', { kind: 'close-frontmatter', line: 2, fence: '+++' }), '+++\nid = "x"\n+++\n');
});

test('an unclosed header that runs to the end of the file is closed there', () => {
  const fix = fixEdits(FILE, '---\nid: x', { kind: 'close-frontmatter', line: 2, fence: '---' });
  assert.equal(fix?.title, 'Close the frontmatter at the end of the file');
  assert.equal(applyEdits('---\nid: x', fix.edits), '---\nid: x\n---');
  assert.equal(fixed('---\r\nid: x', { kind: 'close-frontmatter', line: 2, fence: '---' }), '---\r\nid: x\r\n---');
});

test('a header that is closed now, or a fence that differs, gives no fix', () => {
  assert.equal(fixEdits(FILE, '---\nid: x\n---\n', { kind: 'close-frontmatter', line: 2, fence: '---' }), null);
  assert.equal(fixEdits(FILE, '---\nid: x\n', { kind: 'close-frontmatter', line: 1, fence: '+++' }), null);
  assert.equal(fixEdits(FILE, '---\nid: x\n', { kind: 'close-frontmatter', line: 9, fence: '---' }), null);
  assert.equal(fixEdits(FILE, '---\nid: x\n', { kind: 'close-frontmatter', line: 0, fence: '---' }), null);
});

test('a non-standard marker becomes the standard one, only the brackets change', () => {
  const text = '# Plan\n\n- [-] dropped\n  * [~] partly\n1. [/] half\n- [] empty\n- []glued\n';
  const at = (line: number, marker: '[ ]' | '[x]' = '[ ]') => fixed(text, { kind: 'standard-marker', line, marker });
  assert.equal(at(2), text.replace('- [-] dropped', '- [ ] dropped'));
  assert.equal(at(3, '[x]'), text.replace('* [~] partly', '* [x] partly'));
  assert.equal(at(4), text.replace('1. [/] half', '1. [ ] half'));
  assert.equal(at(5), text.replace('- [] empty', '- [ ] empty'));
  assert.equal(at(6), text.replace('- []glued', '- [ ] glued'));
  const fix = fixEdits(FILE, text, { kind: 'standard-marker', line: 2, marker: '[ ]' });
  assert.equal(fix?.title, 'Use the standard marker [ ]');
  assert.deepEqual(fix?.edits, [{ start: text.indexOf('[-]'), end: text.indexOf('[-]') + 3, newText: '[ ]' }]);
});

test('a bare marker outside a list becomes a task item', () => {
  const text = '\uFEFF[ ] write tests\r\n  [x] done already\r\n';
  const fix = fixEdits(FILE, text, { kind: 'standard-marker', line: 0, marker: '[ ]' });
  assert.equal(fix?.title, 'Make it a task item: - [ ]');
  assert.equal(applyEdits(text, fix.edits), '\uFEFF- [ ] write tests\r\n  [x] done already\r\n');
  assert.equal(fixed(text, { kind: 'standard-marker', line: 1, marker: '[x]' }), '\uFEFF[ ] write tests\r\n  - [x] done already\r\n');
});

test('a line without a non-standard marker any more gives no fix', () => {
  const text = '- [ ] open\n- [x] done\nplain text\n- [link](x)\n- [ ]* optional\n[ ](x)\n';
  for (let line = 0; line < 7; line++) {
    assert.equal(fixEdits(FILE, text, { kind: 'standard-marker', line, marker: '[ ]' }), null, `line ${line}`);
  }
});
