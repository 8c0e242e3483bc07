import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { MemoryHost } from './memoryHost';
import { forbidNetwork, networkAttempts } from './noNetwork';

forbidNetwork();

const KB_SCHEMA = [
  '$schema: http://json-schema.org/draft-07/schema#',
  'type: object',
  'required: [status, owner]',
  'properties:',
  '  status:',
  "    $ref: '#/definitions/status'",
  '  owner:',
  "    $ref: 'common.yaml#/definitions/handle'",
  'definitions:',
  '  status: { type: string, enum: [todo, doing, done], description: Where it stands }',
  '',
].join('\n');
const COMMON = "definitions:\n  handle:\n    type: string\n    pattern: '^@'\n";

function kbHost(): MemoryHost {
  return new MemoryHost({ '/ws/docs/milestones.jsonschema.yaml': KB_SCHEMA, '/ws/docs/common.yaml': COMMON });
}

test('a workspace YAML schema beside the .kb folder applies, with $refs to a sibling file and to #/definitions', () => {
  const registry = new SchemaRegistry(kbHost());
  const r = registry.resolve('/ws', 'docs/milestones.kb/010-core.md', 'kb', { status: 'todo' });
  assert.equal(r.use?.source, 'workspace');
  assert.equal(r.use?.id, '/ws/docs/milestones.jsonschema.yaml');
  assert.deepEqual(r.use.validate({ status: 'todo', owner: '@me' }), []);
  const errors = r.use.validate({ status: 'nope', owner: 'me' });
  assert.deepEqual(errors.map((e) => [e.keyword, e.instancePath]), [['enum', '/status'], ['pattern', '/owner']]);
  assert.deepEqual(registry.schemaFileProblems('/ws', 'docs/milestones.jsonschema.yaml'), []);
});

test('the resolved schema has its $ref properties inlined for completion and hover', () => {
  const r = new SchemaRegistry(kbHost()).resolve('/ws', 'docs/milestones.kb/010-core.md', 'kb', null);
  const props = r.use!.schema['properties'] as Record<string, Record<string, unknown>>;
  assert.deepEqual(props['status']!['enum'], ['todo', 'doing', 'done']);
  assert.equal(props['owner']!['pattern'], '^@');
});

test('a $ref to a URL or to a missing file is never fetched: the rest validates and each $ref is a problem', () => {
  const schema = [
    'type: object',
    'properties:',
    '  remote:',
    '    $ref: https://example.com/schemas/remote.json',
    '  local:',
    '    $ref: ./nope.yaml#/definitions/x',
    '  status:',
    '    enum: [a, b]',
    '',
  ].join('\n');
  const host = new MemoryHost({ '/ws/docs/m.jsonschema.yaml': schema });
  const registry = new SchemaRegistry(host);
  const r = registry.resolve('/ws', 'docs/m.kb/010-x.md', 'kb', null);
  assert.equal(r.use?.source, 'workspace');
  assert.deepEqual(r.use.validate({ remote: 1, local: 2, status: 'c' }).map((e) => e.instancePath), ['/status']);
  const problems = registry.schemaFileProblems('/ws', 'docs/m.jsonschema.yaml');
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character]), [
    ['schema-ref', 'error', 3, 10, 3, 49],
    ['schema-ref', 'error', 5, 10, 5, 36],
  ]);
  assert.match(problems[0]!.message, /not fetched: Milestones never downloads schemas; save it in the workspace and point \$ref at the file/);
  assert.match(problems[1]!.message, /no file at \/ws\/docs\/nope\.yaml/);
  assert.deepEqual(networkAttempts, []);
});

test('a $ref problem in a JSON schema is placed with jsonc-parser', () => {
  const schema = '{\n  "type": "object",\n  "properties": {\n    "a": { "$ref": "missing.json" }\n  }\n}\n';
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/s.json': schema }));
  const problems = registry.schemaFileProblems('/ws', 's.json');
  assert.deepEqual(problems.map((p) => [p.code, p.range.start.line, p.range.start.character, p.range.end.character]), [['schema-ref', 3, 19, 33]]);
});

test('a $ref to a definition that does not exist is a problem, not a compile failure', () => {
  const schema = 'type: object\nproperties:\n  a:\n    $ref: "#/definitions/nothing"\n';
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/s.yaml': schema }), [{ schema: 's.yaml', globs: ['**/*.md'] }]);
  assert.equal(registry.resolve('/ws', 'x.md', null, null).use?.source, 'setting');
  assert.deepEqual(registry.schemaFileProblems('/ws', 's.yaml').map((p) => [p.code, p.range.start.line, p.range.start.character]), [['schema-ref', 3, 10]]);
});

test('draft-07 and 2020-12 schemas are compiled by their own dialect', () => {
  const draft07 = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', dependencies: { a: ['b'] }, definitions: { n: { type: 'integer' } }, properties: { n: { $ref: '#/definitions/n' } } });
  const draft2020 = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', dependentRequired: { a: ['b'] }, $defs: { n: { type: 'integer' } }, properties: { n: { $ref: '#/$defs/n' }, pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] } } });
  const host = new MemoryHost({ '/ws/07.json': draft07, '/ws/2020.json': draft2020 });
  const registry = new SchemaRegistry(host, [{ schema: '07.json', globs: ['a/*.md'] }, { schema: '2020.json', globs: ['b/*.md'] }]);
  const u07 = registry.resolve('/ws', 'a/x.md', null, null).use!;
  const u2020 = registry.resolve('/ws', 'b/x.md', null, null).use!;
  assert.deepEqual(u07.validate({ a: 1, n: 'x' }).map((e) => e.keyword).sort(), ['dependencies', 'type']);
  assert.deepEqual(u2020.validate({ a: 1, n: 'x', pair: ['s', 's'] }).map((e) => `${e.keyword}${e.instancePath}`).sort(), ['dependentRequired', 'type/n', 'type/pair/1']);
  // `$schema` spelt with a trailing `#` still picks 2020-12 (and never a download of the meta-schema).
  host.files.set('/ws/2020h.json', draft2020.replace('2020-12/schema', '2020-12/schema#'));
  const hashed = new SchemaRegistry(host, [{ schema: '2020h.json', globs: ['c/*.md'] }]).resolve('/ws', 'c/x.md', null, null).use!;
  assert.deepEqual(hashed.validate({ pair: ['s', 's'] }).map((e) => `${e.keyword}${e.instancePath}`), ['type/pair/1']);
  assert.deepEqual(networkAttempts, []);
});

test('a file\'s own $schema (relative to the file) wins over everything', () => {
  const host = new MemoryHost({ '/ws/plans/my.schema.yaml': 'type: object\nrequired: [foo]\n' });
  const registry = new SchemaRegistry(host, [{ schema: 'other.yaml', globs: ['**'] }]);
  const r = registry.resolve('/ws', 'plans/.agent/exec_plans/p/milestones/active/MS001_x.md', 'execplan', { $schema: '../../../../../my.schema.yaml' });
  assert.equal(r.use?.source, '$schema');
  assert.equal(r.use?.id, '/ws/plans/my.schema.yaml');
  assert.deepEqual(r.problems, []);
  // `$schema` names the schema; it is not data the schema has to allow.
  assert.deepEqual(r.use.validate({ $schema: 'x', foo: 1 }), []);
});

test('a $schema URL or missing file is a schema-source problem, and the built-in schema still applies', () => {
  const registry = new SchemaRegistry(new MemoryHost());
  const url = registry.resolve('/ws', 'MILESTONES/x.json', 'session-json', { $schema: 'https://example.com/s.json' });
  assert.equal(url.use?.source, 'builtin');
  assert.deepEqual(url.problems.map((p) => p.code), ['schema-source']);
  assert.match(url.problems[0]!.message, /is not fetched/);
  const missing = registry.resolve('/ws', 'MILESTONES/x.json', 'session-json', { $schema: './gone.json' });
  assert.match(missing.problems[0]!.message, /cannot be read: there is no file MILESTONES\/gone\.json/);
  assert.deepEqual(networkAttempts, []);
});

test('the milestones.schemas setting maps globs to a schema, before the workspace and built-in schemas', () => {
  const host = new MemoryHost({ '/ws/schemas/rfc.yaml': 'type: object\nrequired: [rfc]\n', '/ws/docs/m.jsonschema.yaml': 'type: object\n' });
  const registry = new SchemaRegistry(host, [{ schema: 'schemas/rfc.yaml', globs: ['docs/rfcs/*.md', 'docs/m.kb/*.md'] }]);
  assert.equal(registry.resolve('/ws', 'docs/rfcs/001.md', null, null).use?.id, '/ws/schemas/rfc.yaml');
  assert.equal(registry.resolve('/ws', 'docs/m.kb/010-a.md', 'kb', null).use?.source, 'setting');
  assert.equal(registry.resolve('/ws', 'docs/other.md', null, null).use, null);
  assert.equal(registry.resolve('/ws', 'docs/other.md', 'status-md', null).use, null);
});

test('nested .kb folders each pick their own sibling schema; a .kb folder without one gets the built-in', () => {
  const host = new MemoryHost({ '/ws/a.jsonschema.yaml': 'type: object\n', '/ws/a.kb/b.jsonschema.yml': 'type: object\n' });
  const registry = new SchemaRegistry(host);
  assert.equal(registry.resolve('/ws', 'a.kb/010-x.md', 'kb', null).use?.id, '/ws/a.jsonschema.yaml');
  assert.equal(registry.resolve('/ws', 'a.kb/b.kb/010-y.md', 'kb', null).use?.id, '/ws/a.kb/b.jsonschema.yml');
  assert.equal(registry.resolve('/ws', 'c.kb/010-z.md', 'kb', null).use?.id, 'builtin:kb-milestone');
});

test('built-in schemas by convention; none for handoffs and STATUS files', () => {
  const registry = new SchemaRegistry(new MemoryHost());
  assert.equal(registry.resolve('/ws', '.agent/exec_plans/p/milestones/active/MS001_x.md', 'execplan', null).use?.id, 'builtin:execplan-milestone');
  assert.equal(registry.resolve('/ws', 'MILESTONES/x.json', 'session-json', null).use?.id, 'builtin:session-milestone');
  assert.equal(registry.resolve('/ws', 'handoffs/1-a.md', 'handoff', null).use, null);
  assert.equal(registry.resolve('/ws', 'STATUS.md', 'status-md', null).use, null);
});

test('a schema is read and compiled once per text; invalidate recompiles only when the text changed', () => {
  const host = kbHost();
  const registry = new SchemaRegistry(host);
  const file = 'docs/milestones.kb/010-core.md';
  const first = registry.resolve('/ws', file, 'kb', null).use;
  const reads = host.reads;
  assert.equal(registry.resolve('/ws', file, 'kb', null).use, first);
  assert.equal(host.reads, reads, 'no read on a cached resolve');
  registry.invalidate('/ws/docs/common.yaml');
  assert.equal(registry.resolve('/ws', file, 'kb', null).use, first, 'same text: same compiled schema');
  host.files.set('/ws/docs/common.yaml', "definitions:\n  handle:\n    type: string\n    pattern: '^#'\n");
  registry.invalidate('/ws/docs/common.yaml');
  const second = registry.resolve('/ws', file, 'kb', null).use!;
  assert.notEqual(second, first);
  assert.deepEqual(second.validate({ status: 'todo', owner: '#me' }), []);
  assert.equal(first!.validate({ status: 'todo', owner: '@me' }).length, 0, 'an older validator keeps working');
  registry.invalidate('/ws/unrelated.md');
  assert.equal(registry.resolve('/ws', file, 'kb', null).use, second);
});

test('a schema file created after a lookup is found once invalidated', () => {
  const host = new MemoryHost();
  const registry = new SchemaRegistry(host);
  assert.equal(registry.resolve('/ws', 'x.kb/010-a.md', 'kb', null).use?.source, 'builtin');
  host.files.set('/ws/x.jsonschema.yaml', 'type: object\n');
  registry.invalidate('/ws/x.jsonschema.yaml');
  assert.equal(registry.resolve('/ws', 'x.kb/010-a.md', 'kb', null).use?.source, 'workspace');
  assert.ok(registry.schemaFiles().includes('/ws/x.jsonschema.yaml'));
});

test('a schema that does not compile is schema-invalid on the offending value, and the next source applies', () => {
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/k.jsonschema.yaml': 'type: 12\nproperties: {}\n' }));
  assert.equal(registry.resolve('/ws', 'k.kb/010-a.md', 'kb', null).use?.source, 'builtin');
  const problems = registry.schemaFileProblems('/ws', 'k.jsonschema.yaml');
  assert.deepEqual(problems.map((p) => [p.code, p.range.start.line, p.range.start.character, p.range.end.character]), [['schema-invalid', 0, 6, 8]]);
  assert.equal(problems[0]!.message, 'This schema does not compile: type is not a JSON Schema type (string, number, integer, boolean, object, array, null)');
});

test('schema-invalid is placed on a nested value in YAML and in JSON schema files', () => {
  const registry = new SchemaRegistry(new MemoryHost({
    '/ws/k.jsonschema.yaml': 'type: object\nproperties:\n  status:\n    type: nonsense\n',
    '/ws/s.schema.json': '{\n  "type": "object",\n  "properties": { "status": { "type": "nonsense" } }\n}\n',
  }));
  const at = (file: string) => registry.schemaFileProblems('/ws', file).map((p) => [p.code, p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character]);
  assert.deepEqual(at('k.jsonschema.yaml'), [['schema-invalid', 3, 10, 3, 18]]);
  assert.deepEqual(at('s.schema.json'), [['schema-invalid', 2, 38, 2, 48]]);
  assert.equal(registry.schemaFileProblems('/ws', 's.schema.json')[0]!.message,
    'This schema does not compile: properties.status.type is not a JSON Schema type (string, number, integer, boolean, object, array, null)');
});

test('a schema file with a YAML syntax error is reported at its position; a BOM is not counted', () => {
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/k.jsonschema.yaml': '\ufefftype: object\nproperties: [a\n' }));
  const problems = registry.schemaFileProblems('/ws', 'k.jsonschema.yaml');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.code, 'yaml-syntax');
  assert.equal(problems[0]!.range.start.line, 2);
});

test('schema problems never throw, whatever the host does', () => {
  const fire = (): never => { throw new Error('disk on fire'); };
  const registry = new SchemaRegistry({ stat: fire, readText: fire });
  assert.equal(registry.resolve('/ws', 'a.kb/010-x.md', 'kb', { $schema: 's.yaml' }).use?.source, 'builtin');
  assert.deepEqual(registry.schemaFileProblems('/ws', 's.yaml'), []);
});

test('without workspace schemas (Restricted Mode) every file gets its built-in schema and no schema file is read', () => {
  const host = kbHost();
  host.files.set('/ws/schemas/own.json', '{"type":"object","required":["nothing-has-this"]}');
  const registry = new SchemaRegistry(host, [{ schema: 'schemas/own.json', globs: ['**/*.md'] }], { workspaceSchemas: false });
  const kb = registry.resolve('/ws', 'docs/milestones.kb/010-core.md', 'kb', { status: 'todo', $schema: '../common.yaml' });
  assert.equal(kb.use?.source, 'builtin');
  assert.equal(kb.use?.id, 'builtin:kb-milestone');
  assert.deepEqual(kb.problems, []);
  assert.deepEqual(kb.use.validate({ status: 'nope' }).filter((e) => e.keyword !== 'required').map((e) => [e.keyword, e.instancePath]), [['enum', '/status']]);
  assert.equal(registry.resolve('/ws', 'notes/free.md', null, { $schema: '../schemas/own.json' }).use, null);
  assert.deepEqual(registry.schemaFileProblems('/ws', 'docs/milestones.jsonschema.yaml'), []);
  assert.deepEqual(registry.schemaFiles(), []);
  assert.equal(host.reads, 0);

  const trusted = new SchemaRegistry(host, [{ schema: 'schemas/own.json', globs: ['**/*.md'] }]);
  assert.equal(trusted.resolve('/ws', 'docs/milestones.kb/010-core.md', 'kb', { status: 'todo' }).use?.source, 'setting');
  assert.ok(host.reads > 0);
});

test('a $ref with a custom scheme (skill://) is a warning: the author\'s tooling resolves it, the rest of the schema applies', () => {
  const schema = [
    'type: object',
    'properties:',
    '  skill:',
    '    $ref: skill://planning/milestone.json',
    '  remote:',
    '    $ref: https://example.com/s.json',
    '  status:',
    '    enum: [a, b]',
    '',
  ].join('\n');
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/docs/m.jsonschema.yaml': schema }));
  const r = registry.resolve('/ws', 'docs/m.kb/010-x.md', 'kb', null);
  assert.equal(r.use?.source, 'workspace');
  assert.deepEqual(r.use.validate({ skill: 1, status: 'c' }).map((e) => e.instancePath), ['/status']);
  const problems = registry.schemaFileProblems('/ws', 'docs/m.jsonschema.yaml');
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line]), [['schema-ref', 'warning', 3], ['schema-ref', 'error', 5]]);
  assert.match(problems[0]!.message, /^\$ref "skill:\/\/planning\/milestone\.json" is not resolved: .*"skill:" references/);
  assert.deepEqual(networkAttempts, []);
});
