// Restricted Mode (a copy of fixtures/problems/ in a folder nobody trusted yet): the tree and the
// built-in checks work; the workspace's own schemas are neither compiled nor reported on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describe, milestonesApi, ours } from './problemsKit';
import { milestonesOf } from './milestonesTestKit';

const ENUM_STATUS = '.agent/exec_plans/fixture/milestones/active/EP-20260101-001_MS001_enum-status.md';
const STRICT = 'plans/strict.kb/010-strict.md';
const OWN_SCHEMA = 'plans/roadmap.kb/050-own-schema.md';
const KB_WITH_SCHEMA = 'docs/milestones.kb/010-alpha.md';

suite('Restricted Mode', () => {
  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run must open the folder in Restricted Mode');
    const api = await milestonesApi();
    await api.index.whenIndexed();
    await vscode.commands.executeCommand('milestones.validateWorkspace');
  });

  test('the extension is active and indexes the milestones', async () => {
    const api = await milestonesApi();
    assert.equal(milestonesOf(api, STRICT)[0]?.title, 'Strict milestone');
    assert.equal(milestonesOf(api, ENUM_STATUS).length, 1);
  });

  test('the tree says why the workspace\'s own schemas are not used', async () => {
    const api = await milestonesApi();
    assert.equal(api.treeView.message, 'Restricted Mode: only the built-in schemas apply until you trust this workspace.');
  });

  test('the built-in schemas check the files', () => {
    assert.deepEqual(ours(ENUM_STATUS).map(codeOf), ['schema-enum'], describe(ENUM_STATUS));
  });

  test('milestones.schemas, NAME.jsonschema.yaml and $schema are not used: no problem comes from them', () => {
    // Trusted, STRICT has `schema-additional` (the setting's schema), OWN_SCHEMA a `schema-source`
    // ($schema names a missing file) and the schema files their own problems (diagnostics.problems.test.ts).
    const fromWorkspaceSchemas = new Set(['schema-additional', 'schema-source', 'schema-ref', 'schema-invalid']);
    for (const file of [STRICT, OWN_SCHEMA, KB_WITH_SCHEMA, 'docs/milestones.jsonschema.yaml', 'broken-schema.jsonschema.yaml']) {
      assert.deepEqual(ours(file).map(codeOf).filter((code) => fromWorkspaceSchemas.has(code)), [], describe(file));
    }
  });

});
