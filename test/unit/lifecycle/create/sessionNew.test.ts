import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionProblems } from '../../../../src/core/checks/sessionChecks';
import { TextPlacer } from '../../../../src/core/checks/textPlacer';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { newSessionMilestone, sessionFolders } from '../../../../src/core/lifecycle/create/sessionNew';
import { ctx, created, folder, refusal } from './createKit';
import { sessionText } from './createFixtures';

const DIR = 'SESSIONS/MILESTONES';
const deploy = (id: string) => `${JSON.stringify({ milestone_id: id, title: id, status: 'pending', steps: [] }, null, 2)}\n`;
const EXAMPLES = { [`${DIR}/deploy-preview-site.json`]: deploy('deploy-preview-site'), [`${DIR}/README.md`]: '# Milestones\n' };

const PURGE = sessionText({
  id: 'purge-the-cdn-cache', title: 'Purge the CDN cache', priority: 'HIGH', owner: 'Ada Lovelace', at: '2026-03-04 12:05:06', why: 'Stale pages after deploys',
  steps: ['Find the API key', 'Call the purge endpoint'],
});

test('a new session milestone is the seed JSON: its keys in order, every step pending, progress 0, UTC timestamps', () => {
  const out = created(newSessionMilestone(folder(EXAMPLES), {
    title: 'Purge the CDN cache', steps: ['Find the API key', 'Call the purge endpoint'], priority: 'high', why: 'Stale pages after deploys',
  }, ctx));
  assert.equal(out.file, `${DIR}/purge-the-cdn-cache.json`);
  assert.equal(out.text, PURGE);
  assert.equal(out.summary, `Created session milestone "Purge the CDN cache" with 2 steps in ${DIR}`);
});

test('it reads back with its steps open and passes the session checks (progress, step numbers)', () => {
  const reading = readMilestoneFile(`${DIR}/purge-the-cdn-cache.json`, PURGE)!;
  const m = reading.milestones[0]!;
  assert.deepEqual([m.id, m.title, m.status, m.progress, m.storedProgress], ['purge-the-cdn-cache', 'Purge the CDN cache', 'pending', { done: 0, total: 2 }, 0]);
  assert.deepEqual(reading.notes, []);
  assert.deepEqual(sessionProblems(reading.file, m, new TextPlacer(PURGE)), []);
});

test('zero steps are allowed: an empty steps array, MEDIUM priority, an empty why', () => {
  const out = created(newSessionMilestone(folder(EXAMPLES), { folder: 'MILESTONES', title: 'Later', steps: [] }, { identity: 'session-7', now: ctx.now }));
  assert.equal(out.file, 'MILESTONES/later.json');
  assert.equal(out.text, sessionText({ id: 'later', title: 'Later', priority: 'MEDIUM', owner: 'session-7', at: '2026-03-04 12:05:06', why: '', steps: [] }));
  assert.match(out.text, /\n {2}"steps": \[\],\n/);
  assert.equal(out.summary, 'Created session milestone "Later" with no steps yet in MILESTONES');
});

test('sessionFolders lists the folders holding session milestones, SESSIONS/MILESTONES when there is none', () => {
  assert.deepEqual(sessionFolders(folder({})), [DIR]);
  assert.deepEqual(sessionFolders(folder({ ...EXAMPLES, 'ops/milestones/a.json': deploy('a'), 'package.json': '{}' })), ['SESSIONS/MILESTONES', 'ops/milestones']);
});

test('several folders and none named is refused with the folders as items', () => {
  const r = refusal(newSessionMilestone(folder({ ...EXAMPLES, 'ops/milestones/a.json': deploy('a') }), { title: 'T', steps: [] }, ctx), 'invalid-input', /name the session milestones folder/);
  assert.deepEqual(r.items, [DIR, 'ops/milestones']);
});

test('an existing file, or the same milestone_id in another folder, is refused as exists', () => {
  refusal(newSessionMilestone(folder(EXAMPLES), { title: 'Deploy preview site', steps: [] }, ctx), 'exists', /^SESSIONS\/MILESTONES\/deploy-preview-site\.json already exists$/);
  const twin = folder({ 'ops/MILESTONES/x.json': deploy('deploy-preview-site') });
  refusal(newSessionMilestone(twin, { folder: DIR, title: 'Deploy preview site', steps: [] }, ctx), 'exists', /^the milestone id "deploy-preview-site" is already used by ops\/MILESTONES\/x\.json$/);
});

test('bad input is refused: a folder not named MILESTONES, an empty step, a multi-line why', () => {
  refusal(newSessionMilestone(folder(EXAMPLES), { folder: 'SESSIONS', title: 'T', steps: [] }, ctx), 'invalid-input', /^SESSIONS is not a session milestones folder/);
  refusal(newSessionMilestone(folder(EXAMPLES), { title: 'T', steps: ['a', ' '] }, ctx), 'invalid-input', /^step 2 is empty$/);
  refusal(newSessionMilestone(folder(EXAMPLES), { title: 'T', steps: [], why: 'a\nb' }, ctx), 'invalid-input', /^why must be one line of text$/);
});
