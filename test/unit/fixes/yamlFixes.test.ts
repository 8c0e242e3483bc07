import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixEdits } from '../../../src/core/fixes/fixEdits';
import type { FixHint } from '../../../src/core/problems';
import { applyEdits } from '../../../src/core/text/applyEdits';

const FILE = '.agent/exec_plans/x/milestones/active/EP-20260117-014_MS003_prototype-streaming.md';

/** An ExecPlan milestone in the seed's shape, with every quoting style and a commented value. */
const HEADER = [
  '---',
  'id: EP-20260117-014/MS002',
  'execplan_id: EP-20260117-014',
  'ms: 3',
  'title: "Prototype streaming"',
  'status: done  # was planned',
  'owner: \'@codex\'',
  'created: 2026-01-17',
  'updated: "2026-01-10"',
  'tags: [api, \'streaming\', "beta"]',
  'risk: low',
  'links:',
  '  issue: ""',
  "  docs: 'docs/x.md'",
  'depends-on:',
  '  - 010',
  '  - 020',
  '---',
  '',
  '# Prototype streaming',
  '',
].join('\n');

function fixed(text: string, hint: FixHint, file = FILE): string {
  const fix = fixEdits(file, text, hint);
  assert.ok(fix, `no fix for ${JSON.stringify(hint)}`);
  return applyEdits(text, fix.edits);
}

/** `text` with the line that starts with `from` replaced by `to`. */
function withLine(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(from));
  assert.ok(i >= 0, from);
  lines[i] = to;
  return lines.join('\n');
}

test('replacing an enum value changes only the word and keeps the comment', () => {
  const fix = fixEdits(FILE, HEADER, { kind: 'replace-value', path: ['status'], value: 'completed' });
  assert.equal(fix?.title, 'Change "done" to "completed"');
  assert.equal(fix?.isPreferred, true);
  assert.equal(applyEdits(HEADER, fix.edits), withLine(HEADER, 'status:', 'status: completed  # was planned'));
});

test('a replaced value keeps its single, double or missing quotes', () => {
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['title'], value: 'Streaming "v2"' }),
    withLine(HEADER, 'title:', 'title: "Streaming \\"v2\\""'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['owner'], value: "@o'neil" }),
    withLine(HEADER, 'owner:', "owner: '@o''neil'"));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['risk'], value: 'med' }), withLine(HEADER, 'risk:', 'risk: med'));
});

test('a bare value is quoted when the new one must be', () => {
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['risk'], value: '@high' }), withLine(HEADER, 'risk:', 'risk: "@high"'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['risk'], value: 'a: b' }), withLine(HEADER, 'risk:', 'risk: "a: b"'));
  // A bare word stays a string: `true` would become a boolean.
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['risk'], value: 'true' }), withLine(HEADER, 'risk:', 'risk: "true"'));
  // A bare number stays a number.
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['ms'], value: '4' }), withLine(HEADER, 'ms:', 'ms: 4'));
});

test('values in a nested map, a block list and a flow list are replaced in place', () => {
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['links', 'docs'], value: 'docs/y.md' }),
    withLine(HEADER, '  docs:', "  docs: 'docs/y.md'"));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['links', 'issue'], value: '#12' }),
    withLine(HEADER, '  issue:', '  issue: "#12"'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['depends-on', 1], value: '030' }),
    HEADER.replace('  - 020', '  - 030'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['tags', 0], value: 'backend' }),
    withLine(HEADER, 'tags:', 'tags: [backend, \'streaming\', "beta"]'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['tags', 1], value: 'live' }),
    withLine(HEADER, 'tags:', 'tags: [api, \'live\', "beta"]'));
  assert.equal(fixed(HEADER, { kind: 'replace-value', path: ['tags', 2], value: 'a,b' }),
    withLine(HEADER, 'tags:', 'tags: [api, \'streaming\', "a,b"]'));
});

test('a hint the text no longer matches gives no fix', () => {
  const none = (hint: FixHint, text = HEADER) => assert.equal(fixEdits(FILE, text, hint), null, JSON.stringify(hint));
  none({ kind: 'replace-value', path: ['status'], value: 'done' });
  none({ kind: 'replace-value', path: ['missing'], value: 'x' });
  none({ kind: 'replace-value', path: ['links'], value: 'x' });
  none({ kind: 'replace-value', path: ['tags', 5], value: 'x' });
  none({ kind: 'replace-value', path: ['depends-on', 2], value: 'x' });
  none({ kind: 'replace-value', path: ['links', 'pr'], value: 'x' });
  none({ kind: 'replace-value', path: ['status'], value: 'completed' }, '# No header\n\nstatus: done\n');
  none({ kind: 'replace-value', path: ['status'], value: 'completed' }, '---\nstatus: done\n');
  none({ kind: 'add-key', key: 'status', value: 'planned' });
  none({ kind: 'set-key', key: 'ms', value: '3' });
  none({ kind: 'set-key', key: 'links', value: '{}' });
});

test('a missing key is added before the closing fence', () => {
  const fix = fixEdits(FILE, HEADER, { kind: 'add-key', key: 'domain', value: 'backend' });
  assert.equal(fix?.title, 'Add required key "domain"');
  assert.equal(applyEdits(HEADER, fix.edits), HEADER.replace('  - 020\n---', '  - 020\ndomain: backend\n---'));
  assert.equal(fixed('---\n---\nbody\n', { kind: 'add-key', key: 'title', value: '""' }), '---\ntitle: ""\n---\nbody\n');
});

test('set-key replaces in the old quoting style, fills an empty value, or adds the key', () => {
  const id = fixEdits(FILE, HEADER, { kind: 'set-key', key: 'id', value: 'EP-20260117-014/MS003' });
  assert.equal(id?.title, 'Set id to "EP-20260117-014/MS003"');
  assert.equal(applyEdits(HEADER, id.edits), withLine(HEADER, 'id:', 'id: EP-20260117-014/MS003'));
  const updated = fixEdits(FILE, HEADER, { kind: 'set-key', key: 'updated', value: '2026-11-21' });
  assert.equal(updated?.title, 'Set updated to 2026-11-21');
  assert.equal(applyEdits(HEADER, updated.edits), withLine(HEADER, 'updated:', 'updated: "2026-11-21"'));
  const progress = fixEdits(FILE, '---\nprogress: 50 # auto\n---\n', { kind: 'set-key', key: 'progress', value: '60' });
  assert.equal(progress?.title, 'Recompute progress: 60');
  assert.equal(applyEdits('---\nprogress: 50 # auto\n---\n', progress.edits), '---\nprogress: 60 # auto\n---\n');
  assert.equal(fixed('---\nupdated:\n---\n', { kind: 'set-key', key: 'updated', value: '2026-11-21' }), '---\nupdated: 2026-11-21\n---\n');
  assert.equal(fixed('---\nupdated:  # later\n---\n', { kind: 'set-key', key: 'updated', value: '2026-11-21' }), '---\nupdated: 2026-11-21  # later\n---\n');
  assert.equal(fixed('---\ntitle: x\n---\n', { kind: 'set-key', key: 'updated', value: '2026-11-21' }), '---\ntitle: x\nupdated: 2026-11-21\n---\n');
  // A quoted hint means the string: a bare word becomes quoted rather than a number.
  assert.equal(fixed('---\ncode: abc\n---\n', { kind: 'set-key', key: 'code', value: '"007"' }), '---\ncode: "007"\n---\n');
});

test('CRLF line endings and a BOM survive every YAML edit', () => {
  const crlf = '\uFEFF' + HEADER.replace(/\n/g, '\r\n');
  assert.equal(fixed(crlf, { kind: 'replace-value', path: ['status'], value: 'completed' }),
    crlf.replace('status: done  # was planned', 'status: completed  # was planned'));
  assert.equal(fixed(crlf, { kind: 'replace-value', path: ['depends-on', 0], value: '005' }), crlf.replace('  - 010\r\n', '  - 005\r\n'));
  assert.equal(fixed(crlf, { kind: 'add-key', key: 'domain', value: 'backend' }),
    crlf.replace('  - 020\r\n---', '  - 020\r\ndomain: backend\r\n---'));
  assert.equal(fixed(crlf, { kind: 'set-key', key: 'updated', value: '2026-11-21' }), crlf.replace('"2026-01-10"', '"2026-11-21"'));
  // The offsets index the text as given: with the BOM here, so the edit lands one character later.
  const fix = fixEdits(FILE, crlf, { kind: 'replace-value', path: ['status'], value: 'completed' })!;
  assert.equal(crlf.slice(fix.edits[0]!.start, fix.edits[0]!.end), 'done');
});

test('a TOML header or a JSON-looking hint path is refused, not guessed', () => {
  assert.equal(fixEdits('a.md', '+++\nstatus = "done"\n+++\n', { kind: 'replace-value', path: ['status'], value: 'completed' }), null);
  assert.equal(fixEdits('a.md', '+++\nstatus = "done"\n+++\n', { kind: 'add-key', key: 'domain', value: 'x' }), null);
  assert.equal(fixEdits(FILE, HEADER, { kind: 'replace-value', path: ['links', 'issue', 0], value: 'x' }), null);
});
