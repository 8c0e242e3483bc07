// `milestones lsp --stdio` with a plain LSP client (not VS Code), as an editor like Neovim starts
// it: diagnostics from the workspace's own schema (pushed, and pulled), completion and hover in the
// YAML header, a quick fix, a schema edited in the editor, and a clean shutdown.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ServerInitOptions, ServerSettings } from '../../../src/protocol/serverProtocol';
import { LspClient, workspaceWith, type Diagnostic } from './lspClient';

const SCHEMA = `$schema: http://json-schema.org/draft-07/schema#
type: object
required: [status, goal, owner]
properties:
  status:
    type: string
    enum: [not-started, in-progress, completed]
    description: Where the milestone stands
  goal:
    type: string
    description: One sentence on what the milestone achieves
  owner:
    type: string
    description: Who drives it
`;
const MILESTONE = `---
status: in-progres
goal: Read every page once
---

# Milestone 010: Reader

## Success Criteria

- [ ] Every page is read once
`;
const files = {
  'docs/milestones.jsonschema.yaml': SCHEMA,
  'docs/milestones.kb/010-reader.md': MILESTONE,
  'README.md': '# Not a milestone\n\nstatus: whatever\n',
};

let ws: ReturnType<typeof workspaceWith>;
before(() => { ws = workspaceWith(files); });
after(() => ws.remove());

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();

test('a push client gets the schema problems of a milestone file on the exact value and key, none for other files, and the quick fix', async () => {
  const client = await LspClient.start(ws.root, false);
  try {
    const uri = ws.uri('docs/milestones.kb/010-reader.md');
    await client.open(uri, MILESTONE);
    const diagnostics = await client.diagnosticsWhen(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['schema-enum', 'schema-required']);
    const badStatus = diagnostics.find((d) => d.code === 'schema-enum')!;
    assert.deepEqual(badStatus.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 18 } });
    assert.match(badStatus.message, /did you mean "in-progress"/);
    assert.equal(badStatus.source, 'milestones');
    assert.match(diagnostics.find((d) => d.code === 'schema-required')!.message, /owner/);

    const actions = await client.request<{ title: string; edit: { documentChanges: { edits: { newText: string }[] }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: badStatus.range, context: { diagnostics: [badStatus], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.edit.documentChanges[0]?.edits.some((e) => e.newText === 'in-progress'));
    assert.ok(fix, JSON.stringify(actions));

    // Typing the fix in: the problem goes.
    await client.change(uri, 2, MILESTONE.replace('in-progres\n', 'in-progress\nowner: ana\n'));
    await client.diagnosticsWhen(uri, (d) => d.length === 0);

    const readme = ws.uri('README.md');
    await client.open(readme, files['README.md']);
    await client.diagnosticsWhen(readme, (d) => d.length === 0);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('a pull client asks for the diagnostics; completion offers the schema\'s keys and values; hover shows the description', async () => {
  const client = await LspClient.start(ws.root, true);
  try {
    const uri = ws.uri('docs/milestones.kb/010-reader.md');
    await client.open(uri, MILESTONE);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.items), ['schema-enum', 'schema-required']);
    assert.equal(client.published.size, 0, 'a pull client is not sent diagnostics');

    // `status: |` (the value cleared): the allowed values.
    const text = MILESTONE.replace('status: in-progres', 'status: ').replace('goal: Read every page once\n', 'goal: Read every page once\n\n');
    await client.change(uri, 2, text);
    const values = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.deepEqual(values.map((c) => c.label), ['not-started', 'in-progress', 'completed']);
    // On the empty line after goal: the keys not yet present.
    const keys = await client.request<{ label: string; kind: number }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    assert.deepEqual(keys.map((c) => c.label), ['owner']);

    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /One sentence on what the milestone achieves/);
    // The body is not the header: no hover.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 3 } }), null);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('a schema edited in the editor (not saved) checks the open milestone again at once', async () => {
  const client = await LspClient.start(ws.root, false);
  try {
    const uri = ws.uri('docs/milestones.kb/010-reader.md');
    await client.open(uri, MILESTONE);
    await client.diagnosticsWhen(uri, (d) => codes(d).includes('schema-required'));
    const schemaUri = ws.uri('docs/milestones.jsonschema.yaml');
    await client.open(schemaUri, SCHEMA, 'yaml');
    await client.change(schemaUri, 2, SCHEMA.replace('required: [status, goal, owner]', 'required: [status, goal]'));
    const after = await client.diagnosticsWhen(uri, (d) => !codes(d).includes('schema-required'));
    assert.deepEqual(codes(after), ['schema-enum']);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('problems across files: a depends-on naming no milestone, gone once the file it names is created on disk', async () => {
  const reader = MILESTONE.replace('status: in-progres\n', 'status: in-progress\nowner: ana\ndepends-on: ["020"]\n');
  const other = workspaceWith({ 'docs/milestones.jsonschema.yaml': SCHEMA, 'docs/milestones.kb/010-reader.md': reader });
  const client = await LspClient.start(other.root, false);
  try {
    const uri = other.uri('docs/milestones.kb/010-reader.md');
    await client.open(uri, reader);
    const missing = (await client.diagnosticsWhen(uri, (d) => codes(d).includes('kb-depends-missing'))).find((d) => d.code === 'kb-depends-missing')!;
    assert.deepEqual(codes(client.published.get(uri)!), ['kb-depends-missing']);
    // On the item "020" of depends-on (line 3: `depends-on: ["020"]`).
    assert.equal(missing.range.start.line, 3);
    const writer = MILESTONE.replace('status: in-progres\n', 'status: not-started\nowner: bo\n').replace('010: Reader', '020: Writer');
    other.write('docs/milestones.kb/020-writer.md', writer);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: other.uri('docs/milestones.kb/020-writer.md'), type: 1 }] });
    await client.diagnosticsWhen(uri, (d) => d.length === 0);
  } finally {
    assert.equal(await client.stop(), 0);
    other.remove();
  }
});

test('with the settings VS Code sends (scope workspace), every milestone file is checked, open or not; scope openFiles hides the others', async () => {
  const big = `---\nstatus: in-progress\ngoal: Big\nowner: cy\n---\n\n# Milestone 030: Big\n\n${'- [ ] A step that makes the file large\n'.repeat(100)}`;
  const other = workspaceWith({ ...files, 'docs/milestones.kb/030-big.md': big });
  const settings = (scope: ServerSettings['scope']): ServerSettings => ({
    scope, workspaceSchemas: true,
    folders: [{ uri: other.uri('').replace(/\/$/, ''), schemas: [], include: ['**/*.md', '**/*.json'], exclude: ['**/node_modules/**'], maxFileSize: 2000 }],
  });
  const client = await LspClient.start(other.root, true, { settings: settings('workspace') } satisfies ServerInitOptions);
  try {
    // Pushed without any document open (VS Code's client asks for pull too: the server still pushes).
    const reader = other.uri('docs/milestones.kb/010-reader.md');
    assert.deepEqual(codes(await client.diagnosticsWhen(reader, (d) => d.length > 0)), ['schema-enum', 'schema-required']);
    const large = await client.diagnosticsWhen(other.uri('docs/milestones.kb/030-big.md'), (d) => d.length > 0);
    assert.deepEqual(codes(large), ['file-too-large']);
    assert.match(large[0]!.message, /is over the 2 KB limit \(milestones\.maxFileSize\), so this file is not checked; raise that setting/);
    await client.connection.sendNotification('milestones/settings', settings('openFiles'));
    await client.diagnosticsWhen(reader, (d) => d.length === 0);
    await client.open(reader, MILESTONE);
    assert.deepEqual(codes(await client.diagnosticsWhen(reader, (d) => d.length > 0)), ['schema-enum', 'schema-required']);
  } finally {
    assert.equal(await client.stop(), 0);
    other.remove();
  }
});
