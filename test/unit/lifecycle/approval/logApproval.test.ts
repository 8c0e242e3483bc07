import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalLogged, approvalRequired, decisionsFileOf, readApprovalLog } from '../../../../src/core/lifecycle/approval/approvalGate';
import { logApproval } from '../../../../src/core/lifecycle/approval/logApproval';
import { milestoneDeliverables } from '../../../../src/core/lifecycle/approval/milestoneDeliverables';
import { findMilestoneByTitle } from '../../../../src/core/lifecycle/findMilestone';
import { completeMilestone } from '../../../../src/core/lifecycle/status/completeMilestone';
import {
  applied, assertUnchanged, crlfBom, ctx, KB, KB_FILE, memory, refIn, refusal, STATUS, STATUS_FILE, swap, textAfter, TODAY,
} from '../status/lifecycleKit';

const CORE_ENTRY = `## ${TODAY}: Milestone "Core Pipeline" Approved

**Context:** Phase 1 complete, 1 of 2 acceptance criteria met
**Evidence:**
- Acceptance criteria met (1/2)
- Deliverables: Markdown renderer, Template engine
- Progress: 50%

**Decision:** Approved to advance to Phase 2
**Next Milestone:** Search MVP
`;

test('approval is required when the field starts with yes, in any case', () => {
  const milestones = (text: string) => findMilestoneByTitle(memory({ [STATUS_FILE]: text }), STATUS_FILE, 'Core Pipeline');
  const required = (value: string): boolean => {
    const found = milestones(swap(STATUS, '**Approval Required:** Yes', `**Approval Required:** ${value}`));
    assert.equal(found.kind, 'found');
    return found.kind === 'found' && approvalRequired(found.milestone);
  };
  assert.equal(required('Yes'), true);
  assert.equal(required('YES (major milestone)'), true);
  assert.equal(required('yes'), true);
  assert.equal(required('No (foundation work)'), false);
  assert.equal(required('Yesterday'), false);
});

test('DECISIONS.md lies beside the STATUS file', () => {
  assert.equal(decisionsFileOf('STATUS.md'), 'DECISIONS.md');
  assert.equal(decisionsFileOf('docs/plan/ROADMAP.md'), 'docs/plan/DECISIONS.md');
});

test('an approval is found by its heading, the title compared ignoring case', () => {
  const log = '# Decisions\n\n## 2026-02-14: Authentication Milestone Complete\n\n### 2026-02-16: Milestone “MVP Functional” Approved\r\n';
  assert.equal(approvalLogged(readApprovalLog(log), 'mvp functional'), true);
  assert.equal(approvalLogged(readApprovalLog(log), 'Authentication'), false);
  assert.equal(approvalLogged(readApprovalLog('Milestone "MVP Functional" Approved'), 'MVP Functional'), false);
  assert.equal(approvalLogged(readApprovalLog(null), 'MVP Functional'), false);
});

test('logging an approval creates DECISIONS.md with the entry in the seed format', () => {
  const folder = memory({ [STATUS_FILE]: STATUS });
  const outcome = logApproval(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), {}, ctx);
  assert.equal(outcome.kind === 'ok' && outcome.plan.summary, 'Logged the approval of "Core Pipeline" in DECISIONS.md');
  assert.deepEqual([...applied(folder, outcome)], [['DECISIONS.md', `# Decisions\n\n${CORE_ENTRY}`]]);
});

test('the entry is appended after one blank line, in the file\'s line endings', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  for (const [before, joint] of [['# Decisions\n\n## Older\n\nText.\n', '\n'], ['# Decisions\n\n## Older\n\nText.', '\n\n'], ['# Decisions\n\nText.\n\n', '']] as const) {
    const folder = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': before });
    assert.equal(textAfter(folder, logApproval(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), {}, ctx), 'DECISIONS.md'), before + joint + CORE_ENTRY);
    const windows = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': '\uFEFF' + crlf(before) });
    assert.equal(textAfter(windows, logApproval(windows, refIn(windows, STATUS_FILE, 'Core Pipeline'), {}, ctx), 'DECISIONS.md'), '\uFEFF' + crlf(before + joint + CORE_ENTRY));
  }
});

test('what the person says replaces the defaults; the last milestone has none next', () => {
  const folder = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': '' });
  const given = logApproval(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), { decision: 'Approved with one fix', next: null, context: 'Demo on Friday' }, ctx);
  assert.equal(textAfter(folder, given, 'DECISIONS.md'), `# Decisions\n\n${CORE_ENTRY
    .replace('Phase 1 complete, 1 of 2 acceptance criteria met', 'Demo on Friday')
    .replace('Approved to advance to Phase 2', 'Approved with one fix')
    .replace('**Next Milestone:** Search MVP', '**Next Milestone:** none')}`);
  const last = logApproval(folder, refIn(folder, STATUS_FILE, 'Search MVP'), {}, ctx);
  assert.equal(textAfter(folder, last, 'DECISIONS.md'), `# Decisions\n\n## ${TODAY}: Milestone "Search MVP" Approved

**Context:** Phase 2 complete, 0 of 1 acceptance criteria met
**Evidence:**
- Acceptance criteria met (0/1)
- Progress: 0%

**Decision:** Approved to advance to the next milestone
**Next Milestone:** none
`);
});

test('a milestone all of whose criteria are met says so; a CRLF STATUS file gives a CRLF log', () => {
  const folder = memory({ [STATUS_FILE]: crlfBom(STATUS) });
  const out = textAfter(folder, logApproval(folder, refIn(folder, STATUS_FILE, 'Foundation Complete'), {}, ctx), 'DECISIONS.md');
  assert.equal(out, `# Decisions\r\n\r\n## ${TODAY}: Milestone "Foundation Complete" Approved\r\n\r\n**Context:** Phase 0 complete, all acceptance criteria met\r\n**Evidence:**\r\n`
    + '- Acceptance criteria met (2/2)\r\n- Deliverables: Build script, CI workflow\r\n- Progress: 100%\r\n\r\n**Decision:** Approved to advance to Phase 1\r\n**Next Milestone:** Core Pipeline\r\n');
});

test('an approval already logged is not logged twice', () => {
  const folder = memory({ [STATUS_FILE]: STATUS, 'DECISIONS.md': `# Decisions\n\n## 2026-11-01: Milestone "CORE PIPELINE" Approved\n` });
  assertUnchanged(logApproval(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), {}, ctx), /already logged in DECISIONS\.md/);
});

test('only STATUS.md milestones have an approval gate', () => {
  const folder = memory({ [KB_FILE]: KB });
  assert.equal(refusal(logApproval(folder, refIn(folder, KB_FILE), {}, ctx)).code, 'not-applicable');
});

test('refused by the gate even with force, then logged, then completed', () => {
  const ticked = swap(STATUS, '- [ ] Templates support partials', '- [x] Templates support partials');
  const before = memory({ [STATUS_FILE]: ticked });
  const ref = refIn(before, STATUS_FILE, 'Core Pipeline');
  assert.equal(refusal(completeMilestone(before, ref, { force: true }, null, ctx)).code, 'approval-required');
  const decisions = textAfter(before, logApproval(before, ref, {}, ctx), 'DECISIONS.md');
  assert.equal(decisions, `# Decisions\n\n${CORE_ENTRY.replace('1 of 2 acceptance criteria met', 'all acceptance criteria met').replace('(1/2)', '(2/2)').replace('50%', '100%')}`);
  const after = memory({ [STATUS_FILE]: ticked, 'DECISIONS.md': decisions });
  assert.equal(textAfter(after, completeMilestone(after, ref, { force: false }, null, ctx), STATUS_FILE),
    swap(ticked, '**Approval Required:** Yes\n', '**Approval Required:** Yes\n**Status:** COMPLETE\n'));
});

test('without a phase the context names the milestone; without deliverables the line is left out', () => {
  const folder = memory({ 'plan/ROADMAP.md': '# Roadmap\n\n## Milestone: Launch\n\n**Approval Required:** Yes\n\n- [x] Ship it\n' });
  assert.equal(textAfter(folder, logApproval(folder, refIn(folder, 'plan/ROADMAP.md'), {}, ctx), 'plan/DECISIONS.md'), `# Decisions

## ${TODAY}: Milestone "Launch" Approved

**Context:** "Launch" complete, all acceptance criteria met
**Evidence:**
- Acceptance criteria met (1/1)
- Progress: 100%

**Decision:** Approved to advance to the next milestone
**Next Milestone:** none
`);
});

test('deliverables are read from a numbered, bulleted or checkbox list, a sub-heading or an inline field', () => {
  const deliverables = (text: string, title: string): string[] => {
    const found = findMilestoneByTitle(memory({ [STATUS_FILE]: text }), STATUS_FILE, title);
    assert.equal(found.kind, 'found');
    return found.kind === 'found' ? milestoneDeliverables(text, found.milestone) : [];
  };
  assert.deepEqual(deliverables(STATUS, 'Core Pipeline'), ['Markdown renderer', 'Template engine']);
  assert.deepEqual(deliverables(STATUS, 'Search MVP'), []);
  const ticked = '## Milestone: Auth (50% complete)\n\n**Goal:** Log in\n\n### Deliverables\n\n- [x] OAuth provider (COMPLETE)\n  with refresh\n- [ ] Session middleware\n\n### Deliverable: Token validation\n\n**Status:** NEXT\n';
  assert.deepEqual(deliverables(ticked, 'Auth (50% complete)'), ['OAuth provider (COMPLETE)', 'Session middleware']);
  assert.deepEqual(deliverables('## Milestone: X\n\n**Deliverables:** API, CLI\n- [ ] Ship\n', 'X'), ['API', 'CLI']);
});

test('more than six deliverables are counted, not named', () => {
  const many = swap(STATUS, '1. Markdown renderer\n2. Template engine\n', [1, 2, 3, 4, 5, 6, 7].map((n) => `${n}. Part ${n}\n`).join(''));
  const folder = memory({ [STATUS_FILE]: many });
  assert.match(textAfter(folder, logApproval(folder, refIn(folder, STATUS_FILE, 'Core Pipeline'), {}, ctx), 'DECISIONS.md'), /^- Deliverables: 7 listed$/m);
});
