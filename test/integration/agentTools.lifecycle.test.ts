// The agents' tools as VS Code's agent mode calls them (`vscode.lm.invokeTool`), in the real
// extension host on a copy of examples/: a tick through the tool is an edit of the open editor that
// Undo takes back, next_steps answers from the index, and a refusal says why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AGENT_TOOLS } from '../../src/core/agent/agentToolSpecs';
import { actAsTestIdentity } from './lifecycleKit';
import { closeAllEditors, milestonesApi, readOutside, uriOf, waitForIndex, milestonesOf } from './milestonesTestKit';
import type { MilestonesApi } from '../../src/extension/testApi';

const KB_020 = 'docs/milestones.kb/020-renderer.md';

/** The text a tool answered (every answer is one text part). */
async function invoke(name: string, input: Record<string, unknown>): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  assert.equal(result.content.length, 1, name);
  const part = result.content[0];
  assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} answers with text`);
  return part.value;
}

suite('Agent tools in VS Code', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
    await actAsTestIdentity();
    // A dialog would ask outside a chat (no person answers it here); the chat asks in its own way.
    await vscode.workspace.getConfiguration('milestones').update('agents.confirmWrites', false, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('milestones').update('agents.confirmWrites', undefined, vscode.ConfigurationTarget.Workspace);
  });

  teardown(closeAllEditors);

  test('every tool of the core is registered with VS Code', () => {
    const ours = vscode.lm.tools.filter((t) => AGENT_TOOLS.some((a) => a.name === t.name)).map((t) => t.name).sort();
    assert.deepEqual(ours, AGENT_TOOLS.map((t) => t.name).sort());
  });

  test('next_steps names the milestones in progress with their next step', async () => {
    const text = await invoke('next_steps', {});
    assert.match(text, /^In progress:\n/);
    assert.ok(text.includes(`${KB_020}:1  [in-progress 1/3]  Milestone 020: Renderer\n  next step (line 15): Partials can include other partials\n`), text);
    assert.ok(text.includes('SESSIONS/MILESTONES/deploy-preview-site.json:1  [in_progress 2/5]  deploy-preview-site  Deploy the preview site  (session-7)\n  asked (line 52): Finish step 3 (upload)\n'), text);
  });

  test('tick_step ticks the step in the open editor and saves it; Undo in the editor takes it back', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(KB_020));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const ticked = before.replace('- [ ] Output', '- [x] Output');
    assert.notEqual(ticked, before);

    const answer = await invoke('tick_step', { file: KB_020, step: 'byte-identical' });
    assert.equal(answer, `Marked "Output is byte-identical between two builds" done in "Milestone 020: Renderer"\nedited ${KB_020}:16`);
    assert.equal(doc.getText(), ticked);
    assert.equal(doc.isDirty, false, 'saved, as the editor had no unsaved changes');
    assert.equal(await readOutside(KB_020), ticked);
    await waitForIndex(api, 'the tick indexed', () => milestonesOf(api, KB_020)[0]?.progress.done === 2, 5000);

    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
    assert.ok(await doc.save());
    assert.equal(await readOutside(KB_020), before);
  });

  test('a tick the tool cannot make is refused with the reason, and the file is left alone', async () => {
    const before = await readOutside(KB_020);
    const answer = await invoke('tick_step', { file: KB_020, step: 'ti' });
    assert.equal(answer, 'Refused: "ti" matches 2 steps of "Milestone 020: Renderer"; give more of the text or the step\'s number\n  - 2. Partials can include other partials\n  - 3. Output is byte-identical between two builds');
    assert.equal(await invoke('tick_step', { file: KB_020 }), 'tick_step needs "step"');
    assert.equal(await readOutside(KB_020), before);
  });
});
