import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { changelogEdit } from '../../../../src/core/lifecycle/status/changelogEntry';
import { setMilestoneStatus } from '../../../../src/core/lifecycle/status/setMilestoneStatus';
import { applyEdits } from '../../../../src/core/text/applyEdits';
import {
  assertUnchanged, crlfBom, ctx, EXECPLAN, EXECPLAN_FILE, HANDOFF, HANDOFF_FILE, KB, KB_FILE, memory, refIn, refusal,
  SESSION, SESSION_FILE, STAMP, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from './lifecycleKit';

function setStatus(file: string, text: string, status: string, title: string | null = null): string {
  const folder = memory({ [file]: text });
  return textAfter(folder, setMilestoneStatus(folder, refIn(folder, file, title), status, null, ctx), file);
}

const EXECPLAN_BLOCKED = swap(swap(swap(EXECPLAN, 'status: in_progress', 'status: blocked'), "'2026-11-19'", `'${TODAY}'`),
  '- 2026-11-19 — Index written on every build.\n', `- 2026-11-19 — Index written on every build.\n- ${TODAY} — Status set to blocked.\n`);

test('an ExecPlan status change bumps updated and adds a Changelog line at the end of its list', () => {
  assert.equal(setStatus(EXECPLAN_FILE, EXECPLAN, 'blocked'), EXECPLAN_BLOCKED);
  assert.equal(setStatus(EXECPLAN_FILE, crlfBom(EXECPLAN), 'blocked'), crlfBom(EXECPLAN_BLOCKED));
});

test('an ExecPlan without a Changelog gets the section at its end', () => {
  const without = EXECPLAN.slice(0, EXECPLAN.indexOf('## Changelog'));
  const expected = swap(swap(without, 'status: in_progress', 'status: planned'), "'2026-11-19'", `'${TODAY}'`) + `## Changelog\n\n- ${TODAY} — Status set to planned.\n`;
  assert.equal(setStatus(EXECPLAN_FILE, without, 'planned'), expected);
  const noFinalBreak = without.trimEnd();
  assert.equal(setStatus(EXECPLAN_FILE, noFinalBreak, 'planned'), `${expected.slice(0, expected.indexOf('\n\n## Changelog'))}\n\n## Changelog\n\n- ${TODAY} — Status set to planned.\n`);
});

test('a Changelog line is written like the entries before it', () => {
  const colon = '# Plan\n\n## Changelog\n\n* 2026-03-29: Milestone created\n  (by hand)\n\n## Validation\n\n- ok\n';
  assert.equal(applyEdits(colon, [changelogEdit(colon, TODAY, 'Completed.')]),
    `# Plan\n\n## Changelog\n\n* 2026-03-29: Milestone created\n  (by hand)\n* ${TODAY}: Completed.\n\n## Validation\n\n- ok\n`);
  const empty = '# Plan\n\n## Changelog\n## Notes\n';
  assert.equal(applyEdits(empty, [changelogEdit(empty, TODAY, 'Reopened.')]), `# Plan\n\n## Changelog\n\n- ${TODAY} — Reopened.\n\n## Notes\n`);
  const fenced = '# Plan\n\n```\n## Changelog\n```\n';
  assert.equal(applyEdits(fenced, [changelogEdit(fenced, TODAY, 'Reopened.')]), `${fenced}\n## Changelog\n\n- ${TODAY} — Reopened.\n`);
});

test('a KB status change writes the word and keeps the comment after it', () => {
  assert.equal(setStatus(KB_FILE, KB, 'not-started'), swap(KB, 'status: in-progress #', 'status: not-started #'));
  assert.equal(setStatus(KB_FILE, crlfBom(KB), 'not_started'), crlfBom(swap(KB, 'status: in-progress #', 'status: not-started #')));
});

test('a session status change bumps updated_at', () => {
  const expected = swap(swap(SESSION, '"status": "in_progress"', '"status": "blocked"'), '2026-11-19 16:42:00 UTC', STAMP);
  assert.equal(setStatus(SESSION_FILE, SESSION, 'blocked'), expected);
  assert.equal(setStatus(SESSION_FILE, crlfBom(SESSION), 'blocked'), crlfBom(expected));
});

test('a STATUS.md status is added as **Status:** and read back with its category', () => {
  const out = setStatus(STATUS_FILE, STATUS, 'in progress', 'Search MVP');
  assert.equal(out, swap(STATUS, '**Phase:** Phase 2\n', '**Phase:** Phase 2\n**Status:** IN PROGRESS\n'));
  const search = readMilestoneFile(STATUS_FILE, out)!.milestones[2]!;
  assert.equal(search.status, 'IN PROGRESS');
  assert.equal(search.statusCategory, 'active');
  const again = setStatus(STATUS_FILE, out, 'BLOCKED', 'Search MVP');
  assert.equal(again, swap(out, '**Status:** IN PROGRESS', '**Status:** BLOCKED'));
  assert.equal(readMilestoneFile(STATUS_FILE, again)!.milestones[2]!.statusCategory, 'blocked');
  assert.equal(setStatus(STATUS_FILE, crlfBom(STATUS), 'PLANNED', 'Search MVP'), crlfBom(swap(STATUS, '**Phase:** Phase 2\n', '**Phase:** Phase 2\n**Status:** PLANNED\n')));
});

test('a STATUS.md milestone without any field line gets **Status:** under its heading', () => {
  const bare = '# Status\n\n## Milestone: Launch\n- [ ] Ship it\n';
  const out = setStatus(STATUS_FILE, bare, 'PLANNED');
  assert.equal(out, '# Status\n\n## Milestone: Launch\n\n**Status:** PLANNED\n\n- [ ] Ship it\n');
  assert.equal(readMilestoneFile(STATUS_FILE, out)!.milestones[0]!.status, 'PLANNED');
  const spaced = '# Status\n\n## Milestone: Launch ✅\n\n- [x] Ship it\n';
  const reopened = setStatus(STATUS_FILE, spaced, 'IN PROGRESS');
  assert.equal(reopened, '# Status\n\n## Milestone: Launch ✅\n\n**Status:** IN PROGRESS\n\n- [x] Ship it\n');
  assert.equal(readMilestoneFile(STATUS_FILE, reopened)!.milestones[0]!.statusCategory, 'active');
});

test('a status outside the allowed list is refused with the list', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [KB_FILE]: KB });
  const r = refusal(setMilestoneStatus(folder, refIn(folder, EXECPLAN_FILE), 'done', null, ctx));
  assert.equal(r.code, 'invalid-input');
  assert.equal(r.reason, '"done" is not a status of ExecPlan milestones; use one of planned, in_progress, completed, blocked, archived');
  const schema = { properties: { status: { enum: ['todo', 'doing', 'done'] } } };
  assert.equal(refusal(setMilestoneStatus(folder, refIn(folder, KB_FILE), 'in-progress', schema, ctx)).reason, '"in-progress" is not a status of KB milestones; use one of todo, doing, done');
  assert.equal(textAfter(folder, setMilestoneStatus(folder, refIn(folder, KB_FILE), 'doing', schema, ctx), KB_FILE), swap(KB, 'in-progress #', 'doing #'));
});

test('archived is left to Archive', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN });
  const r = refusal(setMilestoneStatus(folder, refIn(folder, EXECPLAN_FILE), 'archived', null, ctx));
  assert.equal(r.code, 'not-applicable');
  assert.equal(r.reason, 'use Archive, which also moves the file to milestones/archive/YYYY/MM/DD/');
});

test('a done status goes through the checks of complete', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [STATUS_FILE]: swap(STATUS, '- [ ] Templates support partials', '- [x] Templates support partials') });
  const open = refusal(setMilestoneStatus(folder, refIn(folder, EXECPLAN_FILE), 'completed', null, ctx));
  assert.equal(open.code, 'open-steps');
  assert.deepEqual(open.items, ['The index of the docs site is under 200 KB', 'A2 Drop words that appear on every page']);
  const gate = refusal(setMilestoneStatus(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), 'complete', null, ctx));
  assert.equal(gate.code, 'approval-required');
  const done = swap(swap(EXECPLAN, '- [ ] The index', '- [x] The index'), '| ⏳ |', '| ✅ |');
  const ready = memory({ [EXECPLAN_FILE]: done });
  assert.equal(textAfter(ready, setMilestoneStatus(ready, refIn(ready, EXECPLAN_FILE), 'completed', null, ctx), EXECPLAN_FILE),
    swap(swap(swap(done, 'status: in_progress', 'status: completed'), "'2026-11-19'", `'${TODAY}'`),
      'every build.\n', `every build.\n- ${TODAY} — Status set to completed.\n`));
});

test('the status it already has changes nothing', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [SESSION_FILE]: SESSION });
  assertUnchanged(setMilestoneStatus(folder, refIn(folder, EXECPLAN_FILE), 'in_progress', null, ctx), /already in_progress/);
  assertUnchanged(setMilestoneStatus(folder, refIn(folder, SESSION_FILE), 'IN-PROGRESS', null, ctx), /already in_progress/);
});

test('a handoff note has no status to set', () => {
  const folder = memory({ [HANDOFF_FILE]: HANDOFF });
  assert.equal(refusal(setMilestoneStatus(folder, refIn(folder, HANDOFF_FILE), 'completed', null, ctx)).code, 'not-applicable');
});
