// `milestones archive` on a copy of examples/: the file moved with its exact new text, the links to
// it rewritten on disk, the workspace still valid; --dry-run, refusals and usage errors.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cliHarness';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const PLAN = '.agent/exec_plans/search/milestones';
const MS2 = `${PLAN}/active/EP-20261102-001_MS002_index-builder.md`;

// The command archives under the local day; computed the same way here (a run across midnight is not worth guarding).
const now = new Date();
const [y, m, d] = [String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, '0'), String(now.getDate()).padStart(2, '0')];
const today = `${y}-${m}-${d}`;
const ARCHIVED = `${PLAN}/archive/${y}/${m}/${d}/EP-20261102-001_MS002_index-builder.md`;

const roots: string[] = [];
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

/** A fresh copy of examples/ whose STATUS.md links to MS002. */
function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-archive-'));
  roots.push(root);
  cpSync(EXAMPLES, root, { recursive: true });
  appendFileSync(path.join(root, 'STATUS.md'), `\nSee [the index builder](${MS2}#definition-of-done).\n`);
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/** `text` with `from` replaced by `to`, failing when `from` is not there (so the expectation cannot silently equal the input). */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

/** Every file under `root` with its text. */
function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) { const full = path.join(e.parentPath, e.name); out.set(path.relative(root, full), readFileSync(full, 'utf8')); }
  }
  return out;
}

test('archive moves the milestone into today\'s archive folder with its new text and rewrites the link to it', () => {
  const root = workspace();
  const before = read(root, MS2);
  const status = read(root, 'STATUS.md');
  const run = runCli(['archive', MS2], root);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, [
    `Archived EP-20261102-001/MS002 "Index builder" to ${ARCHIVED}; 1 link updated`,
    `  edited  ${MS2}`,
    '  edited  STATUS.md',
    `  moved   ${MS2} -> ${ARCHIVED}`,
    '',
  ].join('\n'));
  let expected = replaced(before, 'status: in_progress\n', 'status: archived\n');
  expected = replaced(expected, "updated: '2026-11-19'\n", `updated: '${today}'\n`);
  expected = replaced(expected, '- 2026-11-19 — Index written on every build.\n', `- 2026-11-19 — Index written on every build.\n- ${today} — Archived to milestones/archive/${y}/${m}/${d}/.\n`);
  assert.equal(read(root, ARCHIVED), expected);
  assert.equal(existsSync(path.join(root, MS2)), false);
  assert.equal(read(root, 'STATUS.md'), replaced(status, `(${MS2}#`, `(${ARCHIVED}#`));
  const validate = runCli(['validate', root]);
  assert.equal(validate.stdout, 'No problems in 16 files checked.\n');
  assert.equal(validate.status, 0);
});

test('archive --dry-run prints the plan and writes nothing; --root with a path relative to the current folder', () => {
  const root = workspace();
  const files = tree(root);
  const run = runCli(['archive', '--dry-run', '--root', '..', `../${MS2}`], path.join(root, 'handoffs'));
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.startsWith(`(dry run) Archived EP-20261102-001/MS002 "Index builder" to ${ARCHIVED}; 1 link updated\n`), run.stdout);
  assert.deepEqual(tree(root), files);
});

test('archive refuses a file that is not an active ExecPlan milestone and an occupied target, changing nothing', () => {
  const root = workspace();
  const archived = `${PLAN}/archive/2026/11/12/EP-20261102-001_MS001_tokenizer.md`;
  let run = runCli(['archive', archived], root);
  assert.equal(run.status, 1);
  assert.equal(run.stderr, `milestones: refused: ${archived} is not an ExecPlan milestone in a milestones/active/ folder\n`);
  mkdirSync(path.dirname(path.join(root, ARCHIVED)), { recursive: true });
  writeFileSync(path.join(root, ARCHIVED), 'an older copy\n');
  const files = tree(root);
  run = runCli(['archive', MS2], root);
  assert.equal(run.status, 1);
  assert.equal(run.stderr, `milestones: refused: ${ARCHIVED} already exists\n`);
  assert.deepEqual(tree(root), files);
});

test('archive without exactly one file inside the workspace folder is a usage error', () => {
  const root = workspace();
  assert.deepEqual([runCli(['archive'], root).status, runCli(['archive'], root).stderr], [2, 'milestones: archive takes one milestone file\n']);
  assert.equal(runCli(['archive', MS2, 'STATUS.md'], root).status, 2);
  const outside = runCli(['archive', '--root', 'handoffs', 'STATUS.md'], root);
  assert.equal(outside.status, 2);
  assert.equal(outside.stderr, `milestones: STATUS.md is not inside the workspace folder ${path.join(root, 'handoffs')}\n`);
  assert.equal(runCli(['archive', '--json', MS2], root).status, 2);
});
