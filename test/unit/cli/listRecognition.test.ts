import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli, writeFolder } from './cliHarness';
import type { ListDocument } from './cliHarness';
import {
  DATED_KB, FOLDER_NOTES, INDEX, KB_TEMPLATE, LEGEND_ONLY, SKILL_REF_SCHEMA, STATUS_WITH_LEGEND, TABLE_STATUS, TABLE_STATUS_ES, TEMPLATE,
} from '../conventions/recognitionFixtures';

/** One folder with every recognition case: files that describe a convention, and milestone files once missed. */
const FILES: Record<string, string> = {
  'STATUS.md': STATUS_WITH_LEGEND,
  'MILESTONES.md': INDEX,
  'docs/milestone-tracking.md': LEGEND_ONLY,
  'docs/milestone-spec.md': TEMPLATE,
  'templates/MILESTONE_TEMPLATE.md': TEMPLATE,
  'SESSIONS/MILESTONES/README.md': LEGEND_ONLY,
  'SESSIONS/MILESTONES/DECISIONS.md': '# Decisions\n\n## Milestone: Beta approved\n\n- [x] Evidence reviewed\n',
  'SESSIONS/MILESTONES/ship.json': JSON.stringify({ milestone_id: 'ship', title: 'Ship', status: 'pending', steps: [{ step: 1, description: 'Build', status: 'pending' }] }),
  'milestones/M2-payments.md': TABLE_STATUS,
  'milestones/hito-3.md': TABLE_STATUS_ES,
  'milestones/notes.md': FOLDER_NOTES,
  'todo.kb/2026-04-20-001-parser.md': DATED_KB,
  'todo.kb/2026-04-20-002-lexer.md': DATED_KB.replace('status: in-progress', 'status: in-progress\ndepends-on: ["2026-04-20-001"]'),
  'todo.kb/000-new.md': KB_TEMPLATE,
  'todo.jsonschema.yaml': SKILL_REF_SCHEMA,
};

let root = '';
before(() => { root = writeFolder('milestones-recognition-', FILES); });
after(() => rmSync(root, { recursive: true, force: true }));

test('list reads only the milestone files: no legend, template, index or guide; table-status and dated KB files included', () => {
  const run = runCli(['list', '--json'], root);
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as ListDocument;
  assert.deepEqual(doc.milestones.map((m) => [m.file, m.id, m.title, m.status]), [
    ['SESSIONS/MILESTONES/ship.json', 'ship', 'Ship', 'pending'],
    ['STATUS.md', null, 'Beta', null],
    ['milestones/M2-payments.md', null, 'M2: Payments', 'In Progress'],
    ['milestones/hito-3.md', null, 'Hito 3: Facturación', 'En curso'],
    ['todo.kb/2026-04-20-001-parser.md', '2026-04-20-001', 'Lexer', 'in-progress'],
    ['todo.kb/2026-04-20-002-lexer.md', '2026-04-20-002', 'Lexer', 'in-progress'],
  ]);
  assert.deepEqual(doc.notes.filter((n) => n.code.startsWith('skipped-')), [], 'skips are told only with --verbose');
});

test('list --verbose says why each skipped file is not a milestone file', () => {
  const run = runCli(['list', '--json', '--verbose'], root);
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as ListDocument;
  assert.deepEqual(doc.notes.filter((n) => n.code.startsWith('skipped-')).map((n) => [n.file, n.code, n.line, n.severity]), [
    ['MILESTONES.md', 'skipped-index', null, 'info'],
    ['SESSIONS/MILESTONES/DECISIONS.md', 'skipped-guide', null, 'info'],
    ['SESSIONS/MILESTONES/README.md', 'skipped-guide', null, 'info'],
    ['docs/milestone-spec.md', 'skipped-template', 3, 'info'],
    ['docs/milestone-tracking.md', 'skipped-legend', 5, 'info'],
    ['templates/MILESTONE_TEMPLATE.md', 'skipped-template', null, 'info'],
    ['todo.kb/000-new.md', 'skipped-template', 1, 'info'],
  ]);
  assert.equal(doc.milestones.length, 6, '--verbose lists the same milestones');
  const table = runCli(['list', '-v', root]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /MILESTONES\.md {2}info {2}not read as a milestone file: an index that only links to milestone files \(3 links\)/);
  assert.match(table.stdout, /docs\/milestone-tracking\.md:5 {2}info {2}not read as a milestone file: its task items are a legend of the markers/);
});

test('validate: dated KB names raise no numbering warning, and a custom-scheme $ref is a warning that does not fail the run', () => {
  const run = runCli(['validate', '--json', root]);
  const problems = (JSON.parse(run.stdout) as { problems: { file: string; code: string; severity: string }[] }).problems;
  assert.deepEqual(problems.filter((p) => p.code === 'kb-numbering' || p.code === 'kb-depends-missing'), []);
  assert.deepEqual(problems.filter((p) => p.code === 'schema-ref').map((p) => [p.file, p.severity]), [['todo.jsonschema.yaml', 'warning']]);
  assert.equal(problems.some((p) => p.severity === 'error'), false, JSON.stringify(problems));
  assert.equal(run.status, 0);
});
