import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { reopenMilestone } from '../../../../src/core/lifecycle/status/reopenMilestone';
import {
  crlfBom, ctx, EXECPLAN, EXECPLAN_FILE, HANDOFF, HANDOFF_FILE, KB, KB_FILE, memory, refIn, refusal,
  SESSION, SESSION_FILE, STAMP, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from './lifecycleKit';

function reopen(file: string, text: string, title: string | null = null): string {
  const folder = memory({ [file]: text });
  return textAfter(folder, reopenMilestone(folder, refIn(folder, file, title), null, ctx), file);
}

test('a completed ExecPlan goes back to in_progress with updated and a Changelog line', () => {
  const done = swap(EXECPLAN, 'status: in_progress', 'status: completed');
  const expected = swap(swap(EXECPLAN, "'2026-11-19'", `'${TODAY}'`), 'every build.\n', `every build.\n- ${TODAY} — Reopened.\n`);
  assert.equal(reopen(EXECPLAN_FILE, done), expected);
  assert.equal(reopen(EXECPLAN_FILE, crlfBom(done)), crlfBom(expected));
});

test('a completed KB milestone goes back to in-progress', () => {
  assert.equal(reopen(KB_FILE, swap(KB, 'in-progress', 'completed')), KB);
  assert.equal(reopen(KB_FILE, crlfBom(swap(KB, 'in-progress', 'completed'))), crlfBom(KB));
});

test('a completed session milestone goes back to in_progress with updated_at', () => {
  const done = swap(SESSION, '"status": "in_progress"', '"status": "completed"');
  assert.equal(reopen(SESSION_FILE, done), swap(SESSION, '2026-11-19 16:42:00 UTC', STAMP));
});

test('a STATUS.md milestone done by its ticks or its heading gets **Status:** IN PROGRESS', () => {
  const out = reopen(STATUS_FILE, STATUS, 'Foundation Complete');
  assert.equal(out, swap(STATUS, '**Approval Required:** No (foundation work)\n', '**Approval Required:** No (foundation work)\n**Status:** IN PROGRESS\n'));
  assert.equal(readMilestoneFile(STATUS_FILE, out)!.milestones[0]!.statusCategory, 'active');
  const stated = swap(STATUS, '**Phase:** Phase 0\n', '**Phase:** Phase 0\n**Status:** COMPLETE\n');
  assert.equal(reopen(STATUS_FILE, crlfBom(stated), 'Foundation Complete'), crlfBom(swap(stated, '**Status:** COMPLETE', '**Status:** IN PROGRESS')));
});

test('only a done milestone can be reopened', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [STATUS_FILE]: STATUS, [HANDOFF_FILE]: HANDOFF });
  const r = refusal(reopenMilestone(folder, refIn(folder, EXECPLAN_FILE), null, ctx));
  assert.equal(r.code, 'invalid-input');
  assert.equal(r.reason, '"Index builder" is not done (status in_progress); only a done milestone can be reopened');
  assert.match(refusal(reopenMilestone(folder, refIn(folder, STATUS_FILE, 'Search MVP'), null, ctx)).reason, /status not set/);
  assert.equal(refusal(reopenMilestone(folder, refIn(folder, HANDOFF_FILE), null, ctx)).code, 'not-applicable');
});

test('a milestone awaiting its approval is not done, so it is not reopened until the approval is logged', () => {
  const met = swap(STATUS, '- [ ] Templates support partials', '- [x] Templates support partials');
  const waiting = memory({ [STATUS_FILE]: met });
  assert.equal(refusal(reopenMilestone(waiting, refIn(waiting, STATUS_FILE, 'Core Pipeline'), null, ctx)).reason,
    '"Core Pipeline" is awaiting its approval, so it is not done; only a done milestone can be reopened');
  const logged = memory({ [STATUS_FILE]: met, 'DECISIONS.md': '## 2026-11-20: Milestone "Core Pipeline" Approved\n' });
  assert.match(textAfter(logged, reopenMilestone(logged, refIn(logged, STATUS_FILE, 'Core Pipeline'), null, ctx), STATUS_FILE), /\*\*Approval Required:\*\* Yes\n\*\*Status:\*\* IN PROGRESS\n/);
});

test('an archived ExecPlan is not reopened in the archive', () => {
  const folder = memory({ [EXECPLAN_FILE]: swap(EXECPLAN, 'status: in_progress', 'status: archived') });
  const r = refusal(reopenMilestone(folder, refIn(folder, EXECPLAN_FILE), null, ctx));
  assert.equal(r.code, 'not-applicable');
  assert.match(r.reason, /archived/);
});
