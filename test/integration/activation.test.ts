import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../src/extension/testApi';

const extensionId = 'milestones-dev.milestones';

suite('activation', () => {
  test('the Milestones extension is installed in the extension host', () => {
    assert.ok(vscode.extensions.getExtension(extensionId), `${extensionId} is not loaded`);
  });

  test('the Milestones extension activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the open folder is the workspace copy the launcher made', () => {
    const expected = process.env.MILESTONES_TEST_WORKSPACE;
    assert.ok(expected, 'MILESTONES_TEST_WORKSPACE is not set: start the tests through a launcher');
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, expected);
  });

  test('a trusted workspace gets no Restricted Mode message above the tree', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const api = await vscode.extensions.getExtension<MilestonesApi>(extensionId)!.activate();
    assert.equal(api.treeView.message, undefined);
  });
});
