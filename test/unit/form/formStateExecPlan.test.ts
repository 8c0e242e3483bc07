import { test } from 'node:test';
import assert from 'node:assert/strict';
import execplanSchema from '../../../schemas/execplan-milestone.schema.json';
import { field, form, problem, shown, step, stateOf } from './formStateKit';

const FILE = '.agent/exec_plans/search/milestones/active/EP-20260101-001_MS002_index.md';
const TEXT = `---
id: EP-20260101-001/MS002
execplan_id: EP-20260101-001
ms: 2
title: Index builder
status: done
owner: "@codex"
created: 2026-01-02
updated: 2026-01-03
tags: [search, index]
links:
  issue: ""
  pr: https://x/1
---
# Index builder

## Definition of Done

- [x] Index builds
- [ ] Docs updated
- Reviewed by a second person

## Current Health Snapshot

| Area | Status | Notes |
| --- | --- | --- |
| Implementation | ⏳ | in review |

## Workstreams & Tasks

### Workstream A – Core

| ID | Description | Status |
|----|-------------|--------|
| A1 | Tokenize | ✅ |

## Risks & Mitigations

| Risk | Impact | Mitigation |
| --- | --- | --- |
| Slow queries | Med | Cache results |

## Changelog

- 2026-01-03 — Created.
`;

const props = execplanSchema.properties as Record<string, { description: string; enum?: string[] }>;
/** What the built-in schema says of `key`, as a field shows it. */
const facts = (key: string, required = true): { description: string; required: boolean } => ({ description: props[key]!.description, required });

const BODY = {
  index: 0, title: 'Index builder', status: 'done', progress: { done: 2, total: 3 },
  health: [{ ref: { line: 26, area: 'Implementation' }, area: 'Implementation', status: '⏳', notes: 'in review' }],
  lists: [], texts: [],
  sections: [
    { title: 'Risks & Mitigations', line: 36, columns: ['Risk', 'Impact', 'Mitigation'], rows: [{ line: 40, cells: ['Slow queries', 'Med', 'Cache results'] }] },
    { title: 'Changelog', line: 42, rows: [{ line: 44, cells: ['2026-01-03 — Created.'] }] },
  ],
};

const groups = (docsProblems = [] as ReturnType<typeof shown>[]): unknown[] => [
  { section: 'Definition of Done', canAdd: true, steps: [
    step(18, 'Index builds', 'Definition of Done', 'task', 'done'),
    step(19, 'Docs updated', 'Definition of Done', 'task', 'open', { problems: docsProblems }),
    step(20, 'Reviewed by a second person', 'Definition of Done', 'criterion', 'info'),
  ] },
  { section: 'Workstream A – Core', canAdd: false, steps: [step(34, 'A1 Tokenize', 'Workstream A – Core', 'table-row', 'done')] },
];

test('an ExecPlan milestone with its schema: typed fields in file order, the missing required key last, problems where they start', () => {
  const problems = [
    problem(FILE, 'schema-required', 1, 'missing required key "domain"', { fixes: [{ kind: 'add-key', key: 'domain', value: 'backend' }] }),
    problem(FILE, 'schema-enum', 5, 'status "done" is not one of planned, in_progress, completed, blocked, archived'),
    problem(FILE, 'nonstandard-marker', 19),
    problem(FILE, 'execplan-title', 14),
  ];
  assert.deepEqual(stateOf(FILE, TEXT, true, problems), form(FILE, 'execplan', [{
    ...BODY,
    fields: [
      field('id', 'text', 'EP-20260101-001/MS002', facts('id')),
      field('execplan_id', 'text', 'EP-20260101-001', facts('execplan_id')),
      field('ms', 'number', 2, facts('ms')),
      field('title', 'text', 'Index builder', facts('title')),
      field('status', 'enum', 'done', { ...facts('status'), options: props['status']!.enum!, problems: [shown('schema-enum', 5, 'status "done" is not one of planned, in_progress, completed, blocked, archived')] }),
      field('owner', 'text', '@codex', facts('owner')),
      field('created', 'date', '2026-01-02', facts('created')),
      field('updated', 'date', '2026-01-03', facts('updated')),
      field('tags', 'list', ['search', 'index'], facts('tags', false)),
      field('links', 'text', 'issue: "", pr: https://x/1', { ...facts('links', false), editable: false }),
      field('domain', 'enum', null, { ...facts('domain'), options: props['domain']!.enum!, problems: [shown('schema-required', 1, 'missing required key "domain"')] }),
    ],
    stepGroups: groups([shown('nonstandard-marker', 19)]),
  }], [shown('execplan-title', 14)]));
});

test('an ExecPlan milestone without a schema: kinds come from the values, nothing is required', () => {
  assert.deepEqual(stateOf(FILE, TEXT, false), form(FILE, 'execplan', [{
    ...BODY,
    fields: [
      field('id', 'text', 'EP-20260101-001/MS002'),
      field('execplan_id', 'text', 'EP-20260101-001'),
      field('ms', 'number', 2),
      field('title', 'text', 'Index builder'),
      field('status', 'text', 'done'),
      field('owner', 'text', '@codex'),
      field('created', 'date', '2026-01-02'),
      field('updated', 'date', '2026-01-03'),
      field('tags', 'list', ['search', 'index']),
      field('links', 'text', 'issue: "", pr: https://x/1', { editable: false }),
    ],
    stepGroups: groups(),
  }]));
});

test('a value that does not fit its schema type is shown as it is, with its problem', () => {
  const text = TEXT.replace('ms: 2', 'ms: two');
  const state = stateOf(FILE, text, true, [problem(FILE, 'schema-type', 3)]);
  assert.equal(state.kind, 'form');
  const ms = state.kind === 'form' ? state.milestones[0]!.fields.find((f) => f.key === 'ms') : undefined;
  assert.deepEqual(ms, field('ms', 'text', 'two', { ...facts('ms'), problems: [shown('schema-type', 3)] }));
});

test('an ExecPlan with an empty health table still has a (empty) health list', () => {
  const text = TEXT.replace('| Implementation | ⏳ | in review |\n', '');
  const state = stateOf(FILE, text, false);
  assert.deepEqual(state.kind === 'form' ? state.milestones[0]!.health : 'unsupported', []);
});
