// The extension starts only where it has work: in a workspace holding a file that a convention
// recognises by its path (VS Code's `workspaceContains:`), or when its view or a command is used.
// A repository of plain markdown and JSON (a README, package.json, docs) does not start it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyPath } from '../../../src/core/conventions/readMilestoneFile';
import { matcher } from '../../../src/core/workspace/globs';

const root = process.cwd();
const events = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[] }).activationEvents;
const contains = matcher(events.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length)));

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')]);
}

test('no activation on every startup: only workspaceContains patterns (views and commands activate by themselves)', () => {
  assert.deepEqual(events.filter((e) => !e.startsWith('workspaceContains:')), []);
});

test('every file of examples/ that a convention recognises by its path starts the extension', () => {
  const named = filesUnder(path.join(root, 'examples')).filter((f) => { const kind = classifyPath(f); return kind !== null && kind !== 'markdown'; });
  assert.ok(named.length >= 8, named.join(', '));
  assert.deepEqual(named.filter((f) => !contains(f)), []);
});

test('each convention\'s usual places start it; plain markdown and JSON do not', () => {
  for (const file of [
    '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS001_tokenizer.md', '.agents/exec_plans/p/milestones/archive/MS002_x.md',
    'docs/milestones.kb/010-parser.md', 'todo.kb/2026-04-20-002-slug.md', 'handoffs/3-relationship-fixes.md', 'handoffs/1-core/2-entities.md',
    'SESSIONS/MILESTONES/deploy.json', 'STATUS.md', 'docs/ROADMAP.md', 'project_status.md', 'milestones/m1-setup.md', 'MILESTONES/a.json',
    '.kiro/specs/offline-sync/tasks.md', 'specs/004-photo-albums/tasks.md',
    '.agent/execplans/EP-2026-02-11__offline.md', 'docs/execplans/search.md', '.agent/PLANS.md',
  ]) assert.ok(contains(file), file);
  for (const file of ['README.md', 'docs/guide.md', 'package.json', 'CHANGELOG.md', 'src/status.ts', 'notes/todo.md']) assert.ok(!contains(file), file);
});
