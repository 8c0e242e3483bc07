// When diagnostics come and go: a deleted file's diagnostics disappear, a schema edited on disk
// re-validates the files it applies to, and scope `openFiles` shows only the open files' problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, milestonesApi, readOutside, removeOutside, uriOf, writeOutside } from './milestonesTestKit';
import { codeOf, describe, diagnosticsWithCode, openInEditor, ours, waitForDiagnostics } from './problemsKit';

const S = 'SESSIONS/MILESTONES/';
const STRICT = 'plans/strict.kb/010-strict.md';
const STRICT_SCHEMA = 'schemas/strict-kb.schema.yaml';

async function setScope(scope: 'workspace' | 'openFiles' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('milestones').update('validate.scope', scope, vscode.ConfigurationTarget.Workspace);
}

suite('Problems: diagnostics follow files, schemas and the scope', () => {
  suiteSetup(async () => {
    await milestonesApi();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  test('a new file is validated, and its diagnostics disappear when it is deleted', async () => {
    const file = `${S}short-lived.json`;
    const steps = [{ step: 1, description: 'One', status: 'completed', completed_at: '2026-01-05 10:00:00 UTC' }, { step: 2, description: 'Two', status: 'pending' }];
    await writeOutside(file, `${JSON.stringify({ milestone_id: 'short-lived', title: 'Short', status: 'in_progress', progress: 0, steps }, null, 2)}\n`);
    await diagnosticsWithCode(file, 'session-progress');
    await removeOutside(file);
    await waitForDiagnostics(`no diagnostics on deleted ${file}`, () => vscode.languages.getDiagnostics(uriOf(file)).length === 0);
  });

  test('a schema changed on disk re-validates the files it applies to', async () => {
    await diagnosticsWithCode(STRICT, 'schema-additional');
    const schema = await readOutside(STRICT_SCHEMA);
    try {
      await writeOutside(STRICT_SCHEMA, schema.replace('additionalProperties: false\n', ''));
      await waitForDiagnostics('schema-additional gone', () => !ours(STRICT).some((d) => codeOf(d) === 'schema-additional'));
    } finally {
      await writeOutside(STRICT_SCHEMA, schema);
    }
    await diagnosticsWithCode(STRICT, 'schema-additional');
  });

  test('scope openFiles shows only the problems of open files; workspace brings the others back', async () => {
    const open = `${S}progress-off.json`;
    const closed = `${S}step-numbers.json`;
    await diagnosticsWithCode(closed, 'session-step-numbers');
    await openInEditor(open);
    try {
      await setScope('openFiles');
      await waitForDiagnostics(`no diagnostics on closed ${closed}`, () => ours(closed).length === 0);
      assert.ok(ours(open).some((d) => codeOf(d) === 'session-progress'), `the open file keeps its problems\n${describe(open)}`);
      const shown = vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'milestones')).map(([uri]) => uri.toString());
      const openUris = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      assert.deepEqual(shown.filter((u) => !openUris.has(u)), [], 'only open files have our diagnostics');
    } finally {
      await setScope(undefined);
    }
    await diagnosticsWithCode(closed, 'session-step-numbers');
  });

  test('Milestones: Validate Workspace validates everything again', async () => {
    await vscode.commands.executeCommand('milestones.validateWorkspace');
    await diagnosticsWithCode(`${S}dup-a.json`, 'duplicate-id');
    await diagnosticsWithCode('docs/milestones.jsonschema.yaml', 'schema-ref');
  });
});
