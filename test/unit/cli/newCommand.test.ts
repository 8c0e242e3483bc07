// `milestones new` on copies of examples/ and on fresh folders: the created file's path and text,
// then `milestones validate` on the result; usage errors and refusals with their exit codes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportedProblem } from '../../../src/cli/problemFormats';
import { localDay } from '../../../src/core/edits/timestampStyle';
import { execPlanText, handoffText, sessionText } from '../lifecycle/create/createFixtures';
import { runCli, type Run } from './cliHarness';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const AS = ['--as', 'Ada Lovelace'];

const roots: string[] = [];
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

/** A fresh temporary folder, with a copy of examples/ in it when asked. */
function workspace(copyExamples: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-new-'));
  roots.push(root);
  if (copyExamples) cpSync(EXAMPLES, root, { recursive: true });
  return root;
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, ...file.split('/')), 'utf8');
}

/** Runs `milestones new …` in `root` and asserts it succeeded. */
function ok(root: string, args: string[], cwd?: string): Run {
  const run = runCli(['new', ...args, ...AS, ...(cwd === undefined ? ['--root', root] : [])], cwd);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return run;
}

/** `milestones validate` on `root`: exit 0 and no problem on or about the files given (a path ending in `/`: every file below it). */
function assertValid(root: string, files: readonly string[]): void {
  const run = runCli(['validate', '--json', root]);
  const problems = (JSON.parse(run.stdout) as { problems: ReportedProblem[] }).problems;
  assert.equal(run.status, 0, run.stdout);
  assert.deepEqual(problems.filter((p) => files.some((f) => (f.endsWith('/') ? p.file.startsWith(f) : p.file === f) || p.message.includes(f))), []);
}

test('new execplan adds the next milestone to the only plan, which validates clean', () => {
  const root = workspace(true);
  const today = localDay(new Date());
  const file = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS004_ranking-scoring.md';
  const run = ok(root, ['execplan', 'Ranking & scoring', '--domain', 'backend']);
  assert.equal(run.stdout, `Created EP-20261102-001/MS004 "Ranking & scoring" in .agent/exec_plans/search\n  created ${file}\n`);
  assert.equal(read(root, file), execPlanText({ planId: 'EP-20261102-001', ms: 4, title: 'Ranking & scoring', owner: '@Ada-Lovelace', day: today, domain: 'backend' }));
  assertValid(root, [file]);
});

test('three ExecPlan milestones in a fresh plan are MS001, MS002 and MS003', () => {
  const root = workspace(false);
  const today = localDay(new Date());
  const planId = `EP-${today.replace(/-/g, '')}-001`;
  const active = '.agent/exec_plans/demo/milestones/active';
  assert.equal(ok(root, ['execplan', 'Set up', '--plan-folder', 'demo']).stdout,
    `Created ${planId}/MS001 "Set up" in a new plan in .agent/exec_plans/demo\n  created ${active}/${planId}_MS001_set-up.md\n`);
  assert.equal(ok(root, ['execplan', 'Build it']).stdout, `Created ${planId}/MS002 "Build it" in .agent/exec_plans/demo\n  created ${active}/${planId}_MS002_build-it.md\n`);
  assert.equal(ok(root, ['execplan', 'Ship it', '--plan', planId]).stdout, `Created ${planId}/MS003 "Ship it" in .agent/exec_plans/demo\n  created ${active}/${planId}_MS003_ship-it.md\n`);
  assert.deepEqual(readdirSync(path.join(root, active)).sort(), [`${planId}_MS001_set-up.md`, `${planId}_MS002_build-it.md`, `${planId}_MS003_ship-it.md`]);
  assert.equal(read(root, `${active}/${planId}_MS003_ship-it.md`), execPlanText({ planId, ms: 3, title: 'Ship it', owner: '@Ada-Lovelace', day: today }));
  assertValid(root, [`${active}/`]);
});

test('with two plans, new execplan asks for --plan and lists them; --plan NEW needs --plan-folder', () => {
  const root = workspace(false);
  ok(root, ['execplan', 'A', '--plan', 'EP-20260101-001', '--plan-folder', '.agent/exec_plans/one']);
  ok(root, ['execplan', 'B', '--plan', 'EP-20260101-002', '--plan-folder', 'two']);
  const several = runCli(['new', 'execplan', 'C', '--root', root]);
  assert.equal(several.status, 2);
  assert.equal(several.stderr, 'milestones: there are 2 ExecPlans here; name one with --plan:\n  EP-20260101-001  .agent/exec_plans/one\n  EP-20260101-002  .agent/exec_plans/two\n');
  const unknown = runCli(['new', 'execplan', 'C', '--plan', 'EP-20260101-009', '--root', root]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^milestones: there is no plan EP-20260101-009 here; start it with --plan-folder NAME\|FOLDER, or pick one of:\n {2}EP-20260101-001/);
  assert.match(ok(root, ['execplan', 'C', '--plan', 'EP-20260101-002']).stdout, /^Created EP-20260101-002\/MS002 "C" in \.agent\/exec_plans\/two\n/);
});

test('new kb appends after the highest number, with the folder schema keys and the items as criteria', () => {
  const root = workspace(true);
  const file = 'docs/milestones.kb/040-search.md';
  const run = ok(root, ['kb', 'Search', 'Index built at compile time', 'Results in 50 ms']);
  assert.equal(run.stdout, `Created KB milestone 040 "Search" in docs/milestones.kb\n  created ${file}\n`);
  assert.equal(read(root, file), [
    '---', 'status: not-started', 'goal: Search', 'depends-on: []', 'deliverables: []', '---', '',
    '# Milestone 040: Search', '', '## Success Criteria', '', '- [ ] Index built at compile time', '- [ ] Results in 50 ms', '',
  ].join('\n'));
  const lexer = ok(root, ['kb', 'Lexer', '--after', '010', '--goal', 'Split pages into tokens']);
  assert.equal(lexer.stdout, 'Created KB milestone 015 "Lexer" in docs/milestones.kb after 010\n  created docs/milestones.kb/015-lexer.md\n');
  assert.match(read(root, 'docs/milestones.kb/015-lexer.md'), /^---\nstatus: not-started\ngoal: Split pages into tokens\n/);
  assertValid(root, [file, 'docs/milestones.kb/015-lexer.md']);
});

test('new kb writes what the workspace schema beside the .kb folder asks for', () => {
  const root = workspace(true);
  mkdirSync(path.join(root, 'docs/roadmap.kb'));
  writeFileSync(path.join(root, 'docs/roadmap.jsonschema.yaml'), [
    'type: object',
    'required: [title, status, estimate, reviewed]',
    'properties:',
    '  status: { type: string, enum: [doing, todo, done] }',
    '  title: { type: string }',
    '  estimate: { type: integer, minimum: 1 }',
    '  reviewed: { type: boolean }',
    '',
  ].join('\n'));
  const run = ok(root, ['kb', 'Search', '--folder', 'docs/roadmap.kb']);
  assert.equal(run.stdout, 'Created KB milestone 010 "Search" in docs/roadmap.kb\n  created docs/roadmap.kb/010-search.md\n');
  assert.equal(read(root, 'docs/roadmap.kb/010-search.md'), [
    '---', 'title: Search', 'status: todo', 'estimate: 1', 'reviewed: false', '---', '',
    '# Milestone 010: Search', '', '## Success Criteria', '', '<!-- One task item a criterion: what is true when this milestone is done. -->', '',
  ].join('\n'));
  assertValid(root, ['docs/roadmap.kb/010-search.md']);
});

test('a path option is relative to the current folder when that lies in the workspace', () => {
  const root = workspace(true);
  ok(root, ['kb', 'From root', '--folder', 'docs/milestones.kb'], root);
  ok(root, ['kb', 'From docs', '--folder', 'milestones.kb'], path.join(root, 'docs'));
  ok(root, ['kb', 'From outside', '--folder', 'docs/milestones.kb', '--root', root]);
  assert.deepEqual(readdirSync(path.join(root, 'docs/milestones.kb')).filter((f) => /^0[4-6]0/.test(f)).sort(), ['040-from-root.md', '050-from-docs.md', '060-from-outside.md']);
  assertValid(root, ['docs/milestones.kb/040-from-root.md', 'docs/milestones.kb/050-from-docs.md', 'docs/milestones.kb/060-from-outside.md']);
});

test('new session writes the seed JSON with the items as pending steps', () => {
  const root = workspace(true);
  const file = 'SESSIONS/MILESTONES/purge-the-cdn-cache.json';
  const before = Date.now();
  const run = ok(root, ['session', 'Purge the CDN cache', 'Find the API key', 'Call the purge endpoint', '--priority', 'high', '--why', 'Stale pages']);
  const afterRun = Date.now();
  assert.equal(run.stdout, `Created session milestone "Purge the CDN cache" with 2 steps in SESSIONS/MILESTONES\n  created ${file}\n`);
  const text = read(root, file);
  const at = /"created_at": "(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC"/.exec(text)?.[1] ?? '';
  const written = Date.parse(`${at.replace(' ', 'T')}Z`);
  assert.ok(written >= Math.floor(before / 1000) * 1000 && written <= afterRun, `created_at ${at} is the time of the run`);
  assert.equal(text, sessionText({
    id: 'purge-the-cdn-cache', title: 'Purge the CDN cache', priority: 'HIGH', owner: 'Ada Lovelace', at, why: 'Stale pages',
    steps: ['Find the API key', 'Call the purge endpoint'],
  }));
  assertValid(root, [file]);
  const again = runCli(['new', 'session', 'Purge the CDN cache', '--root', root]);
  assert.equal(again.status, 1);
  assert.equal(again.stderr, `milestones: refused: ${file} already exists\n`);
});

test('new status appends a milestone block to STATUS.md and changes nothing else', () => {
  const root = workspace(true);
  const before = read(root, 'STATUS.md');
  const run = ok(root, ['status', 'Search v2', 'Queries under 20 ms', 'Index under 5% of the site', '--goal', 'Faster search', '--phase', 'Phase 3',
    '--target', 'Week 8', '--deliverables', 'Stemmer; Compressed index;', '--approval']);
  assert.equal(run.stdout, 'Added the milestone "Search v2" to STATUS.md\n  edited  STATUS.md\n');
  assert.equal(read(root, 'STATUS.md'), `${before}\n${[
    '## Milestone: Search v2', '', '**Goal:** Faster search', '**Phase:** Phase 3', '**Target:** Week 8', '',
    '**Acceptance Criteria:**', '- [ ] Queries under 20 ms', '- [ ] Index under 5% of the site', '',
    '**Deliverables:**', '1. Stemmer', '2. Compressed index', '', '**Approval Required:** Yes', '',
  ].join('\n')}`);
  assertValid(root, ['STATUS.md']);
  const twice = runCli(['new', 'status', 'Search v2', '--goal', 'Again', '--root', root]);
  assert.equal(twice.status, 1);
  assert.equal(twice.stderr, 'milestones: refused: STATUS.md already has a milestone "Search v2"\n');
});

test('new handoff numbers after every note, those in milestone folders too', () => {
  const root = workspace(true);
  const run = ok(root, ['handoff', 'Ranking']);
  assert.equal(run.stdout, 'Created handoff 3 "Ranking" in handoffs\n  created handoffs/3-ranking.md\n');
  assert.equal(read(root, 'handoffs/3-ranking.md'), handoffText('Ranking handoff', localDay(new Date())));
  assertValid(root, ['handoffs/3-ranking.md']);
});

test('--dry-run prints the plan and writes nothing', () => {
  const root = workspace(true);
  const run = ok(root, ['handoff', 'Ranking', '--dry-run']);
  assert.equal(run.stdout, '(dry run) Created handoff 3 "Ranking" in handoffs\n  created handoffs/3-ranking.md\n');
  assert.equal(existsSync(path.join(root, 'handoffs/3-ranking.md')), false);
});

test('usage errors exit 2 with a message: convention, title, options and items that do not fit', () => {
  const root = workspace(true);
  mkdirSync(path.join(root, 'empty'));
  const cases: [string[], string][] = [
    [['new'], 'milestones: new needs a convention: execplan, kb, session-json, status-md or handoff\n'],
    [['new', 'roadmap', 'X'], 'milestones: unknown convention "roadmap": use execplan, kb, session-json, status-md or handoff\n'],
    [['new', 'kb'], 'milestones: new kb needs a title\n'],
    [['new', 'kb', 'X', '--plan', 'EP-20260101-001'], 'milestones: new kb does not take --plan\n'],
    [['new', 'handoff', 'X', 'extra'], 'milestones: new handoff takes a title only, not items ("extra")\n'],
    [['new', 'status', 'X'], 'milestones: new status-md needs --goal "one sentence on the outcome"\n'],
  ];
  for (const [args, stderr] of cases) {
    const run = runCli([...args, '--root', root]);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr, stderr, args.join(' '));
  }
  const none = runCli(['new', 'execplan', 'X', '--root', path.join(root, 'empty')]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^milestones: there is no ExecPlan here yet: start one with --plan-folder/);
});

test('refusals exit 1 with the reason: a KB number that does not exist, a domain outside the seed', () => {
  const root = workspace(true);
  const missing = runCli(['new', 'kb', 'X', '--after', '025', '--root', root]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'milestones: refused: there is no milestone 025 to insert after: the folder has 010, 020, 030\n');
  const domain = runCli(['new', 'execplan', 'X', '--domain', 'db', '--root', root]);
  assert.equal(domain.status, 1);
  assert.equal(domain.stderr, 'milestones: refused: domain "db" is not one of backend, frontend, console, infra, cross-cutting\n');
});
