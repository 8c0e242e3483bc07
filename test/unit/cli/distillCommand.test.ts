// `milestones distill` on a copy of examples/: the milestone folder with its exact files, the note
// moved into it, the workspace still valid; refusals and usage errors.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedSummary, SEARCH_INDEX_SECTIONS } from '../lifecycle/distillKit';
import { runCli } from './cliHarness';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** A fresh copy of examples/, removed when the test ends. */
function workspace(t: TestContext): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-distill-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  cpSync(EXAMPLES, root, { recursive: true });
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

test('distill creates the next milestone folder with its summary and lessons, and moves the note into it', (t) => {
  const root = workspace(t);
  const note = read(root, 'handoffs/2-search-index.md');
  // From inside handoffs/: the note is named relative to the current folder, the workspace by --root.
  const run = runCli(['distill', '--root', '..', 'Search index', '2-search-index.md'], path.join(root, 'handoffs'));
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, [
    'Distilled 1 handoff note into the milestone "Search index" in handoffs/2-search-index/',
    '  created handoffs/2-search-index/0-milestone-summary.md',
    '  created handoffs/2-search-index/0-lessons-learned.md',
    '  moved   handoffs/2-search-index.md -> handoffs/2-search-index/2-search-index.md',
    '',
  ].join('\n'));
  assert.equal(read(root, 'handoffs/2-search-index/0-milestone-summary.md'), expectedSummary(
    `Milestone 2: Search index — ${today}`,
    '[2-search-index.md](2-search-index.md)',
    SEARCH_INDEX_SECTIONS,
  ));
  assert.equal(read(root, 'handoffs/2-search-index/0-lessons-learned.md'), [
    '# Lessons learned: Search index',
    '',
    '## Index too large for big sites',
    '',
    '**Problem:** Index too large for big sites',
    '',
    '**Solution:**',
    '- Store word stems only',
    '',
  ].join('\n'));
  assert.equal(read(root, 'handoffs/2-search-index/2-search-index.md'), note);
  assert.equal(existsSync(path.join(root, 'handoffs/2-search-index.md')), false);
  assert.deepEqual(readdirSync(path.join(root, 'handoffs')).sort(), ['1-core-pipeline', '2-search-index']);
  const validate = runCli(['validate', root]);
  assert.equal(validate.stdout, 'No problems in 17 files checked.\n');
  assert.equal(validate.status, 0);
});

test('distill updates the links to the moved note, the same edit as the extension', (t) => {
  const root = workspace(t);
  const SETUP = 'handoffs/1-core-pipeline/1-project-setup.md';
  const setup = `${read(root, SETUP)}\nThe search index came next: [its handoff](../2-search-index.md#summary).\n`;
  writeFileSync(path.join(root, SETUP), setup);
  const run = runCli(['distill', 'Search index', 'handoffs/2-search-index.md'], root);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, [
    'Distilled 1 handoff note into the milestone "Search index" in handoffs/2-search-index/; 1 link updated',
    '  created handoffs/2-search-index/0-milestone-summary.md',
    '  created handoffs/2-search-index/0-lessons-learned.md',
    `  edited  ${SETUP}`,
    '  moved   handoffs/2-search-index.md -> handoffs/2-search-index/2-search-index.md',
    '',
  ].join('\n'));
  assert.equal(read(root, SETUP), setup.replace('](../2-search-index.md#summary)', '](../2-search-index/2-search-index.md#summary)'));
});

test('distill refuses a note already in a milestone folder and needs a name and a note', (t) => {
  const root = workspace(t);
  const refused = runCli(['distill', 'Setup', 'handoffs/1-core-pipeline/1-project-setup.md'], root);
  assert.equal(refused.status, 1);
  assert.equal(refused.stderr, 'milestones: refused: handoffs/1-core-pipeline/1-project-setup.md is not a handoff note directly in a handoffs/ folder (handoffs/N-name.md)\n');
  const usage = runCli(['distill', 'Search index'], root);
  assert.equal(usage.status, 2);
  assert.equal(usage.stderr, 'milestones: distill takes a name and at least one handoff note\n');
  assert.equal(runCli(['distill', '', 'handoffs/2-search-index.md'], root).status, 1);
  assert.equal(existsSync(path.join(root, 'handoffs/2-search-index.md')), true);
});
