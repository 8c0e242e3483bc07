import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frontmatterCompletions, frontmatterHover } from '../../../src/core/complete/frontmatterCompletion';
import type { FrontmatterCompletion } from '../../../src/core/complete/frontmatterCompletion';
import type { JsonSchema } from '../../../src/core/schema/schemaTypes';

const TODAY = '2026-11-21';

/** ExecPlan milestone frontmatter as seed 003 specifies it, with a $ref, $defs and an allOf to resolve. */
const SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['id', 'execplan_id', 'ms', 'title', 'status', 'domain', 'owner', 'created', 'updated'],
  properties: {
    id: { type: 'string', pattern: '^EP-\\d{8}-\\d{3}/MS\\d{3}$', description: 'EP-YYYYMMDD-NNN/MS###' },
    execplan_id: { type: 'string', description: 'The parent ExecPlan id.' },
    ms: { type: 'integer', minimum: 1, description: 'Milestone sequence number.' },
    title: { type: 'string', description: 'Short milestone title.' },
    status: { $ref: '#/definitions/status' },
    domain: { enum: ['backend', 'frontend', 'console', 'infra', 'cross-cutting'], description: 'Which part of the system.' },
    owner: { type: 'string', pattern: '^@', description: '@handle of the owner.' },
    created: { $ref: '#/$defs/date', description: 'Day the milestone was created.' },
    updated: { $ref: '#/$defs/date', description: 'Day of the last material revision.' },
    tags: { type: 'array', items: { enum: ['api', 'ui', 'perf'] }, description: 'Labels.' },
    risk: { enum: ['low', 'med', 'high'] },
    links: { type: 'object', properties: { issue: { type: 'string', description: 'Issue URL.' } } },
  },
  allOf: [{ properties: { draft: { type: 'boolean', description: 'Not ready for review.' } } }],
  definitions: {
    status: { type: 'string', enum: ['planned', 'in_progress', 'completed', 'blocked', 'archived'], description: 'Where the milestone stands.' },
  },
  $defs: { date: { type: 'string', format: 'date' } },
};

/** `|` marks the cursor; returns the text without it and the offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function complete(marked: string): FrontmatterCompletion[] {
  const [text, offset] = at(marked);
  return frontmatterCompletions(text, offset, SCHEMA, TODAY);
}

const HEAD = '---\nid: EP-20260117-014/MS003\nexecplan_id: EP-20260117-014\nms: 3\ntitle: Streaming\n';

test('on an empty line the missing keys are offered, required first', () => {
  const items = complete(`${HEAD}|\n---\n# Body\n`);
  assert.deepEqual(items.map((c) => c.label), ['status', 'domain', 'owner', 'created', 'updated', 'tags', 'risk', 'links', 'draft']);
  const offset = HEAD.length;
  assert.deepEqual(items[0], {
    label: 'status', kind: 'key', insertText: 'status: ',
    detail: 'planned | in_progress | completed | blocked | archived (required)',
    documentation: 'Where the milestone stands.', replaceStart: offset, replaceEnd: offset,
  });
  assert.equal(items.find((c) => c.label === 'created')?.detail, 'string (date) (required)');
  assert.equal(items.find((c) => c.label === 'tags')?.detail, 'array of (api | ui | perf)');
  assert.equal(items.find((c) => c.label === 'draft')?.documentation, 'Not ready for review.');
});

test('a partial key is replaced whole, wherever the cursor stands in it', () => {
  const items = complete(`${HEAD}st|at\n---\n`);
  assert.equal(items[0]?.label, 'status');
  assert.equal(items[0]?.replaceStart, HEAD.length);
  assert.equal(items[0]?.replaceEnd, HEAD.length + 4);
});

test('after `status: ` the enum is offered, replacing the partial word', () => {
  const items = complete(`${HEAD}status: in_|\n---\n`);
  assert.deepEqual(items.map((c) => c.insertText), ['planned', 'in_progress', 'completed', 'blocked', 'archived']);
  const start = HEAD.length + 'status: '.length;
  assert.deepEqual([items[1]!.replaceStart, items[1]!.replaceEnd, items[1]!.kind], [start, start + 3, 'value']);
  // A whole wrong value is replaced even with the cursor inside it, its comment kept.
  const wrong = complete(`${HEAD}status: do|ne # was planned\n---\n`);
  assert.deepEqual([wrong[0]!.replaceStart, wrong[0]!.replaceEnd], [start, start + 4]);
});

test('inside quotes only the quoted text is replaced', () => {
  const items = complete(`${HEAD}domain: "fr|"\n---\n`);
  const start = HEAD.length + 'domain: "'.length;
  assert.deepEqual(items.map((c) => [c.insertText, c.replaceStart, c.replaceEnd])[1], ['frontend', start, start + 2]);
  assert.equal(complete(`${HEAD}title: 'it''s |'\n---\n`).length, 0);
  assert.deepEqual(complete(`${HEAD}domain: |"fr"\n---\n`), []);
  assert.deepEqual(complete(`${HEAD}domain: "fr" |\n---\n`), []);
});

test('right after the colon a space comes with the value', () => {
  const items = complete(`${HEAD}risk:|\n---\n`);
  assert.deepEqual(items.map((c) => c.insertText), [' low', ' med', ' high']);
  const blanks = complete(`${HEAD}risk:  |  \n---\n`);
  const offset = HEAD.length + 'risk:  '.length;
  assert.deepEqual(blanks.map((c) => [c.insertText, c.replaceStart, c.replaceEnd])[0], ['low', offset, offset]);
});

test('booleans offer true and false, dates offer today', () => {
  assert.deepEqual(complete(`${HEAD}draft: |\n---\n`).map((c) => c.label), ['true', 'false']);
  const dates = complete(`${HEAD}updated: 2026-01-0|1\n---\n`);
  assert.equal(dates.length, 1);
  assert.deepEqual({ ...dates[0], documentation: undefined }, {
    label: TODAY, kind: 'value', insertText: TODAY, detail: 'today', documentation: undefined,
    replaceStart: HEAD.length + 'updated: '.length, replaceEnd: HEAD.length + 'updated: 2026-01-01'.length,
  });
});

test('in a flow list the items not yet listed are offered', () => {
  const items = complete(`${HEAD}tags: [api, |]\n---\n`);
  assert.deepEqual(items.map((c) => c.label), ['ui', 'perf']);
  const offset = HEAD.length + 'tags: [api, '.length;
  assert.deepEqual([items[0]!.replaceStart, items[0]!.replaceEnd], [offset, offset]);
  assert.deepEqual(complete(`${HEAD}tags: [a|, ui]\n---\n`).map((c) => c.label), ['api', 'perf']);
});

test('outside the header, in a key, or for an unknown key nothing is offered', () => {
  assert.deepEqual(complete(`${HEAD}---\n|\n`), []);
  assert.deepEqual(complete(`|${HEAD}---\n`), []);
  assert.deepEqual(complete(`${HEAD}sta|tus: planned\n---\n`), []);
  assert.deepEqual(complete(`${HEAD}owner: |\n---\n`), []);
  assert.deepEqual(complete(`${HEAD}mystery: |\n---\n`), []);
  assert.deepEqual(complete(`${HEAD}links:\n  is|\n---\n`), []);
  assert.deepEqual(complete('# No header\n|\n'), []);
  assert.deepEqual(complete(`${HEAD}|`), []);
});

test('CRLF and a BOM: offsets index the text as given', () => {
  const head = '\uFEFF' + HEAD.replace(/\n/g, '\r\n');
  const items = complete(`${head}status: |\r\n---\r\n`);
  const start = head.length + 'status: '.length;
  assert.deepEqual([items[0]!.replaceStart, items[0]!.replaceEnd], [start, start]);
  assert.equal(complete(`${head}|\r\n---\r\n`)[0]?.replaceStart, head.length);
});

function hover(marked: string) {
  const [text, offset] = at(marked);
  return frontmatterHover(text, offset, SCHEMA);
}

test('hover on a key shows its description and allowed values', () => {
  const h = hover(`${HEAD}sta|tus: done # old\n---\n`);
  assert.deepEqual(h, {
    markdown: '**status** — Where the milestone stands.\n\nAllowed: planned, in_progress, completed, blocked, archived',
    start: HEAD.length, end: HEAD.length + 'status'.length,
  });
});

test('hover on a value covers the value', () => {
  const h = hover(`${HEAD}updated: 2026-0|1-01\n---\n`);
  assert.equal(h?.markdown, '**updated** — Day of the last material revision.\n\nType: string (date)');
  assert.deepEqual([h?.start, h?.end], [HEAD.length + 'updated: '.length, HEAD.length + 'updated: 2026-01-01'.length]);
  assert.equal(hover(`${HEAD}risk: m|ed\n---\n`)?.markdown, '**risk** — low | med | high\n\nAllowed: low, med, high');
});

test('hover on a list item or a nested key speaks of what it belongs to', () => {
  assert.equal(hover(`${HEAD}tags:\n  - a|pi\n---\n`)?.markdown, '**tags** — Labels.\n\nAllowed: api, ui, perf');
  const nested = hover(`${HEAD}links:\n  iss|ue: ""\n---\n`);
  assert.equal(nested?.markdown, '**links.issue** — Issue URL.\n\nType: string');
  assert.equal(nested?.start, HEAD.length + 'links:\n  '.length);
});

test('no hover outside the header, on a comment or an unknown key', () => {
  assert.equal(hover(`${HEAD}---\nsta|tus: x\n`), null);
  assert.equal(hover(`${HEAD}status: done # o|ld\n---\n`), null);
  assert.equal(hover(`${HEAD}# a com|ment\n---\n`), null);
  assert.equal(hover(`${HEAD}mys|tery: 1\n---\n`), null);
});
