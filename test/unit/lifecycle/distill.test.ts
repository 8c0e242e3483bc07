import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { applyPlanToTexts } from '../../../src/core/lifecycle/applyPlanToTexts';
import type { ChangePlan, FolderSnapshot, LifecycleContext, PlanOutcome } from '../../../src/core/lifecycle/changePlan';
import { distillableNotes, distillHandoffs, nextDistillFolder } from '../../../src/core/lifecycle/distill/distillHandoffs';
import { expectedSummary } from './distillKit';

// Noon UTC: the local calendar day is the same in every zone from UTC-11 to UTC+11.
const ctx: LifecycleContext = { identity: 'tester', now: new Date('2026-11-21T12:00:00Z') };

function snapshotOf(files: Record<string, string>): FolderSnapshot {
  return { files: Object.keys(files).sort(), text: (file) => files[file] ?? null };
}

function planOf(outcome: PlanOutcome): ChangePlan {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return outcome.plan;
}

const NOTE_3 = [
  '# Ranking handoff — 2026-11-20',
  '',
  '## Changes made',
  '',
  '- Ranking by term frequency',
  '  - Title words count double',
  '- [x] Stop words dropped',
  '',
  '## Key Decisions',
  '- BM25 instead of TF-IDF: better short queries',
  '',
  '## Discoveries',
  '',
  '- 4% of pages have no title',
  '',
  '## Problems & Solutions',
  '',
  '- **Problem**: Scores overflowed on long pages',
  '  that repeat one word',
  '  **Solution**: Cap the term frequency',
  '  ```js',
  '  const tf = Math.min(count, 10);',
  '  ```',
  '',
  '- **Problem**: Ties between pages',
  '',
].join('\n');

/** A lesson written in the seed's own style: the lessons file takes it over as it is. */
const UNICODE_LESSON = [
  '## Unicode Highlighting',
  '',
  '**Problem:** `Highlight offsets wrong after emoji`',
  '',
  '**Solution:**',
  '- Count UTF-16 code units',
  '- Test with emoji titles',
];

const NOTE_4 = [
  '# Snippets handoff — 2026-11-21',
  '',
  '## Summary',
  '',
  'Result snippets with highlighted words.',
  '',
  '### Changes',
  '- Ranking by term frequency',
  '- Snippets cut at sentence ends',
  '',
  ...UNICODE_LESSON,
  '',
  '## Next Steps',
  '',
  '- [ ] Paginate results',
  '',
].join('\n');

const NOTE_5 = '# Cleanup — 2026-11-21\n\n## Summary\n\nRemoved the old index.\n\n## Next Steps\n\n- [ ] Nothing\n';

const FILES: Record<string, string> = {
  'handoffs/0-instructions/1-how-to.md': '# How to\n',
  'handoffs/1-core/0-milestone-summary.md': '# Milestone 1: Core — 2026-11-14\n\n## Changes\n- Reader\n',
  'handoffs/1-core/1-setup.md': '# Setup\n',
  'handoffs/2-search/0-milestone-summary.md': '# Milestone 2: Search — 2026-11-19\n\n## Changes\n- Index\n',
  'handoffs/2-search/2-index.md': '# Index\n',
  'handoffs/3-ranking.md': NOTE_3,
  'handoffs/5-cleanup.md': NOTE_5,
  'handoffs/4-snippets.md': NOTE_4,
  'docs/handoffs/1-docs-site.md': '# Docs site\n',
  'STATUS.md': '# Status\n',
};

test('the distillable notes are the numbered notes directly in each handoffs folder, in number order', () => {
  assert.deepEqual(distillableNotes(snapshotOf(FILES)), [
    { folder: 'docs/handoffs', notes: ['docs/handoffs/1-docs-site.md'] },
    { folder: 'handoffs', notes: ['handoffs/3-ranking.md', 'handoffs/4-snippets.md', 'handoffs/5-cleanup.md'] },
  ]);
  assert.deepEqual(distillableNotes(snapshotOf({ 'handoffs/1-core/1-setup.md': '# Setup\n' })), []);
});

test('the next milestone folder numbers on from the highest one of that handoffs folder', () => {
  const snapshot = snapshotOf({ ...FILES, 'handoffs/7-later/0-milestone-summary.md': '# Later\n' });
  assert.equal(nextDistillFolder(snapshot, 'handoffs', 'Search ranking (v2)!'), 'handoffs/8-search-ranking-v2');
  assert.equal(nextDistillFolder(snapshot, 'docs/handoffs', 'Docs'), 'docs/handoffs/1-docs');
});

const SUMMARY = expectedSummary(
  'Milestone 3: Search ranking — 2026-11-21',
  '[3-ranking.md](3-ranking.md), [4-snippets.md](4-snippets.md) and [5-cleanup.md](5-cleanup.md)',
  // Each bullet links its note; a text two notes share comes once; the lead sentences of a Summary are
  // changes; Current State is what the latest note says of it (5's Next Steps, 4's is out of date).
  {
    'Changes': [
      '- Ranking by term frequency ([3-ranking.md](3-ranking.md))', '  - Title words count double', '- Stop words dropped ([3-ranking.md](3-ranking.md))',
      '- Result snippets with highlighted words. ([4-snippets.md](4-snippets.md))', '- Snippets cut at sentence ends ([4-snippets.md](4-snippets.md))',
      '- Removed the old index. ([5-cleanup.md](5-cleanup.md))',
    ],
    'Decisions': ['- BM25 instead of TF-IDF: better short queries ([3-ranking.md](3-ranking.md))'],
    'Discoveries': ['- 4% of pages have no title ([3-ranking.md](3-ranking.md))'],
    'Current State': ['- To do: Nothing ([5-cleanup.md](5-cleanup.md))'],
  },
);

const LESSONS = [
  '# Lessons learned: Search ranking',
  '',
  '## Scores overflowed on long pages that repeat one word',
  '',
  '**Problem:** Scores overflowed on long pages that repeat one word',
  '',
  '**Solution:**',
  '- Cap the term frequency',
  '',
  '```js',
  'const tf = Math.min(count, 10);',
  '```',
  '',
  '## Ties between pages',
  '',
  '**Problem:** Ties between pages',
  '',
  '**Solution:**',
  '- <!-- Not recorded in the notes. -->',
  '',
  ...UNICODE_LESSON,
  '',
].join('\n');

test('distilling creates the summary and the lessons pre-filled from the notes, then moves the notes into the folder', () => {
  const snapshot = snapshotOf(FILES);
  const plan = planOf(distillHandoffs(snapshot, { notes: ['handoffs/5-cleanup.md', 'handoffs/3-ranking.md', 'handoffs/4-snippets.md'], name: ' Search ranking ' }, ctx));
  assert.deepEqual(plan.changes.map((c) => (c.kind === 'rename' ? `rename ${c.from} -> ${c.to}` : `${c.kind} ${c.file}`)), [
    'create handoffs/3-search-ranking/0-milestone-summary.md',
    'create handoffs/3-search-ranking/0-lessons-learned.md',
    'rename handoffs/3-ranking.md -> handoffs/3-search-ranking/3-ranking.md',
    'rename handoffs/4-snippets.md -> handoffs/3-search-ranking/4-snippets.md',
    'rename handoffs/5-cleanup.md -> handoffs/3-search-ranking/5-cleanup.md',
  ]);
  assert.equal(plan.primary, 'handoffs/3-search-ranking/0-milestone-summary.md');
  assert.equal(plan.summary, 'Distilled 3 handoff notes into the milestone "Search ranking" in handoffs/3-search-ranking/');
  const texts = applyPlanToTexts(snapshot, plan);
  assert.equal(texts.get('handoffs/3-search-ranking/0-milestone-summary.md'), SUMMARY);
  assert.equal(texts.get('handoffs/3-search-ranking/0-lessons-learned.md'), LESSONS);
  assert.equal(texts.get('handoffs/3-search-ranking/4-snippets.md'), NOTE_4);
  assert.equal(texts.get('handoffs/4-snippets.md'), null);
  assert.equal(texts.size, 8);
});

test('links keep working: between the moved notes, from them to the rest, and from other files to them', () => {
  const note3 = '# Ranking — 2026-11-20\n\nGoes on from [the index](2-search/2-index.md) and [setup](/handoffs/1-core/1-setup.md);\nnext: [snippets](./4-snippets.md#next-steps "Next") and [[ref]].\n\n[ref]: <4-snippets.md>\n';
  const note4 = '# Snippets — 2026-11-21\r\n\r\nAfter [ranking](3-ranking.md), see [STATUS](../STATUS.md), [site](https://example.com/4-snippets.md).\r\n';
  const note5 = '# Cleanup — 2026-11-21\n\nNot distilled; follows [snippets](4-snippets.md) and [ranking](/handoffs/3-ranking.md).\n';
  const status = '# Status\n\n- [x] Ranking, see [the note](handoffs/3-ranking.md)\n- [ ] [No such note](handoffs/9-none.md)\n';
  const snapshot = snapshotOf({ ...FILES, 'handoffs/3-ranking.md': note3, 'handoffs/4-snippets.md': note4, 'handoffs/5-cleanup.md': note5, 'STATUS.md': status });
  const plan = planOf(distillHandoffs(snapshot, { notes: ['handoffs/3-ranking.md', 'handoffs/4-snippets.md'], name: 'Ranking' }, ctx));
  assert.deepEqual(plan.changes.map((c) => (c.kind === 'rename' ? `rename ${c.from} -> ${c.to}` : `${c.kind} ${c.file}`)), [
    'create handoffs/3-ranking/0-milestone-summary.md',
    'create handoffs/3-ranking/0-lessons-learned.md',
    'edit handoffs/3-ranking.md',
    'edit handoffs/4-snippets.md',
    'edit STATUS.md',
    'edit handoffs/5-cleanup.md',
    'rename handoffs/3-ranking.md -> handoffs/3-ranking/3-ranking.md',
    'rename handoffs/4-snippets.md -> handoffs/3-ranking/4-snippets.md',
  ]);
  assert.equal(plan.summary, 'Distilled 2 handoff notes into the milestone "Ranking" in handoffs/3-ranking/; 5 links updated');
  const texts = applyPlanToTexts(snapshot, plan);
  assert.equal(texts.get('handoffs/3-ranking/3-ranking.md'), note3.replace('](2-search/2-index.md)', '](../2-search/2-index.md)'));
  assert.equal(texts.get('handoffs/3-ranking/4-snippets.md'), note4.replace('](../STATUS.md)', '](../../STATUS.md)'));
  assert.equal(texts.get('handoffs/5-cleanup.md'), note5.replace('](4-snippets.md)', '](3-ranking/4-snippets.md)').replace('](/handoffs/3-ranking.md)', '](/handoffs/3-ranking/3-ranking.md)'));
  assert.equal(texts.get('STATUS.md'), status.replace('](handoffs/3-ranking.md)', '](handoffs/3-ranking/3-ranking.md)'));
});

test('the summary reads as a completed handoff milestone whose bullets are its criteria', () => {
  const file = 'handoffs/3-search-ranking/0-milestone-summary.md';
  const reading = readMilestoneFile(file, SUMMARY)!;
  const m = reading.milestones[0]!;
  assert.deepEqual([reading.convention, m.id, m.title, m.status], ['handoff', '3', 'Milestone 3: Search ranking — 2026-11-21', 'completed']);
  // The criteria are the facts, without the links to the notes they came from.
  assert.deepEqual(m.steps.map((s) => s.text), [
    'Ranking by term frequency', 'Title words count double', 'Stop words dropped', 'Result snippets with highlighted words.',
    'Snippets cut at sentence ends', 'Removed the old index.', 'BM25 instead of TF-IDF: better short queries', '4% of pages have no title',
  ]);
  assert.deepEqual(reading.notes, []);
});

test('a note without sections or pairs gives its lead as changes and placeholders, and a name with spaces is linked in angle brackets', () => {
  const files = { 'handoffs/1-first try.md': '# First try\n\nJust text.\n' };
  const snapshot = snapshotOf(files);
  const texts = applyPlanToTexts(snapshot, planOf(distillHandoffs(snapshot, { notes: ['handoffs/1-first try.md'], name: 'Prototype' }, ctx)));
  assert.equal(texts.get('handoffs/1-prototype/0-milestone-summary.md'), expectedSummary('Milestone 1: Prototype — 2026-11-21', '[1-first try.md](<1-first try.md>)', {
    Changes: ['- Just text. ([1-first try.md](<1-first try.md>))'],
  }));
  const empty = snapshotOf({ 'handoffs/1-empty.md': '# Empty\n\n## References\n\n- docs/arch.md\n' });
  const emptyTexts = applyPlanToTexts(empty, planOf(distillHandoffs(empty, { notes: ['handoffs/1-empty.md'], name: 'Empty' }, ctx)));
  assert.equal(emptyTexts.get('handoffs/1-empty/0-milestone-summary.md'), expectedSummary('Milestone 1: Empty — 2026-11-21', '[1-empty.md](1-empty.md)', {}));
  assert.equal(texts.get('handoffs/1-prototype/0-lessons-learned.md'), [
    '# Lessons learned: Prototype',
    '',
    '## Topic',
    '',
    '**Problem:** <!-- The error or obstacle, e.g. `Cannot import Settings from library`. -->',
    '',
    '**Solution:**',
    '- <!-- What worked. -->',
    '',
  ].join('\n'));
  assert.equal(texts.get('handoffs/1-prototype/1-first try.md'), '# First try\n\nJust text.\n');
});

test('distilling refuses a missing name or note, files that are no top-level notes, notes of two folders, a missing note and a taken path', () => {
  // `unlisted`: files that exist without being milestone files (the snapshot lists none of them).
  const refusal = (notes: string[], name = 'Next', unlisted: Record<string, string> = {}) => {
    const snapshot: FolderSnapshot = { files: Object.keys(FILES), text: (file) => FILES[file] ?? unlisted[file] ?? null };
    const outcome = distillHandoffs(snapshot, { notes, name }, ctx);
    return outcome.kind === 'refused' ? [outcome.code, outcome.reason, ...(outcome.items ?? [])] : ['ok'];
  };
  assert.deepEqual(refusal(['handoffs/3-ranking.md'], '  '), ['invalid-input', 'the milestone needs a name']);
  assert.deepEqual(refusal([]), ['invalid-input', 'choose at least one handoff note to distill']);
  assert.deepEqual(refusal(['handoffs/1-core/1-setup.md']), ['not-applicable', 'handoffs/1-core/1-setup.md is not a handoff note directly in a handoffs/ folder (handoffs/N-name.md)']);
  assert.deepEqual(refusal(['STATUS.md', 'handoffs/0-instructions/1-how-to.md', 'handoffs/3-ranking.md']), [
    'not-applicable', '2 of the files are not a handoff note directly in a handoffs/ folder (handoffs/N-name.md)', 'STATUS.md', 'handoffs/0-instructions/1-how-to.md',
  ]);
  assert.deepEqual(refusal(['handoffs/3-ranking.md', 'docs/handoffs/1-docs-site.md']), [
    'invalid-input', 'the notes lie in different handoffs folders; distill each folder on its own', 'handoffs', 'docs/handoffs',
  ]);
  assert.deepEqual(refusal(['handoffs/9-gone.md']), ['not-found', 'handoffs/9-gone.md does not exist']);
  assert.deepEqual(refusal(['handoffs/3-ranking.md'], 'Next', { 'handoffs/3-next/3-ranking.md': 'older copy' }), ['exists', 'handoffs/3-next/3-ranking.md already exists']);
  assert.deepEqual(refusal(['handoffs/3-ranking.md'], 'Next', { 'handoffs/3-next/0-milestone-summary.md': '', 'handoffs/3-next/0-lessons-learned.md': '' }), [
    'exists', 'handoffs/3-next/0-milestone-summary.md already exists', 'handoffs/3-next/0-milestone-summary.md', 'handoffs/3-next/0-lessons-learned.md',
  ]);
});
