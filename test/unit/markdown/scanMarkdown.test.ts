import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthOfTenfold, LINEAR_GROWTH_LIMIT } from '../support/growth';
import { scanMarkdown } from '../../../src/core/markdown/scanMarkdown';

const markers = (text: string): string[] => scanMarkdown(text).tasks.map((t) => `${t.line}:${t.marker}${t.nonstandard ? '!' : ''}:${t.depth}`);

test('task items are read as GitHub renders them', () => {
  const text = '- [ ] a\n* [x] b\n+ [X] c\n1. [ ] d\n2) [x] e\n- [ ]\n-[ ] no\n- [x]no\n- [link](x)\n';
  assert.deepEqual(markers(text), ['0:[ ]:0', '1:[x]:0', '2:[X]:0', '3:[ ]:0', '4:[x]:0', '5:[ ]:0']);
});

test('non-standard markers are kept and flagged', () => {
  const text = '- [-] doing\n- [~] maybe\n- [/] half\n- [] empty\n- [ ]* optional\n\n[ ] bare\n- [ ] x\n[ ] lazy continuation, not bare\n';
  const tasks = scanMarkdown(text).tasks;
  assert.deepEqual(tasks.map((t) => [t.marker, t.nonstandard, t.bare]), [
    ['[-]', true, false], ['[~]', true, false], ['[/]', true, false], ['[]', true, false], ['[ ]*', true, false], ['[ ]', true, true], ['[ ]', false, false],
  ]);
  assert.equal(tasks[4]!.text, 'optional');
  assert.equal(tasks.length, 7);
});

test('nested items get their depth, tabs and blank lines included', () => {
  // A tab indents to column 4: the content column of `  - [x] child`, so it nests under it.
  const text = '- [ ] parent\n  - [x] child\n\n\n    - [ ] grandchild\n\t- [ ] tab child\n1. [ ] one\n   - [x] under one\n';
  assert.deepEqual(markers(text), ['0:[ ]:0', '1:[x]:1', '4:[ ]:2', '5:[ ]:2', '6:[ ]:0', '7:[x]:1']);
});

test('nothing inside fenced code counts, and a ``` fence closes only with a run as long', () => {
  const text = '```md\n- [ ] in fence\n~~~\n- [ ] still in\n````\n- [ ] after\n~~~~\n- [ ] tilde\n~~~\n- [ ] still tilde\n~~~~~\n- [x] out\n';
  assert.deepEqual(markers(text), ['5:[ ]:0', '11:[x]:0']);
});

test('an unterminated fence runs to the end', () => {
  assert.deepEqual(markers('- [ ] a\n```\n- [ ] b\n'), ['0:[ ]:0']);
});

test('a fence indented inside a list item counts as a fence', () => {
  const text = '- **Problem**: x\n  ```ts\n  - [ ] code\n  ```\n- [ ] real\n';
  assert.deepEqual(markers(text), ['4:[ ]:0']);
});

test('indented code blocks hide task items; indented lines after a paragraph continue it', () => {
  assert.deepEqual(markers('Text\n\n    - [ ] code\n'), []);
  assert.deepEqual(markers('- [ ] a\n\n      - [ ] code in item\n'), ['0:[ ]:0']);
});

test('HTML comments spanning lines hide task items; one-line comments do not', () => {
  const text = '<!--\n- [ ] hidden\n-->\n<!-- AC:BEGIN -->\n- [ ] shown\n<!-- open\n- [ ] hidden too';
  assert.deepEqual(markers(text), ['4:[ ]:0']);
});

test('headings: ATX with closing hashes, setext, not # inside code', () => {
  const s = scanMarkdown('# One #\n## Two\nSetext\n======\n```\n# code\n```\n#nope\n### Three\n');
  assert.deepEqual(s.headings.map((h) => [h.level, h.text, h.line, h.parent]), [[1, 'One', 0, -1], [2, 'Two', 1, 0], [1, 'Setext', 2, -1], [3, 'Three', 8, 2]]);
});

test('pipe tables give each cell with its exact offset', () => {
  const text = '## W\n\n| ID | Description | Status |\n|----|:---|---:|\n| A1 | Build it | ✅ |\n| A2 | a \\| b | ⏳ |\n\nafter\n';
  const s = scanMarkdown(text);
  assert.equal(s.tables.length, 1);
  const t = s.tables[0]!;
  assert.deepEqual(t.header.map((c) => c.text), ['ID', 'Description', 'Status']);
  assert.equal(t.rows.length, 2);
  const cell = t.rows[0]!.cells[2]!;
  assert.equal(text.slice(cell.offset, cell.offset + cell.length), '✅');
  assert.equal(t.rows[1]!.cells[1]!.text, 'a \\| b');
});

test('bold-key fields in both colon styles, also as list items', () => {
  const s = scanMarkdown('**Goal:** Ship it\n**Phase**: Phase 0\n- **Status**: Active\n**bold** text\n');
  assert.deepEqual(s.fields.map((f) => [f.key, f.value]), [['Goal', 'Ship it'], ['Phase', 'Phase 0'], ['Status', 'Active']]);
});

test('CRLF text gives the same items and offsets pointing at [', () => {
  const text = '# T\r\n\r\n- [ ] a\r\n  - [x] b\r\n';
  const s = scanMarkdown(text);
  assert.deepEqual(s.tasks.map((t) => [t.text, text[t.markerOffset]]), [['a', '['], ['b', '[']]);
  assert.equal(s.headings[0]!.text, 'T');
});

test('a 3 MB file scans in time proportional to its size, without crashing', () => {
  const chunk = '## Section\n\n- [ ] task one\n- [x] task two\n  - nested bullet\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\n- [ ] code\n```\n<!--\nx\n-->\n';
  const of = (scale: number) => chunk.repeat(Math.ceil((3_000_000 * scale) / chunk.length));
  const text = of(1);
  assert.equal(scanMarkdown(text).tasks.length, 2 * Math.ceil(3_000_000 / chunk.length));
  const inputs = [of(0.1), text];
  const growth = growthOfTenfold((scale) => scanMarkdown(inputs[scale === 1 ? 1 : 0]!));
  assert.ok(growth < LINEAR_GROWTH_LIMIT, `10× the text took ${growth.toFixed(1)}× the time (linear is about 10)`);
  // Pathological: one huge line with no pipes and no line breaks.
  assert.equal(scanMarkdown('x'.repeat(3_000_000)).tasks.length, 0);
});

test('mojibake text keeps its structure', () => {
  const text = Buffer.from('# ğŸ¯ 里程碑 ✅\n- [x] 完成 ✅\n- [ ] 未完成\n', 'utf8').toString('latin1');
  assert.deepEqual(markers(text), ['1:[x]:0', '2:[ ]:0']);
});
