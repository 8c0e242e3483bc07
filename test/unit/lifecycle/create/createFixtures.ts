// The texts a new milestone is expected to have, written out by hand (shared by the core and CLI tests).

export interface ExecPlanFixture {
  readonly planId: string;
  readonly ms: number;
  readonly title: string;
  readonly owner: string;
  readonly day: string;
  readonly domain?: string;
  readonly risk?: string;
}

/** A new ExecPlan milestone: seed 003's header and sections. */
export function execPlanText(f: ExecPlanFixture): string {
  const ms = `MS${String(f.ms).padStart(3, '0')}`;
  return `---
id: ${f.planId}/${ms}
execplan_id: ${f.planId}
ms: ${f.ms}
title: ${JSON.stringify(f.title)}
status: planned
domain: ${f.domain ?? 'cross-cutting'}
owner: "${f.owner}"
created: ${f.day}
updated: ${f.day}
tags: []
risk: ${f.risk ?? 'low'}
links:
  issue: ""
  docs: ""
  pr: ""
---

<!-- SECTION: Metadata -->
# ${f.title}

This milestone is a living document. Keep the YAML front matter accurate. Whenever you materially change the milestone content, update \`updated\` and add a note in \`Changelog\`.

---

<!-- SECTION: Objective -->
## Objective

<!-- 1–3 sentences on what changes in the world when this milestone is done: the outcome, not a task list. -->

---

<!-- SECTION: Definition of Done -->
## Definition of Done

- [ ] Lint, type-check and tests all pass (or the project’s equivalent)
- [ ] Any new or changed run instructions are documented
- [ ] Milestone status is updated to \`completed\` (and then archived when appropriate)

---

<!-- SECTION: Scope -->
## Scope

### In Scope

<!-- What this milestone changes. -->

### Out of Scope

<!-- What it deliberately leaves alone. -->

---

<!-- SECTION: Current Health Snapshot -->
## Current Health Snapshot

| Area | Status | Notes |
| --- | --- | --- |
| Architecture/design | ⏳ | Not started |
| Implementation | ⏳ | Not started |
| Tests & QA | ⏳ | Not started |
| Docs & runbooks | ⏳ | Not started |

---

<!-- SECTION: Architecture / Design -->
## Architecture / Design Snapshot

<!-- Key decisions, new modules, how this plugs into what exists; link a design doc in \`links.docs\`. -->

---

<!-- SECTION: Workstreams & Tasks -->
## Workstreams & Tasks

<!-- One table a workstream (### Workstream A – Name); Status: ✅ done, ⏳ open, ⚠️ at risk. -->

| ID | Area | Description | Status |
|----|------|-------------|--------|

---

<!-- SECTION: Dependencies -->
## Dependencies

<!-- Milestones or issues that must land first; external systems. -->

---

<!-- SECTION: Risks -->
## Risks & Mitigations

| Risk | Impact | Mitigation |
| --- | --- | --- |

---

<!-- SECTION: Validation / QA Plan -->
## Validation / QA Plan

<!-- Commands to run, smoke or manual checks, what "green" looks like. -->

---

<!-- SECTION: Rollout / Ops Notes -->
## Rollout / Ops Notes

<!-- How it is enabled, migrations, rollback. -->

---

<!-- SECTION: Changelog -->
## Changelog

- ${f.day} — Milestone created.
`;
}

/** A new handoff note of seed 002. */
export function handoffText(heading: string, day: string): string {
  return `# ${heading} — ${day}

## Changes

<!-- What this session changed, one fact a bullet. -->

## Decisions

<!-- What was decided, and why. -->

## Discoveries

<!-- What was found out that the next session needs to know. -->

## Problems & Solutions

<!-- Each problem met as **Problem**: … with its **Solution**: … -->

## Next Steps

<!-- What the next session should do, one task item a step. -->
`;
}

export interface SessionFixture {
  readonly id: string;
  readonly title: string;
  readonly priority: string;
  readonly owner: string;
  /** `YYYY-MM-DD HH:MM:SS` (UTC). */
  readonly at: string;
  readonly why: string;
  readonly steps: readonly string[];
}

/** A new session milestone of seed 001. */
export function sessionText(f: SessionFixture): string {
  const steps = f.steps.map((d, i) => `
    {
      "step": ${i + 1},
      "description": "${d}",
      "status": "pending",
      "notes": ""
    }`).join(',');
  return `{
  "milestone_id": "${f.id}",
  "title": "${f.title}",
  "priority": "${f.priority}",
  "owner": "${f.owner}",
  "status": "pending",
  "progress": 0,
  "created_at": "${f.at} UTC",
  "updated_at": "${f.at} UTC",
  "context": {
    "why": "${f.why}",
    "related_files": [],
    "dependencies": [],
    "success_criteria": ""
  },
  "steps": [${steps === '' ? ']' : `${steps}\n  ]`},
  "next_session_should": [],
  "blockers": [],
  "handoff_notes": ""
}
`;
}
