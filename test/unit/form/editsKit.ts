import assert from 'node:assert/strict';
import { applyFormEdit } from '../../../src/core/form/applyFormEdit';
import type { EditContext } from '../../../src/core/edits/toggleStep';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { refOf } from '../../../src/core/model';
import type { Step, StepRef } from '../../../src/core/model';
import { applyEdits } from '../../../src/core/text/applyEdits';
import type { FormEdit } from '../../../src/protocol/formProtocol';

// Noon UTC: the local calendar day is the same in every zone from UTC-11 to UTC+11.
export const ctx: EditContext = { identity: 'tester', now: new Date('2026-03-04T12:05:06.789Z') };

export const PATHS = {
  status: 'STATUS.md',
  execplan: '.agent/exec_plans/active/plan/milestones/active/MS001_first.md',
  kb: 'docs/milestones.kb/010-parser.md',
  session: 'SESSIONS/MILESTONES/deploy.json',
} as const;

/** The text after the form edit; fails the test when it is refused. */
export function edited(file: string, text: string, edit: FormEdit): string {
  const out = applyFormEdit(file, text, edit, ctx);
  assert.equal(out.kind, 'ok', out.kind === 'refused' ? out.reason : '');
  return applyEdits(text, out.kind === 'ok' ? out.edits : []);
}

/** The reason the form edit is refused; fails the test when it is not. */
export function refused(file: string, text: string, edit: FormEdit): string {
  const out = applyFormEdit(file, text, edit, ctx);
  assert.equal(out.kind, 'refused', 'expected a refusal');
  return out.kind === 'refused' ? out.reason : '';
}

/** The ref of the step whose text is `text`. */
export function ref(file: string, text: string, stepText: string): StepRef {
  const step = steps(file, text).find((s) => s.text === stepText);
  assert.ok(step, `no step "${stepText}"`);
  return refOf(step);
}

export function steps(file: string, text: string): Step[] {
  return (readMilestoneFile(file, text)?.milestones ?? []).flatMap((m) => m.steps);
}

/** LF → CRLF. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
