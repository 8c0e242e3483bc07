// Shared by the lifecycle tests: an in-memory folder, one milestone file of each convention, and
// helpers that apply a plan and hand back the texts it leaves.
import assert from 'node:assert/strict';
import { applyPlanToTexts } from '../../../../src/core/lifecycle/applyPlanToTexts';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome, Refusal } from '../../../../src/core/lifecycle/changePlan';
import { findMilestoneByTitle } from '../../../../src/core/lifecycle/findMilestone';

/** 2026-11-21 09:30:15 local time: `updated` is written as that local day. */
export const ctx: LifecycleContext = { identity: 'Ann Lee', now: new Date(2026, 10, 21, 9, 30, 15) };
export const TODAY = '2026-11-21';
/** `ctx.now` in the session files' own style (`YYYY-MM-DD HH:MM:SS UTC`). */
export const STAMP = `${ctx.now.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export const EXECPLAN_FILE = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
export const EXECPLAN = `---
id: EP-20261102-001/MS002
execplan_id: EP-20261102-001
ms: 2
title: "Index builder"
status: in_progress
domain: backend
owner: "@codex"
created: 2026-11-12
updated: '2026-11-19'  # bumped by hand
tags: [search, build]
---

# Index builder

## Definition of Done

- [x] \`search-index.json\` is written on every build
- [ ] The index of the docs site is under 200 KB
- Docs explain how to exclude a page from search

## Workstreams & Tasks

| ID | Area | Description | Status |
|----|------|-------------|--------|
| A1 | Build | Collect words from rendered pages | ✅ |
| A2 | Size | Drop words that appear on every page | ⏳ |

## Changelog

- 2026-11-12 — Milestone created.
- 2026-11-19 — Index written on every build.

## Notes

Nothing yet.
`;

export const KB_FILE = 'docs/milestones.kb/020-renderer.md';
export const KB = `---
status: in-progress # keep in sync with ROADMAP.md
goal: Render the page tree to HTML through templates
depends-on: ["010"]
deliverables:
  - "Template engine with partials"
---

# Milestone 020: Renderer

## Success Criteria

- [x] A page renders through its layout template
- [ ] Partials can include other partials
`;

export const SESSION_FILE = 'SESSIONS/MILESTONES/deploy-preview-site.json';
export const SESSION = `{
  "milestone_id": "deploy-preview-site",
  "title": "Deploy the preview site",
  "owner": "session-7",
  "status": "in_progress",
  "progress": 50,
  "updated_at": "2026-11-19 16:42:00 UTC",
  "steps": [
    {
      "step": 1,
      "description": "Write the preview deploy script",
      "status": "completed",
      "completed_by": "session-6",
      "completed_at": "2026-11-18 11:05:00 UTC"
    },
    {
      "step": 2,
      "description": "Upload to the preview bucket",
      "status": "pending"
    }
  ],
  "blockers": []
}
`;

export const STATUS_FILE = 'STATUS.md';
export const STATUS = `# Lantern Status

## Milestone: Foundation Complete

**Goal:** Repository, build and test infrastructure operational
**Phase:** Phase 0

**Acceptance Criteria:**
- [x] Build runs with one command
- [x] CI pipeline green on main

**Deliverables:**
1. Build script
2. CI workflow

**Approval Required:** No (foundation work)

## Milestone: Core Pipeline

**Goal:** Markdown in, HTML out
**Phase:** Phase 1

**Acceptance Criteria:**
- [x] Markdown files render to HTML
- [ ] Templates support partials

**Deliverables:**
1. Markdown renderer
2. Template engine

**Approval Required:** Yes

## Milestone: Search MVP

**Phase:** Phase 2

**Acceptance Criteria:**
- [ ] Search index built at compile time
`;

export const HANDOFF_FILE = 'handoffs/2-search-index.md';
export const HANDOFF = `# Search index handoff — 2026-11-19

## Changes

- [x] Builder writes the index
- [ ] Size budget
`;

/** A folder of `files` (path → text); any other path has no text. */
export function memory(files: Readonly<Record<string, string>>): FolderSnapshot {
  return {
    files: Object.keys(files).sort(),
    text: (file) => (Object.prototype.hasOwnProperty.call(files, file) ? files[file]! : null),
  };
}

/** The milestone of `file` named `title` (the only one when null), as the tree would hand it over. */
export function refIn(snapshot: FolderSnapshot, file: string, title: string | null = null): MilestoneRef {
  const found = findMilestoneByTitle(snapshot, file, title);
  assert.equal(found.kind, 'found', found.kind === 'refused' ? found.reason : '');
  if (found.kind !== 'found') throw new Error('unreachable');
  return { file, line: found.milestone.line, title: found.milestone.title };
}

/** The texts the plan of `outcome` leaves (fails when it refused). */
export function applied(snapshot: FolderSnapshot, outcome: PlanOutcome): Map<string, string | null> {
  if (outcome.kind === 'refused') assert.fail(`refused: ${outcome.reason}`);
  return applyPlanToTexts(snapshot, outcome.plan);
}

/** The new text of `file` after the plan of `outcome`. */
export function textAfter(snapshot: FolderSnapshot, outcome: PlanOutcome, file: string): string {
  const texts = applied(snapshot, outcome);
  assert.ok(texts.has(file), `the plan does not change ${file}`);
  return texts.get(file)!;
}

/** The refusal of `outcome` (fails when it gave a plan). */
export function refusal(outcome: PlanOutcome): Refusal {
  if (outcome.kind === 'ok') assert.fail(`expected a refusal, got: ${outcome.plan.summary}`);
  return outcome;
}

/** Asserts that `outcome` is a plan without changes whose summary matches `summary`. */
export function assertUnchanged(outcome: PlanOutcome, summary: RegExp): void {
  if (outcome.kind === 'refused') assert.fail(`refused: ${outcome.reason}`);
  assert.deepEqual(outcome.plan.changes, []);
  assert.match(outcome.plan.summary, summary);
}

/** `text` with CRLF line endings and a BOM: every byte an edit does not touch must survive. */
export function crlfBom(text: string): string {
  return '\uFEFF' + text.replace(/\n/g, '\r\n');
}

/** Replaces the first occurrence of `from` in `text`, failing when there is none (so a fixture edit cannot silently miss). */
export function swap(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, () => to);
}
