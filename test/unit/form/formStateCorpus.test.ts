import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { formStateOf } from '../../../src/core/form/formState';
import { builtinSchemaFor } from '../../../src/core/schema/builtinSchemas';
import type { ConventionId } from '../../../src/core/model';
import { validate } from '../validate/validateKit';
import { CORPUS, needsCorpus } from '../support/corpus';

/** Every file below `root` as [path relative to `root`, absolute path]. */
function filesUnder(root: string): [string, string][] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .map((abs): [string, string] => [path.relative(root, abs).split(path.sep).join('/'), abs])
    .sort();
}

/** Runs the form over `file` with and without its schema; returns the convention when it is a milestone file. */
function formOf(file: string, text: string): ConventionId | null {
  const reading = readMilestoneFile(file, text);
  const schema = reading !== null ? builtinSchemaFor(reading.convention)?.schema ?? null : null;
  for (const s of [schema, null]) {
    const state = formStateOf(file, text, reading, s, validate(file, text));
    if (reading === null) { assert.equal(state.kind, 'unsupported', file); continue; }
    assert.equal(state.kind, 'form', `${file}: ${state.kind === 'unsupported' ? state.reason : ''}`);
    if (state.kind === 'form') assert.equal(state.milestones.length, reading.milestones.length, file);
    // Plain data only: it survives the trip to the webview unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state, file);
  }
  return reading?.convention ?? null;
}

test('every corpus milestone file gives a form, with and without its schema', needsCorpus, () => {
  const corpus = CORPUS;
  const seen = new Set<ConventionId>();
  for (const [rel, abs] of filesUnder(corpus)) {
    const file = rel.split('/').slice(1).join('/'); // relative to its repository, as the extension sees it
    if (file === '') continue;
    const c = formOf(file, readFileSync(abs, 'utf8'));
    if (c !== null) seen.add(c);
  }
  assert.deepEqual([...seen].sort(), ['execplan', 'handoff', 'kb', 'kiro', 'status-md']);
});

test('every examples/ milestone file gives a form, every convention', () => {
  const seen = new Set<ConventionId>();
  for (const [file, abs] of filesUnder(path.resolve(process.cwd(), 'examples'))) {
    const c = formOf(file, readFileSync(abs, 'utf8'));
    if (c !== null) seen.add(c);
  }
  assert.deepEqual([...seen].sort(), ['codex-plan', 'execplan', 'handoff', 'kb', 'kiro', 'session-json', 'spec-kit', 'status-md']);
});
