import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readMilestoneFile } from '../../src/core/conventions/readMilestoneFile';
import type { ConventionId } from '../../src/core/model';
import { CORPUS, needsCorpus } from './support/corpus';

/**
 * Conformance over every real file of ../shared/corpus, read in place. Expected counts follow
 * GitHub's task-item rules and agree with the MANIFEST.tsv "checks:" column.
 */

type M = [title: string, done: number, total: number, nonstandard: number];
const EXPECTED: Record<string, { convention: ConventionId | null; milestones?: M[] }> = {
  '0xitsHimanshu__prompt-enhancer/.taskmaster/tasks/tasks.json': { convention: null },
  '19cBronya__cppServer/MILESTONES.md': { convention: 'status-md', milestones: [
    ['Milestone 0: 工程骨架 & 最小可跑', 3, 3, 0], ['Milestone 1: 最小服务器 Demo', 3, 3, 0],
    ['Milestone 2: 高并发网络与多线程', 0, 4, 0], ['Milestone 3: 工程化组件拼齐', 0, 4, 0],
    ['Milestone 4: Docker 化部署 & 上线复现', 0, 3, 0], ['Milestone 5: LLM Serving', 0, 3, 0], ['Milestone 6: 性能工程', 0, 3, 0],
  ] },
  'DnzzL__notara/backlog/config.yml': { convention: null },
  'DnzzL__notara/backlog/tasks/not-130 - Choisir-une-direction-UI-et-un-modèle-de-database-mobile.md': { convention: null },
  'GitRidy__wilding/pm/plan.md': { convention: 'status-md', milestones: [
    ['Phase A - Setup', 0, 1, 0], ['Phase B - Planning', 0, 4, 0], ['Phase C - Design', 0, 8, 0], ['Phase D - Development', 0, 0, 0],
  ] },
  // Kiro's own markers: `[-]` is a task in progress (counted, open), `[ ]*` an optional one (counted once done).
  'RockyBoyRC__SpaceWeirdos/.kiro/specs/_archived/learn-about-space-weirdos/tasks.md': { convention: 'kiro', milestones: [['learn-about-space-weirdos', 16, 17, 0]] },
  'bukzor__git-partial.prototyping/docs/milestones.jsonschema.yaml': { convention: null },
  'bukzor__git-partial.prototyping/docs/milestones.kb/010-single-session-core.md': { convention: 'kb', milestones: [['Milestone 010: Single-Session Core', 0, 0, 0]] },
  'bukzor__git-partial.prototyping/docs/milestones.kb/020-multi-agent-persistence.md': { convention: 'kb', milestones: [['Milestone 020: Multi-Agent Persistence', 0, 0, 0]] },
  'bukzor__git-partial.prototyping/docs/dev/milestones.kb/040-polish.md': { convention: 'kb', milestones: [['Milestone 040: Polish (Optional)', 0, 0, 0]] },
  'bukzor__git-partial.prototyping/docs/dev/milestones.kb/CLAUDE.md': { convention: null },
  'cannuri__RooCode-Tips-Tricks/handoffs/0-instructions/2-milestone-instructions.md': { convention: null },
  'darolishes__BondBridge/handoffs/1-setup.md': { convention: 'handoff', milestones: [['Initial Project Structure Handoff - 31/03/2025', 0, 0, 0]] },
  'darolishes__BondBridge/handoffs/2-implementation.md': { convention: 'handoff', milestones: [['BondBridge Project Handoff - 31/03/2025', 0, 0, 0]] },
  'eddiebelaval__parallax/PIPELINE_STATUS.md': { convention: 'status-md', milestones: [['Stage 4 Tasks', 0, 0, 0], ['Stage 4 Gate Criteria', 0, 5, 0]] },
  'jamessunheart__fpai-sessions/docs/coordination/sessions/create-milestone.sh': { convention: null },
  'luislvasquez__go-lang-research/README.md': { convention: 'status-md', milestones: [['Milestone 1', 4, 5, 0], ['Milestone 2', 0, 3, 0]] },
  'thebasay0u__gtfs-visualizer/.agent/exec_plans/active/gtfs-foundation/milestones/active/MS003_gtfs-foundation.md': { convention: 'execplan', milestones: [['Surface validation outcomes and partial-ingestion behavior', 0, 5, 0]] },
  'trevor-nichols__agentrules-architect/.agent/templates/MILESTONE_TEMPLATE.md': { convention: null },
  'trevor-nichols__agentrules-architect/.agent/exec_plans/complete/2026/05/05/EP-20260505-001_claude-code-runtime-hardening/milestones/complete/MS004_centralize-provider-object-coercion.md': { convention: 'execplan', milestones: [['Centralize Provider Object Coercion', 9, 9, 0]] },
  'waynewangyuxuan__Graphex/META/Milestone/M1.md': { convention: 'status-md', milestones: [['Milestone 1: MVP Core Pipeline', 0, 13, 0]] },
};

/** Every corpus file as `repo/relative-path`, except the corpus's own README and MANIFEST. */
function corpusFiles(): string[] {
  const out: string[] = [];
  for (const repo of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!repo.isDirectory()) continue;
    for (const e of readdirSync(path.join(CORPUS, repo.name), { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const abs = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      out.push(path.relative(CORPUS, abs).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

const VARIANTS: Record<string, (t: string) => string> = {
  original: (t) => t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  bom: (t) => '\uFEFF' + t,
  // UTF-8 bytes decoded as latin1 then saved again as UTF-8, like seed 001's emoji.
  mojibake: (t) => Buffer.from(t, 'utf8').toString('latin1'),
};


test('every corpus file has an expectation written in this test', needsCorpus, () => {
  assert.deepEqual(corpusFiles(), Object.keys(EXPECTED).sort());
});

for (const [name, variant] of Object.entries(VARIANTS)) {
  test(`corpus files read as expected (${name} variant)`, needsCorpus, () => {
    for (const rel of corpusFiles()) {
      const expected = EXPECTED[rel]!;
      const file = rel.slice(rel.indexOf('/') + 1);
      const text = variant(readFileSync(path.join(CORPUS, rel), 'utf8'));
      const reading = readMilestoneFile(file, text);
      assert.equal(reading?.convention ?? null, expected.convention, `${rel}: convention`);
      if (reading === null) continue;
      const got = reading.milestones.map((m): M => [
        name === 'original' ? m.title : '', m.progress.done, m.progress.total, m.steps.filter((s) => s.state === 'nonstandard').length,
      ]);
      const want = (expected.milestones ?? []).map(([t, d, n, ns]): M => [name === 'original' ? t : '', d, n, ns]);
      assert.deepEqual(got, want, `${rel} (${name})`);
      for (const m of reading.milestones) {
        for (const s of m.steps) {
          if (s.source.kind === 'task') assert.equal(text[s.source.markerOffset], '[', `${rel}: marker offset of "${s.text}"`);
        }
      }
    }
  });
}

test('a manifest "checks:" count matches the task items read', needsCorpus, () => {
  const manifest = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  for (const row of manifest) {
    const [, repo, file, , , notes] = row.split('\t');
    const rel = `${repo!.replace('/', '__')}/${file}`;
    const expected = EXPECTED[rel];
    if (expected?.convention === null || expected === undefined) continue;
    // The MANIFEST counts boxes as GitHub renders them; a Kiro spec counts by Kiro's own markers
    // (`[ ]*` optional, `[-]` in progress): its expected counts above follow those rules.
    if (expected.convention === 'kiro') continue;
    const checks = /checks: ([^;]*)/.exec(notes ?? '')?.[1] ?? '';
    let boxes = 0;
    for (const m of checks.matchAll(/(?:- |\* |1\. )\[[ x]\]x(\d+)/g)) boxes += Number(m[1]);
    const total = (expected.milestones ?? []).reduce((n, m) => n + m[2], 0);
    assert.equal(total, boxes, `${rel}: MANIFEST says ${checks}`);
  }
});
