import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthOfTenfold, LINEAR_GROWTH_LIMIT } from '../support/growth';
import { classifyPath, readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { FileReading, Milestone } from '../../../src/core/model';

function read(file: string, text: string): FileReading {
  const r = readMilestoneFile(file, text);
  assert.ok(r !== null, `${file} should be a milestone file`);
  return r;
}
const counts = (m: Milestone): string => `${m.progress.done}/${m.progress.total}`;
const variants = (t: string): string[] => [t, t.replace(/\n/g, '\r\n'), '\uFEFF' + t, Buffer.from(t, 'utf8').toString('latin1')];

const KB = `---
status: in-progress
goal: Multiple agents keep separate sessions
depends-on: ["010"]
deliverables:
  - "Session IDs (UUIDs) for isolation"
  - "git partial drop <id> - cleanup session"
---

# Milestone 020: Multi-Agent Persistence

## Success Criteria

- [x] Two sessions commit independently
- [ ] \`git partial list\` shows both
\`\`\`bash
# not a heading
- [ ] not a task
\`\`\`
`;

test('classifyPath recognises each convention by its path', () => {
  assert.equal(classifyPath('docs/milestones.kb/020-multi.md'), 'kb');
  assert.equal(classifyPath('a/outer.kb/inner.kb/030-x.md'), 'kb');
  assert.equal(classifyPath('docs/milestones.kb/CLAUDE.md'), null);
  assert.equal(classifyPath('docs/milestones.kb/README.md'), null);
  assert.equal(classifyPath('SESSIONS/MILESTONES/deploy-dashboard.json'), 'session-json');
  // Guides of a milestones folder and templates by name describe the convention: not milestones.
  assert.equal(classifyPath('MILESTONES/README.md'), null);
  assert.equal(classifyPath('SESSIONS/MILESTONES/DECISIONS.md'), null);
  assert.equal(classifyPath('docs/milestones/phase-1/AGENTS.md'), null);
  assert.equal(classifyPath('docs/milestones.kb/TEMPLATE.md'), null);
  assert.equal(classifyPath('.agent/templates/MILESTONE_TEMPLATE.md'), null);
  assert.equal(classifyPath('docs/milestones.kb/010-template.md'), 'kb');
  assert.equal(classifyPath('milestones/M3-payments.md'), 'status-md');
  assert.equal(classifyPath('DECISIONS.md'), 'markdown');
  assert.equal(classifyPath('handoffs/1-setup.md'), 'handoff');
  assert.equal(classifyPath('handoffs/1-core/0-milestone-summary.md'), 'handoff');
  assert.equal(classifyPath('handoffs/1-core/2-moved.md'), 'handoff');
  assert.equal(classifyPath('handoffs/1-core/0-lessons-learned.md'), null);
  assert.equal(classifyPath('handoffs/1-core/0-milestone-lessons-learned.md'), null);
  assert.equal(classifyPath('handoffs/0-instructions/1-x.md'), null);
  assert.equal(classifyPath('.agent/exec_plans/p/milestones/archive/2026/01/02/MS001_x.md'), 'execplan');
  assert.equal(classifyPath('.agent/exec_plans/p/milestones/active/EP-20260117-014_MS003_y.md'), 'execplan');
  assert.equal(classifyPath('STATUS.md'), 'status-md');
  assert.equal(classifyPath('docs/roadmap.md'), 'status-md');
  assert.equal(classifyPath('PIPELINE_STATUS.md'), 'status-md');
  assert.equal(classifyPath('build-status.md'), 'status-md');
  assert.equal(classifyPath('META/Milestone/M1.md'), 'status-md');
  assert.equal(classifyPath('README.md'), 'markdown');
  assert.equal(classifyPath('script.sh'), null);
});

test('a KB milestone reads its header, deliverables as criteria and body tasks, in every variant', () => {
  for (const text of variants(KB)) {
    const r = read('docs/milestones.kb/020-multi-agent-persistence.md', text);
    const m = r.milestones[0]!;
    assert.equal(m.id, '020');
    assert.equal(m.status, 'in-progress');
    assert.equal(m.statusCategory, 'active');
    assert.equal(counts(m), '1/2');
    assert.equal(m.group, 'docs/milestones.kb');
    assert.deepEqual(m.fields['depends-on'], ['010']);
    assert.deepEqual(m.steps.filter((s) => s.state === 'info').map((s) => [s.line, s.source.kind]), [[5, 'criterion'], [6, 'criterion']]);
    assert.deepEqual(r.notes, []);
  }
  assert.equal(read('docs/milestones.kb/020-multi-agent-persistence.md', KB).milestones[0]!.title, 'Milestone 020: Multi-Agent Persistence');
});

test('a KB file without a number is a milestone only with a header', () => {
  assert.equal(readMilestoneFile('x.kb/notes.md', '# Notes\n- [ ] a\n'), null);
  assert.equal(read('x.kb/notes.md', '---\nstatus: completed\n---\n').milestones[0]!.title, 'notes');
});

const SESSION = `{
  "milestone_id": "deploy-dashboard",
  "title": "Deploy Dashboard ðŸŽ¯",
  "priority": "HIGH",
  "owner": "session-3",
  "status": "in_progress",
  "progress": 50,
  "updated_at": "2025-11-15 00:25:00 UTC",
  "context": { "why": "needed" },
  "steps": [
    { "step": 1, "description": "Review script", "status": "completed" },
    {
      "step": 2,
      "status": "in_progress",
      "description": "Deploy"
    },
    { "step": 3, "description": "Verify", "status": "pending" }
  ],
  "next_session_should": ["Continue from step 2"],
  "blockers": [],
  "handoff_notes": "No blockers."
}
`;

test('a session JSON milestone reads steps with their lines and the stored progress', () => {
  for (const text of variants(SESSION)) {
    const r = read('SESSIONS/MILESTONES/deploy-dashboard.json', text);
    const m = r.milestones[0]!;
    assert.equal(m.id, 'deploy-dashboard');
    assert.equal(m.statusCategory, 'active');
    assert.equal(counts(m), '1/3');
    assert.equal(m.storedProgress, 50);
    assert.deepEqual(m.steps.map((s) => s.line), [10, 14, 16]);
    assert.deepEqual(m.steps.map((s) => s.source), [
      { kind: 'json-step', index: 0, status: 'completed' }, { kind: 'json-step', index: 1, status: 'in_progress' }, { kind: 'json-step', index: 2, status: 'pending' },
    ]);
    assert.equal(m.fields['priority'], 'HIGH');
    assert.deepEqual(m.fields['next_session_should'], ['Continue from step 2']);
    assert.equal(m.fields['context'], undefined);
    assert.deepEqual(r.notes, []);
  }
});

test('broken JSON gives one milestone named after the file and a note with its position', () => {
  const r = read('MILESTONES/broken-one.json', '{\n  "title": "x",\n  "steps": [\n    { "status": "completed" },\n  ]\n}\n');
  assert.equal(r.milestones.length, 1);
  assert.equal(r.milestones[0]!.title, 'broken-one');
  assert.equal(r.milestones[0]!.steps.length, 0);
  assert.equal(r.notes[0]?.code, 'json-syntax');
  assert.equal(r.notes[0]?.line, 4);
  const arr = read('MILESTONES/list.json', '[1, 2]');
  assert.equal(arr.milestones[0]!.title, 'list');
  assert.equal(read('MILESTONES/empty.json', '').notes[0]?.code, 'json-syntax');
});

test('a binary file in MILESTONES/ gets a message without its raw bytes', () => {
  const r = read('MILESTONES/binary.json', '\u0000\u0001\u00ff\u00fe garbage');
  const message = r.notes[0]?.message ?? '';
  assert.equal(r.notes[0]?.code, 'json-syntax');
  assert.match(message, /^JSON syntax error: Unexpected token '\\u0000'/);
  assert.doesNotMatch(message, /[\u0000-\u001f]/);
  assert.doesNotMatch(message, /garbage/);
});

const SUMMARY = `# Core entities

## Changes
- Data connector with batch processing
- Optimized query approach

## Decisions
- Nested env vars

## Discoveries
- Missing refs: IDs 53, 54

## Follow-up
- [ ] Re-run import
- not a criterion
`;

test('handoff notes and distilled milestone summaries', () => {
  const s = read('handoffs/1-core-entities/0-milestone-summary.md', SUMMARY).milestones[0]!;
  assert.equal(s.id, '1');
  assert.equal(s.status, 'completed');
  assert.equal(s.statusCategory, 'done');
  assert.equal(s.group, 'handoffs/1-core-entities');
  assert.equal(s.steps.filter((x) => x.state === 'info').length, 4);
  assert.equal(counts(s), '0/1');
  const untitled = read('handoffs/2-api-layer/0-milestone-summary.md', '## Changes\n- x\n').milestones[0]!;
  assert.equal(untitled.title, 'api layer');
  const note = read('handoffs/3-relationship-fixes.md', '# Fixes - 31/03/2025\n\n- [x] Fixed\n- [ ] Verify\n').milestones[0]!;
  assert.equal(note.group, 'handoffs');
  assert.equal(counts(note), '1/2');
  assert.equal(read('handoffs/1-core/2-moved.md', '# Moved\n').milestones[0]!.group, 'handoffs/1-core');
  assert.equal(readMilestoneFile('handoffs/1-core/0-lessons-learned.md', '# L\n'), null);
});

const EXECPLAN = `---
id: EP-20260117-014/MS003
execplan_id: EP-20260117-014
ms: 3
title: "Prototype streaming"
status: in_progress
owner: '@codex'
created: 2026-01-17
updated: '2026-01-18'
---

# Prototype streaming

## Definition of Done

- [x] SSE smoke passes
- [ ] Docs updated
- Plain criterion

## Current Health Snapshot

| Area | Status | Notes |
| --- | --- | --- |
| Architecture | ✅ | fine |
| Tests | ⚠️ | flaky |
| Docs | ⏳ | later |
| Rollout | ✅ / ⚠️ / ⏳ | … |

## Workstreams & Tasks

### Workstream A – API

| ID | Area | Description | Status |
|----|------|-------------|-------|
| A1 | API | Endpoint | ✅ |
| A2 | Tests | Contract tests | ⏳ |
| A3 | Docs | Placeholder | ✅ / ⏳ / ⚠️ |

- [ ] Workstream checkbox

## Phases

| Phase | Status |
| --- | --- |
| P0 | ✅ |
`;

test('an ExecPlan milestone whose header cannot be read stays in the plan its file name names', () => {
  const dir = '.agent/exec_plans/search/milestones/active/';
  const unclosed = '---\nid: EP-20260101-001/MS003\nstatus: planned\n\n# Query box\n\n- [ ] a\n';
  assert.equal(read(`${dir}EP-20260101-001_MS003_query.md`, unclosed).milestones[0]!.group, 'EP-20260101-001');
  assert.equal(read(`${dir}MS003_query.md`, unclosed).milestones[0]!.group, 'search');
});

test('an ExecPlan milestone: tasks, Workstreams rows, DoD criteria and health', () => {
  for (const text of variants(EXECPLAN)) {
    const r = read('.agent/exec_plans/stream/milestones/active/EP-20260117-014_MS003_prototype-streaming.md', text);
    const m = r.milestones[0]!;
    assert.equal(m.id, 'EP-20260117-014/MS003');
    assert.equal(m.group, 'EP-20260117-014');
    assert.equal(m.statusCategory, 'active');
    assert.equal(counts(m), '2/5');
    const rows = m.steps.filter((s) => s.source.kind === 'table-row');
    assert.deepEqual(rows.map((s) => [s.text, s.state]), [['A1 Endpoint', 'done'], ['A2 Contract tests', 'open'], ['A3 Placeholder', 'nonstandard']]);
    for (const s of rows) {
      if (s.source.kind !== 'table-row') continue;
      assert.equal(text.slice(s.source.cellOffset, s.source.cellOffset + s.source.cellLength), s.source.cell);
    }
    assert.equal(m.steps.filter((s) => s.state === 'info').length, 1);
    assert.deepEqual(m.health.map((h) => h.category), ['ok', 'warn', 'pending', 'unknown']);
    assert.equal(r.notes.filter((n) => n.code === 'nonstandard-marker').length, 1);
  }
  assert.equal(read('.agent/exec_plans/stream/milestones/active/EP-20260117-014_MS003_prototype-streaming.md', EXECPLAN).milestones[0]!.title, 'Prototype streaming');
});

const STATUS = `# Project status

- [x] Loose item before the milestones

## Milestone: Foundation Complete

**Goal:** Build and test infrastructure operational
**Phase:** Phase 0
**Approval Required:** No

**Acceptance Criteria:**
- [x] Build runs
- [ ] CI green
  - [x] nested criterion
- [-] deferred marker

### Build files
- [ ] Makefile

## Milestone 1: 最小服务器 Demo ✅ (2026-01-28)

- [x] HTTP parsing

## Phase 2 (COMPLETE)

## Notes
- [ ] a task under a plain heading

\`\`\`markdown
## Milestone: In A Fence
- [ ] not counted
\`\`\`
`;

test('STATUS.md: keyword headings, task-owning headings, sub-headings and fields', () => {
  for (const text of variants(STATUS)) {
    const r = read('STATUS.md', text);
    assert.deepEqual(r.milestones.map((m) => counts(m)), ['1/1', '2/4', '1/1', '0/0', '0/1']);
    const f = r.milestones[1]!;
    assert.equal(f.steps.filter((s) => s.state === 'nonstandard').length, 1);
    assert.equal(r.notes.filter((n) => n.code === 'nonstandard-marker').length, 1);
    assert.equal(f.fields['approval-required'], 'No');
    assert.equal(f.endLine, 18);
  }
  const r = read('STATUS.md', STATUS);
  assert.deepEqual(r.milestones.map((m) => m.title), ['Project status', 'Foundation Complete', 'Milestone 1: 最小服务器 Demo', 'Phase 2', 'Notes']);
  assert.deepEqual(r.milestones.map((m) => m.statusCategory), ['done', 'active', 'done', 'done', 'planned']);
  assert.equal(r.milestones[1]!.fields['goal'], 'Build and test infrastructure operational');
  assert.equal(r.milestones[2]!.fields['date'], '2026-01-28');
  const early = read('STATUS.md', '- [ ] early item\n\n# Milestone: A\n- [x] b\n');
  assert.deepEqual(early.milestones.map((m) => [m.title, m.line, m.endLine, counts(m)]), [['STATUS', 0, 1, '0/1'], ['A', 2, 3, '1/1']]);
});

test('a heading ending in a capitalised status word after ✅ or a dash states that status; a title word does not', () => {
  const r = read('STATUS.md', '## Milestone: Alpha ✅ COMPLETE\n- [x] a\n\n## Milestone: Beta — DONE\n- [ ] b\n\n## Milestone: Foundation Complete\n- [ ] c\n');
  assert.deepEqual(r.milestones.map((m) => [m.title, m.status, m.statusCategory]), [
    ['Alpha', 'COMPLETE', 'done'],
    ['Beta', 'DONE', 'done'],
    ['Foundation Complete', null, 'planned'],
  ]);
});

test('any markdown file counts only when a milestone heading owns a task item', () => {
  assert.equal(readMilestoneFile('docs/notes.md', '# Notes\n- [ ] a\n'), null);
  assert.equal(readMilestoneFile('docs/notes.md', '## Milestone 1\nno tasks\n'), null);
  assert.equal(read('docs/notes.md', '## Milestone 1\n- [ ] a\n## Other\n- [x] b\n').milestones.length, 2);
  assert.equal(read('docs/cn.md', '## 里程碑 一\n- [x] 完成\n').milestones[0]!.title, '里程碑 一');
});

test('frontmatter problems become notes, never exceptions', () => {
  const unclosed = read('docs/milestones.kb/010-x.md', '---\nstatus: planned\n# Title\n- [ ] a\n');
  assert.equal(unclosed.notes[0]?.code, 'frontmatter-unclosed');
  assert.equal(unclosed.milestones[0]!.progress.total, 1);
  const broken = read('docs/milestones.kb/010-x.md', '---\nstatus: [planned\ngoal: x\n---\n# T\n');
  assert.equal(broken.notes[0]?.code, 'yaml-syntax');
  assert.equal(broken.milestones[0]!.title, 'T');
  const late = read('STATUS.md', '# Milestone: Late header\n\n---\nstatus: active\nowner: me\n---\n\n- [ ] a\n');
  assert.equal(late.notes[0]?.code, 'frontmatter-not-at-start');
  assert.equal(late.notes[0]?.line, 2);
  const hr = read('STATUS.md', '# Milestone: Rules\n\n---\n\nText\n\n---\n- [ ] a\n');
  assert.deepEqual(hr.notes, []);
});

test('a huge 3 MB milestone file reads in time proportional to its size', () => {
  const chunk = '## Phase X\n\n**Status:** active\n\n- [ ] task one\n- [x] task two\n  - nested bullet\n\n```\n- [ ] code\n```\n';
  const of = (scale: number) => chunk.repeat(Math.ceil((3_000_000 * scale) / chunk.length));
  const inputs = [of(0.1), of(1)];
  const r = read('STATUS.md', inputs[1]!);
  assert.equal(r.milestones.length, Math.ceil(3_000_000 / chunk.length));
  const growth = growthOfTenfold((scale) => read('STATUS.md', inputs[scale === 1 ? 1 : 0]!));
  assert.ok(growth < LINEAR_GROWTH_LIMIT, `10× the text took ${growth.toFixed(1)}× the time (linear is about 10)`);
});

test('random bytes and odd text never throw', () => {
  const odd = ['', '\uFEFF', '---', '+++', '\r\n\r\n', '- [', '| a |\n|---|', '```', '<!--', '# ', '[ ]', '{', 'null', '\u0000\u0001'];
  for (const t of odd) {
    for (const f of ['STATUS.md', 'x.kb/010-a.md', 'MILESTONES/a.json', 'handoffs/1-a.md', '.agent/exec_plans/p/milestones/active/MS001_a.md', 'a.md']) {
      assert.doesNotThrow(() => readMilestoneFile(f, t), `${f}: ${JSON.stringify(t)}`);
    }
  }
});
