// In-memory folders and outcome checks for the "New milestone" tests.
import assert from 'node:assert/strict';
import type { FolderSnapshot, LifecycleContext, PlanOutcome, Refusal, RefusalCode } from '../../../../src/core/lifecycle/changePlan';
import { applyPlanToTexts } from '../../../../src/core/lifecycle/applyPlanToTexts';

/** Noon UTC on 2026-03-04: the same local calendar day in every zone from UTC-11 to UTC+11. */
export const ctx: LifecycleContext = { identity: 'Ada Lovelace', now: new Date('2026-03-04T12:05:06.789Z') };
export const DAY = '2026-03-04';

/** A snapshot of exactly these files (every one listed as a milestone file). */
export function folder(files: Readonly<Record<string, string>>): FolderSnapshot {
  return { files: Object.keys(files).sort(), text: (file) => (Object.prototype.hasOwnProperty.call(files, file) ? files[file]! : null) };
}

/** The one file an outcome creates: asserts a plan of exactly one create, primary on it. */
export function created(outcome: PlanOutcome): { file: string; text: string; summary: string } {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  const plan = outcome.kind === 'ok' ? outcome.plan : null;
  assert.equal(plan?.changes.length, 1);
  const change = plan.changes[0]!;
  assert.equal(change.kind, 'create');
  const file = change.kind === 'create' ? change.file : '';
  assert.equal(plan.primary, file);
  return { file, text: change.kind === 'create' ? change.text : '', summary: plan.summary };
}

/** The text of `file` after the outcome's plan, which must be one edit of it. */
export function edited(snapshot: FolderSnapshot, file: string, outcome: PlanOutcome): string {
  assert.equal(outcome.kind, 'ok', outcome.kind === 'refused' ? outcome.reason : '');
  const plan = outcome.kind === 'ok' ? outcome.plan : null;
  assert.deepEqual(plan?.changes.map((c) => [c.kind, c.kind === 'rename' ? c.from : c.file]), [['edit', file]]);
  assert.equal(plan.primary, file);
  return applyPlanToTexts(snapshot, plan).get(file)!;
}

/** Asserts a refusal with `code` whose reason matches `reason`; returns it. */
export function refusal(outcome: PlanOutcome | Refusal | { kind: 'ok' }, code: RefusalCode, reason: RegExp): Refusal {
  assert.equal(outcome.kind, 'refused', 'expected a refusal');
  const r = outcome;
  assert.equal(r.code, code, r.reason);
  assert.match(r.reason, reason);
  return r;
}
