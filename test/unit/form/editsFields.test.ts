import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, crlf, edited, refused } from './editsKit';

const K = PATHS.kb;
const KB = [
  '---', '# a comment', "status: 'not-started' # keep me", 'goal: Parse files', 'depends-on: ["010", \'020\']',
  'deliverables:', '  - "Parser: core"', '  - Tests', 'owner:', '---', '', '# Parser', '', '- [ ] a', '',
].join('\n');

test('a scalar keeps its quoting and its comment', () => {
  const set = (key: string, value: string | number | boolean | null): string => edited(K, KB, { kind: 'setField', milestone: 0, key, value });
  assert.equal(set('status', 'completed'), KB.replace("'not-started'", "'completed'"));
  assert.equal(set('goal', 'Parse: all'), KB.replace('goal: Parse files', 'goal: "Parse: all"'));
  assert.equal(set('goal', 'true'), KB.replace('goal: Parse files', 'goal: "true"'));
  assert.equal(set('goal', 'Parse files'), KB);
  assert.equal(set('owner', 'me'), KB.replace('owner:\n', 'owner: me\n'));
  assert.equal(set('goal', null), KB.replace('goal: Parse files', 'goal:'));
  assert.equal(set('status', null), KB.replace("status: 'not-started' # keep me", 'status: # keep me'));
  assert.equal(set('priority', 3), KB.replace('owner:\n---', 'owner:\npriority: 3\n---'));
});

test('a flow list stays flow, a block list stays block, in CRLF with a BOM', () => {
  const text = '\uFEFF' + crlf(KB);
  const set = (key: string, value: readonly string[]): string => edited(K, text, { kind: 'setField', milestone: 0, key, value });
  assert.equal(set('depends-on', ['010', '030']), text.replace("'020'", "'030'"));
  assert.equal(set('depends-on', ['010']), text.replace('["010", \'020\']', '["010"]'));
  assert.equal(set('deliverables', ['Parser: core', 'Tests', 'Docs']), text.replace('  - Tests\r\n', '  - Tests\r\n  - "Docs"\r\n'));
  assert.equal(set('deliverables', ['Parser: core']), text.replace('  - Tests\r\n', ''));
  assert.equal(set('deliverables', []), text.replace('deliverables:\r\n  - "Parser: core"\r\n  - Tests\r\n', 'deliverables: []\r\n'));
  assert.equal(set('owner', ['a', 'b c']), text.replace('owner:\r\n', 'owner: [a, b c]\r\n'));
  assert.equal(set('depends-on', ['010', '020']), text);
});

test('a KB deliverable edited as a step keeps its quotes', () => {
  const text = KB;
  assert.equal(edited(K, text, { kind: 'setStepText', ref: { line: 6, text: 'Parser: core', section: 'deliverables', kind: 'criterion' }, text: 'Parser: fast' }), KB.replace('"Parser: core"', '"Parser: fast"'));
});

test('a TOML header or a map value is refused', () => {
  const toml = '+++\ntitle = "x"\n+++\n# T\n- [ ] a\n';
  assert.match(refused(K, toml, { kind: 'setField', milestone: 0, key: 'title', value: 'y' }), /TOML/);
  const map = '---\nlinks:\n  issue: 1\n---\n# T\n';
  assert.match(refused(K, map, { kind: 'setField', milestone: 0, key: 'links', value: 'y' }), /cannot edit/);
});

const S = PATHS.status;
const STATUS = '# Status\n\n## Milestone: One\n\n**Goal:** Ship\n- **Status**: Active\n\n- [ ] a\n\n## Milestone: Two\n\n**Goal:** Later\n';

test('STATUS.md bold fields of the milestone by index', () => {
  const set = (milestone: number, key: string, value: string | null): string => edited(S, STATUS, { kind: 'setField', milestone, key, value });
  assert.equal(set(1, 'goal', 'Soon'), STATUS.replace('**Goal:** Later', '**Goal:** Soon'));
  assert.equal(set(0, 'status', 'Done'), STATUS.replace('**Status**: Active', '**Status**: Done'));
  assert.equal(set(0, 'target', 'Week 3'), STATUS.replace('- **Status**: Active\n', '- **Status**: Active\n- **Target**: Week 3\n'));
  assert.equal(set(0, 'goal', 'Ship'), STATUS);
});

test('a new STATUS.md field goes after the last field with a value, not between a label and its list', () => {
  const text = '## Milestone: One\n\n**Goal:** Ship\n**Acceptance Criteria:**\n- [ ] a\n';
  assert.equal(edited(S, text, { kind: 'setField', milestone: 0, key: 'owner', value: 'ada' }), '## Milestone: One\n\n**Goal:** Ship\n**Owner:** ada\n**Acceptance Criteria:**\n- [ ] a\n');
});
