import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditRecorder } from '../../../src/core/edits/editRecorder';
import { frontmatterUpdatedEdits } from '../../../src/core/edits/frontmatterUpdated';
import { detectTimestampStyle, formatTimestamp } from '../../../src/core/edits/timestampStyle';
import { applyEdits } from '../../../src/core/text/applyEdits';

const now = new Date('2026-03-04T12:05:06.789Z');

test('timestamps are written in the style of the sample', () => {
  const cases: [string, string][] = [
    ['2025-11-15 00:20:00 UTC', '2026-03-04 12:05:06 UTC'],
    ['2025-11-15T00:20:00Z', '2026-03-04T12:05:06Z'],
    ['2025-11-15T00:20:00.000Z', '2026-03-04T12:05:06.789Z'],
    ['2025-11-15T00:20:00.1Z', '2026-03-04T12:05:06.7Z'],
    ['2025-11-15T00:20:00+02:00', '2026-03-04T14:05:06+02:00'],
    ['2025-11-15T00:20:00-0530', '2026-03-04T06:35:06-0530'],
    ['2025-11-15 00:20', '2026-03-04 12:05'],
    ['2025-11-15T00:20:00', '2026-03-04T12:05:06'],
    ['2025-11-15', '2026-03-04'],
  ];
  for (const [sample, expected] of cases) {
    const style = detectTimestampStyle(sample);
    assert.ok(style, sample);
    assert.equal(formatTimestamp(now, style), expected, sample);
  }
  assert.equal(detectTimestampStyle('next tuesday'), null);
});

test('frontmatter `updated` is found only in a closed header, at top level', () => {
  const day = '2026-03-04';
  const apply = (t: string) => applyEdits(t, frontmatterUpdatedEdits(t, day));
  assert.equal(apply('---\nupdated: 2026-01-01\n---\n'), '---\nupdated: 2026-03-04\n---\n');
  assert.equal(apply("---\nupdated: '2026-01-01' # note\n---\n"), "---\nupdated: '2026-03-04' # note\n---\n");
  assert.equal(apply('---\nupdated:\n---\n'), '---\nupdated: 2026-03-04\n---\n');
  assert.equal(apply('---\nlinks:\n  updated: x\n---\n'), '---\nlinks:\n  updated: x\n---\n');
  assert.equal(apply('---\nupdated: 2026-01-01\nno closing line\n'), '---\nupdated: 2026-01-01\nno closing line\n');
  assert.equal(apply('# Title\n\nupdated: 2026-01-01\n'), '# Title\n\nupdated: 2026-01-01\n');
  assert.deepEqual(frontmatterUpdatedEdits('---\nupdated: 2026-03-04\n---\n', day), []);
});

test('the edit recorder maps edits made one after another back onto the original text, minimal', () => {
  const original = 'aaa bbb ccc';
  const r = new EditRecorder(original);
  r.apply([{ start: 4, end: 7, newText: 'BBBB' }]); // aaa BBBB ccc
  r.apply([{ start: 9, end: 12, newText: 'cXc' }]); // aaa BBBB cXc
  r.apply([{ start: 0, end: 0, newText: '>' }]); // >aaa BBBB cXc
  assert.equal(r.text, '>aaa BBBB cXc');
  const edits = r.edits();
  assert.deepEqual(edits, [
    { start: 0, end: 0, newText: '>' },
    { start: 4, end: 7, newText: 'BBBB' },
    { start: 9, end: 10, newText: 'X' },
  ]);
  assert.equal(applyEdits(original, edits), r.text);
});

test('overlapping edits in the recorder merge into one region', () => {
  const original = '{"a": 1}';
  const r = new EditRecorder(original);
  r.apply([{ start: 6, end: 7, newText: '1, "b": 2' }]);
  r.apply([{ start: 9, end: 12, newText: '"c"' }]);
  assert.equal(applyEdits(original, r.edits()), r.text);
  assert.equal(r.text, '{"a": 1, "c": 2}');
});
