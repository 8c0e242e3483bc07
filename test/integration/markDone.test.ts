import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../src/extension/testApi';
import {
  closeAllEditors, createMilestoneFile, milestonesApi, milestonesOf, readOutside, removeOutside, stepOf, toggle, uriOf,
  waitForIndex, writeOutside,
} from './milestonesTestKit';

// Files this suite writes into the workspace copy (after each test they are removed again). They go
// into folders that exist from the start: on Linux, VS Code's watcher misses later events inside
// folders made with `mkdir -p` (parcel-bundler/watcher#97), which is not what this suite tests.
const STATUS = 'docs/STATUS.md';
const PLAN = '.agent/exec_plans/search/milestones/active/EP-20260101-001_MS001_round-trip.md';
const SESSION = 'SESSIONS/MILESTONES/itest-mark-session.json';

const statusText = [
  '# Integration status',
  '',
  '## Milestone: Checkbox round trip',
  '',
  '**Acceptance Criteria:**',
  '- [x] Reads the file',
  '- [ ] Ticks a box',
  '- [ ] Keeps the rest',
  '',
].join('\r\n');

const planText = `---
id: EP-20260101-001/MS001
execplan_id: EP-20260101-001
ms: 1
title: "Round trip"
status: in_progress
domain: backend
owner: "@tester"
created: 2026-01-01
updated: 2026-01-02
---

# Round trip

## Workstreams & Tasks

| Workstream | Task | Owner | Status |
|---|---|---|---|
| Index | Read the plan | @tester | ✅ |
| Tree | Tick the row | @tester | ⏳ |
`;

const sessionText = `{
  "milestone_id": "itest-mark-session",
  "title": "Session round trip",
  "status": "in_progress",
  "progress": 50,
  "updated_at": "2026-01-02 10:00:00 UTC",
  "steps": [
    {
      "step": 1,
      "description": "Write the session file",
      "status": "completed",
      "completed_by": "session-1",
      "completed_at": "2026-01-02 10:00:00 UTC"
    },
    {
      "step": 2,
      "description": "Tick the JSON step",
      "status": "pending",
      "notes": ""
    }
  ]
}
`;

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

suite('mark done', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
    await vscode.workspace.getConfiguration('milestones').update('identity', 'Integration Tester', vscode.ConfigurationTarget.Global);
  });

  setup(async () => {
    await createMilestoneFile(api, STATUS, statusText, 5000);
    await createMilestoneFile(api, PLAN, planText, 5000);
    await createMilestoneFile(api, SESSION, sessionText, 5000);
  });

  teardown(async () => {
    await closeAllEditors();
    await Promise.all([STATUS, PLAN, SESSION].map((file) => removeOutside(file)));
    await waitForIndex(api, 'the suite files removed', () => [STATUS, PLAN, SESSION].every((f) => milestonesOf(api, f).length === 0), 5000);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('milestones').update('identity', undefined, vscode.ConfigurationTarget.Global);
  });

  test('ticking a markdown task changes only its box and keeps CRLF line endings', async () => {
    const result = await toggle(STATUS, stepOf(api, STATUS, 'Ticks a box'), true);
    assert.deepEqual(result, { kind: 'ok', edits: 1 });
    assert.equal(await readOutside(STATUS), [
      '# Integration status',
      '',
      '## Milestone: Checkbox round trip',
      '',
      '**Acceptance Criteria:**',
      '- [x] Reads the file',
      '- [x] Ticks a box',
      '- [ ] Keeps the rest',
      '',
    ].join('\r\n'));
    await waitForIndex(api, '2/3 done', () => milestonesOf(api, STATUS)[0]?.progress.done === 2);
  });

  test('ticking an ExecPlan ⏳ row makes it ✅ and sets updated to today', async () => {
    const result = await toggle(PLAN, stepOf(api, PLAN, 'Tick the row'), true);
    assert.equal(result.kind, 'ok');
    const expected = planText
      .replace('updated: 2026-01-02', `updated: ${localDay(new Date())}`)
      .replace('| Tree | Tick the row | @tester | ⏳ |', '| Tree | Tick the row | @tester | ✅ |');
    assert.equal(await readOutside(PLAN), expected);
  });

  test('ticking a session JSON step completes it with who and when, and recomputes progress', async () => {
    const before = Date.now();
    const result = await toggle(SESSION, stepOf(api, SESSION, 'Tick the JSON step'), true);
    assert.equal(result.kind, 'ok');
    const text = await readOutside(SESSION);
    const stamp = /"completed_at": "(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC"\s*,?\s*"notes"/.exec(text)?.[1];
    assert.ok(stamp, `no new completed_at in:\n${text}`);
    const at = Date.parse(`${stamp.replace(' ', 'T')}Z`);
    assert.ok(at >= before - 2000 && at <= Date.now() + 1000, `completed_at ${stamp} is not now`);
    assert.equal(text, `{
  "milestone_id": "itest-mark-session",
  "title": "Session round trip",
  "status": "in_progress",
  "progress": 100,
  "updated_at": "${stamp} UTC",
  "steps": [
    {
      "step": 1,
      "description": "Write the session file",
      "status": "completed",
      "completed_by": "session-1",
      "completed_at": "2026-01-02 10:00:00 UTC"
    },
    {
      "step": 2,
      "description": "Tick the JSON step",
      "status": "completed",
      "completed_by": "Integration Tester",
      "completed_at": "${stamp} UTC",
      "notes": ""
    }
  ]
}
`);
  });

  test('undo in the editor restores the text from before the tick', async () => {
    await toggle(STATUS, stepOf(api, STATUS, 'Ticks a box'), true);
    const doc = await vscode.workspace.openTextDocument(uriOf(STATUS));
    assert.notEqual(doc.getText(), statusText);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), statusText);
  });

  test('a dirty editor gets the edit in its text, stays dirty and is not saved', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(STATUS));
    await vscode.window.showTextDocument(doc);
    const typing = new vscode.WorkspaceEdit();
    typing.insert(doc.uri, doc.positionAt(doc.getText().length), 'Unsaved note\r\n');
    assert.ok(await vscode.workspace.applyEdit(typing));
    assert.ok(doc.isDirty);
    await waitForIndex(api, 'the editor text read', () => true);
    const result = await toggle(STATUS, stepOf(api, STATUS, 'Ticks a box'), true);
    assert.deepEqual(result, { kind: 'ok', edits: 1 });
    assert.ok(doc.isDirty, 'the editor was saved');
    assert.equal(await readOutside(STATUS), statusText, 'the file on disk changed');
    assert.equal(doc.getText(), statusText.replace('- [ ] Ticks a box', '- [x] Ticks a box') + 'Unsaved note\r\n');
  });

  test('a step that moved to another line is still found', async () => {
    const step = stepOf(api, STATUS, 'Keeps the rest');
    const moved = statusText.replace('# Integration status\r\n', '# Integration status\r\n\r\nA new paragraph.\r\n');
    await writeOutside(STATUS, moved);
    await waitForIndex(api, 'the step on its new line', () => stepOf(api, STATUS, 'Keeps the rest').line === step.line + 2);
    const result = await toggle(STATUS, step, true);
    assert.equal(result.kind, 'ok');
    assert.equal(await readOutside(STATUS), moved.replace('- [ ] Keeps the rest', '- [x] Keeps the rest'));
  });

  test('an ambiguous step is refused and the file is left alone', async () => {
    const twice = statusText.replace('- [ ] Keeps the rest\r\n', '- [ ] Repeat me\r\n- [ ] Keeps the rest\r\n- [ ] Repeat me\r\n');
    await writeOutside(STATUS, twice);
    await waitForIndex(api, 'the repeated step', () => milestonesOf(api, STATUS)[0]?.progress.total === 5);
    const first = milestonesOf(api, STATUS)[0]!.steps.find((s) => s.text === 'Repeat me');
    assert.ok(first);
    const shifted = `Preface\r\n\r\n${twice}`;
    await writeOutside(STATUS, shifted);
    await waitForIndex(api, 'the shifted file', () => milestonesOf(api, STATUS)[0]?.steps.find((s) => s.text === 'Repeat me')?.line === first.line + 2);
    const result = await toggle(STATUS, first, true);
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.reason : '', /2 times/);
    assert.equal(await readOutside(STATUS), shifted);
  });
});
