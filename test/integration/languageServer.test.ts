// The language server that checks every milestone file: a process of its own, with the same files
// in its index as the extension's, started again by the client when it dies, and checking as before.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { allMilestones, fsPathOf, milestonesApi, uriOf } from './milestonesTestKit';

const RENDERER = 'docs/milestones.kb/020-renderer.md';

/** Resolves when `holds()` is true: checked now and after every diagnostics change. */
function diagnosticsWhen(holds: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no ${what} within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!holds()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

const ours = (file: string) => vscode.languages.getDiagnostics(uriOf(file)).filter((d) => d.source === 'milestones');

suite('The language server', () => {
  test('runs in a process of its own, and its index is the one the extension shows', async () => {
    const api = await milestonesApi();
    await api.languageServer.whenRunning();
    const status = await api.languageServer.status();
    assert.notEqual(status.pid, process.pid, 'the checks run outside the extension host');
    assert.equal(status.milestoneFiles, api.index.milestoneFiles);
    const files = new Set(allMilestones(api).map((m) => `${m.folder.uri.toString()}/${m.milestone.file}`));
    assert.ok(files.size > 10 && files.size <= status.milestoneFiles, `${files.size} files with milestones, ${status.milestoneFiles} indexed`);
    assert.ok(status.heapUsedBytes > 0 && status.rssBytes >= status.heapUsedBytes);
  });

  test('killed, it is started again and checks a file changed on disk', async () => {
    const api = await milestonesApi();
    await api.languageServer.whenRunning();
    const before = await api.languageServer.status();
    const stopped = new Promise<void>((resolve) => {
      const sub = api.languageServer.onDidChangeState((state) => { if (state !== 'running') { sub.dispose(); resolve(); } });
    });
    process.kill(before.pid, 'SIGKILL');
    await stopped;
    await api.languageServer.whenRunning();
    const after = await api.languageServer.status();
    assert.notEqual(after.pid, before.pid);
    assert.equal(after.milestoneFiles, before.milestoneFiles);

    const original = await fs.readFile(fsPathOf(RENDERER), 'utf8');
    try {
      await fs.writeFile(fsPathOf(RENDERER), original.replace('status: in-progress', 'status: finished'));
      await diagnosticsWhen(() => ours(RENDERER).some((d) => d.code === 'schema-enum' && d.range.start.line === 1), 'schema-enum on the status of 020-renderer.md');
    } finally {
      await fs.writeFile(fsPathOf(RENDERER), original);
    }
    await diagnosticsWhen(() => ours(RENDERER).length === 0, 'diagnostics gone once the file is put back');
  });
});
