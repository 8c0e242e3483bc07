import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CORPUS, runCli } from './cliHarness';
import type { ListDocument } from './cliHarness';
import { needsCorpus } from '../support/corpus';

/**
 * What `list --json` must say about every file of ../shared/corpus, counted by hand with GitHub's
 * task-item rules: a list item (`-`, `*`, `+`, `1.`) whose text starts with `[ ]`, `[x]` or `[X]`
 * followed by white space, outside code. `[-]`, `[~]`, `[ ]*` are not task items (Kiro's tasks.md).
 * Cross-checked with the `checks:` column of MANIFEST.tsv.
 * - `{ total, done }`: listed, with exactly these counted steps over all its milestones;
 * - `absent`: not a milestone file (folder guides, configs, scripts, schemas, templates);
 * - `optional`: a file of another convention (MANIFEST "F": Kiro, Backlog.md) that the status-md
 *   sniffing may or may not take; when listed, its counts must be GitHub's.
 * `convention`, when given, is asserted too.
 */
type Expected = { total: number; done: number; convention?: string; optional?: true } | 'absent';

const EXPECTED: Record<string, Record<string, Expected>> = {
  '0xitsHimanshu__prompt-enhancer': { '.taskmaster/tasks/tasks.json': 'absent' },
  '19cBronya__cppServer': { 'MILESTONES.md': { total: 23, done: 6, convention: 'status-md' } },
  'DnzzL__notara': {
    'backlog/config.yml': 'absent',
    'backlog/tasks/not-130 - Choisir-une-direction-UI-et-un-modèle-de-database-mobile.md': { total: 3, done: 0, optional: true },
  },
  'GitRidy__wilding': { 'pm/plan.md': { total: 13, done: 0 } },
  // Kiro's `[-]` (in progress) counts as an open task; its optional `[ ]*` ones count once done.
  'RockyBoyRC__SpaceWeirdos': { '.kiro/specs/_archived/learn-about-space-weirdos/tasks.md': { total: 17, done: 16, convention: 'kiro' } },
  'bukzor__git-partial.prototyping': {
    'docs/milestones.jsonschema.yaml': 'absent',
    'docs/milestones.kb/010-single-session-core.md': { total: 0, done: 0, convention: 'kb' },
    'docs/milestones.kb/020-multi-agent-persistence.md': { total: 0, done: 0, convention: 'kb' },
    'docs/dev/milestones.kb/040-polish.md': { total: 0, done: 0, convention: 'kb' },
    'docs/dev/milestones.kb/CLAUDE.md': 'absent',
  },
  'cannuri__RooCode-Tips-Tricks': {},
  'darolishes__BondBridge': {
    'handoffs/1-setup.md': { total: 0, done: 0, convention: 'handoff' },
    'handoffs/2-implementation.md': { total: 0, done: 0, convention: 'handoff' },
  },
  'eddiebelaval__parallax': { 'PIPELINE_STATUS.md': { total: 5, done: 0 } },
  'jamessunheart__fpai-sessions': { 'docs/coordination/sessions/create-milestone.sh': 'absent' },
  'luislvasquez__go-lang-research': { 'README.md': { total: 8, done: 4 } },
  'thebasay0u__gtfs-visualizer': {
    '.agent/exec_plans/active/gtfs-foundation/milestones/active/MS003_gtfs-foundation.md': { total: 5, done: 0, convention: 'execplan' },
  },
  'trevor-nichols__agentrules-architect': {
    '.agent/exec_plans/complete/2026/05/05/EP-20260505-001_claude-code-runtime-hardening/milestones/complete/MS004_centralize-provider-object-coercion.md':
      { total: 9, done: 9, convention: 'execplan' },
    '.agent/templates/MILESTONE_TEMPLATE.md': 'absent',
  },
  'waynewangyuxuan__Graphex': { 'META/Milestone/M1.md': { total: 13, done: 0 } },
};

test('every corpus folder has expectations written here', needsCorpus, () => {
  const folders = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  assert.deepEqual(folders, Object.keys(EXPECTED).sort());
});

for (const [folder, files] of Object.entries(EXPECTED)) {
  test(`list --json on ${folder} exits 0 with valid JSON and GitHub's step counts`, needsCorpus, () => {
    const run = runCli(['list', '--json', path.join(CORPUS, folder)]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const doc = JSON.parse(run.stdout) as ListDocument;
    assert.ok(Array.isArray(doc.milestones));
    const perFile = new Map<string, { total: number; done: number; conventions: Set<string> }>();
    for (const m of doc.milestones) {
      assert.equal(m.steps.length, m.progress.total, `${m.file}: steps and progress.total agree`);
      assert.equal(m.steps.filter((s) => s.done).length, m.progress.done, `${m.file}: done steps and progress.done agree`);
      for (const s of m.steps) assert.ok(Number.isInteger(s.line) && s.line >= 1, `${m.file}: 1-based line`);
      assert.ok(!m.file.includes('\\') && !path.isAbsolute(m.file), `${m.file}: relative, /-separated`);
      const f = perFile.get(m.file) ?? { total: 0, done: 0, conventions: new Set<string>() };
      f.total += m.progress.total;
      f.done += m.progress.done;
      f.conventions.add(m.convention);
      perFile.set(m.file, f);
    }
    for (const [file, expected] of Object.entries(files)) {
      const got = perFile.get(file);
      if (expected === 'absent') {
        assert.equal(got, undefined, `${file} is not a milestone file`);
        continue;
      }
      if (!got && expected.optional) continue;
      assert.ok(got, `${file} is listed`);
      assert.deepEqual({ total: got.total, done: got.done }, { total: expected.total, done: expected.done }, file);
      if (expected.convention) assert.deepEqual([...got.conventions], [expected.convention], file);
    }
    // Files not named above may be listed (a reader may take a guide for a handoff) but never count steps GitHub would not show.
    for (const [file, got] of perFile) {
      if (!(file in files)) assert.equal(got.total, 0, `${file} is not expected to hold task items`);
    }
  });
}

test('list --json on the whole corpus gives each entry its folder', needsCorpus, () => {
  const folders = Object.keys(EXPECTED).map((f) => path.join(CORPUS, f));
  const run = runCli(['list', '--json', ...folders]);
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as ListDocument;
  assert.ok(doc.milestones.length > 0);
  for (const m of doc.milestones) assert.ok(m.folder !== undefined && folders.includes(m.folder), m.file);
});
