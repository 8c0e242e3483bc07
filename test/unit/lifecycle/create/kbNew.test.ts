import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { kbChoices, newKbMilestone, nextKbNumber } from '../../../../src/core/lifecycle/create/kbNew';
import type { JsonSchema } from '../../../../src/core/schema/schemaTypes';
import { ctx, created, DAY, folder, refusal } from './createKit';

const KB = 'docs/milestones.kb';
const kb = (status: string) => `---\nstatus: ${status}\ngoal: G\ndepends-on: []\ndeliverables: []\n---\n\n# M\n`;
/** The examples' KB folder: 010, 020, 030 and the folder guide. */
const EXAMPLES = {
  [`${KB}/010-parser.md`]: kb('completed'),
  [`${KB}/020-renderer.md`]: kb('in-progress'),
  [`${KB}/030-plugins.md`]: kb('not-started'),
  [`${KB}/CLAUDE.md`]: '# How to keep this folder\n',
};

const number = (numbers: string[], after: string | null) => {
  const r = nextKbNumber(numbers, after);
  assert.equal(r.kind, 'ok', r.kind === 'refused' ? r.reason : '');
  return r.kind === 'ok' ? r.number : '';
};

test('appending takes the next multiple of 10 above the highest number', () => {
  assert.equal(number([], null), '010');
  assert.equal(number(['010', '020'], null), '030');
  assert.equal(number(['015'], null), '020');
  assert.equal(number(['010', '020', '025'], null), '030');
  assert.equal(number(['010', '020'], '020'), '030', 'after the last is the same as appending');
});

test('inserting after a number takes the midpoint to the next one, rounded down', () => {
  assert.equal(number(['010', '020'], '010'), '015');
  assert.equal(number(['010', '015', '020'], '010'), '012');
  assert.equal(number(['010', '012', '020'], '010'), '011');
  assert.equal(number(['010', '020'], '10'), '015', 'the number may be given without its leading zeros');
});

test('the width of the existing numbers is kept', () => {
  assert.equal(number(['10', '20'], null), '30');
  assert.equal(number(['0010', '0020'], '0010'), '0015');
  assert.equal(number(['90'], null), '100', 'two digits may grow to the three the seed uses');
});

test('inserting is refused after a number that does not exist, where no number is left, and past 999', () => {
  refusal(nextKbNumber(['010', '020'], '015'), 'not-found', /^there is no milestone 015 to insert after: the folder has 010, 020$/);
  refusal(nextKbNumber([], '010'), 'not-found', /^there is no milestone 010 to insert after$/);
  refusal(nextKbNumber(['010', '011'], '010'), 'not-applicable', /^no number is left between 010 and 011; renumber the folder to make room$/);
  refusal(nextKbNumber(['990'], null), 'not-applicable', /^the next number, 1000, needs more than the 3 digits the folder uses$/);
});

test('kbChoices lists the .kb folders with their numbers in order, guides and date-prefixed names left out', () => {
  const files = {
    ...EXAMPLES, [`${KB}/015-lexer.md`]: kb('planned'), 'docs/dev/notes.kb/100-x.md': kb('todo'), 'docs/other.md': '# no\n',
    // Numbered by day, not by tens: no next number follows from them.
    'docs/dev/notes.kb/2026-04-20-002-y.md': kb('todo'),
  };
  assert.deepEqual(kbChoices(folder(files)), [
    { folder: 'docs/dev/notes.kb', numbers: ['100'] },
    { folder: KB, numbers: ['010', '015', '020', '030'] },
  ]);
});

test('a new KB milestone with the built-in schema: required keys in order, not started, the criteria as open items', () => {
  const out = created(newKbMilestone(folder(EXAMPLES), { folder: KB, title: 'Search', criteria: ['Index built at compile time', ' Results in 50 ms '] }, null, ctx));
  assert.equal(out.file, `${KB}/040-search.md`);
  assert.equal(out.text, [
    '---', 'status: not-started', 'goal: Search', 'depends-on: []', 'deliverables: []', '---', '',
    '# Milestone 040: Search', '', '## Success Criteria', '',
    '- [ ] Index built at compile time', '- [ ] Results in 50 ms', '',
  ].join('\n'));
  assert.equal(out.summary, `Created KB milestone 040 "Search" in ${KB}`);
  const m = readMilestoneFile(out.file, out.text)!.milestones[0]!;
  assert.deepEqual([m.id, m.status, m.progress], ['040', 'not-started', { done: 0, total: 2 }]);
});

test('without criteria the section holds a comment, not made-up steps; a goal that needs quotes is quoted', () => {
  const out = created(newKbMilestone(folder(EXAMPLES), { folder: KB, title: 'Lexer', goal: 'Tokens: fast', after: '010' }, null, ctx));
  assert.equal(out.file, `${KB}/015-lexer.md`);
  assert.equal(out.text, [
    '---', 'status: not-started', 'goal: "Tokens: fast"', 'depends-on: []', 'deliverables: []', '---', '',
    '# Milestone 015: Lexer', '', '## Success Criteria', '',
    '<!-- One task item a criterion: what is true when this milestone is done. -->', '',
  ].join('\n'));
  assert.equal(out.summary, `Created KB milestone 015 "Lexer" in ${KB} after 010`);
  assert.equal(readMilestoneFile(out.file, out.text)!.milestones[0]!.fields['goal'], 'Tokens: fast');
});

test('a workspace schema decides the keys: its required order, its not-started word, typed placeholders', () => {
  const schema: JsonSchema = {
    type: 'object',
    required: ['title', 'status', 'goal', 'priority', 'blocked', 'owners', 'meta', 'due', 'notes'],
    properties: {
      status: { type: 'string', enum: ['active', 'planned', 'done'] },
      title: { type: 'string' },
      goal: { type: 'string' },
      priority: { type: 'integer', minimum: 1 },
      blocked: { type: 'boolean' },
      owners: { type: 'array', items: { type: 'string' } },
      meta: { type: 'object' },
      due: { type: 'string', format: 'date' },
      notes: { type: 'string' },
      optional: { type: 'string' },
    },
  };
  const out = created(newKbMilestone(folder({}), { folder: 'plan.kb', title: 'First', goal: 'Ship it' }, schema, ctx));
  assert.equal(out.file, 'plan.kb/010-first.md');
  assert.equal(out.text.slice(0, out.text.indexOf('\n# ')), [
    '---', 'title: First', 'status: planned', 'goal: Ship it', 'priority: 1', 'blocked: false', 'owners: []', 'meta: {}', `due: ${DAY}`, 'notes: ""', '---', '',
  ].join('\n'));
});

test('status falls back to the first enum value when none means not started; a schema without required keys gives no header', () => {
  const schema: JsonSchema = { required: ['status'], properties: { status: { enum: ['wip', 'shipped'] } } };
  assert.match(created(newKbMilestone(folder({}), { folder: 'a.kb', title: 'T' }, schema, ctx)).text, /^---\nstatus: wip\n---\n/);
  assert.equal(created(newKbMilestone(folder({}), { folder: 'a.kb', title: 'T' }, { properties: {} }, ctx)).text,
    '# Milestone 010: T\n\n## Success Criteria\n\n<!-- One task item a criterion: what is true when this milestone is done. -->\n');
});

test('a required string the schema forbids empty is refused, naming the key', () => {
  const schema: JsonSchema = { required: ['status', 'owner', 'code'], properties: { owner: { type: 'string', minLength: 1 }, code: { type: 'string', pattern: '^[A-Z]+$' } } };
  const r = refusal(newKbMilestone(folder({}), { folder: 'a.kb', title: 'T' }, schema, ctx), 'not-applicable', /^the folder's schema requires "owner", "code" with no value a new milestone can take/);
  assert.deepEqual(r.items, ['owner', 'code']);
});

test('bad input is refused: a folder not named .kb, an existing file, a missing number to insert after, a multi-line criterion', () => {
  refusal(newKbMilestone(folder(EXAMPLES), { folder: 'docs/milestones', title: 'T' }, null, ctx), 'invalid-input', /^docs\/milestones is not a KB folder/);
  const hidden = { files: Object.keys(EXAMPLES), text: (f: string) => (f === `${KB}/040-t.md` ? 'x' : EXAMPLES[f as keyof typeof EXAMPLES] ?? null) };
  refusal(newKbMilestone(hidden, { folder: KB, title: 'T' }, null, ctx), 'exists', /^docs\/milestones\.kb\/040-t\.md already exists$/);
  refusal(newKbMilestone(folder(EXAMPLES), { folder: KB, title: 'T', after: '025' }, null, ctx), 'not-found', /no milestone 025/);
  refusal(newKbMilestone(folder(EXAMPLES), { folder: KB, title: 'T', criteria: ['ok', 'two\nlines'] }, null, ctx), 'invalid-input', /^criterion 2 must be one line of text$/);
  refusal(newKbMilestone(folder(EXAMPLES), { folder: KB, title: '' }, null, ctx), 'invalid-input', /^the title is empty$/);
});
