// The three outputs of `milestones validate`, from hand-built problems (no validation involved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem } from '../../../src/core/problems';
import { compareReported, escapeData, escapeProperty, formatGithub, formatHuman, formatJson, reported } from '../../../src/cli/problemFormats';
import { outputFormat } from '../../../src/cli/validateCommand';

const problem = (file: string, line: number, character: number, endCharacter: number, severity: Problem['severity'], code: string, message: string): Problem =>
  ({ file, severity, code, message, range: { start: { line, character }, end: { line, character: endCharacter } } });

const ENUM = 'status "done" is not one of planned, in_progress, completed, blocked, archived — did you mean "completed"?';
const PROBLEMS = [
  reported('b.md', problem('b.md', 0, 0, 3, 'warning', 'kb-numbering', 'number 15 breaks the scheme')),
  reported('a.md', problem('a.md', 4, 8, 12, 'error', 'schema-enum', ENUM)),
  reported('a.md', problem('a.md', 0, 0, 3, 'info', 'nonstandard-marker', 'use - [ ]')),
].sort(compareReported);

test('positions become 1-based lines and columns', () => {
  assert.deepEqual(reported('x/a.md', problem('a.md', 4, 8, 12, 'error', 'schema-enum', 'm')), {
    file: 'x/a.md', line: 5, column: 9, endLine: 5, endColumn: 13, severity: 'error', code: 'schema-enum', message: 'm',
  });
});

test('sorted by file, then position', () => {
  assert.deepEqual(PROBLEMS.map((p) => `${p.file}:${p.line}`), ['a.md:1', 'a.md:5', 'b.md:1']);
});

test('human: file:line:col severity code message, then a summary', () => {
  assert.equal(formatHuman(PROBLEMS, 7), [
    'a.md:1:1 info nonstandard-marker use - [ ]',
    `a.md:5:9 error schema-enum ${ENUM}`,
    'b.md:1:1 warning kb-numbering number 15 breaks the scheme',
    '3 problems (1 error, 1 warning, 1 info) in 7 files checked.',
    '',
  ].join('\n'));
  assert.equal(formatHuman([], 1), 'No problems in 1 file checked.\n');
  const multi = [reported('a.md', problem('a.md', 0, 0, 1, 'error', 'yaml-syntax', 'bad\nyaml'))];
  assert.equal(formatHuman(multi, 1).split('\n')[0], 'a.md:1:1 error yaml-syntax bad yaml');
});

test('json: exactly the contract keys, in order, on one line', () => {
  const text = formatJson(PROBLEMS);
  assert.ok(text.endsWith('}\n') && !text.slice(0, -1).includes('\n'));
  const doc = JSON.parse(text) as { problems: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(doc), ['problems']);
  for (const p of doc.problems) assert.deepEqual(Object.keys(p), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  assert.deepEqual(doc.problems[1], { file: 'a.md', line: 5, column: 9, endLine: 5, endColumn: 13, severity: 'error', code: 'schema-enum', message: ENUM });
  assert.equal(formatJson([]), '{"problems":[]}\n');
});

test('github: one workflow command a problem, notice for info', () => {
  assert.equal(formatGithub(PROBLEMS), [
    '::notice file=a.md,line=1,col=1,endLine=1,endColumn=4,title=nonstandard-marker::use - [ ]',
    `::error file=a.md,line=5,col=9,endLine=5,endColumn=13,title=schema-enum::${ENUM}`,
    '::warning file=b.md,line=1,col=1,endLine=1,endColumn=4,title=kb-numbering::number 15 breaks the scheme',
    '',
  ].join('\n'));
  assert.equal(formatGithub([]), '');
});

test('github: % CR LF escaped in messages, also : and , in properties', () => {
  assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('dir:x/a,b%.md'), 'dir%3Ax/a%2Cb%25.md');
  const odd = [reported('we,ird:dir/100%.md', problem('x', 1, 0, 2, 'warning', 'session-progress', 'progress 50% ≠ 33%\nrecompute'))];
  assert.equal(formatGithub(odd), '::warning file=we%2Cird%3Adir/100%25.md,line=2,col=1,endLine=2,endColumn=3,title=session-progress::progress 50%25 ≠ 33%25%0Arecompute\n');
});

test('--format and --json', () => {
  assert.equal(outputFormat(undefined, false), 'human');
  assert.equal(outputFormat(undefined, true), 'json');
  assert.equal(outputFormat('github', false), 'github');
  assert.equal(outputFormat('json', true), 'json');
  assert.equal(outputFormat('github', true), null);
  assert.equal(outputFormat('xml', false), null);
});
