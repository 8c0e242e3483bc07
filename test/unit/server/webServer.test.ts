// The language server as it runs on the web (vscode.dev, github.dev): dist/web/server.js in a
// worker's global scope, with no `require`, no `process` and no file system: it answers the
// protocol over postMessage, reads the files the extension sends it (mirrorProtocol.ts), and
// serves the same tree as the desktop's server. Also the mirror's paths and reads on their own.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { URI } from 'vscode-uri';
import { MirrorFiles, mirrorPathOf, mirrorPlatform, mirrorUriOf } from '../../../src/server/mirrorPlatform';
import type { MirrorParams } from '../../../src/protocol/mirrorProtocol';
import type { TreeRow } from '../../../src/protocol/viewProtocol';

const FOLDER = 'vscode-vfs://github/owner/repo';

/** Every file of examples/ as the extension sends them: bytes for all, under `FOLDER`. */
function examplesMirror(): MirrorParams {
  const root = path.resolve('examples');
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return { files: files.map((file) => ({ uri: `${FOLDER}/${file}`, bytes: new Uint8Array(readFileSync(path.join(root, file))) })), gone: [], complete: true };
}

interface Message { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown }

/** dist/web/server.js started in a bare context that has what a web worker has (and no Node). */
function startWebServer(): { send(message: Message): void; request(method: string, params?: unknown): Promise<unknown>; messages: Message[] } {
  const messages: Message[] = [];
  let deliver: ((event: { data: Message }) => void) | undefined;
  const waiting = new Map<number, (result: unknown) => void>();
  const self = {
    addEventListener: () => undefined,
    set onmessage(listener: (event: { data: Message }) => void) { deliver = listener; },
    postMessage(message: Message) {
      messages.push(message);
      if (message.id !== undefined && message.method === undefined) waiting.get(message.id)?.(message.error ?? message.result);
    },
  };
  const context = vm.createContext({
    self, console, URL, TextDecoder, TextEncoder, MessageChannel, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, performance,
  });
  assert.equal(vm.runInContext('typeof require + typeof process', context), 'undefinedundefined');
  vm.runInContext(readFileSync(path.resolve('dist/web/server.js'), 'utf8'), context, { filename: 'dist/web/server.js' });
  assert.ok(deliver, 'the server listens on self.onmessage');
  let id = 0;
  const send = (message: Message) => deliver!({ data: { jsonrpc: '2.0', ...message } as Message });
  return {
    messages,
    send,
    request: (method, params) => new Promise((resolve) => {
      waiting.set(++id, resolve);
      send({ id, method, params });
    }),
  };
}

test('the web server bundle runs without Node: it answers over postMessage, reads the files sent to it, and serves the tree', async (t) => {
  // A worker lives until it is ended; here the server's pauses wait on a MessagePort that does not
  // keep Node running (mirrorPlatform's `turnQueue`): this stands for the worker's own life.
  const alive = setInterval(() => undefined, 1000);
  t.after(() => clearInterval(alive));
  const server = startWebServer();
  const settings = { scope: 'workspace', workspaceSchemas: false, folders: [{ uri: FOLDER, schemas: [], include: ['**/*'], exclude: ['**/node_modules/**'], maxFileSize: 1_000_000 }] };
  const init = await server.request('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: FOLDER, name: 'repo' }], initializationOptions: { settings, views: true } });
  assert.equal((init as { serverInfo?: { name?: string } }).serverInfo?.name, 'milestones');
  server.send({ method: 'initialized', params: {} });
  // The listing arrives: the tree fills before it ends (the scan that checks every file waits for its end).
  server.send({ method: 'milestones/mirror', params: { ...examplesMirror(), complete: false } });
  const early = await server.request('milestones/treeChildren', { parent: null, options: { groupBy: 'convention', hideCompleted: false, filter: '' } }) as TreeRow[];
  assert.ok(early.some((r) => r.kind === 'group' && r.label === 'KB milestones'), JSON.stringify(Array.from(early, (r) => r.kind)));
  server.send({ method: 'milestones/mirror', params: { files: [], gone: [], complete: true } satisfies MirrorParams });
  await server.request('milestones/whenIndexed');
  const roots = await server.request('milestones/treeChildren', { parent: null, options: { groupBy: 'convention', hideCompleted: false, filter: '' } }) as TreeRow[];
  // Array.from: the rows are the server's context's arrays, another realm.
  assert.deepEqual(Array.from(roots, (r) => (r.kind === 'group' ? `${r.label} (${r.rollup.label})` : r.kind)), [
    'KB milestones (1/3 done · 33%)', 'Session milestones (JSON) (0/1 done · 0%)', 'Handoffs (1/3 done · 33%)',
    'ExecPlan milestones (2/4 done · 50%)', 'STATUS / ROADMAP milestones (1/3 done · 33%)',
    'Codex ExecPlans (0/1 done · 0%)', 'Kiro specs (0/1 done · 0%)', 'Spec Kit tasks (0/1 done · 0%)',
  ]);
  // An outside edit is a mirror notification: the file is read again and its problem published on its URI.
  const file = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md';
  const text = readFileSync(path.resolve('examples', file), 'utf8').replace('status: planned', 'status: planed');
  server.send({ method: 'milestones/mirror', params: { files: [{ uri: `${FOLDER}/${file}`, bytes: new TextEncoder().encode(text) }], gone: [] } satisfies MirrorParams });
  await server.request('milestones/whenIndexed');
  const published = await waitFor(() => server.messages.find((m) => m.method === 'textDocument/publishDiagnostics'
    && (m.params as { uri: string; diagnostics: { code?: string }[] }).uri === `${FOLDER}/${file}`
    && (m.params as { diagnostics: { code?: string }[] }).diagnostics.some((d) => d.code === 'schema-enum')));
  assert.ok(published);
  // A TOML header is read on the web too (gray-matter's Buffer.from has its shim): its schema problem, no syntax error.
  const toml = 'docs/milestones.kb/040-search-ranking.md';
  const tomlText = '+++\nid = "040"\ntitle = "Search ranking"\nstatus = "someday"\n+++\n\n# Milestone 040: Search ranking\n\n- [ ] Rank by title first\n';
  server.send({ method: 'milestones/mirror', params: { files: [{ uri: `${FOLDER}/${toml}`, bytes: new TextEncoder().encode(tomlText) }], gone: [] } satisfies MirrorParams });
  await server.request('milestones/whenIndexed');
  const tomlProblems = await waitFor(() => server.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === `${FOLDER}/${toml}`).at(-1));
  const messages = (tomlProblems.params as { diagnostics: { code?: string; message: string }[] }).diagnostics;
  assert.ok(!messages.some((d) => /TOML|Buffer/.test(d.message)), JSON.stringify(messages));
  assert.ok(messages.some((d) => d.code === 'schema-enum'), JSON.stringify(messages));
  // A folder gone takes its files with it.
  server.send({ method: 'milestones/mirror', params: { files: [], gone: [`${FOLDER}/.kiro`] } satisfies MirrorParams });
  await server.request('milestones/whenIndexed');
  const after = await server.request('milestones/treeChildren', { parent: null, options: { groupBy: 'convention', hideCompleted: false, filter: '' } }) as TreeRow[];
  assert.ok(!after.some((r) => r.kind === 'group' && r.label === 'Kiro specs'));
});

/** Polls `find` (each turn of the event loop) until it returns something, for 5 s. */
async function waitFor<T>(find: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('not seen within 5 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('a URI maps to a path and back to the very URI VS Code writes, for every scheme and character', () => {
  for (const uri of [
    'vscode-vfs://github/owner/repo/docs/a b.md', 'vscode-vfs://github/owner/repo/ünï/50%25.md', 'vscode-remote://127.0.0.1:8080/tmp/ws/x.md',
    'memfs:/sample-folder/STATUS.md', 'file:///c%3A/work/STATUS.md', 'vscode-vfs://github%2Bowner/repo/a%23b.md',
  ]) {
    const abs = mirrorPathOf(uri) ?? '';
    assert.ok(abs.startsWith('/'), uri);
    assert.equal(mirrorUriOf(abs), URI.parse(uri).toString(), uri);
  }
  // Two schemes, or two authorities, never share a path.
  assert.notEqual(mirrorPathOf('vscode-vfs://github/o/r/a.md'), mirrorPathOf('vscode-vfs://gitlab/o/r/a.md'));
  assert.notEqual(mirrorPathOf('memfs:/o/r/a.md'), mirrorPathOf('file:///o/r/a.md'));
});

test('the mirror reads as the disk scan does: text kinds, the size bound, folders, files gone', () => {
  const mirror = new MirrorFiles();
  const platform = mirrorPlatform(mirror);
  const root = mirrorPathOf(FOLDER)!;
  mirror.apply({
    files: [
      { uri: `${FOLDER}/STATUS.md`, bytes: new TextEncoder().encode('\uFEFF# Status\r\n- [ ] one\r\n') },
      { uri: `${FOLDER}/docs/ROADMAP.md`, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      { uri: `${FOLDER}/milestones/big.md`, size: 5_000_000 },
      { uri: `${FOLDER}/handoffs/1-x.md`, reason: 'EACCES: permission denied' },
      { uri: `${FOLDER}/src/main.ts` },
    ],
    gone: [],
  });
  const items = [...platform.scanFolder(root, { include: ['**/*'], exclude: [], maxFileSize: 1_000_000 })];
  const byFile = Object.fromEntries(items.map((i) => [i.file, i]));
  assert.deepEqual(Object.keys(byFile).sort(), ['STATUS.md', 'docs/ROADMAP.md', 'handoffs/1-x.md', 'milestones/big.md']);
  const status = byFile['STATUS.md'];
  const roadmap = byFile['docs/ROADMAP.md'];
  assert.equal(status?.kind === 'text' && status.text, '\uFEFF# Status\r\n- [ ] one\r\n', 'BOM and CRLF kept');
  assert.equal(roadmap?.kind === 'text' && roadmap.textKind.kind, 'binary');
  assert.deepEqual(byFile['milestones/big.md'], { kind: 'too-large', file: 'milestones/big.md', size: 5_000_000, limit: 1_000_000 });
  assert.deepEqual(byFile['handoffs/1-x.md'], { kind: 'unreadable', file: 'handoffs/1-x.md', reason: 'EACCES: permission denied' });
  assert.ok(platform.exists(`${root}/src/main.ts`) && platform.exists(`${root}/src`) && !platform.exists(`${root}/nope.md`));
  assert.deepEqual([...platform.scanFolder(root, { include: ['**/*'], exclude: ['**/docs/**'] })].map((i) => i.file).sort(), ['STATUS.md', 'handoffs/1-x.md', 'milestones/big.md']);
  mirror.apply({ files: [], gone: [`${FOLDER}/docs`, `${FOLDER}/src/main.ts`] });
  assert.ok(!platform.exists(`${root}/docs`) && !platform.exists(`${root}/docs/ROADMAP.md`) && !platform.exists(`${root}/src`));
  assert.equal(platform.scanOneFile(root, 'STATUS.md', 10)?.kind, 'too-large');
  // The same bytes sent again change nothing (a listing sent again after a settings change); other bytes do.
  const sent = { uri: `${FOLDER}/STATUS.md`, bytes: new TextEncoder().encode('\uFEFF# Status\r\n- [ ] one\r\n') };
  assert.deepEqual(mirror.apply({ files: [sent], gone: [] }), []);
  assert.deepEqual(mirror.apply({ files: [{ ...sent, bytes: new TextEncoder().encode('# Status\n') }], gone: [] }), [sent.uri]);
  // A file sent by name only is not read, as if absent, until its bytes come.
  assert.equal(platform.scanOneFile(root, 'src/other.md', 1000), null);
  mirror.apply({ files: [{ uri: `${FOLDER}/src/other.md` }], gone: [] });
  assert.equal(platform.scanOneFile(root, 'src/other.md', 1000), null);
  assert.ok(platform.exists(`${root}/src/other.md`));
});
