import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixEdits } from '../../../src/core/fixes/fixEdits';
import type { FixHint } from '../../../src/core/problems';
import { applyEdits } from '../../../src/core/text/applyEdits';

const FILE = '.milestones/deploy-dashboard.json';

/** A session milestone in the seed's shape, indented with `indent`, lines ended by `eol`. */
function session(indent: string, eol = '\n'): string {
  const i = indent;
  return [
    '{',
    `${i}"milestone_id": "deploy-dashboard",`,
    `${i}"status": "done",`,
    `${i}"progress": 33,`,
    `${i}"steps": [`,
    `${i}${i}{ "step": 1, "status": "complete" },`,
    `${i}${i}{ "step": 2, "status": "pending" }`,
    `${i}]`,
    '}',
    '',
  ].join(eol);
}

function fixed(text: string, hint: FixHint): string {
  const fix = fixEdits(FILE, text, hint);
  assert.ok(fix, `no fix for ${JSON.stringify(hint)}`);
  return applyEdits(text, fix.edits);
}

test('an enum value in JSON is replaced at its path, nothing else moves', () => {
  const text = session('  ');
  const fix = fixEdits(FILE, text, { kind: 'replace-value', path: ['steps', 0, 'status'], value: 'completed' });
  assert.equal(fix?.title, 'Change "complete" to "completed"');
  assert.deepEqual(fix?.edits, [{ start: text.indexOf('complete"') + 8, end: text.indexOf('complete"') + 8, newText: 'd' }]);
  assert.equal(applyEdits(text, fix.edits), text.replace('"complete"', '"completed"'));
  assert.equal(fixed(text, { kind: 'replace-value', path: ['status'], value: 'completed' }), text.replace('"done"', '"completed"'));
});

test('a missing property is added in the file\'s own indentation: tabs, 4 spaces, CRLF', () => {
  for (const [indent, eol] of [['\t', '\n'], ['    ', '\n'], ['  ', '\r\n']] as const) {
    const text = session(indent, eol);
    const fix = fixEdits(FILE, text, { kind: 'add-key', key: 'title', value: '""' });
    assert.equal(fix?.title, 'Add required key "title"');
    assert.equal(applyEdits(text, fix.edits), text.replace(`${indent}]${eol}}`, `${indent}],${eol}${indent}"title": ""${eol}}`));
  }
});

test('progress is recomputed keeping its type', () => {
  const text = session('  ');
  const fix = fixEdits(FILE, text, { kind: 'set-key', key: 'progress', value: '50' });
  assert.equal(fix?.title, 'Recompute progress: 50');
  assert.equal(applyEdits(text, fix.edits), text.replace('"progress": 33', '"progress": 50'));
  const percent = text.replace('"progress": 33', '"progress": "33%"');
  assert.equal(fixed(percent, { kind: 'set-key', key: 'progress', value: '50' }), text.replace('"progress": 33', '"progress": "50%"'));
  const absent = '{\n    "a": 1\n}';
  assert.equal(fixed(absent, { kind: 'set-key', key: 'progress', value: '50' }), '{\n    "a": 1,\n    "progress": 50\n}');
});

test('a BOM and comments survive; offsets index the text with its BOM', () => {
  const text = '\uFEFF{\r\n  // written by hand\r\n  "status": "done" /* old */\r\n}\r\n';
  const fix = fixEdits(FILE, text, { kind: 'replace-value', path: ['status'], value: 'completed' })!;
  assert.equal(applyEdits(text, fix.edits), text.replace('"done"', '"completed"'));
  assert.equal(fixed(text, { kind: 'add-key', key: 'title', value: '"x"' }),
    '\uFEFF{\r\n  // written by hand\r\n  "status": "done", /* old */\r\n  "title": "x"\r\n}\r\n');
});

test('JSON that changed or does not parse gives no fix', () => {
  const text = session('  ');
  const none = (hint: FixHint, t = text) => assert.equal(fixEdits(FILE, t, hint), null, JSON.stringify(hint));
  none({ kind: 'replace-value', path: ['steps', 5, 'status'], value: 'completed' });
  none({ kind: 'replace-value', path: ['steps'], value: 'x' });
  none({ kind: 'replace-value', path: ['status'], value: 'done' });
  none({ kind: 'add-key', key: 'status', value: '"planned"' });
  none({ kind: 'set-key', key: 'progress', value: '33' });
  none({ kind: 'replace-value', path: ['status'], value: 'completed' }, '{ "status": "done", ');
  none({ kind: 'close-frontmatter', line: 1, fence: '---' });
  none({ kind: 'standard-marker', line: 1, marker: '[ ]' });
});

test('rename-file carries the new path and no edits', () => {
  const fix = fixEdits('m/EP-20260117-014_MS002_stream.md', '---\n---\n', { kind: 'rename-file', to: 'm/EP-20260117-014_MS003_stream.md' });
  assert.deepEqual(fix, { title: 'Rename file to EP-20260117-014_MS003_stream.md', edits: [], renameTo: 'm/EP-20260117-014_MS003_stream.md' });
  assert.equal(fixEdits('m/a.md', '', { kind: 'rename-file', to: 'm/a.md' }), null);
});
