import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readStatusMd } from '../../../../src/core/conventions/statusMd';
import type { PlanOutcome } from '../../../../src/core/lifecycle/changePlan';
import { newStatusMilestone, statusFiles, type NewStatusInput } from '../../../../src/core/lifecycle/create/statusNew';
import { ctx, created, edited, folder, refusal } from './createKit';

const STATUS = '# Lantern Status\n\n## Milestone: Foundation Complete\n\n**Goal:** Build works\n\n**Acceptance Criteria:**\n- [x] Build runs\n\n**Approval Required:** No (foundation work)\n';
const SEARCH: NewStatusInput = {
  name: 'Search MVP', goal: 'Readers can search the site offline', phase: 'Phase 2', target: 'Week 5',
  criteria: ['Index built at compile time', 'Results in under 50 ms'], deliverables: ['Index builder', 'Query box'], approvalRequired: true,
};
const BLOCK = [
  '## Milestone: Search MVP', '',
  '**Goal:** Readers can search the site offline', '**Phase:** Phase 2', '**Target:** Week 5', '',
  '**Acceptance Criteria:**', '- [ ] Index built at compile time', '- [ ] Results in under 50 ms', '',
  '**Deliverables:**', '1. Index builder', '2. Query box', '',
  '**Approval Required:** Yes', '',
];

const add = (text: string, input: NewStatusInput = SEARCH): { outcome: PlanOutcome; after: string } => {
  const snapshot = folder({ 'STATUS.md': text });
  const outcome = newStatusMilestone(snapshot, input, ctx);
  return { outcome, after: edited(snapshot, 'STATUS.md', outcome) };
};

test('the block is appended at the end as one edit, one blank line before it, in the seed template format', () => {
  const { outcome, after } = add(STATUS);
  assert.equal(after, `${STATUS}\n${BLOCK.join('\n')}`);
  assert.deepEqual(outcome.kind === 'ok' && outcome.plan.changes[0], { kind: 'edit', file: 'STATUS.md', edits: [{ start: STATUS.length, end: STATUS.length, newText: `\n${BLOCK.join('\n')}` }] });
  assert.equal(outcome.kind === 'ok' && outcome.plan.summary, 'Added the milestone "Search MVP" to STATUS.md');
});

test('the reader gives the block back: the name, the criteria as open steps, goal, phase and approval as fields', () => {
  const { after } = add(STATUS);
  const m = readStatusMd('STATUS.md', after, false)!.milestones.at(-1)!;
  assert.equal(m.title, 'Search MVP');
  assert.deepEqual(m.steps.map((s) => [s.text, s.state]), [['Index built at compile time', 'open'], ['Results in under 50 ms', 'open']]);
  assert.deepEqual([m.fields['goal'], m.fields['phase'], m.fields['target'], m.fields['approval-required']], ['Readers can search the site offline', 'Phase 2', 'Week 5', 'Yes']);
});

test('CRLF line endings and a BOM are kept, and no other byte changes', () => {
  const crlf = `\uFEFF${STATUS.replace(/\n/g, '\r\n')}`;
  assert.equal(add(crlf).after, `${crlf}\r\n${BLOCK.join('\r\n')}`);
});

test('a file without a final line ending gets one before the blank line; trailing spaces of its last line stay', () => {
  const bare = `${STATUS.slice(0, -1)}  `;
  assert.equal(add(bare).after, `${bare}\n\n${BLOCK.join('\n')}`);
  const crlf = bare.replace(/\n/g, '\r\n');
  assert.equal(add(crlf).after, `${crlf}\r\n\r\n${BLOCK.join('\r\n')}`);
});

test('blank lines at the end become exactly one blank line', () => {
  const { outcome, after } = add(`${STATUS}\n  \n\n`);
  assert.equal(after, `${STATUS}\n${BLOCK.join('\n')}`);
  // The edit starts after the one blank line the file already has.
  assert.equal(outcome.kind === 'ok' && outcome.plan.changes[0]!.kind === 'edit' && outcome.plan.changes[0]!.edits[0]!.start, STATUS.length + 1);
});

test('optional parts are left out: no phase, target, criteria or deliverables; approval No', () => {
  const { after } = add(STATUS, { name: 'Polish', goal: 'Nicer', criteria: [], deliverables: [], approvalRequired: false });
  assert.equal(after, `${STATUS}\n## Milestone: Polish\n\n**Goal:** Nicer\n\n**Approval Required:** No\n`);
});

test('without a status file, STATUS.md is created with a title and the block', () => {
  const out = created(newStatusMilestone(folder({ 'README.md': '# Readme\n' }), SEARCH, ctx));
  assert.equal(out.file, 'STATUS.md');
  assert.equal(out.text, `# Project Status\n\n${BLOCK.join('\n')}`);
  assert.equal(out.summary, 'Created STATUS.md with the milestone "Search MVP"');
});

test('an empty existing file (a BOM only) gets the title and the block after its BOM', () => {
  const snapshot = folder({ 'docs/ROADMAP.md': '\uFEFF\n\n' });
  assert.equal(edited(snapshot, 'docs/ROADMAP.md', newStatusMilestone(snapshot, SEARCH, ctx)), `\uFEFF# Project Status\n\n${BLOCK.join('\n')}`);
});

test('statusFiles lists the STATUS-style files, STATUS.md first; STATUS.md when there is none', () => {
  const files = { 'docs/ROADMAP.md': '', 'ops/DEPLOY_STATUS.md': '', 'STATUS.md': '', 'SESSIONS/MILESTONES/README.md': '', 'notes.md': '' };
  assert.deepEqual(statusFiles(folder(files)), ['STATUS.md', 'docs/ROADMAP.md', 'ops/DEPLOY_STATUS.md']);
  assert.deepEqual(statusFiles(folder({ 'notes.md': '' })), ['STATUS.md']);
  const r = refusal(newStatusMilestone(folder(files), SEARCH, ctx), 'invalid-input', /name the status file/);
  assert.deepEqual(r.items, ['STATUS.md', 'docs/ROADMAP.md', 'ops/DEPLOY_STATUS.md']);
  assert.equal(edited(folder(files), 'ops/DEPLOY_STATUS.md', newStatusMilestone(folder(files), { ...SEARCH, file: 'ops/DEPLOY_STATUS.md' }, ctx)), `# Project Status\n\n${BLOCK.join('\n')}`);
});

test('a milestone of the same name is refused as exists, however it is spelled', () => {
  refusal(newStatusMilestone(folder({ 'STATUS.md': STATUS }), { ...SEARCH, name: 'foundation  complete' }, ctx), 'exists', /^STATUS\.md already has a milestone "foundation {2}complete"$/);
});

test('a name the reader would change, a missing goal and a text file are refused', () => {
  const snapshot = folder({ 'STATUS.md': STATUS });
  refusal(newStatusMilestone(snapshot, { ...SEARCH, name: 'Search ✅' }, ctx), 'invalid-input', /^the name "Search ✅" would be read back as "Search"/);
  refusal(newStatusMilestone(snapshot, { ...SEARCH, name: 'Launch (2026-05-01)' }, ctx), 'invalid-input', /would be read back as "Launch"/);
  refusal(newStatusMilestone(snapshot, { ...SEARCH, goal: ' ' }, ctx), 'invalid-input', /^the goal is empty$/);
  refusal(newStatusMilestone(snapshot, { ...SEARCH, deliverables: ['a\tb'] }, ctx), 'invalid-input', /^deliverable 1 must be one line of text$/);
  refusal(newStatusMilestone(snapshot, { ...SEARCH, file: 'STATUS.txt' }, ctx), 'invalid-input', /^STATUS\.txt is not a markdown file$/);
});

test('a file ending inside an unclosed code fence is refused: the block would not be a milestone', () => {
  const text = `${STATUS}\n\`\`\`sh\nmake build\n`;
  refusal(newStatusMilestone(folder({ 'STATUS.md': text }), SEARCH, ctx), 'invalid-input', /would not be read as a milestone/);
});
