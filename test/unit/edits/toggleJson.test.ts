import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { toggleStep, toggleStepInReading } from '../../../src/core/edits/toggleStep';
import type { EditContext } from '../../../src/core/edits/toggleStep';
import { applyEdits } from '../../../src/core/text/applyEdits';
import { refOf } from '../../../src/core/model';
import type { EditOutcome } from '../../../src/core/model';
import { jsonStep, reading } from './readingFixtures';

const ctx: EditContext = { identity: 'session-4', now: new Date('2026-03-04T12:05:06.789Z') };

function applied(text: string, outcome: EditOutcome): string {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  return applyEdits(text, outcome.kind === 'ok' ? outcome.edits : []);
}

/** A session milestone in the seed's shape: two spaces, `YYYY-MM-DD HH:MM:SS UTC`. */
const SEED = `{
  "milestone_id": "deploy-dashboard",
  "title": "Deploy Dashboard to Server",
  "status": "in_progress",
  "progress": 33,
  "created_at": "2025-11-15 00:20:00 UTC",
  "updated_at": "2025-11-15 00:25:00 UTC",
  "steps": [
    {
      "step": 1,
      "description": "Review script",
      "status": "completed",
      "completed_by": "session-3",
      "completed_at": "2025-11-15 00:21:00 UTC",
      "notes": "ok"
    },
    {
      "step": 2,
      "description": "Deploy dashboard to server",
      "status": "in_progress",
      "started_at": "2025-11-15 00:23:00 UTC",
      "notes": "Running"
    },
    {
      "step": 3,
      "description": "Verify endpoints",
      "status": "pending",
      "notes": ""
    }
  ],
  "blockers": []
}
`;

function seedReading(text: string) {
  return reading('session-json', [
    jsonStep(text, 'Review script', 0, true),
    jsonStep(text, 'Deploy dashboard to server', 1, false),
    jsonStep(text, 'Verify endpoints', 2, false),
  ], 'MILESTONES/deploy-dashboard.json');
}

const SEED_STEP2_DONE = SEED
  .replace('"status": "in_progress",\n      "started_at"', '"status": "completed",\n      "completed_by": "session-4",\n      "completed_at": "2026-03-04 12:05:06 UTC",\n      "started_at"')
  .replace('"progress": 33', '"progress": 67')
  .replace('"updated_at": "2025-11-15 00:25:00 UTC"', '"updated_at": "2026-03-04 12:05:06 UTC"');

test('marking a JSON step done writes status, who, when (in the file\'s style), progress and updated_at', () => {
  const r = seedReading(SEED);
  const step = r.milestones[0]!.steps[1]!;
  assert.equal(applied(SEED, toggleStepInReading(SEED, r, refOf(step), true, ctx)), SEED_STEP2_DONE);
});

test('unmarking a JSON step sets pending, removes completed_by/completed_at and recomputes progress', () => {
  const r = seedReading(SEED);
  const step = r.milestones[0]!.steps[0]!;
  const expected = SEED
    .replace('"status": "completed",\n      "completed_by": "session-3",\n      "completed_at": "2025-11-15 00:21:00 UTC",\n', '"status": "pending",\n')
    .replace('"progress": 33', '"progress": 0')
    .replace('"updated_at": "2025-11-15 00:25:00 UTC"', '"updated_at": "2026-03-04 12:05:06 UTC"');
  assert.equal(applied(SEED, toggleStepInReading(SEED, r, refOf(step), false, ctx)), expected);
});

test('CRLF and a BOM survive a JSON edit', () => {
  const text = '\uFEFF' + SEED.replace(/\n/g, '\r\n');
  const r = seedReading(text);
  assert.equal(applied(text, toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[1]!), true, ctx)), '\uFEFF' + SEED_STEP2_DONE.replace(/\n/g, '\r\n'));
});

test('tab-indented JSON with ISO Z timestamps gets tabs and ISO Z', () => {
  const text = SEED.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)).replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/g, '$1T$2Z');
  const r = seedReading(text);
  const expected = SEED_STEP2_DONE.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)).replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/g, '$1T$2Z');
  assert.equal(applied(text, toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[1]!), true, ctx)), expected);
});

test('four-space JSON with milliseconds keeps four spaces and three fraction digits', () => {
  const conv = (s: string) => s.replace(/^( +)/gm, (x) => ' '.repeat(x.length * 2)).replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/g, '$1T$2.000Z');
  const text = conv(SEED);
  const r = seedReading(text);
  const expected = conv(SEED_STEP2_DONE).replace('2026-03-04T12:05:06.000Z', '2026-03-04T12:05:06.789Z').replace('2026-03-04T12:05:06.000Z', '2026-03-04T12:05:06.789Z');
  assert.equal(applied(text, toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[1]!), true, ctx)), expected);
});

test('a file writing +02:00 offsets gets the time at +02:00; a date-only file gets a date', () => {
  const offset = SEED.replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/g, '$1T$2+02:00');
  const r = seedReading(offset);
  const out = applied(offset, toggleStepInReading(offset, r, refOf(r.milestones[0]!.steps[1]!), true, ctx));
  assert.match(out, /"completed_at": "2026-03-04T14:05:06\+02:00"/);
  assert.match(out, /"updated_at": "2026-03-04T14:05:06\+02:00"/);
  const dated = SEED.replace(/(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2} UTC/g, '$1');
  const r2 = seedReading(dated);
  const out2 = applied(dated, toggleStepInReading(dated, r2, refOf(r2.milestones[0]!.steps[1]!), true, ctx));
  assert.match(out2, /"completed_at": "2026-03-04",\n      "started_at"/);
});

test('keys the file does not have (progress, updated_at) are not added; a string "50%" progress stays a string', () => {
  const text = SEED.replace('  "progress": 33,\n', '').replace('  "updated_at": "2025-11-15 00:25:00 UTC",\n', '');
  const r = seedReading(text);
  const out = applied(text, toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[2]!), true, ctx));
  assert.equal(out.includes('"progress"'), false);
  assert.equal(out.includes('"updated_at"'), false);
  const percent = SEED.replace('"progress": 33', '"progress": "33%"');
  const r2 = seedReading(percent);
  assert.match(applied(percent, toggleStepInReading(percent, r2, refOf(r2.milestones[0]!.steps[2]!), true, ctx)), /"progress": "67%"/);
});

test('a step that already has completed_by gets it overwritten, not duplicated', () => {
  const text = SEED.replace('"status": "pending",\n      "notes": ""', '"status": "pending",\n      "completed_by": "old",\n      "notes": ""');
  const r = seedReading(text);
  const out = applied(text, toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[2]!), true, ctx));
  assert.equal(out.match(/completed_by/g)!.length, 2);
  assert.match(out, /"status": "completed",\n      "completed_by": "session-4",\n      "completed_at": "2026-03-04 12:05:06 UTC",\n      "notes": ""/);
});

test('a JSON file with a syntax error is refused with the reason', () => {
  const text = SEED.replace('"step": 3,', '"step": 3');
  const r = seedReading(text);
  const out = toggleStepInReading(text, r, refOf(r.milestones[0]!.steps[1]!), true, ctx);
  assert.equal(out.kind, 'refused');
  assert.match(out.kind === 'refused' ? out.reason : '', /^the file is not valid JSON \(comma expected on line 26\); fix it first$/);
});

/** Ticks (`done`) or unticks step `index` of `text`, read as a session JSON milestone by the reader. */
function toggledJson(text: string, index: number, done: boolean): string {
  const file = 'MILESTONES/deploy-dashboard.json';
  const step = readMilestoneFile(file, text)!.milestones[0]!.steps[index]!;
  return applied(text, toggleStep(text, file, refOf(step), done, ctx));
}

test('unticking a step that was in progress (started_at) puts it back in progress: untick is the inverse of tick', () => {
  const done = toggledJson(SEED, 1, true);
  assert.equal(done, SEED_STEP2_DONE);
  // Only the stamp of the two edits differs from the original.
  assert.equal(toggledJson(done, 1, false), SEED.replace('"updated_at": "2025-11-15 00:25:00 UTC"', '"updated_at": "2026-03-04 12:05:06 UTC"'));
});

test('a step with only started_by goes back to in progress in the file\'s own spelling; one without either to pending', () => {
  const text = SEED
    .replace('"status": "in_progress",\n      "started_at": "2025-11-15 00:23:00 UTC"', '"status": "in-progress",\n      "started_by": "ann"')
    .replace('"status": "completed",\n      "completed_by": "session-3"', '"status": "completed",\n      "started_by": "bob",\n      "completed_by": "session-3"');
  assert.match(toggledJson(text, 0, false), /"description": "Review script",\n      "status": "in-progress",\n      "started_by": "bob",\n      "notes": "ok"/);
  const plain = SEED.replace('"status": "in_progress",\n      "started_at": "2025-11-15 00:23:00 UTC",\n', '"status": "in_progress",\n');
  assert.match(toggledJson(toggledJson(plain, 1, true), 1, false), /"description": "Deploy dashboard to server",\n      "status": "pending",/);
});
