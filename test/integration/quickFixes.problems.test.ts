// Each quick fix, applied as VS Code applies it (code action provider → workspace.applyEdit):
// the document's full text afterwards is exactly the expected one, and Ctrl+Z restores the old text.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, fsPathOf, milestonesApi } from './milestonesTestKit';
import { applyQuickFix, codeOf, diagnosticsWithCode, ours, quickFixes, today, undoUntil, waitForDiagnostics } from './problemsKit';

const A = '.agent/exec_plans/fixture/milestones/active/';
const EP = 'EP-20260101-001';
const S = 'SESSIONS/MILESTONES/';

interface FixCase {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  /** Picks the fix by title when there are several. */
  readonly title?: RegExp;
  /** The expected full text after the fix, from the text before. */
  readonly expect: (before: string) => string;
}

/** `before` with `from` replaced by `to`, asserting `from` occurs exactly once. */
function once(before: string, from: string, to: string): string {
  assert.equal(before.split(from).length, 2, `expected one "${from}" in the fixture`);
  return before.replace(from, to);
}

const CASES: readonly FixCase[] = [
  { name: 'replace an enum value with the nearest (YAML)', file: `${A}${EP}_MS001_enum-status.md`, code: 'schema-enum', expect: (t) => once(t, 'status: done\n', 'status: completed\n') },
  { name: 'replace an enum value with the nearest (JSON)', file: `${S}enum-status.json`, code: 'schema-enum', expect: (t) => once(t, '"status": "complete",', '"status": "completed",') },
  { name: 'add a missing required key (YAML)', file: `${A}${EP}_MS002_missing-key.md`, code: 'schema-required', expect: (t) => once(t, 'updated: 2026-01-06\n---\n', 'updated: 2026-01-06\ndomain: backend\n---\n') },
  { name: 'add a missing required key (JSON)', file: `${S}missing-title.json`, code: 'schema-required', expect: (t) => once(t, '  ]\n}\n', '  ],\n  "title": ""\n}\n') },
  { name: 'add a missing key in a CRLF file with a BOM', file: `${A}${EP}_MS014_bom-crlf.md`, code: 'schema-required', expect: (t) => once(t, 'updated: 2026-01-06\r\n---\r\n', 'updated: 2026-01-06\r\ndomain: backend\r\n---\r\n') },
  { name: 'make the id match execplan_id and ms', file: `${A}MS004_id-mismatch.md`, code: 'execplan-id', expect: (t) => once(t, 'id: EP-20260101-002/MS004\n', 'id: EP-20260101-001/MS004\n') },
  { name: 'make the id match the file name', file: `${A}${EP}_MS006_file-name.md`, code: 'execplan-filename', title: /^Set id/, expect: (t) => once(t, 'id: EP-20260101-001/MS005\n', 'id: EP-20260101-001/MS006\n') },
  { name: 'set updated to today', file: `${A}${EP}_MS007_dates.md`, code: 'execplan-dates', expect: (t) => once(t, 'updated: 2026-03-01\n', `updated: ${today()}\n`) },
  { name: 'recompute progress', file: `${S}progress-off.json`, code: 'session-progress', expect: (t) => once(t, '"progress": 90,', '"progress": 25,') },
  { name: 'recompute progress in a CRLF file', file: `${S}crlf.json`, code: 'session-progress', expect: (t) => once(t, '"progress": 10,', '"progress": 50,') },
  { name: 'close an unclosed frontmatter', file: `${A}${EP}_MS013_unclosed.md`, code: 'frontmatter-unclosed', expect: (t) => once(t, 'updated: 2026-01-06\n\n# Fixture', 'updated: 2026-01-06\n---\n\n# Fixture') },
  { name: 'convert a non-standard task marker', file: 'handoffs/3-third.md', code: 'nonstandard-marker', expect: (t) => once(t, '- [~] Half done', '- [ ] Half done') },
];

suite('Problems: quick fixes produce the expected text, and undo restores it', () => {
  suiteSetup(async () => {
    await milestonesApi();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  for (const c of CASES) {
    test(c.name, async () => {
      const { doc, before, after, action } = await applyQuickFix(c.file, c.code, c.title);
      assert.equal(action.isPreferred, true, 'the fix is preferred');
      assert.equal(after, c.expect(before));
      await undoUntil(doc, before);
      assert.equal(doc.getText(), before);
    });
  }

  test('the fixed problem goes away', async () => {
    const file = `${A}${EP}_MS010_title-type.md`;
    await diagnosticsWithCode(file, 'schema-type');
    assert.deepEqual((await quickFixes(file, 'schema-type')).map((a) => a.title), [], 'schema-type has no quick fix');
    const enumFile = `${A}${EP}_MS001_enum-status.md`;
    const { doc } = await applyQuickFix(enumFile, 'schema-enum');
    await waitForDiagnostics('schema-enum gone after the fix', () => !ours(enumFile).some((d) => codeOf(d) === 'schema-enum'));
    assert.equal(doc.isDirty, true);
  });

  test('rename the file to match its id', async () => {
    const file = `${A}${EP}_MS006_file-name.md`;
    const renamed = `${A}${EP}_MS005_file-name.md`;
    const { action } = await applyQuickFix(file, 'execplan-filename', /rename/i);
    assert.match(action.title, /MS005_file-name\.md/);
    assert.equal(existsSync(fsPathOf(renamed)), true, `${renamed} exists`);
    assert.equal(existsSync(fsPathOf(file)), false, `${file} is gone`);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });
});
