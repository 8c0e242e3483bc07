import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runCli, writeWorkspace } from './cliHarness';
import type { ListDocument } from './cliHarness';

/** One file of each convention, written for this test (modeled on the seeds). */
const FILES: Record<string, string> = {
  'docs/milestones.kb/010-core.md': [
    '---', 'status: in-progress', 'goal: "A core that works"', 'depends-on: []', 'deliverables:', '  - "Parser: reads files"', '---', '', '# Core', '', 'Body.', '',
  ].join('\n'),
  'MILESTONES/deploy-dashboard.json': JSON.stringify({
    milestone_id: 'deploy-dashboard', title: 'Deploy Dashboard', status: 'in_progress', progress: 33,
    steps: [
      { step: 1, description: 'Review script', status: 'completed', completed_by: 's3', completed_at: '2025-11-15 00:21:00 UTC' },
      { step: 2, description: 'Deploy', status: 'in_progress' },
      { step: 3, description: 'Verify', status: 'pending' },
    ],
  }, null, 2) + '\n',
  'handoffs/1-setup.md': '# Handoff 1: Setup\n\n## Summary\n\nProject set up.\n\n## Changes\n\n- Added the build\n',
  '.agent/exec_plans/demo/milestones/active/EP-20260117-014_MS003_demo.md': [
    '---', 'id: EP-20260117-014/MS003', 'execplan_id: EP-20260117-014', 'ms: 3', 'title: "Demo milestone"', 'status: in_progress',
    'domain: backend', 'owner: "@me"', 'created: 2026-01-17', 'updated: 2026-01-20', '---', '',
    '# Demo milestone', '', '## Definition of Done', '', '- [x] Tests pass', '- [ ] Docs written', '- Plain criterion', '',
    '## Workstreams & Tasks', '', '### Workstream A – API', '', '| ID | Area | Description | Status |', '|----|------|-------------|-------|',
    '| A1 | API | Stream tokens | ✅ |', '| A2 | Tests | Contract tests | ⏳ |', '',
  ].join('\n'),
  'STATUS.md': '# Status\n\n## Milestone: Launch\n\n- [x] Ship it\n- [ ] Tell people\n',
  'MILESTONES/broken.json': '{ "milestone_id": "broken", "title": "Broken", "steps": [ { "description": "a", "status": "pending" } \n',
  'node_modules/pkg/STATUS.md': '## Milestone: Hidden\n\n- [ ] never listed\n',
};

let root = '';
before(() => { root = writeWorkspace('milestones-cli-', FILES); });
after(() => rmSync(root, { recursive: true, force: true }));

test('list --json reads one file of each convention, with steps GitHub would show', () => {
  const run = runCli(['list', '--json'], root);
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as ListDocument;
  const byFile = new Map(doc.milestones.map((m) => [m.file, m]));
  const kb = byFile.get('docs/milestones.kb/010-core.md');
  assert.equal(kb?.convention, 'kb');
  assert.equal(kb?.status, 'in-progress');
  assert.deepEqual(kb?.progress, { done: 0, total: 0 });
  const json = byFile.get('MILESTONES/deploy-dashboard.json');
  assert.equal(json?.convention, 'session-json');
  assert.equal(json?.id, 'deploy-dashboard');
  assert.equal(json?.title, 'Deploy Dashboard');
  assert.deepEqual(json?.progress, { done: 1, total: 3 });
  assert.deepEqual(json?.steps.map((s) => s.done), [true, false, false]);
  assert.equal(byFile.get('handoffs/1-setup.md')?.convention, 'handoff');
  const ep = byFile.get('.agent/exec_plans/demo/milestones/active/EP-20260117-014_MS003_demo.md');
  assert.equal(ep?.convention, 'execplan');
  assert.equal(ep?.id, 'EP-20260117-014/MS003');
  assert.equal(ep?.title, 'Demo milestone');
  assert.deepEqual(ep?.progress, { done: 2, total: 4 });
  assert.deepEqual(ep?.steps.map((s) => [s.line, s.done]), [[17, true], [18, false], [27, true], [28, false]]);
  const status = byFile.get('STATUS.md');
  assert.equal(status?.convention, 'status-md');
  assert.deepEqual(status?.steps, [{ text: 'Ship it', done: true, line: 5 }, { text: 'Tell people', done: false, line: 6 }]);
  assert.equal([...byFile.keys()].some((f) => f.startsWith('node_modules/')), false);
  // The broken file is still reported, with what could be read or at least a note.
  assert.ok(byFile.has('MILESTONES/broken.json') || doc.notes.some((n) => n.file === 'MILESTONES/broken.json'));
  assert.ok(doc.notes.some((n) => n.file === 'MILESTONES/broken.json' && n.severity === 'error'));
});

test('list prints an aligned table for people', () => {
  const run = runCli(['list', root]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  const header = lines[0]!;
  assert.match(header, /^FILE +CONVENTION +TITLE +DONE +STATUS$/);
  const row = lines.find((l) => l.startsWith('STATUS.md '));
  assert.ok(row, run.stdout);
  assert.equal(row.indexOf('status-md'), header.indexOf('CONVENTION'));
  assert.equal(row.indexOf('1/2'), header.indexOf('DONE'));
  assert.match(run.stdout, /\n\d+ milestones in \d+ files\.\n$/);
});

test('usage errors print the usage on stderr and exit 2; --help prints it on stdout', () => {
  for (const args of [[], ['frobnicate'], ['list', '--bogus'], ['--json']]) {
    const run = runCli(args, root);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Usage: milestones/);
  }
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: milestones/);
  assert.equal(runCli(['list', '-h']).status, 0);
});

test('a missing folder is a clear message and exit 2, never a stack trace', () => {
  const run = runCli(['list', '--json', path.join(root, 'nope')]);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^milestones: no such folder: .*nope\n$/);
  const file = runCli(['list', path.join(root, 'STATUS.md')]);
  assert.equal(file.status, 2);
  assert.match(file.stderr, /not a folder/);
});
