// `milestones mcp` as an agent meets it: the built command line started as a subprocess and driven
// by the MCP SDK's own client over stdio, on a copy of examples/. Every tool is called; after each
// write the file's full text is compared with what it must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI } from '../cli/cliHarness';
import { cli, exampleCopy, KB_010, KB_020, original, PLAN_MS002, read, swap, today } from '../lifecycle/status/exampleWorkspace';

interface ToolAnswer {
  readonly text: string;
  readonly structured: Record<string, unknown>;
  readonly isError: boolean;
}

/** An MCP client connected to `milestones mcp` started in `root` (acting as Ann Lee). */
async function connect(root: string): Promise<{ call(name: string, args?: Record<string, unknown>): Promise<ToolAnswer>; client: Client; close(): Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath, args: [CLI, 'mcp'], cwd: root, stderr: 'pipe',
    env: { ...process.env as Record<string, string>, MILESTONES_IDENTITY: 'Ann Lee' },
  });
  const client = new Client({ name: 'milestones-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text: string }[];
      assert.equal(content.length, 1);
      assert.equal(content[0]!.type, 'text');
      return { text: content[0]!.text, structured: result.structuredContent as Record<string, unknown>, isError: result.isError === true };
    },
    close: () => client.close(),
  };
}

/** The 1-based line of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

test('tools/list shows exactly the agents\' tools, the read-only ones annotated so', async () => {
  const mcp = await connect(exampleCopy());
  try {
    const { tools } = await mcp.client.listTools();
    assert.deepEqual(tools.map((t) => t.name), [
      'list_milestones', 'get_milestone', 'next_steps', 'validate',
      'tick_step', 'set_status', 'claim_milestone', 'complete_milestone', 'new_milestone',
    ]);
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint === true).map((t) => t.name);
    assert.deepEqual(readOnly, ['list_milestones', 'get_milestone', 'next_steps', 'validate']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.ok((tool.description ?? '').length > 40, `${tool.name} tells the model what it does`);
    }
  } finally {
    await mcp.close();
  }
});

test('the read-only tools answer from the files and change none', async () => {
  const root = exampleCopy();
  const mcp = await connect(root);
  try {
    const list = await mcp.call('list_milestones', { convention: 'kb' });
    assert.equal(list.text, [
      'docs/milestones.kb/010-parser.md:1  [completed 2/2]  Milestone 010: Parser',
      'docs/milestones.kb/020-renderer.md:1  [in-progress 1/3]  Milestone 020: Renderer',
      'docs/milestones.kb/030-plugins.md:1  [not-started 0/2]  Milestone 030: Plugins',
    ].join('\n'));
    assert.equal((list.structured['milestones'] as unknown[]).length, 3);
    assert.equal((await mcp.call('list_milestones', { status: 'active', limit: 1 })).text.split('\n')[1], '… 4 more; narrow with convention, status, owner or text, or raise limit');

    const got = await mcp.call('get_milestone', { file: KB_020 });
    assert.equal(got.isError, false);
    assert.equal(got.text, [
      'docs/milestones.kb/020-renderer.md:1  [in-progress 1/3]  Milestone 020: Renderer',
      'fields: goal: Render the page tree to HTML through templates; depends-on: ["010"]; deliverables: ["Template engine with partials","HTML writer"]',
      'steps (number for tick_step, state, text, line):',
      '   -.  •  Template engine with partials  (line 6)',
      '   -.  •  HTML writer  (line 7)',
      '   1. [x] A page renders through its layout template  (line 14)',
      '   2. [ ] Partials can include other partials  (line 15)',
      '   3. [ ] Output is byte-identical between two builds  (line 16)',
      'problems: none',
    ].join('\n'));

    const next = await mcp.call('next_steps');
    assert.match(next.text, /^In progress:\ndocs\/milestones\.kb\/020-renderer\.md:1 {2}\[in-progress 1\/3\] {2}Milestone 020: Renderer\n {2}next step \(line 15\): Partials can include other partials\n/);
    assert.match(next.text, /\n {2}asked \(line 52\): Finish step 3 \(upload\)\n/);

    assert.match((await mcp.call('validate')).text, /^No problems in \d+ files checked\.$/);
    assert.equal((await mcp.call('validate', { file: KB_020 })).text, 'No problems in 1 file checked.');

    const missing = await mcp.call('get_milestone', { file: 'docs/nothing.md' });
    assert.equal(missing.isError, true);
    const bad = await mcp.call('tick_step', { file: KB_020 });
    assert.deepEqual([bad.isError, bad.text], [true, 'tick_step needs "step"']);
    const unknown = await mcp.call('list_milestones', { colour: 'red' });
    assert.deepEqual([unknown.isError, unknown.text], [true, 'list_milestones does not take "colour"; it takes convention, status, owner, text, limit']);
    for (const file of [KB_010, KB_020, PLAN_MS002]) assert.equal(read(root, file), original(file), `${file} unchanged`);
  } finally {
    await mcp.close();
  }
});

test('each write is the engine\'s minimal edit and names the file and line it changed', async () => {
  const root = exampleCopy();
  const mcp = await connect(root);
  try {
    let expected = original(KB_020);
    const tick = await mcp.call('tick_step', { file: KB_020, step: 3 });
    expected = swap(expected, '- [ ] Output', '- [x] Output');
    assert.equal(read(root, KB_020), expected);
    assert.equal(tick.text, `Marked "Output is byte-identical between two builds" done in "Milestone 020: Renderer"\nedited ${KB_020}:16`);
    assert.deepEqual(tick.structured['changed'], [{ kind: 'edited', file: KB_020, line: 16 }]);

    const ambiguous = await mcp.call('tick_step', { file: KB_020, step: 'TI' });
    assert.equal(ambiguous.isError, true);
    assert.equal(ambiguous.text, 'Refused: "TI" matches 2 steps of "Milestone 020: Renderer"; give more of the text or the step\'s number\n  - 2. Partials can include other partials\n  - 3. Output is byte-identical between two builds');
    assert.equal(read(root, KB_020), expected);

    await mcp.call('tick_step', { file: KB_020, step: 'partials can include', done: true });
    expected = swap(expected, '- [ ] Partials', '- [x] Partials');
    assert.equal(read(root, KB_020), expected);
    const untick = await mcp.call('tick_step', { file: KB_020, step: 1, done: false });
    expected = swap(expected, '- [x] A page', '- [ ] A page');
    assert.equal(read(root, KB_020), expected);
    assert.equal(untick.text, `Marked "A page renders through its layout template" not done in "Milestone 020: Renderer"\nedited ${KB_020}:14`);

    const status = await mcp.call('set_status', { file: KB_020, status: 'not-started' });
    expected = swap(expected, 'status: in-progress', 'status: not-started');
    assert.equal(read(root, KB_020), expected);
    assert.equal(status.text.split('\n')[1], `edited ${KB_020}:2`);

    const claim = await mcp.call('claim_milestone', { file: KB_020, as: 'Bo' });
    expected = swap(expected, '  - "HTML writer"\n', '  - "HTML writer"\nowner: Bo\n');
    assert.equal(read(root, KB_020), expected);
    assert.equal(claim.text, `Claimed "Milestone 020: Renderer" for Bo\nedited ${KB_020}:8`);

    const open = await mcp.call('complete_milestone', { file: KB_020 });
    assert.deepEqual([open.isError, open.text], [true, 'Refused: 1 of 3 acceptance criteria of "Milestone 020: Renderer" is still open\n  - A page renders through its layout template']);
    assert.equal(open.structured['code'], 'open-steps');
    assert.equal(read(root, KB_020), expected);
    await mcp.call('tick_step', { file: KB_020, step: 1 });
    await mcp.call('complete_milestone', { file: KB_020 });
    expected = swap(swap(expected, '- [ ] A page', '- [x] A page'), 'status: not-started', 'status: completed');
    assert.equal(read(root, KB_020), expected);

    const forced = await mcp.call('complete_milestone', { file: PLAN_MS002, force: true });
    const plan = swap(swap(original(PLAN_MS002), 'status: in_progress', 'status: completed'), "updated: '2026-11-19'", `updated: '${today()}'`) + `- ${today()} — Completed.\n`;
    assert.equal(read(root, PLAN_MS002), plan);
    assert.equal(forced.text, `Completed "Index builder" (status completed)\nedited ${PLAN_MS002}:${lineOf(original(PLAN_MS002), 'status: in_progress')}`);

    // The same new milestone as the command line's `new`, byte for byte, named in the answer.
    const made = await mcp.call('new_milestone', { convention: 'kb', title: 'Search', goal: 'Find pages fast', items: ['Queries answer in 50 ms'] });
    const file = 'docs/milestones.kb/040-search.md';
    assert.equal(made.text, `Created KB milestone 040 "Search" in docs/milestones.kb\ncreated ${file}`);
    const twin = exampleCopy();
    assert.equal(cli(twin, ['new', 'kb', 'Search', 'Queries answer in 50 ms', '--goal', 'Find pages fast', '--as', 'Ann Lee']).status, 0);
    assert.equal(read(root, file), read(twin, file));
    // What --force left behind is the only problem.
    assert.match((await mcp.call('validate')).text, new RegExp(`^${PLAN_MS002.replace(/\./g, '\\.')}:6:9 warning execplan-completed-open [^\n]*\n0 errors, 1 warning, 0 infos in \\d+ files checked\\.$`));
  } finally {
    await mcp.close();
  }
});

test('two new_milestone calls at the same moment from two processes take two numbers', async () => {
  const root = exampleCopy();
  const [a, b] = await Promise.all([connect(root), connect(root)]);
  try {
    const answers = await Promise.all([
      a.call('new_milestone', { convention: 'kb', title: 'Alpha', goal: 'A' }),
      b.call('new_milestone', { convention: 'kb', title: 'Beta', goal: 'B' }),
      a.call('new_milestone', { convention: 'session-json', title: 'Gamma', items: ['one'] }),
      b.call('new_milestone', { convention: 'session-json', title: 'Delta', items: ['two'] }),
    ]);
    for (const answer of answers) assert.equal(answer.isError, false, answer.text);
    const kb = readdirSync(path.join(root, 'docs/milestones.kb')).filter((f) => /^\d{3}-/.test(f)).sort();
    assert.deepEqual(kb.map((f) => f.slice(0, 3)), ['010', '020', '030', '040', '050']);
    assert.deepEqual(kb.slice(3).map((f) => f.slice(4)).sort(), ['alpha.md', 'beta.md']);
    const sessions = readdirSync(path.join(root, 'SESSIONS/MILESTONES')).filter((f) => f.endsWith('.json'));
    assert.equal(sessions.length, 3);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
