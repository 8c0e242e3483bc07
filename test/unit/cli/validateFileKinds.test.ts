// No silent passes: a milestone file that cannot be read, is too large, binary, UTF-16 or not valid
// UTF-8 is a problem in `validate` (and a note in `list`); a session JSON file that writes a key twice
// is a warning, and `list` and `validate` count the same steps. Each case in a folder made here.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportedProblem } from '../../../src/cli/problemFormats';
import { CLI, runCli, type ListDocument } from './cliHarness';

const KB = 'docs/milestones.kb/';
/** A KB milestone with no problem: any problem below comes from how its bytes are stored. */
const CLEAN_KB = '---\nstatus: in-progress\ngoal: "A parser"\ndepends-on: []\ndeliverables:\n  - "Parser"\n---\n\n# Parser\n\n- [ ] write the parser\n- [x] sketch it\n';

const roots: string[] = [];
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

/** A folder with `files` (text written as UTF-8, bytes as they are) and the clean KB milestone. */
function folder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-kinds-'));
  roots.push(root);
  for (const [file, content] of Object.entries({ [`${KB}010-parser.md`]: CLEAN_KB, ...files })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

function validate(root: string, ...flags: string[]): { status: number | null; problems: ReportedProblem[]; stderr: string } {
  const run = runCli(['validate', '--json', ...flags, root]);
  return { status: run.status, problems: (JSON.parse(run.stdout) as { problems: ReportedProblem[] }).problems, stderr: run.stderr };
}

function list(root: string, ...flags: string[]): ListDocument {
  const run = runCli(['list', '--json', ...flags, root]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ListDocument;
}

/** The only problem of `file`, with where it is. */
function onlyProblem(problems: readonly ReportedProblem[], file: string): ReportedProblem {
  const mine = problems.filter((p) => p.file === file);
  assert.equal(mine.length, 1, JSON.stringify(problems, null, 1));
  return mine[0]!;
}

test('a binary milestone file is a file-binary error on line 1, exit 1; list shows the note and no milestone', () => {
  const root = folder({ [`${KB}020-binary.md`]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]) });
  const { status, problems } = validate(root);
  const p = onlyProblem(problems, `${KB}020-binary.md`);
  assert.deepEqual([p.line, p.column, p.severity, p.code], [1, 1, 'error', 'file-binary']);
  assert.match(p.message, /binary file/);
  assert.equal(problems.length, 1, 'the clean file has none');
  assert.equal(status, 1);
  const listed = list(root);
  assert.deepEqual(listed.milestones.map((m) => m.file), [`${KB}010-parser.md`]);
  assert.deepEqual(listed.notes.map((n) => [n.file, n.line, n.severity, n.code]), [[`${KB}020-binary.md`, 1, 'error', 'file-binary']]);
});

test('a UTF-16 LE milestone file with a BOM is a file-utf16 error, exit 1', () => {
  const root = folder({ [`${KB}020-utf16.md`]: Buffer.from(`\ufeff${CLEAN_KB}`, 'utf16le') });
  const { status, problems } = validate(root);
  const p = onlyProblem(problems, `${KB}020-utf16.md`);
  assert.deepEqual([p.line, p.severity, p.code], [1, 'error', 'file-utf16']);
  assert.match(p.message, /UTF-16 \(little-endian\).*save it as UTF-8/);
  assert.equal(status, 1);
});

test('invalid UTF-8 is read and checked, with a file-invalid-utf8 warning on the first bad byte (exit 0)', () => {
  // "café" saved as Latin-1 in a step.
  const bytes = Buffer.concat([Buffer.from(`${CLEAN_KB}- [ ] write the caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
  const root = folder({ [`${KB}020-latin1.md`]: bytes });
  const { status, problems } = validate(root);
  const p = onlyProblem(problems, `${KB}020-latin1.md`);
  assert.deepEqual([p.line, p.column, p.severity, p.code], [13, 20, 'warning', 'file-invalid-utf8']);
  assert.match(p.message, new RegExp(`not valid UTF-8 \\(first at byte ${bytes.indexOf(0xe9)}\\)`));
  assert.equal(status, 0);
  const listed = list(root).milestones.find((m) => m.file === `${KB}020-latin1.md`);
  assert.deepEqual(listed?.steps.map((s) => s.text), ['write the parser', 'sketch it', 'write the caf\ufffd']);
});

test('a file over the size limit is a file-too-large error naming the setting and the flag; --max-file-size reads it', () => {
  const big = CLEAN_KB + `\n${'Notes. '.repeat(300_000)}\n`;
  const root = folder({ [`${KB}020-big.md`]: big });
  const size = Buffer.byteLength(big);
  const { status, problems } = validate(root);
  const p = onlyProblem(problems, `${KB}020-big.md`);
  assert.deepEqual([p.line, p.severity, p.code], [1, 'error', 'file-too-large']);
  assert.equal(p.message, `not read: ${size} bytes is over the 2097152-byte limit (milestones.maxFileSize), so this file is not checked; raise the limit with --max-file-size ${size} to check it`);
  assert.equal(status, 1);
  assert.deepEqual(validate(root, '--max-file-size', String(size)), { status: 0, problems: [], stderr: '' });
  assert.equal(list(root, `--max-file-size=${size}`).milestones.length, 2);
  const small = validate(root, '--max-file-size', '100').problems.map((p) => `${p.file} ${p.code}`);
  assert.deepEqual(small, [`${KB}010-parser.md file-too-large`, `${KB}020-big.md file-too-large`]);
  for (const value of ['2MB', '-1', '1.5']) {
    const run = runCli(['validate', '--max-file-size', value, root]);
    assert.equal(run.status, 2, value);
    assert.match(run.stderr, /--max-file-size takes a number of bytes/);
  }
});

test('a dangling symbolic link or a named pipe at a milestone path is a file-unreadable error; the scan never waits on the pipe', () => {
  const root = folder({});
  symlinkSync('moved-away.md', path.join(root, `${KB}020-link.md`));
  mkdirSync(path.join(root, 'SESSIONS/MILESTONES'), { recursive: true });
  const fifo = spawnSync('mkfifo', [path.join(root, 'SESSIONS/MILESTONES/pipe.json')]).status === 0;
  const { status, problems } = validate(root);
  const link = onlyProblem(problems, `${KB}020-link.md`);
  assert.deepEqual([link.line, link.severity, link.code, link.message],
    [1, 'error', 'file-unreadable', 'could not be read (a symbolic link to a file that does not exist), so this file is not checked']);
  if (fifo) assert.equal(onlyProblem(problems, 'SESSIONS/MILESTONES/pipe.json').message, 'could not be read (not a regular file but a named pipe), so this file is not checked');
  assert.equal(status, 1);
});

test('a file its reader may not read (chmod 000) is a file-unreadable error with the reason', (t) => {
  const root = folder({ [`${KB}020-secret.md`]: CLEAN_KB });
  chmodSync(path.join(root, `${KB}020-secret.md`), 0o000);
  // Root reads any file: run the command as `nobody` then (the folders must let it in).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) for (const dir of [root, `${root}/docs`, `${root}/${KB}`]) chmodSync(dir, 0o755);
  const run = spawnSync(process.execPath, [CLI, 'validate', '--json', root], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
  if (run.error || (run.status === null)) return t.skip(`cannot run as another user here: ${run.error?.message ?? run.signal}`);
  const problems = (JSON.parse(run.stdout) as { problems: ReportedProblem[] }).problems;
  const p = onlyProblem(problems, `${KB}020-secret.md`);
  assert.deepEqual([p.line, p.severity, p.code, p.message], [1, 'error', 'file-unreadable', 'could not be read (EACCES: permission denied), so this file is not checked']);
  assert.equal(run.status, 1);
});

test('a binary or unreadable markdown file outside the milestone locations is skipped without a note', () => {
  const root = folder({ 'notes/diagram.md': Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]) });
  symlinkSync('nowhere.md', path.join(root, 'notes/old.md'));
  assert.deepEqual(validate(root), { status: 0, problems: [], stderr: '' });
  assert.deepEqual(list(root).notes, []);
});

test('human and github output show the file problems', () => {
  const root = folder({ [`${KB}020-binary.md`]: Buffer.from('abc\u0000def') });
  const human = runCli(['validate', root]);
  assert.equal(human.status, 1);
  assert.match(human.stdout, new RegExp(`^${KB}020-binary\\.md:1:1 error file-binary not read: `, 'm'));
  const github = runCli(['validate', '--format', 'github', root]);
  assert.match(github.stdout, new RegExp(`^::error file=${KB}020-binary\\.md,line=1,col=1,.*title=file-binary::not read: `, 'm'));
});

/**
 * `steps` twice (three steps, then two numbered 1 and 3) and, in the later first step, `status`
 * twice: pending, then completed without `completed_at`.
 */
const TWICE = `{
  "milestone_id": "twice",
  "title": "Twice",
  "status": "in_progress",
  "steps": [
    { "step": 1, "description": "Old one", "status": "pending" },
    { "step": 2, "description": "Old two", "status": "pending" },
    { "step": 3, "description": "Old three", "status": "pending" }
  ],
  "steps": [
    { "step": 1, "description": "New one", "status": "pending", "status": "completed" },
    { "step": 3, "description": "New two", "status": "pending" }
  ]
}
`;

test('duplicate JSON keys are json-duplicate-key warnings on the later key; list and validate count the same steps', () => {
  const file = 'SESSIONS/MILESTONES/twice.json';
  const root = folder({ [file]: TWICE });
  const { problems } = validate(root);
  const dups = problems.filter((p) => p.code === 'json-duplicate-key');
  const line11 = TWICE.split('\n')[10]!;
  const laterStatus = line11.lastIndexOf('"status"') + 1;
  assert.deepEqual(dups.map((p) => [p.line, p.column, p.severity, p.message]), [
    [10, 3, 'warning', '"steps" is also defined on line 5; this later one wins and that one is ignored'],
    [11, laterStatus, 'warning', '"status" in steps[0] is also defined on line 11; this later one wins and that one is ignored'],
  ]);
  const listed = list(root).milestones.find((m) => m.file === file)!;
  assert.deepEqual(listed.progress, { done: 1, total: 2 });
  assert.deepEqual(listed.steps.map((s) => [s.text, s.done, s.line]), [['New one', true, 11], ['New two', false, 12]]);
  // validate checks the same two steps: numbered 1 to 2, and the completed one lacks completed_at.
  const numbers = problems.filter((p) => p.code === 'session-step-numbers');
  assert.deepEqual(numbers.map((p) => [p.line, p.message]), [[12, 'step 3 is out of order: expected 2 (steps are numbered 1 to 2 in order)']]);
  assert.deepEqual(problems.filter((p) => p.code === 'session-completed-at').map((p) => [p.line, p.column]), [[11, line11.indexOf('"completed"') + 1]]);
});
