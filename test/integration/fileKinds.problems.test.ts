// No silent passes in the Problems panel: a milestone file the index cannot read as UTF-8 text (binary,
// UTF-16, too large) gets an error on line 1, invalid UTF-8 a warning on its first bad byte, and a
// session JSON key written twice a warning on the later key. The files are written by the test (no
// fixture: they would change what the other problems suites see) and removed again.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { fsPathOf, milestonesOf, removeOutside, uriOf, writeOutside } from './milestonesTestKit';
import { codeOf, describe, diagnosticsWithCode, milestonesApi, ours, tupleOf, waitForDiagnostics } from './problemsKit';

const K = 'plans/kinds.kb/';
const TWICE = 'SESSIONS/MILESTONES/twice-keys.json';
const CLEAN_KB = '---\nstatus: in-progress\ngoal: "A parser"\ndepends-on: []\ndeliverables:\n  - "Parser"\n---\n\n# Parser\n\n- [ ] write the parser\n';
const TWICE_TEXT = `{
  "milestone_id": "twice-keys",
  "title": "Twice",
  "status": "in_progress",
  "steps": [
    { "step": 1, "description": "Old", "status": "pending" }
  ],
  "steps": [
    { "step": 1, "description": "New", "status": "pending", "status": "completed", "completed_at": "2026-01-02 10:00:00 UTC" }
  ]
}
`;

async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(fsPathOf(file)), { recursive: true });
  await fs.writeFile(fsPathOf(file), bytes);
}

/** The one diagnostic of ours on `file`: it has `code`. */
async function only(file: string, code: string): Promise<vscode.Diagnostic> {
  const [d] = await diagnosticsWithCode(file, code);
  assert.equal(ours(file).length, 1, describe(file));
  return d!;
}

suite('Problems: files that are not plain UTF-8 text, and JSON keys written twice', () => {
  suiteSetup(async () => {
    await milestonesApi();
  });

  suiteTeardown(async () => {
    await removeOutside('plans/kinds.kb');
    await removeOutside(TWICE);
    const gone = [`${K}010-binary.md`, `${K}020-utf16.md`, `${K}030-latin1.md`, `${K}040-large.md`, TWICE];
    await waitForDiagnostics('the written files without diagnostics', () => gone.every((f) => ours(f).length === 0));
  });

  test('a binary milestone file is an error on line 1, and no milestone', async () => {
    const file = `${K}010-binary.md`;
    await writeBytes(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const d = await only(file, 'file-binary');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(tupleOf(d.range), [0, 0, 0, 0]);
    assert.match(d.message, /binary file/);
    assert.deepEqual(milestonesOf(await milestonesApi(), file), []);
  });

  test('a UTF-16 milestone file is an error telling to save it as UTF-8', async () => {
    const file = `${K}020-utf16.md`;
    await writeBytes(file, Buffer.from(`\ufeff${CLEAN_KB}`, 'utf16le'));
    const d = await only(file, 'file-utf16');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /UTF-16 \(little-endian\).*save it as UTF-8/);
  });

  test('invalid UTF-8 is a warning on the first bad byte; the file is still read', async () => {
    const file = `${K}030-latin1.md`;
    await writeBytes(file, Buffer.concat([Buffer.from(`${CLEAN_KB}- [ ] café`.slice(0, -1)), Buffer.from([0xe9, 0x0a])]));
    const d = await only(file, 'file-invalid-utf8');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(tupleOf(d.range).slice(0, 2), [11, 9]);
    assert.deepEqual(milestonesOf(await milestonesApi(), file)[0]?.progress, { done: 0, total: 2 });
  });

  test('a file over milestones.maxFileSize is an error naming the setting', async () => {
    const file = `${K}040-large.md`;
    await writeOutside(file, `${CLEAN_KB}\n${'Notes. '.repeat(300_000)}\n`);
    const d = await only(file, 'file-too-large');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /over the 2097152-byte limit \(milestones\.maxFileSize\).*raise that setting to check it/);
  });

  test('a session JSON key written twice is a warning on the later key; the later steps count', async () => {
    await writeOutside(TWICE, TWICE_TEXT);
    const found = (await diagnosticsWithCode(TWICE, 'json-duplicate-key')).sort((a, b) => a.range.start.compareTo(b.range.start));
    const lines = TWICE_TEXT.split('\n');
    const later = lines[8]!.lastIndexOf('"status"');
    assert.deepEqual(found.map((d) => [...tupleOf(d.range), d.severity]), [
      [7, 2, 7, 9, vscode.DiagnosticSeverity.Warning],
      [8, later, 8, later + 8, vscode.DiagnosticSeverity.Warning],
    ]);
    assert.match(found[0]!.message, /"steps" is also defined on line 5; this later one wins/);
    const steps = milestonesOf(await milestonesApi(), TWICE)[0]?.steps.map((s) => [s.text, s.state]);
    assert.deepEqual(steps, [['New', 'done']]);
    assert.deepEqual(ours(TWICE).filter((d) => codeOf(d) !== 'json-duplicate-key').map((d) => `${codeOf(d)} ${d.message}`), [], describe(TWICE));
  });

  test('deleting such a file removes its diagnostic', async () => {
    const file = `${K}010-binary.md`;
    await only(file, 'file-binary');
    await removeOutside(file);
    await waitForDiagnostics(`no diagnostics on deleted ${file}`, () => vscode.languages.getDiagnostics(uriOf(file)).length === 0);
  });
});
