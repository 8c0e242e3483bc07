// `milestones validate --json` on every folder of ../shared/corpus (real files from public
// repositories): never a crash, exit 0 or 1 as the errors say, one valid sorted JSON document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compareReported, type ReportedProblem } from '../../../src/cli/problemFormats';
import { runCli } from './cliHarness';
import { CORPUS, corpusPresent, needsCorpus } from '../support/corpus';

const folders = !corpusPresent ? [] : readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function validate(args: string[]): ReportedProblem[] {
  const run = runCli(['validate', '--json', ...args]);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, 'no internal error, no stack trace');
  const doc = JSON.parse(run.stdout) as { problems: ReportedProblem[] };
  const problems = doc.problems;
  assert.equal(run.status, problems.some((p) => p.severity === 'error') ? 1 : 0, 'exit 1 exactly when there is an error');
  for (const p of problems) {
    assert.ok(p.line >= 1 && p.column >= 1 && (p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column)), `range of ${JSON.stringify(p)}`);
    assert.ok(['error', 'warning', 'info'].includes(p.severity) && /^[a-z][a-z0-9-]*$/.test(p.code) && p.message.length > 0, JSON.stringify(p));
  }
  for (let i = 1; i < problems.length; i++) assert.ok(compareReported(problems[i - 1]!, problems[i]!) <= 0, `not sorted at ${i}`);
  return problems;
}

test('the corpus has folders', needsCorpus, () => assert.ok(folders.length >= 10));

for (const folder of folders) {
  test(`validate --json ${folder}`, () => {
    for (const p of validate([path.join(CORPUS, folder)])) assert.ok(!p.file.startsWith('/'), `${p.file} is relative to the folder`);
  });
}

test('validate --json with every corpus folder at once: files prefixed by their folder', needsCorpus, () => {
  const args = folders.map((f) => path.join(CORPUS, f));
  for (const p of validate(args)) assert.ok(args.some((a) => p.file.startsWith(`${a}/`)), `${p.file} starts with its folder`);
});

test('human and github formats on the corpus: no crash, a summary line', needsCorpus, () => {
  const args = folders.map((f) => path.join(CORPUS, f));
  const human = runCli(['validate', ...args]);
  assert.ok(human.status === 0 || human.status === 1, human.stderr);
  assert.match(human.stdout, /(No problems|\d+ problems?) .*in \d+ files? checked\.\n$/);
  const github = runCli(['validate', '--format', 'github', ...args]);
  assert.equal(github.status, human.status);
  for (const line of github.stdout.split('\n').filter(Boolean)) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::/);
});
