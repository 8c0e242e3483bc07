// Completion and hover in an ExecPlan header (from the built-in schema), JSON completion through
// contributes.jsonValidation, and the tree marking milestones that have problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/extension/treeNodes';
import { closeAllEditors, label, milestonesApi, uriOf, waitForTree } from './milestonesTestKit';
import { diagnosticsWithCode, openInEditor } from './problemsKit';
import type { MilestonesApi } from '../../src/extension/testApi';

const A = '.agent/exec_plans/fixture/milestones/active/';
const EP = 'EP-20260101-001';
const COMPLETION = `${A}${EP}_MS015_completion.md`;

function labels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Every row of the tree, depth first. */
async function rows(api: MilestonesApi, node?: TreeNode): Promise<TreeNode[]> {
  const all: TreeNode[] = [];
  for (const child of await api.tree.getChildren(node)) all.push(child, ...(await rows(api, child)));
  return all;
}

suite('Problems: completion, hover and the tree', () => {
  let api: MilestonesApi;
  suiteSetup(async () => {
    api = await milestonesApi();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  test('completion on a blank header line offers the missing keys only', async () => {
    const doc = await openInEditor(COMPLETION);
    const blank = doc.getText().split('\n').findIndex((line, i) => i > 0 && line === '');
    assert.ok(blank > 0, 'the fixture has a blank line in its header');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(blank, 0));
    const offered = labels(list);
    for (const key of ['domain', 'tags', 'risk', 'links']) assert.ok(offered.includes(key), `offers ${key}: ${offered.join(', ')}`);
    for (const key of ['id', 'title', 'status', 'owner']) assert.ok(!offered.includes(key), `does not offer ${key}, already present`);
  });

  test('completion after `status: ` offers the enum values', async () => {
    const doc = await openInEditor(COMPLETION);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('status:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 'status: '.length));
    const offered = labels(list);
    for (const value of ['planned', 'in_progress', 'completed', 'blocked', 'archived']) assert.ok(offered.includes(value), `offers ${value}: ${offered.join(', ')}`);
  });

  test('no frontmatter completion in the body', async () => {
    const doc = await openInEditor(COMPLETION);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(doc.lineCount - 1, 0));
    assert.ok(!labels(list).includes('domain'), 'the body gets no header keys');
  });

  test('hover on a key shows its description and allowed values', async () => {
    const doc = await openInEditor(`${A}${EP}_MS001_enum-status.md`);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('status:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
    const text = hoverText(hovers);
    assert.match(text, /Where the milestone stands/);
    assert.match(text, /in_progress/);
  });

  test('session JSON gets the built-in schema through jsonValidation', () => {
    const pkg = vscode.extensions.getExtension('milestones-dev.milestones')?.packageJSON as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['**/MILESTONES/*.json'], url: './schemas/session-milestone.schema.json' }]);
  });

  test('the tree shows how many problems a milestone has', async () => {
    const file = `${A}${EP}_MS008_completed-open.md`;
    await diagnosticsWithCode(file, 'execplan-completed-open');
    const target = uriOf(file).toString();
    const row = async () => (await rows(api)).find((n) => n.kind === 'milestone' && n.uri.toString() === target);
    await waitForTree(api, 'the problems of MS008', async () => { const r = await row(); return /\d+ problems?/.test(String(r && api.tree.getTreeItem(r).description)); }, 5000);
    const found = (await row())!;
    const item = api.tree.resolveTreeItem(api.tree.getTreeItem(found), found);
    assert.match(String(item.description), /· 1 problem$/);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.match(tooltip, /execplan-completed-open/);
    assert.ok(label(item).length > 0);
  });

  test('in STATUS.md a problem is on the milestone whose lines hold it; one in Current State is on no milestone', async () => {
    await diagnosticsWithCode('STATUS.md', 'status-percentage');
    const target = uriOf('STATUS.md').toString();
    // Titles as read: `Alpha` (its ✅ is the status), `Beta (50% complete)`.
    const row = async (title: string) => (await rows(api)).find((n) => n.kind === 'milestone' && n.uri.toString() === target && n.title.startsWith(title));
    const description = async (title: string): Promise<string> => { const r = await row(title); return r ? String(api.tree.getTreeItem(r).description) : ''; };
    await waitForTree(api, 'the problems of STATUS.md', async () => /problem/.test(await description('Alpha')) && /problem/.test(await description('Beta')), 5000);
    // Alpha: its complete-but-open criteria; Beta: its heading's 50%. The 75% of Current State (line 4) is the file's.
    assert.match(await description('Alpha'), /· 1 problem$/);
    assert.match(await description('Beta'), /· 1 problem$/);
  });
});
