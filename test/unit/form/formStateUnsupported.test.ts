import { test } from 'node:test';
import assert from 'node:assert/strict';
import kbSchema from '../../../schemas/kb-milestone.schema.json';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { formStateOf } from '../../../src/core/form/formState';
import { validate } from '../validate/validateKit';
import { stateOf } from './formStateKit';

const EXECPLAN = '.agent/exec_plans/search/milestones/active/EP-20260101-001_MS002_index.md';

test('an unclosed frontmatter gives no form, and says where it opened and what to do', () => {
  assert.deepEqual(stateOf(EXECPLAN, '---\nid: EP-20260101-001/MS002\n# Index\n\n- [ ] one\n', true), {
    kind: 'unsupported', file: EXECPLAN,
    reason: 'The frontmatter opened on line 1 is never closed, so the form cannot tell fields from text. Fix it in the text editor (a quick fix is offered) and the form will come back.',
  });
});

test('a YAML syntax error gives no form, and names the line', () => {
  const state = stateOf('docs/milestones.kb/010-parser.md', '---\nstatus: done\ngoal: [unclosed\n---\n# Parser\n', true);
  assert.equal(state.kind, 'unsupported');
  assert.match(state.kind === 'unsupported' ? state.reason : '', /^The YAML frontmatter has a syntax error on line \d+ \(.+\), so the form cannot read its fields\. Fix it in the text editor and the form will come back\.$/);
});

test('a TOML syntax error gives no form', () => {
  const state = stateOf(EXECPLAN, '+++\ntitle = "x\n+++\n# Index\n', true);
  assert.match(state.kind === 'unsupported' ? state.reason : 'form', /^The TOML frontmatter has a syntax error on line \d+/);
});

test('JSON that does not parse gives no form, and says where', () => {
  const state = stateOf('SESSIONS/MILESTONES/deploy.json', '{\n  "title": "Deploy",\n  "steps": [\n}\n', true);
  assert.match(state.kind === 'unsupported' ? state.reason : 'form', /^This JSON does not parse \(line \d+: .+\), so the form cannot read it\. Fix it in the text editor and the form will come back\.$/);
});

test('JSON that is not an object gives no form', () => {
  const state = stateOf('SESSIONS/MILESTONES/deploy.json', '[1, 2]\n', true);
  assert.match(state.kind === 'unsupported' ? state.reason : 'form', /^This JSON file is not an object/);
});

test('a file that is not a milestone file gives no form', () => {
  assert.deepEqual(formStateOf('src/index.ts', 'export {};\n', null, null, []), {
    kind: 'unsupported', file: 'src/index.ts',
    reason: 'This file is not a milestone file of any convention the form knows (ExecPlan, STATUS.md, KB, session JSON, handoff), so there is nothing to show as a form. Open it as text.',
  });
});

test('the problems alone are enough to refuse a broken header', () => {
  const file = 'docs/milestones.kb/010-parser.md';
  const text = '---\nstatus: done\n---\n# Parser\n';
  const reading = readMilestoneFile(file, text);
  const broken = { file, severity: 'error' as const, code: 'yaml-syntax', message: 'YAML syntax error: bad indentation.', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } };
  assert.deepEqual(formStateOf(file, text, reading, null, [broken]), {
    kind: 'unsupported', file,
    reason: 'The YAML frontmatter has a syntax error on line 2 (bad indentation), so the form cannot read its fields. Fix it in the text editor and the form will come back.',
  });
});

test('with real validation, a wrong enum value is on its field and a missing required key on its empty field', () => {
  const file = 'docs/milestones.kb/010-parser.md';
  const text = '---\nstatus: done\ngoal: Parse\ndeliverables: [Tokenizer]\n---\n# Parser\n';
  const reading = readMilestoneFile(file, text);
  const state = formStateOf(file, text, reading, kbSchema, validate(file, text));
  assert.equal(state.kind, 'form');
  if (state.kind !== 'form') return;
  const codes = (key: string): string[] => state.milestones[0]!.fields.find((f) => f.key === key)?.problems.map((p) => p.code) ?? [];
  assert.deepEqual(codes('status'), ['schema-enum']);
  assert.deepEqual(codes('depends-on'), ['schema-required']);
  assert.deepEqual(state.milestones[0]!.fields.map((f) => f.key), ['status', 'goal', 'deliverables', 'depends-on']);
});
