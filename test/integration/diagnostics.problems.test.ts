// Each check of the validation, on its own small file of fixtures/problems/: the diagnostic shows
// with its code, severity and exact range (0-based lines, UTF-16 characters, BOM not counted).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describe, diagnosticsWithCode, milestonesApi, tupleOf, type RangeTuple } from './problemsKit';

const A = '.agent/exec_plans/fixture/milestones/active/';
const EP = 'EP-20260101-001';
const S = 'SESSIONS/MILESTONES/';
const R = 'plans/roadmap.kb/';
const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly severity: vscode.DiagnosticSeverity;
  /** Every diagnostic of this code in the file, in order of position. */
  readonly ranges: readonly RangeTuple[];
  readonly message?: RegExp;
}

export const EXPECTED: readonly Expected[] = [
  // Header and syntax
  { file: `${A}${EP}_MS013_unclosed.md`, code: 'frontmatter-unclosed', severity: E, ranges: [[0, 0, 0, 3]] },
  { file: 'handoffs/1-first.md', code: 'frontmatter-not-at-start', severity: W, ranges: [[4, 0, 4, 3]], message: /does not start the file/ },
  { file: 'handoffs/5-list-header.md', code: 'frontmatter-not-mapping', severity: W, ranges: [[1, 0, 1, 5]] },
  // The unclosed `[` is found where the header ends: the closing fence.
  { file: `${A}${EP}_MS012_yaml-syntax.md`, code: 'yaml-syntax', severity: E, ranges: [[10, 6, 10, 18]] },
  { file: 'handoffs/4-toml.md', code: 'toml-syntax', severity: E, ranges: [[1, 8, 1, 15]] },
  { file: `${S}broken.json`, code: 'json-syntax', severity: E, ranges: [[6, 2, 6, 3]] },
  // Schema
  { file: `${A}${EP}_MS002_missing-key.md`, code: 'schema-required', severity: E, ranges: [[0, 0, 0, 3]], message: /domain/ },
  { file: `${S}missing-title.json`, code: 'schema-required', severity: E, ranges: [[0, 0, 0, 1]], message: /title/ },
  { file: `${A}${EP}_MS001_enum-status.md`, code: 'schema-enum', severity: E, ranges: [[5, 8, 5, 12]], message: /status "done" is not one of planned, in_progress, completed, blocked, archived/ },
  { file: `${S}enum-status.json`, code: 'schema-enum', severity: E, ranges: [[3, 12, 3, 22]], message: /did you mean "completed"/ },
  { file: `${A}${EP}_MS010_title-type.md`, code: 'schema-type', severity: E, ranges: [[4, 7, 4, 9]] },
  { file: `${A}${EP}_MS003_date-format.md`, code: 'schema-format', severity: E, ranges: [[8, 9, 8, 14]], message: /created must be a date like/ },
  { file: `${A}${EP}_MS011_owner-pattern.md`, code: 'schema-pattern', severity: E, ranges: [[7, 7, 7, 11]] },
  { file: 'plans/strict.kb/010-strict.md', code: 'schema-additional', severity: W, ranges: [[2, 0, 2, 4]], message: /unknown key "ownr" — did you mean "owner"\?/ },
  { file: 'docs/milestones.jsonschema.yaml', code: 'schema-ref', severity: E, ranges: [[8, 10, 8, 47]] },
  { file: 'broken-schema.jsonschema.yaml', code: 'schema-invalid', severity: E, ranges: [[3, 10, 3, 18]], message: /not a JSON Schema type/ },
  { file: `${R}050-own-schema.md`, code: 'schema-source', severity: E, ranges: [[6, 9, 6, 30]] },
  // ExecPlan
  { file: `${A}MS004_id-mismatch.md`, code: 'execplan-id', severity: E, ranges: [[1, 4, 1, 25]] },
  { file: `${A}${EP}_MS006_file-name.md`, code: 'execplan-filename', severity: W, ranges: [[1, 4, 1, 25]] },
  { file: `${A}${EP}_MS007_dates.md`, code: 'execplan-dates', severity: W, ranges: [[9, 9, 9, 19]] },
  { file: `${A}${EP}_MS008_completed-open.md`, code: 'execplan-completed-open', severity: W, ranges: [[5, 8, 5, 17]], message: /2/ },
  { file: `.agent/exec_plans/fixture/milestones/archive/2026/01/20/${EP}_MS009_archived.md`, code: 'execplan-archive-status', severity: W, ranges: [[5, 8, 5, 19]] },
  // Session JSON
  { file: `${S}progress-off.json`, code: 'session-progress', severity: W, ranges: [[4, 14, 4, 16]] },
  { file: `${S}step-numbers.json`, code: 'session-step-numbers', severity: W, ranges: [[12, 14, 12, 15]] },
  { file: `${S}completed-at.json`, code: 'session-completed-at', severity: W, ranges: [[9, 16, 9, 27]] },
  // KB
  { file: `${R}020-missing-dep.md`, code: 'kb-depends-missing', severity: E, ranges: [[5, 4, 5, 9]], message: /090/ },
  { file: `${R}030-cycle-a.md`, code: 'kb-depends-cycle', severity: E, ranges: [[4, 4, 4, 9]] },
  { file: `${R}040-cycle-b.md`, code: 'kb-depends-cycle', severity: E, ranges: [[4, 4, 4, 9]] },
  { file: `${R}45-short-number.md`, code: 'kb-numbering', severity: W, ranges: [[0, 0, 0, 3]], message: /breaks the folder's scheme/ },
  // Handoffs
  { file: 'handoffs/3-third.md', code: 'handoff-gap', severity: W, ranges: [[0, 0, 0, 15]] },
  { file: 'handoffs/1-platform/1-setup.md', code: 'handoff-missing-summary', severity: I, ranges: [[0, 0, 0, 16]] },
  { file: 'handoffs/1-platform/1-setup.md', code: 'handoff-missing-lessons', severity: I, ranges: [[0, 0, 0, 16]] },
  // STATUS.md
  { file: 'STATUS.md', code: 'status-complete-open', severity: W, ranges: [[5, 0, 5, 21]] },
  { file: 'STATUS.md', code: 'status-percentage', severity: W, ranges: [[3, 19, 3, 22], [11, 20, 11, 23]] },
  // Everywhere
  { file: `${S}dup-a.json`, code: 'duplicate-id', severity: E, ranges: [[1, 18, 1, 29]] },
  { file: `${S}dup-b.json`, code: 'duplicate-id', severity: E, ranges: [[1, 18, 1, 29]] },
  { file: 'handoffs/3-third.md', code: 'nonstandard-marker', severity: I, ranges: [[4, 2, 4, 5]] },
  // BOM and CRLF: positions as the editor shows them
  { file: `${A}${EP}_MS014_bom-crlf.md`, code: 'schema-required', severity: E, ranges: [[0, 0, 0, 3]] },
  { file: `${A}${EP}_MS014_bom-crlf.md`, code: 'schema-enum', severity: E, ranges: [[5, 8, 5, 12]] },
  { file: `${S}crlf.json`, code: 'session-progress', severity: W, ranges: [[4, 14, 4, 16]] },
];

suite('Problems: one diagnostic per check, on the exact range', () => {
  suiteSetup(async () => {
    await milestonesApi();
  });

  for (const expected of EXPECTED) {
    test(`${expected.code} in ${expected.file}`, async () => {
      const found = (await diagnosticsWithCode(expected.file, expected.code))
        .sort((a, b) => a.range.start.compareTo(b.range.start));
      const context = `\n${describe(expected.file)}`;
      assert.deepEqual(found.map((d) => tupleOf(d.range)), expected.ranges.map((r) => [...r]), `ranges of ${expected.code}${context}`);
      for (const d of found) {
        assert.equal(d.severity, expected.severity, `severity of ${expected.code}${context}`);
        assert.equal(d.source, 'milestones');
        if (expected.message) assert.match(d.message, expected.message, `message of ${expected.code}${context}`);
      }
    });
  }

  test('a valid milestone file has no diagnostics of ours', async () => {
    await diagnosticsWithCode(`${R}020-missing-dep.md`, 'kb-depends-missing');
    const clean = vscode.languages.getDiagnostics(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'plans/roadmap.kb/010-base.md'))
      .filter((d) => d.source === 'milestones');
    assert.deepEqual(clean.map((d) => `${codeOf(d)} ${d.message}`), []);
  });

  test('a milestone whose own schema does not compile is checked by the built-in one meanwhile', async () => {
    await diagnosticsWithCode('broken-schema.jsonschema.yaml', 'schema-invalid');
    const fallback = vscode.languages.getDiagnostics(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'broken-schema.kb/010-falls-back.md'))
      .filter((d) => d.source === 'milestones');
    assert.deepEqual(fallback.map((d) => `${codeOf(d)} ${d.message}`), []);
  });
});
