// What a workspace schema may cost: the read policy, nesting and size bounds, patterns RE2 cannot
// run. In memory; the same cases on disk through the command line are in cli/hostileSchemas.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SCHEMA_DEPTH, MAX_SCHEMA_NODES } from '../../../src/core/schema/schemaClosure';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { MemoryHost } from './memoryHost';

const SETTING = [{ schema: 's.json', globs: ['**/*.md'] }];

/** `levels` nested `properties`, 2 JSON levels each, around a string type. */
function nested(levels: number): string {
  let schema = '{"type":"string"}';
  for (let i = 0; i < levels; i++) schema = `{"properties":{"a":${schema}}}`;
  return schema;
}

test('a schema nested thousands of levels deep is refused before anything recurses, on the bracket that passes the bound', () => {
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/s.json': nested(5_000) }), SETTING);
  assert.equal(registry.resolve('/ws', 'x.md', null, null).use, null);
  const problems = registry.schemaFileProblems('/ws', 's.json');
  assert.deepEqual(problems.map((p) => [p.code, p.range.start.line, p.range.start.character]), [['schema-invalid', 0, '{"properties":{"a":'.length * (MAX_SCHEMA_DEPTH / 2)]]);
  assert.equal(problems[0]!.message, `This schema does not compile: it nests deeper than ${MAX_SCHEMA_DEPTH} levels, the most Milestones compiles`);
  const viaSchema = registry.resolve('/ws', 'x.md', null, { $schema: 's.json' });
  assert.match(viaSchema.problems[0]!.message, /^\$schema "s\.json" cannot be used: it nests deeper than 100 levels/);
});

test('a schema nested within the bound compiles', () => {
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/s.json': nested(MAX_SCHEMA_DEPTH / 2 - 1) }), SETTING);
  const use = registry.resolve('/ws', 'x.md', null, null).use!;
  assert.ok(use);
  assert.deepEqual(registry.schemaFileProblems('/ws', 's.json'), []);
});

test('a schema with more subschemas than the bound is refused, counting the files it references', () => {
  const branches = JSON.stringify({ anyOf: Array.from({ length: MAX_SCHEMA_NODES }, () => ({ type: 'string' })) });
  const half = JSON.stringify({ definitions: Object.fromEntries(Array.from({ length: MAX_SCHEMA_NODES / 2 }, (_, i) => [`d${i}`, { type: 'string' }])) });
  const host = new MemoryHost({ '/ws/s.json': branches, '/ws/a.json': JSON.stringify({ allOf: [{ $ref: 'b.json' }, { $ref: 'b.json#/definitions/d0' }], properties: (JSON.parse(half) as { definitions: unknown }).definitions }), '/ws/b.json': half });
  const registry = new SchemaRegistry(host, [...SETTING, { schema: 'a.json', globs: ['a/*.md'] }]);
  assert.equal(registry.resolve('/ws', 'x.md', null, null).use, null);
  assert.deepEqual(registry.schemaFileProblems('/ws', 's.json').map((p) => [p.code, p.message]), [
    ['schema-invalid', 'This schema does not compile: it has more than 1,000 objects and lists, the most Milestones compiles'],
  ]);
  assert.deepEqual(registry.schemaFileProblems('/ws', 'a.json').map((p) => p.message), [
    'This schema does not compile: with the files it references it has more than 1,000 objects and lists, the most Milestones compiles',
  ]);
});

test('a pattern RE2 cannot run is left out and reported where it is written; the rest of the schema applies', () => {
  const schema = [
    'type: object',
    'required: [owner]',
    'properties:',
    '  name:',
    "    pattern: '^(a)\\1$'",
    '  code:',
    "    pattern: '^[A-Z]{3}$'",
    'patternProperties:',
    "  '^(?<!x)y$': { type: integer }",
    'additionalProperties: false',
    '',
  ].join('\n');
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/docs/m.jsonschema.yaml': schema }));
  const use = registry.resolve('/ws', 'docs/m.kb/010-x.md', 'kb', null).use!;
  assert.equal(use.source, 'workspace');
  assert.deepEqual(use.validate({ name: 'ab', code: 'ABC', owner: 'me', y: 'not checked' }), []);
  assert.deepEqual(use.validate({ code: 'abc' }).map((e) => e.keyword).sort(), ['pattern', 'required']);
  const problems = registry.schemaFileProblems('/ws', 'docs/m.jsonschema.yaml');
  assert.deepEqual(problems.map((p) => [p.code, p.range.start.line, p.range.start.character, p.range.end.character]), [
    ['schema-invalid', 4, 13, 22],
    ['schema-invalid', 8, 2, 13],
  ]);
  assert.equal(problems[0]!.message, 'Not checked: pattern "^(a)\\\\1$" uses a backreference (\\1), which Milestones cannot run in linear time; the rest of the schema applies.');
  assert.match(problems[1]!.message, /^Not checked: pattern "\^\(\?<!x\)y\$" uses a lookbehind/);
});

test('a pattern left out of a JSON schema file is placed there too', () => {
  const registry = new SchemaRegistry(new MemoryHost({ '/ws/s.json': '{\n  "patternProperties": { "(?=a)": {} },\n  "pattern": "\\\\k<x>(?<x>.)"\n}\n' }), SETTING);
  assert.ok(registry.resolve('/ws', 'x.md', null, null).use);
  assert.deepEqual(registry.schemaFileProblems('/ws', 's.json').map((p) => [p.range.start.line, p.range.start.character, p.range.end.character]), [[2, 13, 28], [1, 25, 32]]);
});

test('a $schema or $ref the read policy refuses says which rule it broke, where it is written', () => {
  const host = new MemoryHost({
    '/elsewhere/s.yaml': 'type: object\n',
    '/ws/big.yaml': `description: "${'x'.repeat(300 * 1024)}"\n`,
    '/ws/docs/m.jsonschema.yaml': "type: object\nproperties:\n  a: { $ref: '../../elsewhere/s.yaml' }\n",
  });
  const registry = new SchemaRegistry(host);
  const outside = registry.resolve('/ws', 'docs/m.kb/010-x.md', 'kb', { $schema: '../../../elsewhere/s.yaml' });
  assert.deepEqual(outside.problems.map((p) => [p.code, p.message]), [
    ['schema-source', '$schema "../../../elsewhere/s.yaml" is not read: /elsewhere/s.yaml is outside the workspace folder; Milestones reads schemas only from inside it.'],
  ]);
  assert.equal(outside.use?.source, 'workspace', 'the next source applies');
  const big = registry.resolve('/ws', 'docs/m.kb/010-x.md', 'kb', { $schema: '../../big.yaml' });
  assert.equal(big.problems[0]!.message, '$schema "../../big.yaml" is not read: big.yaml is 300 KB, over the 256 KB limit for schema files.');
  assert.deepEqual(registry.schemaFileProblems('/ws', 'docs/m.jsonschema.yaml').map((p) => [p.code, p.range.start.line, p.message]), [
    ['schema-ref', 2, '$ref "../../elsewhere/s.yaml" is not read: /elsewhere/s.yaml is outside the workspace folder; Milestones reads schemas only from inside it.'],
  ]);
  assert.deepEqual(registry.schemaFileProblems('/ws', 'big.yaml').map((p) => [p.code, p.message]), [
    ['schema-source', 'This schema file is not read: big.yaml is 300 KB, over the 256 KB limit for schema files.'],
  ]);
  assert.ok(!registry.schemaFiles().includes('/elsewhere/s.yaml'), 'a refused file is never read');
});

test('one registry serving two folders reads each folder\'s files only for that folder', () => {
  const host = new MemoryHost({ '/a/s.yaml': 'type: object\nrequired: [x]\n' });
  const registry = new SchemaRegistry(host);
  assert.equal(registry.resolve('/a', 'n.md', null, { $schema: 's.yaml' }).use?.id, '/a/s.yaml');
  const other = registry.resolve('/b', 'n.md', null, { $schema: '../a/s.yaml' });
  assert.equal(other.use, null);
  assert.match(other.problems[0]!.message, /\/a\/s\.yaml is outside the workspace folder/);
});
