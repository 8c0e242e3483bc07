import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { handoffFolders, newHandoffNote } from '../../../../src/core/lifecycle/create/handoffNew';
import { ctx, created, DAY, folder, refusal } from './createKit';
import { handoffText } from './createFixtures';

/** The examples' handoffs: milestone folder 1 holding note 1, and note 2 not distilled yet. */
const EXAMPLES = {
  'handoffs/1-core-pipeline/0-milestone-summary.md': '# Milestone 1: Core pipeline\n\n## Changes\n\n- Renderer\n',
  'handoffs/1-core-pipeline/0-lessons-learned.md': '# Lessons\n',
  'handoffs/1-core-pipeline/1-project-setup.md': '# Project setup\n',
  'handoffs/2-search-index.md': '# Search index handoff\n',
};

const RANKING = handoffText('Ranking handoff', DAY);

test('a new handoff note takes the number after the highest note, sections of seed 002 ready to fill', () => {
  const out = created(newHandoffNote(folder(EXAMPLES), { title: 'Ranking' }, ctx));
  assert.equal(out.file, 'handoffs/3-ranking.md');
  assert.equal(out.text, RANKING);
  assert.equal(out.summary, 'Created handoff 3 "Ranking" in handoffs');
  const reading = readMilestoneFile(out.file, out.text)!;
  assert.deepEqual([reading.convention, reading.milestones[0]!.id, reading.milestones[0]!.title, reading.notes], ['handoff', '3', `Ranking handoff — ${DAY}`, []]);
});

test('notes moved into milestone folders count, the milestone folders\' own numbers and 0- files do not', () => {
  const files = {
    'handoffs/0-instructions/1-how-to.md': '# How\n',
    'handoffs/1-core/1-setup.md': '# 1\n',
    'handoffs/1-core/4-api.md': '# 4\n',
    'handoffs/9-later/0-milestone-summary.md': '# Later\n',
    'handoffs/2-entities.md': '# 2\n',
  };
  assert.equal(created(newHandoffNote(folder(files), { title: 'Next' }, ctx)).file, 'handoffs/5-next.md');
  assert.equal(created(newHandoffNote(folder({ 'handoffs/0-instructions/1-x.md': '# x\n' }), { title: 'First' }, ctx)).file, 'handoffs/1-first.md');
});

test('each handoffs folder counts its own notes', () => {
  const files = { ...EXAMPLES, 'docs/handoffs/7-old.md': '# Old\n' };
  assert.deepEqual(handoffFolders(folder(files)), ['docs/handoffs', 'handoffs']);
  assert.equal(created(newHandoffNote(folder(files), { folder: 'docs/handoffs/', title: 'Next' }, ctx)).file, 'docs/handoffs/8-next.md');
  assert.equal(created(newHandoffNote(folder(files), { folder: 'handoffs', title: 'Next' }, ctx)).file, 'handoffs/3-next.md');
  assert.deepEqual(refusal(newHandoffNote(folder(files), { title: 'Next' }, ctx), 'invalid-input', /name the handoffs folder/).items, ['docs/handoffs', 'handoffs']);
});

test('handoffFolders finds a folder from its milestone folders alone, and is handoffs when there is none', () => {
  assert.deepEqual(handoffFolders(folder({ 'x/handoffs/2-a/0-milestone-summary.md': '# A\n', 'README.md': '# R\n' })), ['x/handoffs']);
  assert.deepEqual(handoffFolders(folder({})), ['handoffs']);
});

test('a title that ends in "handoff" is not doubled in the heading', () => {
  assert.match(created(newHandoffNote(folder({}), { title: 'Session 4 handoff' }, ctx)).text, new RegExp(`^# Session 4 handoff — ${DAY}\n`));
});

test('bad input is refused: a folder not named handoffs, an empty title, an existing file', () => {
  refusal(newHandoffNote(folder({}), { folder: 'notes', title: 'T' }, ctx), 'invalid-input', /^notes is not a handoffs folder/);
  refusal(newHandoffNote(folder({}), { title: '' }, ctx), 'invalid-input', /^the title is empty$/);
  const hidden = { files: [], text: (f: string) => (f === 'handoffs/1-t.md' ? 'x' : null) };
  refusal(newHandoffNote(hidden, { title: 'T' }, ctx), 'exists', /^handoffs\/1-t\.md already exists$/);
});
