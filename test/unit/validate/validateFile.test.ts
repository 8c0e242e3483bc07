import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { validateFile } from '../../../src/core/validate/validateFile';
import { MemoryHost } from '../schema/memoryHost';
import { forbidNetwork, networkAttempts } from '../schema/noNetwork';
import { TODAY, crlfBom, only, placed, validate } from './validateKit';

forbidNetwork();

const EP = '.agent/exec_plans/proto/milestones/active/EP-20260117-014_MS003_proto.md';
const GOOD_EP = [
  '---',
  'id: EP-20260117-014/MS003',
  'execplan_id: EP-20260117-014',
  'ms: 3',
  'title: "Prototype streaming"',
  'status: in_progress',
  'domain: backend',
  "owner: '@codex'",
  'created: 2026-01-17',
  "updated: '2026-01-18'",
  'tags: [a, b]',
  'risk: low',
  'links:',
  '  issue: ""',
  '---',
  '# Prototype streaming',
  '',
].join('\n');

// Lines:      0    1                               2                            3          4         5               6                7              8                 9                  10
const BAD_EP = [
  '---',
  'id: EP-20260117-014/MS003',
  'execplan_id: EP-2026-014',
  'ms: "3"',
  'status: done',
  'domain: backend',
  'ownr: "@codex"',
  'created: May 5',
  'updated: 2026-01-18',
  'risk: low',
  'links: { issue: 7 }',
  '---',
  '# Prototype',
  '',
].join('\n');

test('a valid ExecPlan header has no problems, dates quoted and unquoted alike', () => {
  assert.deepEqual(validate(EP, GOOD_EP), []);
});

test('each schema problem of an ExecPlan header is on its exact key or value', () => {
  assert.deepEqual(placed(validate(EP, BAD_EP).filter((p) => p.code.startsWith('schema-'))), [
    ['schema-required', 0, 0, 0, 3], // owner
    ['schema-required', 0, 0, 0, 3], // title
    ['schema-pattern', 2, 13, 2, 24],
    ['schema-type', 3, 4, 3, 7],
    ['schema-enum', 4, 8, 4, 12],
    ['schema-additional', 6, 0, 6, 4],
    ['schema-format', 7, 9, 7, 14],
    ['schema-type', 10, 16, 10, 17],
  ]);
});

test('schema problems speak to people and carry their fixes', () => {
  const problems = validate(EP, BAD_EP);
  const enumProblem = only(problems, 'schema-enum');
  assert.equal(enumProblem.message, 'status "done" is not one of planned, in_progress, completed, blocked, archived — did you mean "completed"?');
  assert.deepEqual(enumProblem.fixes, [{ kind: 'replace-value', path: ['status'], value: 'completed' }]);
  assert.equal(only(problems, 'schema-format').message, `created must be a date like ${TODAY}, not "May 5"`);
  assert.equal(only(problems, 'schema-pattern').message, 'execplan_id must look like EP-20260117-014 (pattern ^EP-\\d{8}-\\d{3}$), not "EP-2026-014"');
  const additional = only(problems, 'schema-additional');
  assert.equal(additional.message, 'unknown key "ownr" — did you mean "owner"?');
  assert.equal(additional.severity, 'warning');
  const types = problems.filter((p) => p.code === 'schema-type').map((p) => p.message);
  assert.deepEqual(types.sort(), ['links.issue must be a string, not the number 7', 'ms must be an integer, not the string "3"']);
  const required = problems.filter((p) => p.code === 'schema-required');
  assert.deepEqual(required.map((p) => p.message).sort(), ['missing required key "owner"', 'missing required key "title"']);
  assert.deepEqual(required.flatMap((p) => p.fixes ?? []).sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1), [
    { kind: 'add-key', key: 'owner', value: '""' },
    { kind: 'add-key', key: 'title', value: '""' },
  ]);
  assert.ok(problems.every((p) => p.file === EP));
});

test('add-key placeholders: first enum value, today for a date, the minimum for a number', () => {
  const problems = validate(EP, '---\nid: EP-20260117-014/MS003\n---\n');
  const fixes = Object.fromEntries(problems.filter((p) => p.code === 'schema-required').map((p) => {
    const f = p.fixes![0]!;
    return f.kind === 'add-key' ? [f.key, f.value] : ['?', '?'];
  }));
  assert.deepEqual(fixes, { execplan_id: '""', ms: '1', title: '""', status: 'planned', domain: 'backend', owner: '""', created: TODAY, updated: TODAY });
});

test('an enum value with nothing close gets no suggestion and no fix', () => {
  const p = only(validate(EP, GOOD_EP.replace('domain: backend', 'domain: marketing')), 'schema-enum');
  assert.equal(p.message, 'domain "marketing" is not one of backend, frontend, console, infra, cross-cutting');
  assert.equal(p.fixes, undefined);
});

test('minimum: ms must be at least 1', () => {
  const p = only(validate(EP, GOOD_EP.replace('ms: 3', 'ms: 0')), 'schema-minimum');
  assert.equal(p.message, 'ms must be at least 1, not 0');
  assert.deepEqual(placed([p]), [['schema-minimum', 3, 4, 3, 5]]);
});

test('CRLF line endings and a BOM give the same editor positions', () => {
  assert.deepEqual(placed(validate(EP, crlfBom(BAD_EP))), placed(validate(EP, BAD_EP)));
  assert.deepEqual(validate(EP, crlfBom(GOOD_EP)), []);
});

test('frontmatter-unclosed is on the opening fence, closed before the blank line that precedes the body', () => {
  const text = '---\nstatus: not-started\ngoal: y\n\n# Title\nbody\n';
  const p = only(validate('docs/m.kb/010-a.md', text), 'frontmatter-unclosed');
  assert.deepEqual(placed([p]), [['frontmatter-unclosed', 0, 0, 0, 3]]);
  assert.equal(p.severity, 'error');
  assert.deepEqual(p.fixes, [{ kind: 'close-frontmatter', line: 3, fence: '---' }]);
});

test('an unclosed header is closed before the first heading, else at the end of the file', () => {
  const heading = only(validate('docs/m.kb/010-a.md', '---\nstatus: x\n# Title\n\nbody\n'), 'frontmatter-unclosed');
  assert.deepEqual(heading.fixes, [{ kind: 'close-frontmatter', line: 2, fence: '---' }]);
  const eof = only(validate('docs/m.kb/010-a.md', '---\nstatus: x\ngoal: y\n'), 'frontmatter-unclosed');
  assert.deepEqual(eof.fixes, [{ kind: 'close-frontmatter', line: 3, fence: '---' }]);
  const eofNoNewline = only(validate('docs/m.kb/010-a.md', '---\nstatus: x'), 'frontmatter-unclosed');
  assert.deepEqual(eofNoNewline.fixes, [{ kind: 'close-frontmatter', line: 2, fence: '---' }]);
  const bom = only(validate('docs/m.kb/010-a.md', crlfBom('---\nstatus: x\n\n# T\n')), 'frontmatter-unclosed');
  assert.deepEqual(placed([bom]), [['frontmatter-unclosed', 0, 0, 0, 3]]);
});

test('frontmatter-not-at-start is a warning on the misplaced block\'s first line', () => {
  const p = only(validate('docs/m.kb/010-a.md', '# Title\n\n---\nstatus: x\ngoal: y\n---\n\nbody\n'), 'frontmatter-not-at-start');
  assert.deepEqual(placed([p]), [['frontmatter-not-at-start', 2, 0, 2, 3]]);
  assert.equal(p.severity, 'warning');
  assert.match(p.message, /^this YAML block is not frontmatter because it does not start the file/);
});

test('syntax errors are at their line and column, to the end of the token', () => {
  assert.deepEqual(placed(validate('docs/m.kb/010-a.md', '---\nstatus: a\n  bad: indent\ngoal: "x\n---\n# T\n')), [['yaml-syntax', 2, 5, 2, 6]]);
  assert.deepEqual(placed(validate(EP, '+++\nid = "x\nms = 3\n+++\n# T\n')), [['toml-syntax', 1, 0, 1, 7]]);
  const json = validate('MILESTONES/a.json', '{\n  "milestone_id": "a",,\n  "steps": []\n}\n');
  assert.deepEqual(placed(json), [['json-syntax', 1, 22, 1, 23]]);
  assert.equal(json[0]!.severity, 'error');
  assert.deepEqual(placed(validate('MILESTONES/a.json', crlfBom('{\n  "milestone_id": "a",,\n  "steps": []\n}\n'))), [['json-syntax', 1, 22, 1, 23]]);
});

test('a header that is not a mapping is a warning on its first line', () => {
  const p = only(validate('docs/m.kb/010-a.md', '---\n- a\n- b\n---\n# T\n'), 'frontmatter-not-mapping');
  assert.deepEqual(placed([p]), [['frontmatter-not-mapping', 1, 0, 1, 3]]);
  assert.equal(p.severity, 'warning');
});

const SESSION = [
  '{',
  '  "milestone_id": "a",',
  '  "title": "A",',
  '  "status": "in-progress",',
  '  "progress": 150,',
  '  "steps": [',
  '    { "step": 1, "description": "x", "status": "complete", "completed_at": "now" },',
  '    { "step": 2, "description": "y" }',
  '  ]',
  '}',
  '',
].join('\n');

test('session JSON: problems on nested values, the step object\'s brace line, and fixes with array indices', () => {
  const problems = validate('MILESTONES/a.json', SESSION).filter((p) => p.code.startsWith('schema-'));
  assert.deepEqual(placed(problems), [
    ['schema-enum', 3, 12, 3, 25],
    ['schema-maximum', 4, 14, 4, 17],
    ['schema-enum', 6, 47, 6, 57],
    ['schema-required', 7, 4, 7, 37],
  ]);
  const stepEnum = problems.find((p) => p.code === 'schema-enum' && p.range.start.line === 6)!;
  assert.equal(stepEnum.message, 'steps[0].status "complete" is not one of pending, in_progress, completed, blocked, skipped — did you mean "completed"?');
  assert.deepEqual(stepEnum.fixes, [{ kind: 'replace-value', path: ['steps', 0, 'status'], value: 'completed' }]);
  assert.equal(problems.find((p) => p.code === 'schema-required')!.message, 'steps[1] is missing the required key "status"');
  assert.deepEqual(placed(validate('MILESTONES/a.json', crlfBom(SESSION)).filter((p) => p.code.startsWith('schema-'))), placed(problems));
});

test('session JSON: a missing top-level key is on the opening brace to the end of its line, with a JSON placeholder', () => {
  const p = only(validate('MILESTONES/a.json', '{ "title": "A",\n  "status": "pending", "steps": [] }\n'), 'schema-required');
  assert.deepEqual(placed([p]), [['schema-required', 0, 0, 0, 15]]);
  assert.deepEqual(p.fixes, [{ kind: 'add-key', key: 'milestone_id', value: '""' }]);
  const status = only(validate('MILESTONES/a.json', '{ "milestone_id": "a", "title": "A", "steps": [] }'), 'schema-required');
  assert.deepEqual(status.fixes, [{ kind: 'add-key', key: 'status', value: '"pending"' }]);
});

test('a typo in a nested key of a built-in schema is a schema-additional warning', () => {
  const p = only(validate('MILESTONES/a.json', SESSION.replace('"completed_at"', '"complted_at"')), 'schema-additional');
  assert.equal(p.message, 'unknown key "complted_at" — did you mean "completed_at"?');
  assert.deepEqual(placed([p]), [['schema-additional', 6, 59, 6, 72]]);
});

test('unknown keys of a closed workspace schema are schema-additional on the key', () => {
  const schema = 'type: object\nadditionalProperties: false\nproperties:\n  status: { type: string }\n  goal: { type: string }\n';
  const problems = validate('docs/m.kb/010-a.md', '---\nstatus: x\ngaol: y\nextra: 1\n---\n', { '/ws/docs/m.jsonschema.yaml': schema });
  assert.deepEqual(placed(problems), [['schema-additional', 2, 0, 2, 4], ['schema-additional', 3, 0, 3, 5]]);
  assert.deepEqual(problems.map((p) => p.message).sort(), ['unknown key "extra" (allowed: status, goal)', 'unknown key "gaol" — did you mean "goal"?']);
});

test('const and a KB depends-on pattern on a list item', () => {
  const schema = 'type: object\nproperties:\n  kind: { const: milestone }\n  depends-on:\n    type: array\n    items: { type: string, pattern: "^\\\\d{3}$" }\n';
  const text = '---\nkind: task\ndepends-on:\n  - "010"\n  - 20\n  - "3"\n---\n';
  const problems = validate('docs/m.kb/010-a.md', text, { '/ws/docs/m.jsonschema.yaml': schema });
  assert.deepEqual(placed(problems), [['schema-const', 1, 6, 1, 10], ['schema-type', 4, 4, 4, 6], ['schema-pattern', 5, 4, 5, 7]]);
  assert.equal(only(problems, 'schema-const').message, 'kind must be "milestone", not "task"');
  assert.equal(only(problems, 'schema-type').message, 'depends-on[1] must be a string, not the number 20');
});

test('a $schema in the frontmatter (relative to the file) is used; a URL is a schema-source problem on its value', () => {
  const schema = 'type: object\nrequired: [reviewer]\n';
  const text = '---\n$schema: ../../my.schema.yaml\nstatus: x\n---\n';
  // Wins over the built-in KB schema (which would miss goal, depends-on and deliverables).
  assert.deepEqual(validate('docs/m.kb/010-a.md', text.replace('status: x', 'reviewer: me'), { '/ws/my.schema.yaml': schema }), []);
  const kb = validate('docs/m.kb/010-a.md', text, { '/ws/my.schema.yaml': schema });
  assert.deepEqual(placed(kb), [['schema-required', 0, 0, 0, 3]]);
  assert.equal(kb[0]!.message, 'missing required key "reviewer"');
  // A file of no convention too.
  assert.deepEqual(placed(validate('notes/rfc/001.md', text, { '/ws/my.schema.yaml': schema })), [['schema-required', 0, 0, 0, 3]]);
  const url = validate(EP, GOOD_EP.replace('---\n', '---\n$schema: https://example.com/ep.json\n'));
  assert.deepEqual(placed(url), [['schema-source', 1, 9, 1, 36]]);
  assert.match(url[0]!.message, /is not fetched/);
  const missing = validate(EP, GOOD_EP.replace('---\n', '---\n$schema: "./gone.yaml"\n'));
  assert.deepEqual(placed(missing), [['schema-source', 1, 9, 1, 22]]);
  assert.deepEqual(networkAttempts, []);
});

test('a file of no convention is checked against the schema the setting maps it to', () => {
  const schemas = new SchemaRegistry(new MemoryHost({ '/ws/rfc.schema.json': '{"type":"object","required":["rfc"]}' }), [{ schema: 'rfc.schema.json', globs: ['rfcs/*.md'] }]);
  const problems = validateFile('rfcs/0001-x.md', '---\ntitle: X\n---\n# X\n', null, { schemas, folderRoot: '/ws', today: TODAY });
  assert.deepEqual(placed(problems), [['schema-required', 0, 0, 0, 3]]);
  assert.deepEqual(validateFile('other/x.md', '---\ntitle: X\n---\n', null, { schemas, folderRoot: '/ws', today: TODAY }), []);
});

test('a KB file is checked against its folder\'s own schema and a nested .kb folder against its own', () => {
  const outer = 'type: object\nrequired: [outer]\n';
  const inner = 'type: object\nrequired: [inner]\n';
  const files = { '/ws/a.jsonschema.yaml': outer, '/ws/a.kb/b.jsonschema.yaml': inner };
  assert.equal(only(validate('a.kb/010-x.md', '---\nstatus: x\n---\n', files), 'schema-required').message, 'missing required key "outer"');
  assert.equal(only(validate('a.kb/b.kb/010-y.md', '---\nstatus: x\n---\n', files), 'schema-required').message, 'missing required key "inner"');
});

test('errors inside an anyOf are one problem', () => {
  const schema = 'type: object\nproperties:\n  owner:\n    anyOf: [{ type: string }, { type: array }]\n';
  const problems = validate('docs/m.kb/010-a.md', '---\nowner: 3\n---\n', { '/ws/docs/m.jsonschema.yaml': schema });
  assert.deepEqual(placed(problems), [['schema-any-of', 1, 7, 1, 8]]);
  assert.equal(problems[0]!.message, 'owner does not match any of the allowed forms (a string, or a list)');
});

test('a file without a header is not checked against a schema, and validation never throws', () => {
  assert.deepEqual(validate('docs/m.kb/010-a.md', '# Just a title\n'), []);
  for (const text of ['', '\ufeff', '---', '---\n---\n', '+++\n+++\n', '{', '[]', 'null', '---\n: :\n---\n']) {
    for (const file of [EP, 'MILESTONES/a.json', 'docs/m.kb/010-a.md', 'STATUS.md']) {
      const reading = readMilestoneFile(file, text);
      assert.doesNotThrow(() => validateFile(file, text, reading, { schemas: new SchemaRegistry(new MemoryHost()), folderRoot: '/ws', today: TODAY }));
    }
  }
});

test('an empty status is one problem (its type), not also "null is not one of …"', () => {
  const text = GOOD_EP.replace('status: in_progress', 'status:');
  assert.deepEqual(validate(EP, text).map((p) => p.code), ['schema-type']);
});

test('a wrong status word gets schema-enum only, even with open tasks', () => {
  const text = GOOD_EP.replace('status: in_progress', 'status: done') + '## Definition of Done\n\n- [ ] still open\n';
  assert.deepEqual(validate(EP, text).map((p) => p.code), ['schema-enum']);
});

test('an unclosed flow list is reported on its opening bracket, not where the parser noticed', () => {
  const text = GOOD_EP.replace('tags: [a, b]', 'tags: [a, b');
  const syntax = validate(EP, text).filter((p) => p.code === 'yaml-syntax');
  assert.deepEqual(placed(syntax), [['yaml-syntax', 10, 6, 10, 11]]);
  assert.equal(syntax[0]!.message, 'YAML syntax error: the [ opened here is never closed on its line');
  assert.deepEqual(placed(validate(EP, crlfBom(text)).filter((p) => p.code === 'yaml-syntax')), [['yaml-syntax', 10, 6, 10, 11]]);
});
