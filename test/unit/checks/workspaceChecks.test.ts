import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { workspaceProblems } from '../../../src/core/validate/workspaceProblems';
import { summary, variants, workspace } from './checkKit';

const kb = (deps: string, body = '# M\n'): string => `---\nstatus: not-started\ngoal: Something\n${deps}\ndeliverables:\n  - "A thing"\n---\n\n${body}`;

test('a KB folder whose depends-on all resolve, without cycles, has no problem', () => {
  const problems = workspace({ root: {
    'docs/milestones.kb/010-core.md': kb('depends-on: []'),
    'docs/milestones.kb/015-inserted.md': kb('depends-on: ["010"]'),
    'docs/milestones.kb/020-agents.md': kb('depends-on:\n  - "010"\n  - 015'),
    'docs/milestones.kb/CLAUDE.md': '# Guide\n',
  } });
  assert.deepEqual(problems, []);
});

test('kb-depends-missing sits on the list item, in flow and block lists, per folder', () => {
  for (const v of variants('x')) {
    const convert = (t: string): string => (v.name === 'LF' ? t : v.name === 'CRLF' ? t.replace(/\n/g, '\r\n') : `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    const problems = workspace({ root: {
      'docs/dev/milestones.kb/040-polish.md': convert(kb('depends-on: ["030"]')),
      'docs/milestones.kb/010-core.md': convert(kb('depends-on:\n  - "010"\n  - \'030\' # later')),
      'docs/milestones.kb/030-hardening.md': convert(kb('depends-on: []')),
      'other.kb/010-a.md': convert(kb('depends-on: [020]')),
    } });
    assert.deepEqual(summary(problems.filter((p) => p.problem.code === 'kb-depends-missing')), [
      'docs/dev/milestones.kb/040-polish.md kb-depends-missing 3:13-3:18',
      'other.kb/010-a.md kb-depends-missing 3:13-3:16',
    ], v.name);
    const missing = problems.find((p) => p.problem.file === 'docs/dev/milestones.kb/040-polish.md')!;
    assert.equal(missing.problem.message, 'depends-on "030" names no milestone of docs/dev/milestones.kb: it has 040');
    assert.equal(missing.problem.severity, 'error');
    // 010 depending on itself is a cycle of one edge.
    assert.deepEqual(summary(problems.filter((p) => p.problem.code === 'kb-depends-cycle')), ['docs/milestones.kb/010-core.md kb-depends-cycle 4:4-4:9'], v.name);
  }
});

test('kb-depends-cycle fires on each edge of the cycle and spells the cycle out', () => {
  const problems = workspace({ root: {
    'a.kb/010-a.md': kb('depends-on: ["030"]'),
    'a.kb/020-b.md': kb('depends-on: ["010"]'),
    'a.kb/030-c.md': kb('depends-on:\n  - "020"\n  - "010"'),
    'a.kb/040-d.md': kb('depends-on: ["030"]'),
  } });
  assert.deepEqual(summary(problems), [
    'a.kb/010-a.md kb-depends-cycle 3:13-3:18',
    'a.kb/020-b.md kb-depends-cycle 3:13-3:18',
    'a.kb/030-c.md kb-depends-cycle 4:4-4:9',
    'a.kb/030-c.md kb-depends-cycle 5:4-5:9', // 030 → 010 → 030 is a cycle too
  ]);
  assert.equal(problems.find((p) => p.problem.file === 'a.kb/010-a.md')!.problem.message, 'depends-on "030" is part of a dependency cycle: 010 → 030 → 010');
});

test('kb-numbering flags a number of another width and numbers two files share, on line 0', () => {
  const problems = workspace({ root: {
    'a.kb/010-a.md': kb('depends-on: []'),
    'a.kb/020-b.md': kb('depends-on: []'),
    'a.kb/020-c.md': kb('depends-on: []'),
    'a.kb/45-d.md': kb('depends-on: []'),
  } });
  assert.deepEqual(summary(problems), [
    'a.kb/020-b.md kb-numbering 0:0-0:3',
    'a.kb/020-c.md kb-numbering 0:0-0:3',
    'a.kb/45-d.md kb-numbering 0:0-0:3',
  ]);
  assert.match(problems.find((p) => p.problem.file === 'a.kb/45-d.md')!.problem.message, /number 45 breaks the folder's scheme: the other files use 3-digit numbers/);
});

test('date-prefixed KB names keep the whole prefix as id: no false "number 2026" twins, depends-on by the whole id', () => {
  const root = {
    'todo.kb/2026-04-20-001-parser.md': kb('depends-on: []'),
    'todo.kb/2026-04-20-002-lexer.md': kb('depends-on: ["2026-04-20-001"]'),
    'todo.kb/2026-04-21-001-docs.md': kb('depends-on: ["2026-04-20-002-lexer", "2026-04-22-001"]'),
    'todo.kb/2026-04-22-search.md': kb('depends-on: []'),
    'todo.kb/010-plain.md': kb('depends-on: []'),
  };
  const ids = Object.entries(root).map(([file, text]) => readMilestoneFile(file, text)!.milestones[0]!.id);
  assert.deepEqual(ids, ['2026-04-20-001', '2026-04-20-002', '2026-04-21-001', '2026-04-22', '010']);
  const problems = workspace({ root });
  assert.deepEqual(summary(problems), ['todo.kb/2026-04-21-001-docs.md kb-depends-missing 3:37-3:53']);
  const twins = workspace({ root: { ...root, 'todo.kb/2026-04-20-002-again.md': kb('depends-on: []') } });
  assert.deepEqual(summary(twins.filter((p) => p.problem.code === 'kb-numbering')), [
    'todo.kb/2026-04-20-002-again.md kb-numbering 0:0-0:3',
    'todo.kb/2026-04-20-002-lexer.md kb-numbering 0:0-0:3',
  ]);
  const again = twins.find((p) => p.problem.file === 'todo.kb/2026-04-20-002-again.md')!;
  assert.match(again.problem.message, /^id 2026-04-20-002 is also used by todo\.kb\/2026-04-20-002-lexer\.md: each milestone of the folder needs its own id$/);
});

const note = (title: string): string => `# ${title}\n\n## Changes\n- something\n`;

test('handoff-gap fires on the note after a gap, counting notes moved into milestone folders', () => {
  const problems = workspace({ root: {
    'handoffs/0-instructions/1-how.md': '# How\n',
    'handoffs/2-impl.md': note('Impl'),
    'handoffs/5-later.md': note('Later'),
    'handoffs/1-core/0-milestone-summary.md': note('Core'),
    'handoffs/1-core/0-lessons-learned.md': '# Lessons\n',
    'handoffs/1-core/1-setup.md': note('Setup'),
    'handoffs/2-api/0-milestone-summary.md': note('API'),
    'handoffs/2-api/0-milestone-lessons-learned.md': '# Lessons\n',
    'handoffs/2-api/3-routes.md': note('Routes'),
  } });
  assert.deepEqual(summary(problems), ['handoffs/5-later.md handoff-gap 0:0-0:7']);
  assert.equal(problems[0]!.problem.message, 'handoff 5 follows handoff 3: no handoff numbered 4');
});

test('a milestone folder without its summary or lessons gets information on one of its files', () => {
  const problems = workspace({ root: {
    'handoffs/1-core/0-milestone-summary.md': note('Core'),
    'handoffs/3-api/4-routes.md': note('Routes'),
    'handoffs/3-api/3-setup.md': note('Setup'),
  } });
  assert.deepEqual(summary(problems), [
    'handoffs/1-core/0-milestone-summary.md handoff-missing-lessons 0:0-0:6',
    'handoffs/3-api/3-setup.md handoff-gap 0:0-0:7',
    'handoffs/3-api/3-setup.md handoff-missing-lessons 0:0-0:7',
    'handoffs/3-api/3-setup.md handoff-missing-summary 0:0-0:7',
  ]);
  const info = problems.filter((p) => p.problem.code.startsWith('handoff-missing'));
  assert.ok(info.every((p) => p.problem.severity === 'info'));
  assert.equal(problems.find((p) => p.problem.code === 'handoff-gap')!.problem.message, 'milestone folder 3 follows milestone folder 1: no milestone folder numbered 2');
});

const plan = (id: string): string => `---\nid: ${id}\nexecplan_id: EP-20260101-001\nms: 1\nstatus: planned\n---\n\n# Plan\n`;
const sessionJson = (id: string): string => `{\n  "milestone_id": "${id}",\n  "progress": 0,\n  "steps": []\n}\n`;

test('duplicate-id fires on every copy of an id, across folders, on the id value as written', () => {
  const problems = workspace({
    one: {
      '.agent/exec_plans/p/milestones/active/MS001_a.md': plan('EP-20260101-001/MS001'),
      'MILESTONES/deploy.json': sessionJson('deploy'),
      'MILESTONES/deploy-copy.json': sessionJson('deploy'),
    },
    two: { '.agent/exec_plans/p/milestones/archive/2026/01/02/MS001_a.md': plan('"EP-20260101-001/MS001"') },
  });
  assert.deepEqual(summary(problems), [
    '.agent/exec_plans/p/milestones/active/MS001_a.md duplicate-id 1:4-1:25',
    '.agent/exec_plans/p/milestones/archive/2026/01/02/MS001_a.md duplicate-id 1:4-1:27',
    'MILESTONES/deploy-copy.json duplicate-id 1:18-1:26',
    'MILESTONES/deploy.json duplicate-id 1:18-1:26',
  ]);
  const first = problems.find((p) => p.folder === 'one' && p.problem.file.endsWith('.md'))!;
  assert.equal(first.problem.message, 'id "EP-20260101-001/MS001" is also used by .agent/exec_plans/p/milestones/archive/2026/01/02/MS001_a.md (in two): milestone ids must be unique');
  assert.equal(first.problem.severity, 'error');
});

test('duplicate-id names the other folder the same way for folder paths (CLI) and folder URIs (extension)', () => {
  const messages = (one: string, two: string) => {
    const problems = workspace({
      [two]: { 'MILESTONES/deploy.json': sessionJson('deploy') },
      [one]: { 'MILESTONES/deploy.json': sessionJson('deploy'), 'MILESTONES/deploy-copy.json': sessionJson('deploy') },
    });
    return problems.filter((p) => p.folder === one).map((p) => p.problem.message).sort();
  };
  const fromPaths = messages('/tmp/run/lantern', '/tmp/run/relay beta');
  assert.deepEqual(messages('file:///tmp/run/lantern/', 'file:///tmp/run/relay%20beta/'), fromPaths);
  assert.deepEqual(fromPaths, [
    'id "deploy" is also used by MILESTONES/deploy-copy.json, MILESTONES/deploy.json (in relay beta): milestone ids must be unique',
    'id "deploy" is also used by MILESTONES/deploy.json, MILESTONES/deploy.json (in relay beta): milestone ids must be unique',
  ]);
});

test('a file whose text is gone is still reported, at 0:0', () => {
  const reading = readMilestoneFile('a.kb/010-a.md', kb('depends-on: ["090"]'))!;
  const problems = workspaceProblems([{ folder: 'root', reading }], () => null, { exists: () => false });
  assert.deepEqual(summary(problems), ['a.kb/010-a.md kb-depends-missing 0:0-0:0']);
});
