import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { Problem } from '../../../src/core/problems';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { validateFile } from '../../../src/core/validate/validateFile';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { nodeSchemaHost } from '../../../src/core/workspace/nodeSchemaHost';
import { forbidNetwork, networkAttempts } from '../schema/noNetwork';
import { crlfBom } from './validateKit';
import { CORPUS, corpusPresent, needsCorpus } from '../support/corpus';

forbidNetwork();

// Third-party files, read in place (never copied into the project).

/** Files of one corpus repository, relative to it, `/`-separated. */
function filesOf(repo: string): string[] {
  const root = path.join(CORPUS, repo);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

function validateInRepo(repo: string, file: string, text?: string): Problem[] {
  const root = path.join(CORPUS, repo);
  const t = text ?? readFileSync(path.join(root, file), 'utf8');
  const schemas = new SchemaRegistry(nodeSchemaHost);
  return validateFile(file, t, readMilestoneFile(file, t), { schemas, folderRoot: root, today: '2026-05-05' });
}

const repos = corpusPresent ? readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];

test('validating every corpus file (LF, and CRLF with a BOM) never throws, and every range lies inside the text', needsCorpus, () => {
  let checked = 0;
  for (const repo of repos) {
    for (const file of filesOf(repo)) {
      const lf = readFileSync(path.join(CORPUS, repo, file), 'utf8');
      for (const text of [lf, crlfBom(lf)]) {
        const problems = validateInRepo(repo, file, text);
        const index = new LineIndex(text);
        for (const p of problems) {
          assert.ok(p.range.start.line >= 0 && p.range.end.line < index.lineCount, `${repo}/${file}: ${p.code} line ${p.range.start.line}`);
          assert.ok(p.range.start.line < p.range.end.line || p.range.start.character <= p.range.end.character, `${repo}/${file}: ${p.code} range backwards`);
        }
        checked++;
      }
    }
  }
  assert.ok(checked > 20);
  assert.deepEqual(networkAttempts, []);
});

const schemaCodes = (ps: readonly Problem[]): string[] => ps.filter((p) => p.code.startsWith('schema-') || p.code.endsWith('-syntax')).map((p) => p.code);

test('the gtfs-visualizer MS003 ExecPlan milestone passes the built-in ExecPlan schema (unquoted dates are strings)', needsCorpus, () => {
  const file = '.agent/exec_plans/active/gtfs-foundation/milestones/active/MS003_gtfs-foundation.md';
  assert.deepEqual(schemaCodes(validateInRepo('thebasay0u__gtfs-visualizer', file)), []);
});

test('the agentrules MS004 milestone passes: created unquoted, updated quoted, block-style tags', needsCorpus, () => {
  const file = '.agent/exec_plans/complete/2026/05/05/EP-20260505-001_claude-code-runtime-hardening/milestones/complete/MS004_centralize-provider-object-coercion.md';
  assert.deepEqual(schemaCodes(validateInRepo('trevor-nichols__agentrules-architect', file)), []);
  const broken = readFileSync(path.join(CORPUS, 'trevor-nichols__agentrules-architect', file), 'utf8').replace('status: completed', 'status: complete');
  const p = validateInRepo('trevor-nichols__agentrules-architect', file, broken).filter((x) => x.code === 'schema-enum');
  assert.deepEqual(p.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[5, 8, 16]]);
});

test('the git-partial KB milestones pass their own milestones.jsonschema.yaml, and the moved folder the built-in KB schema', needsCorpus, () => {
  const repo = 'bukzor__git-partial.prototyping';
  const schemas = new SchemaRegistry(nodeSchemaHost);
  const root = path.join(CORPUS, repo);
  for (const file of ['docs/milestones.kb/010-single-session-core.md', 'docs/milestones.kb/020-multi-agent-persistence.md']) {
    assert.equal(schemas.resolve(root, file, 'kb', null).use?.id, path.join(root, 'docs/milestones.jsonschema.yaml'));
    assert.deepEqual(schemaCodes(validateInRepo(repo, file)), [], file);
  }
  assert.equal(schemas.resolve(root, 'docs/dev/milestones.kb/040-polish.md', 'kb', null).use?.id, 'builtin:kb-milestone');
  assert.deepEqual(schemaCodes(validateInRepo(repo, 'docs/dev/milestones.kb/040-polish.md')), []);
  assert.deepEqual(schemas.schemaFileProblems(root, 'docs/milestones.jsonschema.yaml'), []);
});

test('a KB milestone that breaks its workspace schema gets the workspace schema\'s enum in the message', needsCorpus, () => {
  const repo = 'bukzor__git-partial.prototyping';
  const file = 'docs/milestones.kb/020-multi-agent-persistence.md';
  const text = readFileSync(path.join(CORPUS, repo, file), 'utf8').replace('status: not-started', 'status: not_started').replace('depends-on: ["010"]', 'depends-on: ["10"]');
  const problems = validateInRepo(repo, file, text).filter((p) => p.code.startsWith('schema-'));
  assert.deepEqual(problems.map((p) => p.code).sort(), ['schema-enum', 'schema-pattern']);
  assert.equal(problems.find((p) => p.code === 'schema-enum')!.message, 'status "not_started" is not one of not-started, in-progress, completed — did you mean "not-started"?');
});
