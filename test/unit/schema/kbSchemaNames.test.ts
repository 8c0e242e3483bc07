// One rule says which workspace schema a KB milestone follows; validation, the command line's and
// the extension's checks of schema files, and the watcher all use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kbSchemaFiles, kbSchemaNames } from '../../../src/core/schema/schemaLocations';

test('a file directly in NAME.kb/ may follow NAME.jsonschema.yaml, .yml or .json beside the folder', () => {
  assert.deepEqual(kbSchemaNames('docs/milestones.kb/010-parser.md'), ['docs/milestones.jsonschema.yaml', 'docs/milestones.jsonschema.yml', 'docs/milestones.jsonschema.json']);
  assert.deepEqual(kbSchemaNames('todo.kb/2026-04-20-002-slug.md'), ['todo.jsonschema.yaml', 'todo.jsonschema.yml', 'todo.jsonschema.json']);
  // Nested .kb folders pick their own sibling schema.
  assert.deepEqual(kbSchemaNames('a.kb/b.kb/010-x.md')[0], 'a.kb/b.jsonschema.yaml');
});

test('files elsewhere follow no folder schema', () => {
  for (const file of ['STATUS.md', '.kb/010-x.md', 'docs/kb/010-x.md', 'a.kb/sub/010-x.md']) assert.deepEqual(kbSchemaNames(file), [], file);
});

test('the schema files of many milestone files are listed once each', () => {
  assert.deepEqual([...kbSchemaFiles(['x.kb/010-a.md', 'x.kb/020-b.md', 'STATUS.md'])], ['x.jsonschema.yaml', 'x.jsonschema.yml', 'x.jsonschema.json']);
});
