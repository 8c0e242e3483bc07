import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath, readMilestoneFile, whySkipped } from '../../../src/core/conventions/readMilestoneFile';
import type { Milestone } from '../../../src/core/model';
import {
  DATED_KB, FOLDER_NOTES, INDEX, KB_TEMPLATE, LEGEND_ONLY, LINKED_STEPS, STATUS_WITH_LEGEND, STATUS_WITH_TEMPLATE_BLOCK,
  TABLE_STATUS, TABLE_STATUS_ES, TEMPLATE,
} from './recognitionFixtures';

const variants = (t: string): string[] => [t, t.replace(/\n/g, '\r\n'), '\uFEFF' + t.replace(/\n/g, '\r\n')];
const summary = (m: Milestone): string => `${m.title} ${m.progress.done}/${m.progress.total} ${m.status ?? '-'}`;

test('a legend of the markers is no milestone: a file that only holds one is skipped, with why', () => {
  for (const text of variants(LEGEND_ONLY)) assert.equal(readMilestoneFile('docs/milestone-tracking.md', text), null);
  const why = whySkipped('docs/milestone-tracking.md', LEGEND_ONLY);
  assert.equal(why?.reason, 'legend');
  assert.equal(why?.line, 4);
  assert.match(why.message, /legend of the markers \("\[ \] -> Not started" on line 5\)/);
});

test('legend items (a Legend section, a run of status words with different markers) are no steps beside real ones', () => {
  for (const text of variants(STATUS_WITH_LEGEND)) {
    const reading = readMilestoneFile('STATUS.md', text);
    assert.deepEqual(reading?.milestones.map(summary), ['Beta 1/2 -']);
    // `[~]` of the legend is not flagged as a non-standard marker either: it is not a step.
    assert.deepEqual(reading?.notes.filter((n) => n.code === 'nonstandard-marker'), []);
  }
  assert.equal(whySkipped('STATUS.md', STATUS_WITH_LEGEND), null);
});

test('a template (placeholder name and status) is skipped; a template block beside a real milestone is left out', () => {
  for (const text of variants(TEMPLATE)) assert.equal(readMilestoneFile('docs/milestone-spec.md', text), null);
  assert.equal(readMilestoneFile('STATUS.md', TEMPLATE), null);
  const why = whySkipped('STATUS.md', TEMPLATE);
  assert.equal(why?.reason, 'template');
  assert.equal(why?.line, 2);
  assert.match(why.message, /a template \(placeholder "<name>" on line 3\)/);
  assert.equal(readMilestoneFile('docs/milestones.kb/000-new.md', KB_TEMPLATE), null);
  assert.equal(whySkipped('docs/milestones.kb/000-new.md', KB_TEMPLATE)?.reason, 'template');
  assert.deepEqual(readMilestoneFile('STATUS.md', STATUS_WITH_TEMPLATE_BLOCK)?.milestones.map(summary), ['Search 1/2 In progress']);
  const json = JSON.stringify({ milestone_id: '{{id}}', title: '{{title}}', status: 'pending', steps: [] });
  assert.equal(readMilestoneFile('SESSIONS/MILESTONES/_new.json', json), null);
});

test('an index that only links to milestone files is skipped; steps that link other documents are steps', () => {
  for (const text of variants(INDEX)) assert.equal(readMilestoneFile('MILESTONES.md', text), null);
  const why = whySkipped('MILESTONES.md', INDEX);
  assert.equal(why?.reason, 'index');
  assert.match(why.message, /an index that only links to milestone files \(3 links\)/);
  assert.deepEqual(readMilestoneFile('ROADMAP.md', LINKED_STEPS)?.milestones.map(summary), ['Docs 1/2 -']);
});

test('guides in a milestones folder and templates by name are skipped by their path', () => {
  assert.equal(classifyPath('SESSIONS/MILESTONES/README.md'), null);
  assert.equal(whySkipped('SESSIONS/MILESTONES/README.md', LEGEND_ONLY)?.message, 'not read as a milestone file: README.md in a milestones folder is the folder\'s guide');
  assert.equal(whySkipped('SESSIONS/MILESTONES/DECISIONS.md', '# Decisions\n')?.reason, 'guide');
  assert.equal(whySkipped('docs/milestones.kb/CLAUDE.md', '# Guide\n')?.message, 'not read as a milestone file: CLAUDE.md in a .kb folder is the folder\'s guide');
  assert.equal(whySkipped('plans/MILESTONE_TEMPLATE.md', TEMPLATE)?.reason, 'template');
  // A milestone file, and a file nothing made look like one, are not "skipped".
  assert.equal(whySkipped('STATUS.md', STATUS_WITH_TEMPLATE_BLOCK), null);
  assert.equal(whySkipped('docs/notes.md', '# Notes\n\nNothing here.\n'), null);
});

test('a file of a milestones folder whose status is only in a table is one milestone, in any language', () => {
  for (const text of variants(TABLE_STATUS)) {
    const m = readMilestoneFile('docs/milestones/M2-payments.md', text)?.milestones;
    assert.deepEqual(m?.map(summary), ['M2: Payments 0/0 In Progress']);
    assert.equal(m?.[0]?.statusCategory, 'active');
    assert.equal(m?.[0]?.line, 0);
  }
  const es = readMilestoneFile('milestones/hito-3.md', TABLE_STATUS_ES)?.milestones[0];
  assert.equal(es?.title, 'Hito 3: Facturación');
  assert.equal(es?.status, 'En curso');
  assert.equal(es?.statusCategory, 'active');
  // Notes in the same folder state no status: not a milestone. Outside such a folder the table alone says nothing.
  assert.equal(readMilestoneFile('milestones/notes.md', FOLDER_NOTES), null);
  assert.equal(readMilestoneFile('docs/payments.md', TABLE_STATUS), null);
  // A keyword milestone takes its status from a table in its section too.
  const withHeading = readMilestoneFile('ROADMAP.md', '## Milestone: Beta\n\n| Statut | Terminé |\n|---|---|\n\n- [x] a\n')?.milestones[0];
  assert.equal(withHeading?.status, 'Terminé');
  assert.equal(withHeading?.statusCategory, 'done');
});

test('a date-prefixed KB name keeps its whole prefix as the id, and its slug as the fallback title', () => {
  assert.equal(readMilestoneFile('todo.kb/2026-04-20-002-lexer.md', DATED_KB)?.milestones[0]?.id, '2026-04-20-002');
  assert.equal(readMilestoneFile('todo.kb/2026-04-20-search.md', '---\nstatus: done\n---\n')?.milestones[0]?.id, '2026-04-20');
  const untitled = readMilestoneFile('todo.kb/2026-04-20-003-token-lines.md', '---\nstatus: done\n---\n')?.milestones[0];
  assert.equal(untitled?.title, 'token lines');
  assert.equal(readMilestoneFile('docs/milestones.kb/010-core.md', DATED_KB)?.milestones[0]?.id, '010');
});

test('titles that only mention markup or tags are no templates', () => {
  const title = (t: string) => readMilestoneFile('ROADMAP.md', `## Milestone: ${t}\n\n- [ ] a\n`)?.milestones[0]?.title ?? null;
  for (const t of ['Refactor the <Header> component', 'Render <Card size="s" /> lazily', 'Line breaks <br> in titles', 'Release [v2]', 'Release: [beta]', 'Escape <script> and <style> in notes']) assert.equal(title(t), t, t);
  for (const t of ['<name>', '<Milestone Name>', '<Title>', 'Ship <short_slug>', '[Name]', 'Phase 2: [Milestone Name]', '{{title}}']) assert.equal(title(t), null, t);
  const status = (s: string) => readMilestoneFile('ROADMAP.md', `## Milestone: Beta\n\n**Status:** ${s}\n\n- [ ] a\n`)?.milestones[0]?.status ?? null;
  assert.equal(status('In progress / blocked'), 'In progress / blocked');
  assert.equal(status('<status>'), null);
  assert.equal(status('planned | in_progress | done'), null);
});
