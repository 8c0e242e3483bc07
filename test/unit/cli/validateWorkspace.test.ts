// `milestones validate` on folders written for this test, with known problems: exact positions,
// codes, severities, exit codes, the formats, usage errors.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportedProblem } from '../../../src/cli/problemFormats';
import { runCli } from './cliHarness';

const EXECPLAN = '.agent/exec_plans/demo/milestones/active/';
const header = (ms: number, status: string, extra: string[] = [], without = ''): string => [
  '---', `id: EP-20260117-014/MS00${ms}`, 'execplan_id: EP-20260117-014', `ms: ${ms}`, `title: "Demo ${ms}"`, `status: ${status}`,
  'domain: backend', 'owner: "@me"', 'created: 2026-01-17', 'updated: 2026-01-20', ...extra, '---',
].filter((l) => !without || !l.startsWith(`${without}:`)).join('\n');

/** Each file has at most one known problem. */
const FILES: Record<string, string> = {
  [`${EXECPLAN}EP-20260117-014_MS003_demo.md`]: `${header(3, 'done')}\n\n# Demo 3\n\n## Objective\n\nShip it.\n`,
  [`${EXECPLAN}EP-20260117-014_MS004_next.md`]: `${header(4, 'planned', [], 'domain')}\n\n# Demo 4\n`,
  'SESSIONS/MILESTONES/deploy.json': JSON.stringify({
    milestone_id: 'deploy', title: 'Deploy', priority: 'HIGH', owner: 'session-3', status: 'in_progress', progress: 50,
    created_at: '2025-11-15 00:20:00 UTC', updated_at: '2025-11-15 00:25:00 UTC',
    steps: [
      { step: 1, description: 'Review', status: 'completed', completed_by: 'session-3', completed_at: '2025-11-15 00:21:00 UTC', notes: '' },
      { step: 2, description: 'Deploy', status: 'in_progress', notes: '' },
      { step: 3, description: 'Verify', status: 'pending', notes: '' },
    ],
    next_session_should: ['Deploy'], blockers: [], handoff_notes: 'None.',
  }, null, 2) + '\n',
  'docs/milestones.kb/010-core.md': '---\nstatus: in-progress\ngoal: "A core"\ndepends-on:\n  - "990"\ndeliverables:\n  - "Parser"\n---\n\n# Core\n',
  'docs/milestones.kb/020-open.md': '---\nstatus: completed\ngoal: "Never closed"\n\n# Open\n\nBody.\n',
  'STATUS.md': '# Status\n\n## Milestone: Launch\n\n**Acceptance Criteria:**\n- [x] Ship it\n- [-] Tell people\n',
};

/** Where `needle` is in `file`: 1-based line and column (`occurrence` counts lines from 1). */
function at(file: string, needle: string): { line: number; column: number; endColumn: number } {
  const lines = FILES[file]!.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${file}`);
  const column = lines[line]!.indexOf(needle) + 1;
  return { line: line + 1, column, endColumn: column + needle.length };
}

const ENUM = 'status "done" is not one of planned, in_progress, completed, blocked, archived — did you mean "completed"?';

const roots: string[] = [];
function writeFolder(files: Record<string, string>, variant: (text: string) => string = (t) => t): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-validate-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), variant(text));
  }
  return root;
}
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

function problemsOf(args: string[]): { status: number | null; problems: ReportedProblem[]; stderr: string } {
  const run = runCli(['validate', '--json', ...args]);
  return { status: run.status, problems: (JSON.parse(run.stdout) as { problems: ReportedProblem[] }).problems, stderr: run.stderr };
}

test('each known problem, on its exact range, with exit code 1', () => {
  const root = writeFolder(FILES);
  const { status, problems, stderr } = problemsOf([root]);
  assert.equal(stderr, '');
  const brief = problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.code}`);
  assert.deepEqual(brief, [
    `${EXECPLAN}EP-20260117-014_MS003_demo.md:6 error schema-enum`,
    `${EXECPLAN}EP-20260117-014_MS004_next.md:1 error schema-required`,
    'SESSIONS/MILESTONES/deploy.json:7 warning session-progress',
    'STATUS.md:7 info nonstandard-marker',
    'docs/milestones.kb/010-core.md:5 error kb-depends-missing',
    'docs/milestones.kb/020-open.md:1 error frontmatter-unclosed',
  ]);
  const find = (code: string) => problems.find((p) => p.code === code)!;
  const demo = `${EXECPLAN}EP-20260117-014_MS003_demo.md`;
  assert.deepEqual(find('schema-enum'), { file: demo, ...range(at(demo, 'done')), severity: 'error', code: 'schema-enum', message: ENUM });
  assert.deepEqual(pick(find('schema-required')), { line: 1, column: 1, endLine: 1, endColumn: 4 });
  assert.match(find('schema-required').message, /domain/);
  assert.deepEqual(pick(find('session-progress')), range(at('SESSIONS/MILESTONES/deploy.json', '50')));
  assert.match(find('session-progress').message, /33/);
  assert.deepEqual(pick(find('frontmatter-unclosed')), { line: 1, column: 1, endLine: 1, endColumn: 4 });
  assert.equal(find('kb-depends-missing').column <= at('docs/milestones.kb/010-core.md', '"990"').column, true);
  assert.equal(status, 1);
});

test('the same files with a BOM and CRLF line endings: the same problems (BOM not counted)', () => {
  const lf = problemsOf([writeFolder(FILES)]).problems;
  const crlf = problemsOf([writeFolder(FILES, (t) => '\uFEFF' + t.replace(/\n/g, '\r\n'))]).problems;
  assert.deepEqual(crlf, lf);
});

test('human and github formats of the same run', () => {
  const root = writeFolder(FILES);
  const human = runCli(['validate', root]);
  assert.equal(human.status, 1);
  const lines = human.stdout.trimEnd().split('\n');
  assert.equal(lines[0], `${EXECPLAN}EP-20260117-014_MS003_demo.md:6:9 error schema-enum ${ENUM}`);
  assert.equal(lines.at(-1), '6 problems (4 errors, 1 warning, 1 info) in 6 files checked.');
  const github = runCli(['validate', '--format=github', root]);
  assert.equal(github.status, 1);
  assert.equal(github.stdout.split('\n')[0], `::error file=${EXECPLAN}EP-20260117-014_MS003_demo.md,line=6,col=9,endLine=6,endColumn=13,title=schema-enum::${ENUM}`);
  assert.match(github.stdout, /^::notice file=STATUS\.md,line=7,/m);
});

test('several folders: files prefixed by their folder; a clean folder exits 0', () => {
  const clean = writeFolder({ [`${EXECPLAN}EP-20260117-014_MS001_clean.md`]: `${header(1, 'planned')}\n\n# Clean\n` });
  const run = runCli(['validate', clean]);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(run.stdout, 'No problems in 1 file checked.\n');
  const broken = writeFolder(FILES);
  const both = problemsOf([clean, broken]);
  assert.equal(both.status, 1);
  assert.ok(both.problems.length === 6 && both.problems.every((p) => p.file.startsWith(`${broken}/`)));
});

test('milestones.schemas in .vscode/settings.json (JSONC) is honoured', () => {
  const root = writeFolder({
    [`${EXECPLAN}EP-20260117-014_MS001_clean.md`]: `${header(1, 'planned')}\n\n# Clean\n`,
    'schemas/strict.schema.json': JSON.stringify({ type: 'object', required: ['reviewer'] }),
    '.vscode/settings.json': '{\n  // the team\'s own schema\n  "milestones.schemas": { "schemas/strict.schema.json": [".agent/**/*.md"] },\n}\n',
  });
  const { status, problems } = problemsOf([root]);
  assert.equal(status, 1);
  assert.deepEqual(problems.map((p) => [p.line, p.code]), [[1, 'schema-required']]);
  assert.match(problems[0]!.message, /reviewer/);
});

test('usage errors exit 2 with a clear message and no stack trace', () => {
  const missing = runCli(['validate', path.join(tmpdir(), 'no-such-folder-milestones')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^milestones: no such folder: /);
  assert.equal(missing.stdout, '');
  const file = writeFolder({ 'a.txt': 'x' });
  assert.equal(runCli(['validate', path.join(file, 'a.txt')]).status, 2);
  for (const args of [['validate', '--format', 'xml'], ['validate', '--format'], ['validate', '--json', '--format', 'github'], ['validate', '--yaml'], ['list', '--format', 'json']]) {
    const run = runCli(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
  const help = runCli(['validate', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /validate \[--json\] \[--format human\|json\|github\]/);
});

function pick(p: ReportedProblem): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

function range(a: { line: number; column: number; endColumn: number }): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: a.line, column: a.column, endLine: a.line, endColumn: a.endColumn };
}
