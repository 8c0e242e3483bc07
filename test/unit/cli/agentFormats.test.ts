// The plan formats agents write today, through the command line: listed with their conventions
// and counted steps, validated clean, and ticked with `done` as the tree ticks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cliHarness';

const FIXTURES = path.resolve(process.cwd(), 'test/e2e/fixtures/spec-tasks');

interface Listed { file: string; convention: string; title: string; progress: { done: number; total: number }; steps: { text: string; done: boolean; line: number }[] }

test('list --json reads a Codex ExecPlan, a Kiro spec and Spec Kit tasks; validate finds nothing to fix', () => {
  const list = runCli(['list', '--json', FIXTURES]);
  assert.equal(list.status, 0, list.stderr);
  const milestones = (JSON.parse(list.stdout) as { milestones: Listed[] }).milestones;
  assert.deepEqual(milestones.map((m) => [m.file, m.convention, m.title, `${m.progress.done}/${m.progress.total}`]), [
    ['.agent/execplans/EP-2026-02-11__offline-search.md', 'codex-plan', 'Make search work offline', '1/2'],
    ['.kiro/specs/offline-sync/tasks.md', 'kiro', 'offline-sync', '2/5'],
    ['specs/004-photo-albums/tasks.md', 'spec-kit', 'Photo Albums', '2/4'],
  ]);
  assert.deepEqual(milestones[1]!.steps.map((s) => s.text), [
    '1. Set up the sync queue', '2. Replay writes when the network returns', '2.1 Detect the network coming back',
    '2.2 Replay in order, oldest first', '3. Show the pending count in the status bar',
  ], 'the optional task is not counted while open');
  const validate = runCli(['validate', FIXTURES]);
  assert.equal(validate.stdout, 'No problems in 3 files checked.\n');
  assert.equal(validate.status, 0);
});

test('done ticks a Kiro task in progress and a Codex plan\'s Progress item with its time', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ms-agent-formats-'));
  try {
    cpSync(FIXTURES, root, { recursive: true });
    const kiro = '.kiro/specs/offline-sync/tasks.md';
    const before = readFileSync(path.join(root, kiro), 'utf8');
    const run = runCli(['done', kiro, 'replay writes'], root);
    assert.equal(run.stdout, `Marked "2. Replay writes when the network returns" done in "offline-sync"\n  edited  ${kiro}\n`);
    assert.equal(readFileSync(path.join(root, kiro), 'utf8'), before.replace('- [-] 2. Replay', '- [x] 2. Replay'));
    const plan = '.agent/execplans/EP-2026-02-11__offline-search.md';
    const planBefore = readFileSync(path.join(root, plan), 'utf8');
    assert.equal(runCli(['done', plan, '2'], root).status, 0);
    const after = readFileSync(path.join(root, plan), 'utf8');
    const stamp = /^- \[x\] \((\d{4}-\d\d-\d\d \d\d:\d\dZ)\) Query the cached index/m.exec(after)?.[1];
    assert.ok(stamp !== undefined, after);
    assert.equal(after, planBefore.replace('- [ ] Query', `- [x] (${stamp}) Query`));
    assert.ok(Math.abs(Date.parse(stamp.replace(' ', 'T')) - Date.now()) < 120_000, `${stamp} is now`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
