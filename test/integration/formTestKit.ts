// Shared by the form suites: the form's test hook on the extension API, waiting on what the host
// posts to a panel (never on a clock), and the state the host should compute, from the core.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readMilestoneFile } from '../../src/core/conventions/readMilestoneFile';
import { documentProblems } from '../../src/core/engine/documentFeatures';
import { formStateOf } from '../../src/core/form/formState';
import { readFrontmatter } from '../../src/core/frontmatter/readFrontmatter';
import { SchemaRegistry } from '../../src/core/schema/schemaRegistry';
import type { FormState, HostMessage } from '../../src/protocol/formProtocol';
import { editorFirstHost } from '../../src/extension/schemaService';
import type { MilestonesApi } from '../../src/extension/testApi';
import { readSchemaSettings } from '../../src/extension/validationConfig';
import { desktopPlatform } from '../../src/extension/desktop/desktopPlatform';
import { setExtensionPlatform } from '../../src/extension/platform';
import { uriOf, workspaceFolder } from './milestonesTestKit';

// This bundle holds its own copy of the extension's modules (`editorFirstHost` reads the disk
// through the platform): the desktop's, as in the extension host these tests run in.
setExtensionPlatform(desktopPlatform);

export type FormTestApi = MilestonesApi;

/** Resolves with the first message posted to a panel of `uri` that satisfies `holds` (from now on). */
export function nextPost(api: FormTestApi, uri: vscode.Uri, what: string, holds: (m: HostMessage) => boolean, timeoutMs = 5000): Promise<HostMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no ${what} was posted within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = api.form.onDidPost(({ uri: to, message }) => {
      if (to.toString() !== uri.toString() || !holds(message)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(message);
    });
  });
}

/** Opens `file` in the Milestone Form, says `ready` as the webview does, and returns the document and the first state. */
export async function openForm(api: FormTestApi, file: string): Promise<{ doc: vscode.TextDocument; state: Extract<HostMessage, { type: 'state' }> }> {
  const uri = uriOf(file);
  await vscode.commands.executeCommand('vscode.openWith', uri, 'milestones.form');
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  assert.ok(input instanceof vscode.TabInputCustom && input.viewType === 'milestones.form', `${file} is not open in the form`);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(doc, `no document for ${file}`);
  const posted = nextPost(api, uri, 'state', (m) => m.type === 'state');
  assert.ok(await api.form.send(uri, { type: 'ready' }), `no form panel for ${file}`);
  const state = await posted;
  assert.ok(state.type === 'state');
  return { doc, state };
}

/** What `formStateOf` gives for the document now, with its schema and its own problems (computed here from the core, as the server does). */
export function expectedState(_api: FormTestApi, file: string, doc: vscode.TextDocument): FormState {
  const folder = workspaceFolder();
  const text = doc.getText();
  const reading = readMilestoneFile(file, text);
  const data = /\.json$/.test(file) ? JSON.parse(text) as Record<string, unknown> : readFrontmatter(text).data;
  const schema = new SchemaRegistry(editorFirstHost, readSchemaSettings(folder)).resolve(folder.uri.fsPath, file, reading?.convention ?? null, data).use?.schema ?? null;
  const registry = new SchemaRegistry(editorFirstHost, readSchemaSettings(folder));
  const problems = documentProblems({ folderRoot: folder.uri.fsPath, file }, text, { schemas: registry, folderRoot: folder.uri.fsPath, today: localDay() }) ?? [];
  return formStateOf(file, text, reading, schema, problems);
}

export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `text` with `from` replaced by `to`, asserting `from` occurs exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
