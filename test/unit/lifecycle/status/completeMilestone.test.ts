import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { completeMilestone } from '../../../../src/core/lifecycle/status/completeMilestone';
import {
  assertUnchanged, crlfBom, ctx, EXECPLAN, EXECPLAN_FILE, HANDOFF, HANDOFF_FILE, KB, KB_FILE, memory, refIn, refusal,
  SESSION, SESSION_FILE, STAMP, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from './lifecycleKit';

const force = { force: true };
const noForce = { force: false };

function complete(file: string, text: string, options = noForce, title: string | null = null): string {
  const folder = memory({ [file]: text });
  return textAfter(folder, completeMilestone(folder, refIn(folder, file, title), options, null, ctx), file);
}

const EXECPLAN_DONE = swap(swap(EXECPLAN, '- [ ] The index', '- [x] The index'), '| ⏳ |', '| ✅ |');

test('open steps refuse completion and are listed', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [KB_FILE]: KB, [SESSION_FILE]: SESSION });
  const plan = refusal(completeMilestone(folder, refIn(folder, EXECPLAN_FILE), noForce, null, ctx));
  assert.equal(plan.code, 'open-steps');
  assert.equal(plan.reason, '2 of 4 steps of "Index builder" are still open');
  assert.deepEqual(plan.items, ['The index of the docs site is under 200 KB', 'A2 Drop words that appear on every page']);
  const kb = refusal(completeMilestone(folder, refIn(folder, KB_FILE), noForce, null, ctx));
  assert.equal(kb.reason, '1 of 2 acceptance criteria of "Milestone 020: Renderer" is still open');
  assert.deepEqual(kb.items, ['Partials can include other partials']);
  assert.deepEqual(refusal(completeMilestone(folder, refIn(folder, SESSION_FILE), noForce, null, ctx)).items, ['Upload to the preview bucket']);
});

test('an open step whose text repeats is listed with its section', () => {
  const text = '# Status\n\n## Milestone: Launch\n\n### Web\n- [ ] Deploy\n\n### Mobile\n- [ ] Deploy\n- [ ] Announce\n';
  const folder = memory({ [STATUS_FILE]: text });
  assert.deepEqual(refusal(completeMilestone(folder, refIn(folder, STATUS_FILE), noForce, null, ctx)).items, ['Web: Deploy', 'Mobile: Deploy', 'Announce']);
});

/** `text` as completing it leaves it. */
function completedPlan(text: string): string {
  return swap(swap(swap(text, 'status: in_progress', 'status: completed'), "'2026-11-19'", `'${TODAY}'`), 'every build.\n', `every build.\n- ${TODAY} — Completed.\n`);
}

test('completing an ExecPlan writes completed, updated and a Changelog line', () => {
  assert.equal(complete(EXECPLAN_FILE, EXECPLAN_DONE), completedPlan(EXECPLAN_DONE));
  assert.equal(complete(EXECPLAN_FILE, crlfBom(EXECPLAN_DONE)), crlfBom(completedPlan(EXECPLAN_DONE)));
});

test('force completes an ExecPlan with open steps, leaving them open', () => {
  assert.equal(complete(EXECPLAN_FILE, EXECPLAN, force), completedPlan(EXECPLAN));
});

test('a KB milestone takes the done word of its schema', () => {
  const folder = memory({ [KB_FILE]: KB });
  const schema = { properties: { status: { enum: ['open', 'doing', 'done'] } } };
  assert.equal(textAfter(folder, completeMilestone(folder, refIn(folder, KB_FILE), force, schema, ctx), KB_FILE), swap(KB, 'status: in-progress #', 'status: done #'));
  assert.equal(complete(KB_FILE, crlfBom(KB), force), crlfBom(swap(KB, 'status: in-progress #', 'status: completed #')));
  const none = refusal(completeMilestone(folder, refIn(folder, KB_FILE), force, { properties: { status: { enum: ['open', 'doing'] } } }, ctx));
  assert.equal(none.code, 'not-applicable');
});

test('a session milestone with every step completed gets progress 100 and updated_at', () => {
  const all = swap(SESSION, '"status": "pending"', '"status": "completed"');
  const expected = swap(swap(swap(all, '"status": "in_progress"', '"status": "completed"'), '"progress": 50', '"progress": 100'), '2026-11-19 16:42:00 UTC', STAMP);
  assert.equal(complete(SESSION_FILE, all), expected);
  assert.equal(complete(SESSION_FILE, crlfBom(all)), crlfBom(expected));
  const percent = swap(all, '"progress": 50', '"progress": "50%"');
  assert.equal(complete(SESSION_FILE, percent), swap(expected, '"progress": 100', '"progress": "100%"'));
});

test('a session milestone completed with force keeps its stored progress', () => {
  assert.equal(complete(SESSION_FILE, SESSION, force), swap(swap(SESSION, '"status": "in_progress"', '"status": "completed"'), '2026-11-19 16:42:00 UTC', STAMP));
});

test('completing a STATUS.md milestone writes **Status:** COMPLETE, read back as done', () => {
  const out = complete(STATUS_FILE, STATUS, noForce, 'Foundation Complete');
  assert.equal(out, swap(STATUS, '**Approval Required:** No (foundation work)\n', '**Approval Required:** No (foundation work)\n**Status:** COMPLETE\n'));
  const m = readMilestoneFile(STATUS_FILE, out)!.milestones[0]!;
  assert.equal(m.status, 'COMPLETE');
  assert.equal(m.statusCategory, 'done');
  assert.equal(complete(STATUS_FILE, crlfBom(STATUS), noForce, 'Foundation Complete'), crlfBom(out));
});

test('the approval gate holds even with force until DECISIONS.md logs the approval', () => {
  const folder = memory({ [STATUS_FILE]: STATUS });
  const ref = refIn(folder, STATUS_FILE, 'Core Pipeline');
  assert.equal(refusal(completeMilestone(folder, ref, noForce, null, ctx)).code, 'open-steps');
  const gate = refusal(completeMilestone(folder, ref, force, null, ctx));
  assert.equal(gate.code, 'approval-required');
  assert.equal(gate.reason, '"Core Pipeline" requires approval (Approval Required: Yes); log the approval in DECISIONS.md first');
  const other = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': '# Decisions\n\n## 2026-11-20: Milestone "Search MVP" Approved\n' });
  assert.equal(refusal(completeMilestone(other, ref, force, null, ctx)).code, 'approval-required');
  const logged = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': '# Decisions\n\n## 2026-11-20: Milestone "core pipeline" Approved\n' });
  assert.equal(textAfter(logged, completeMilestone(logged, ref, force, null, ctx), STATUS_FILE),
    swap(STATUS, '**Approval Required:** Yes\n', '**Approval Required:** Yes\n**Status:** COMPLETE\n'));
});

test('a milestone whose stated status is already done is left as it is', () => {
  const folder = memory({
    [KB_FILE]: swap(KB, 'in-progress', 'completed'),
    [STATUS_FILE]: swap(STATUS, '## Milestone: Core Pipeline', '## Milestone: Core Pipeline ✅'),
    'DECISIONS.md': '# Decisions\n\n## 2026-11-20: Milestone "Core Pipeline" Approved\n',
  });
  assertUnchanged(completeMilestone(folder, refIn(folder, KB_FILE), noForce, null, ctx), /already completed/);
  assertUnchanged(completeMilestone(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), noForce, null, ctx), /already ✅/);
});

test('a milestone marked done whose required approval is not logged is not done: Complete asks for the approval', () => {
  const folder = memory({ [STATUS_FILE]: swap(STATUS, '## Milestone: Core Pipeline', '## Milestone: Core Pipeline ✅') });
  const ref = refIn(folder, STATUS_FILE, 'Core Pipeline');
  assert.equal(refusal(completeMilestone(folder, ref, noForce, null, ctx)).code, 'open-steps');
  assert.equal(refusal(completeMilestone(folder, ref, force, null, ctx)).code, 'approval-required');
});

test('every criterion met, approval required and not logged: Complete is refused for the approval, then completes once it is logged', () => {
  const met = swap(STATUS, '- [ ] Templates support partials', '- [x] Templates support partials');
  const waiting = memory({ [STATUS_FILE]: met });
  const gate = refusal(completeMilestone(waiting, refIn(waiting, STATUS_FILE, 'Core Pipeline'), noForce, null, ctx));
  assert.equal(gate.code, 'approval-required');
  const logged = memory({ [STATUS_FILE]: met, 'DECISIONS.md': '# Decisions\n\n## 2026-11-20: Milestone "Core Pipeline" Approved\n' });
  assert.equal(textAfter(logged, completeMilestone(logged, refIn(logged, STATUS_FILE, 'Core Pipeline'), noForce, null, ctx), STATUS_FILE),
    swap(met, '**Approval Required:** Yes\n', '**Approval Required:** Yes\n**Status:** COMPLETE\n'));
});

test('a handoff note cannot be completed', () => {
  const folder = memory({ [HANDOFF_FILE]: HANDOFF });
  const r = refusal(completeMilestone(folder, refIn(folder, HANDOFF_FILE), force, null, ctx));
  assert.equal(r.code, 'not-applicable');
  assert.match(r.reason, /cannot be completed/);
});
