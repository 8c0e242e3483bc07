// Whether a file read again keeps its tree rows (core/views/sameRows): then the tree repaints only
// those rows. Each case is an edit a person or an agent makes to a milestone file.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { sameRows } from '../../../src/core/views/sameRows';

const file = 'docs/milestones.kb/010-parser.md';
const text = '---\nstatus: in-progress\ngoal: Parse pages\n---\n\n# Milestone 010: Parser\n\n## Success Criteria\n\n- [ ] Lexer\n- [ ] Grammar\n';
const read = (t: string) => readMilestoneFile(file, t)!;

test('a box ticked or a step reworded keeps the rows', () => {
  assert.equal(sameRows(read(text), read(text.replace('- [ ] Lexer', '- [x] Lexer'))), true);
  assert.equal(sameRows(read(text), read(text.replace('Grammar', 'Grammar and AST'))), true);
  assert.equal(sameRows(read(text), read(text.replace('## Success', 'Some words.\n\n## Success'))), true, 'lines moved');
  assert.equal(sameRows(read(text), read(text.replace('goal: Parse pages', 'goal: Parse every page'))), true, 'another goal');
});

test('a new title or status, or the last step removed, changes the rows', () => {
  assert.equal(sameRows(read(text), read(text.replace('Milestone 010: Parser', 'Milestone 010: Parser v2'))), false);
  assert.equal(sameRows(read(text), read(text.replace('status: in-progress', 'status: done'))), false);
  assert.equal(sameRows(read(text), read(text.replace('- [ ] Lexer\n- [ ] Grammar\n', ''))), false);
});
