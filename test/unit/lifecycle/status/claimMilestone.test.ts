import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { claimMilestone } from '../../../../src/core/lifecycle/status/claimMilestone';
import {
  assertUnchanged, crlfBom, ctx, EXECPLAN, EXECPLAN_FILE, HANDOFF, HANDOFF_FILE, KB, KB_FILE, memory, refIn, refusal,
  SESSION, SESSION_FILE, STAMP, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from './lifecycleKit';

function claim(file: string, text: string, title: string | null = null, identity = ctx.identity): string {
  const folder = memory({ [file]: text });
  return textAfter(folder, claimMilestone(folder, refIn(folder, file, title), { ...ctx, identity }), file);
}

test('claiming an ExecPlan writes owner "@name" in its quotes and bumps updated, comment kept', () => {
  const expected = swap(swap(EXECPLAN, 'owner: "@codex"', 'owner: "@Ann-Lee"'), "updated: '2026-11-19'  # bumped", `updated: '${TODAY}'  # bumped`);
  assert.equal(claim(EXECPLAN_FILE, EXECPLAN), expected);
  assert.equal(claim(EXECPLAN_FILE, crlfBom(EXECPLAN)), crlfBom(expected));
});

test('an identity that starts with @ keeps it; a bare owner stays bare', () => {
  const bare = swap(EXECPLAN, 'owner: "@codex"', 'owner: someone');
  const out = claim(EXECPLAN_FILE, bare, null, '@team lead');
  assert.equal(out, swap(swap(bare, 'owner: someone', 'owner: "@team-lead"'), "'2026-11-19'", `'${TODAY}'`));
});

test('an ExecPlan without owner gets it at the end of its header', () => {
  const without = swap(EXECPLAN, 'owner: "@codex"\n', '');
  const out = claim(EXECPLAN_FILE, without);
  assert.equal(out, swap(swap(without, "'2026-11-19'", `'${TODAY}'`), 'tags: [search, build]\n', 'tags: [search, build]\nowner: "@Ann-Lee"\n'));
});

test('claiming a KB milestone adds owner at the end of the header', () => {
  const expected = swap(KB, '  - "Template engine with partials"\n', '  - "Template engine with partials"\nowner: Ann Lee\n');
  assert.equal(claim(KB_FILE, KB), expected);
  assert.equal(claim(KB_FILE, crlfBom(KB)), crlfBom(expected));
});

test('claiming a session milestone sets owner and updated_at in the file\'s style', () => {
  const expected = swap(swap(SESSION, '"owner": "session-7"', '"owner": "Ann Lee"'), '"updated_at": "2026-11-19 16:42:00 UTC"', `"updated_at": "${STAMP}"`);
  assert.equal(claim(SESSION_FILE, SESSION), expected);
  assert.equal(claim(SESSION_FILE, crlfBom(SESSION)), crlfBom(expected));
});

test('a session milestone without owner gets it after its title', () => {
  const without = swap(SESSION, '  "owner": "session-7",\n', '');
  const expected = swap(swap(without, '"title": "Deploy the preview site",\n', '"title": "Deploy the preview site",\n  "owner": "Ann Lee",\n'), '2026-11-19 16:42:00 UTC', STAMP);
  assert.equal(claim(SESSION_FILE, without), expected);
});

test('claiming a STATUS.md milestone adds **Owner:** after its last field line, the others untouched', () => {
  const expected = swap(STATUS, '**Approval Required:** Yes\n', '**Approval Required:** Yes\n**Owner:** Ann Lee\n');
  const out = claim(STATUS_FILE, STATUS, 'Core Pipeline');
  assert.equal(out, expected);
  assert.equal(claim(STATUS_FILE, crlfBom(STATUS), 'Core Pipeline'), crlfBom(expected));
  const reading = readMilestoneFile(STATUS_FILE, out)!;
  assert.deepEqual(reading.milestones.map((m) => m.fields['owner'] ?? null), [null, 'Ann Lee', null]);
});

test('an existing **Owner:** value is replaced in place', () => {
  const owned = swap(STATUS, '**Phase:** Phase 1\n', '**Phase:** Phase 1\n**Owner:** Bo\n');
  assert.equal(claim(STATUS_FILE, owned, 'Core Pipeline'), swap(owned, '**Owner:** Bo', '**Owner:** Ann Lee'));
});

test('claiming what the identity already owns changes nothing', () => {
  const folder = memory({ [EXECPLAN_FILE]: EXECPLAN, [SESSION_FILE]: SESSION });
  assertUnchanged(claimMilestone(folder, refIn(folder, EXECPLAN_FILE), { ...ctx, identity: 'codex' }), /already owned by @codex/);
  assertUnchanged(claimMilestone(folder, refIn(folder, SESSION_FILE), { ...ctx, identity: 'session-7' }), /already owned by session-7/);
});

test('a handoff note cannot be claimed', () => {
  const folder = memory({ [HANDOFF_FILE]: HANDOFF });
  const r = refusal(claimMilestone(folder, refIn(folder, HANDOFF_FILE), ctx));
  assert.equal(r.code, 'not-applicable');
  assert.match(r.reason, /handoff note.*no owner/);
});

test('a file that is gone or no longer JSON is refused, not thrown on', () => {
  const folder = memory({ [SESSION_FILE]: SESSION });
  const ref = refIn(folder, SESSION_FILE);
  assert.equal(refusal(claimMilestone(memory({}), ref, ctx)).code, 'not-found');
  const broken = memory({ [SESSION_FILE]: SESSION.replace('"owner": "session-7",', '"owner": "session-7",,') });
  const r = refusal(claimMilestone(broken, ref, ctx));
  assert.match(r.reason, /not valid JSON/);
});
