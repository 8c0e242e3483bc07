import { test } from 'node:test';
import assert from 'node:assert/strict';
import kbSchema from '../../../schemas/kb-milestone.schema.json';
import sessionSchema from '../../../schemas/session-milestone.schema.json';
import { field, form, problem, shown, step, stateOf } from './formStateKit';

const EMPTY = { health: null, lists: [], texts: [] };

test('STATUS.md: each milestone with its bold fields keyed as written and its acceptance criteria', () => {
  const file = 'STATUS.md';
  const text = [
    '# Project status', '',
    '## Milestone 1: Foundation ✅', '',
    '**Goal:** Build runs', '**Phase:** Phase 0', '**Approval Required:** No (foundation work)', '',
    '**Acceptance Criteria:**', '- [x] Build passes', '- [ ] CI green', '',
    '## Milestone 2: MVP', '',
    '**Goal:** Core features', '- [ ] Feature A', '',
  ].join('\n');
  const expected = form(file, 'status-md', [
    { index: 0, title: 'Milestone 1: Foundation', status: '✅', progress: { done: 1, total: 2 }, ...EMPTY,
      fields: [
        field('Goal', 'text', 'Build runs'),
        field('Phase', 'text', 'Phase 0', { problems: [shown('status-phase', 5)] }),
        field('Approval Required', 'text', 'No (foundation work)'),
      ],
      stepGroups: [{ section: 'Milestone 1: Foundation ✅', canAdd: true, steps: [
        step(9, 'Build passes', 'Milestone 1: Foundation ✅', 'task', 'done'),
        step(10, 'CI green', 'Milestone 1: Foundation ✅', 'task', 'open'),
      ] }] },
    { index: 1, title: 'Milestone 2: MVP', status: null, progress: { done: 0, total: 1 }, ...EMPTY,
      fields: [field('Goal', 'text', 'Core features')],
      stepGroups: [{ section: 'Milestone 2: MVP', canAdd: true, steps: [step(15, 'Feature A', 'Milestone 2: MVP', 'task', 'open')] }] },
  ], [shown('status-heading', 0)]);
  const problems = [problem(file, 'status-phase', 5), problem(file, 'status-heading', 0)];
  assert.deepEqual(stateOf(file, text, true, problems), expected);
  assert.deepEqual(stateOf(file, text, false, problems), expected, 'STATUS files have no schema: the same either way');
});

const KB_FILE = 'docs/milestones.kb/010-parser.md';
const KB_TEXT = `---
status: in-progress
goal: Parse the input
depends-on: []
deliverables:
  - Tokenizer
  - Parser
---
# Milestone 010: Parser

- [x] Write tests
- [ ] Handle errors
`;
const kbProps = kbSchema.properties as Record<string, { description: string; enum?: string[] }>;
const kb = (key: string): { description: string; required: boolean } => ({ description: kbProps[key]!.description, required: true });
const kbBody = {
  index: 0, title: 'Milestone 010: Parser', status: 'in-progress', progress: { done: 1, total: 2 }, ...EMPTY,
  stepGroups: [{ section: 'Milestone 010: Parser', canAdd: true, steps: [
    step(10, 'Write tests', 'Milestone 010: Parser', 'task', 'done'),
    step(11, 'Handle errors', 'Milestone 010: Parser', 'task', 'open'),
  ] }],
};

test('KB with its schema: status is a select, goal a long text, deliverables a list field (not also steps)', () => {
  const problems = [problem(KB_FILE, 'schema-pattern', 5)];
  assert.deepEqual(stateOf(KB_FILE, KB_TEXT, true, problems), form(KB_FILE, 'kb', [{ ...kbBody, fields: [
    field('status', 'enum', 'in-progress', { ...kb('status'), options: kbProps['status']!.enum! }),
    field('goal', 'longText', 'Parse the input', kb('goal')),
    field('depends-on', 'list', [], kb('depends-on')),
    field('deliverables', 'list', ['Tokenizer', 'Parser'], { ...kb('deliverables'), problems: [shown('schema-pattern', 5)] }),
  ] }]));
});

test('KB without a schema: kinds from the values', () => {
  assert.deepEqual(stateOf(KB_FILE, KB_TEXT, false), form(KB_FILE, 'kb', [{ ...kbBody, fields: [
    field('status', 'text', 'in-progress'),
    field('goal', 'longText', 'Parse the input'),
    field('depends-on', 'list', []),
    field('deliverables', 'list', ['Tokenizer', 'Parser']),
  ] }]));
});

const JSON_FILE = 'SESSIONS/MILESTONES/deploy.json';
const JSON_TEXT = `{
  "milestone_id": "deploy",
  "title": "Deploy",
  "status": "in_progress",
  "progress": 50,
  "context": { "why": "live", "files": ["a.sh"] },
  "steps": [
    { "step": 1, "description": "Build", "status": "completed", "notes": "ok" },
    {
      "step": 2,
      "description": "Ship",
      "status": "later"
    }
  ],
  "next_session_should": ["Ship it"],
  "blockers": [],
  "handoff_notes": "Nothing blocks."
}
`;
const sessionProps = sessionSchema.properties as Record<string, { description: string; enum?: string[] }>;
const ses = (key: string, required = false): { description: string; required: boolean } => ({ description: sessionProps[key]!.description, required });

test('session JSON with its schema: fields, steps with status and notes, lists and handoff notes', () => {
  const problems = [problem(JSON_FILE, 'schema-enum', 12), problem(JSON_FILE, 'session-progress', 4), problem(JSON_FILE, 'json-extra', 0)];
  assert.deepEqual(stateOf(JSON_FILE, JSON_TEXT, true, problems), form(JSON_FILE, 'session-json', [{
    index: 0, title: 'Deploy', status: 'in_progress', progress: { done: 1, total: 2 }, health: null,
    fields: [
      field('milestone_id', 'text', 'deploy', ses('milestone_id', true)),
      field('title', 'text', 'Deploy', ses('title', true)),
      field('status', 'enum', 'in_progress', { ...ses('status', true), options: sessionProps['status']!.enum! }),
      field('progress', 'number', 50, { ...ses('progress'), problems: [shown('session-progress', 4)] }),
      field('context', 'text', 'why: live, files: ["a.sh"]', { ...ses('context'), editable: false }),
    ],
    stepGroups: [{ section: null, canAdd: true, steps: [
      step(7, 'Build', null, 'json-step', 'done', { status: 'completed', notes: 'ok' }),
      step(10, 'Ship', null, 'json-step', 'open', { status: 'later', problems: [shown('schema-enum', 12)] }),
    ] }],
    lists: [{ key: 'next_session_should', items: ['Ship it'] }, { key: 'blockers', items: [] }],
    texts: [{ key: 'handoff_notes', value: 'Nothing blocks.' }],
  }], [shown('json-extra', 0)]));
});

test('session JSON without a schema and without a required key: no empty field appears', () => {
  const state = stateOf(JSON_FILE, JSON_TEXT.replace('  "title": "Deploy",\n', ''), false);
  assert.deepEqual(state.kind === 'form' ? state.milestones[0]!.fields.map((f) => [f.key, f.kind, f.required]) : state.reason, [
    ['milestone_id', 'text', false], ['status', 'text', false], ['progress', 'number', false], ['context', 'text', false],
  ]);
});

test('session JSON with its schema and a missing required title: an empty title field carries the problem', () => {
  const text = JSON_TEXT.replace('  "title": "Deploy",\n', '');
  const state = stateOf(JSON_FILE, text, true, [problem(JSON_FILE, 'schema-required', 0, 'missing required key "title"')]);
  const title = state.kind === 'form' ? state.milestones[0]!.fields.at(-1) : undefined;
  assert.deepEqual(title, field('title', 'text', null, { ...ses('title', true), problems: [shown('schema-required', 0, 'missing required key "title"')] }));
});

test('a handoff summary: Changes / Decisions / Discoveries as read-only lists', () => {
  const file = 'handoffs/1-core/0-milestone-summary.md';
  const text = '# Core pipeline\n\n## Changes\n- Added parser\n- Added renderer\n\n## Decisions\n- Use YAML\n';
  assert.deepEqual(stateOf(file, text, true), form(file, 'handoff', [{
    index: 0, title: 'Core pipeline', status: 'completed', progress: { done: 0, total: 0 }, ...EMPTY, fields: [],
    stepGroups: [
      { section: 'Changes', canAdd: false, steps: [step(3, 'Added parser', 'Changes', 'criterion', 'info'), step(4, 'Added renderer', 'Changes', 'criterion', 'info')] },
      { section: 'Decisions', canAdd: false, steps: [step(7, 'Use YAML', 'Decisions', 'criterion', 'info')] },
    ],
  }]));
});
