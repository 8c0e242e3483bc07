// Hostile headers: YAML alias bombs ("billion laughs") in the frontmatter of every convention that
// has one and in a workspace schema file. Each is a problem on its first alias; the CLI answers
// quickly, inside a 300 MB heap, and the normal files beside the bombs are listed and checked as usual.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportedProblem } from '../../../src/cli/problemFormats';
import { CLI, type ListDocument } from './cliHarness';

/** A hang detector, not a speed test: a bomb used to run 40–120 s before V8 died. */
const HANG_MS = 10_000;
/** V8's heap is capped here for the run: a bomb that expanded would crash the CLI instead of passing. */
const HEAP_MB = 300;

/** `levels` anchors, each a list of `width` aliases to the one before: width^levels values once expanded. */
function bomb(levels: number, width: number): string[] {
  const lines = [`a0: &a0 [${Array(width).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  return lines;
}
const NINE_BY_TEN = bomb(9, 10);
const THREE_BY_THOUSAND = bomb(3, 1000);

const EP = '.agent/exec_plans/demo/milestones/active/';
const FILES: Record<string, string> = {
  'docs/milestones.kb/010-bomb.md': ['---', 'status: in-progress', 'goal: "Boom"', ...NINE_BY_TEN, '---', '# Bomb', '', '- [ ] still listed', '- [x] and counted', ''].join('\n'),
  'docs/milestones.kb/020-normal.md': ['---', 'status: not-started', 'goal: "Normal"', 'depends-on: []', 'deliverables: ["A"]', '---', '# Normal', '', '- [ ] one', ''].join('\n'),
  'docs/milestones.kb/030-wrong.md': ['---', 'status: finished', 'goal: "Wrong"', 'depends-on: []', 'deliverables: ["A"]', '---', '# Wrong', ''].join('\n'),
  [`${EP}EP-20260117-014_MS001_bomb.md`]: ['---', 'id: EP-20260117-014/MS001', 'ms: 1', 'title: "Bomb"', 'status: in_progress', ...THREE_BY_THOUSAND, '---', '# Bomb', '', '- [ ] a step', ''].join('\n'),
  'handoffs/1-bomb.md': ['---', ...NINE_BY_TEN, '---', '# Handoff', '', '- [ ] next', ''].join('\n'),
  'STATUS.md': ['---', ...bomb(8, 10), '---', '# Status', '', '## Milestone: Launch', '', '- [x] Ship it', ''].join('\n'),
  // A KB folder whose workspace schema is the bomb: its milestones fall back to the built-in schema.
  'plans/milestones.jsonschema.yaml': ['type: object', ...NINE_BY_TEN.map((l) => `x-${l}`), 'properties:', '  status:', '    enum: [todo, done]', ''].join('\n'),
  'plans/milestones.kb/010-plan.md': ['---', 'status: in-progress', 'goal: "Plan"', 'depends-on: []', 'deliverables: ["A"]', '---', '# Plan', '', '- [ ] plan it', ''].join('\n'),
};

const roots: string[] = [];
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });
function writeFolder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-hostile-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Runs the CLI with the heap capped and the hang detector armed; fails on a timeout or a crash. */
function run(args: string[]): { status: number | null; stdout: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, ...args], { encoding: 'utf8', timeout: HANG_MS });
  const ms = Date.now() - started;
  assert.equal(r.error, undefined, `the CLI did not finish within ${HANG_MS} ms (${String(r.error)})`);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status} ${r.signal ?? ''}: ${r.stderr.slice(0, 500)}`);
  return { status: r.status, stdout: r.stdout, ms };
}

const root = writeFolder(FILES);

test('validate --json reports each alias bomb on its first alias, and checks the normal files as usual', () => {
  const r = run(['validate', '--json', root]);
  const problems = (JSON.parse(r.stdout) as { problems: ReportedProblem[] }).problems;
  const bombs = problems.filter((p) => p.code === 'yaml-aliases');
  assert.deepEqual(bombs.map((p) => p.file).sort(), [
    `${EP}EP-20260117-014_MS001_bomb.md`, 'STATUS.md', 'docs/milestones.kb/010-bomb.md', 'handoffs/1-bomb.md', 'plans/milestones.jsonschema.yaml',
  ]);
  for (const p of bombs) {
    const lines = FILES[p.file]!.split('\n');
    const firstAlias = lines.findIndex((l) => l.includes('*a0'));
    assert.equal(p.line, firstAlias + 1, `${p.file}: on the line of the first alias`);
    assert.equal(lines[firstAlias]!.slice(p.column - 1, p.column + 2), '*a0', `${p.file}: on the alias itself`);
    assert.match(p.message, /aliases expand beyond 100,000 values/);
    assert.equal(p.severity, 'error');
  }
  assert.equal(r.status, 1, 'an error: exit 1');
  // The normal files are checked as usual (the plan's KB file by the built-in schema, its own being
  // unusable): valid, so nothing is reported on them.
  assert.deepEqual(problems.filter((p) => p.file === 'docs/milestones.kb/020-normal.md' || p.file === 'plans/milestones.kb/010-plan.md'), []);
  assert.deepEqual(problems.filter((p) => p.file === 'docs/milestones.kb/030-wrong.md').map((p) => [p.code, p.line]), [['schema-enum', 2]], 'a real problem beside the bombs is found');
});

test('list --json still lists every file with the steps it could read', () => {
  const r = run(['list', '--json', root]);
  const doc = JSON.parse(r.stdout) as ListDocument;
  const steps = new Map(doc.milestones.map((m) => [m.file, `${m.progress.done}/${m.progress.total}`]));
  assert.equal(steps.get('docs/milestones.kb/010-bomb.md'), '1/2');
  assert.equal(steps.get('docs/milestones.kb/020-normal.md'), '0/1');
  assert.equal(steps.get(`${EP}EP-20260117-014_MS001_bomb.md`), '0/1');
  assert.equal(steps.get('handoffs/1-bomb.md'), '0/1');
  assert.equal(steps.get('STATUS.md'), '1/1');
  assert.equal(steps.get('plans/milestones.kb/010-plan.md'), '0/1');
  assert.ok(doc.notes.some((n) => n.file === 'docs/milestones.kb/010-bomb.md' && n.code === 'yaml-aliases'), 'the bomb is a note of the listing');
});

test('a header of 40,000 keys (1.5 MB) is a problem on its first line, and is not read', () => {
  const keys = Array.from({ length: 40_000 }, (_, i) => `key${i}: value number ${i} with some text`);
  const huge = writeFolder({ 'docs/milestones.kb/010-huge.md': ['---', 'status: bogus', ...keys, '---', '# Huge', '', '- [ ] a step', ''].join('\n') });
  const r = run(['validate', '--json', huge]);
  const problems = (JSON.parse(r.stdout) as { problems: ReportedProblem[] }).problems;
  assert.deepEqual(problems.map((p) => [p.code, p.line]), [['frontmatter-too-large', 1]]);
  assert.match(problems[0]!.message, /^The frontmatter is \d+ KB; headers over 64 KB are not read/);
  const doc = JSON.parse(run(['list', '--json', huge]).stdout) as ListDocument;
  assert.equal(doc.milestones[0]?.progress.total, 1, 'the body is still read');
});

test('a header with a few honest anchors is still read', () => {
  const honest = writeFolder({
    'docs/milestones.kb/010-anchors.md': ['---', 'status: &s in-progress', 'goal: "Reuse"', 'tags: &t [a, b]', 'labels: *t', 'deliverables:', '  - *s', '---', '# Anchors', ''].join('\n'),
  });
  const doc = JSON.parse(run(['list', '--json', honest]).stdout) as ListDocument;
  assert.equal(doc.milestones[0]?.status, 'in-progress');
  assert.deepEqual(doc.notes.filter((n) => n.code === 'yaml-aliases'), []);
});
