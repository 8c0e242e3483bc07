import { readMilestoneFile } from '../conventions/readMilestoneFile';
import type { EditOutcome, FileReading, Progress, Step, StepRef, TextEdit } from '../model';
import { EditRecorder } from './editRecorder';
import { findStep, quote } from './findStep';
import { frontmatterUpdatedEdits } from './frontmatterUpdated';
import { jsonStepEdits } from './jsonStepEdits';
import { doneMarkOf, tableStatusEdits, taskMarkerEdits } from './markdownStepEdits';
import { progressStampEdits } from './progressStamp';
import { localDay } from './timestampStyle';

/** What an edit needs to know about the world: who acts, and when. */
export interface EditContext {
  /** Written to `completed_by` (setting `milestones.identity`, else git user.name, else OS user). */
  readonly identity: string;
  /** The moment of the edit; dates and timestamps are written in the file's own style from it. */
  readonly now: Date;
}

/**
 * Marks the step `ref` of `file` done (`done = true`) or not done, as the minimal edits on `text`:
 * `- [ ]` ↔ `- [x]`; a JSON step's `status` (+ `completed_by`, `completed_at`, stored `progress`,
 * `updated_at`); an ExecPlan task row ⏳ / ⚠️ ↔ ✅, and for any ExecPlan step the frontmatter
 * `updated` = today (local date, same quoting; never added when absent).
 * Finds the step again in `text` by line + text + section + kind; refuses (never guesses) when it is
 * gone or ambiguous, when it has no checkbox (`info`) or a non-standard one, or when a JSON file does
 * not parse. A step already in the wanted state gives `ok` with no edits. No byte outside the
 * changed spans is touched: line endings, BOM, indentation, comments and key order survive.
 */
export function toggleStep(text: string, file: string, ref: StepRef, done: boolean, context: EditContext): EditOutcome {
  const reading = readMilestoneFile(file, text);
  if (!reading) return { kind: 'refused', reason: 'the file is no longer read as a milestone file; it may have changed on disk' };
  return toggleStepInReading(text, reading, ref, done, context);
}

/**
 * `toggleStep` on a reading the caller already has of exactly `text` (the host's index may hold
 * one; the tests build them by hand). Same contract.
 */
export function toggleStepInReading(text: string, reading: FileReading, ref: StepRef, done: boolean, context: EditContext): EditOutcome {
  const outcome = findStep(reading, ref);
  if (outcome.kind === 'refused') return outcome;
  const { step, milestone } = outcome.found;

  if (step.state === 'info') {
    return { kind: 'refused', reason: `the step ${quote(step.text)} has no checkbox; there is nothing to tick` };
  }
  if (step.state === 'nonstandard') {
    const marker = step.source.kind === 'task' ? ` "${step.source.marker}"` : '';
    return { kind: 'refused', reason: `the step ${quote(step.text)} has a non-standard marker${marker} that GitHub does not show as a checkbox; edit it by hand` };
  }
  if ((step.state === 'done') === done) return { kind: 'ok', edits: [] };

  const source = step.source;
  switch (source.kind) {
    case 'json-step':
      return jsonStepEdits(text, {
        index: source.index,
        done,
        identity: context.identity,
        now: context.now,
        progressAfter: progressAfter(milestone.progress, step, done),
      });
    case 'task':
    case 'table-row': {
      const stepEdits = source.kind === 'task'
        ? taskMarkerEdits(text, source.markerOffset, done, reading.convention === 'spec-kit' ? doneMarkOf(text) : 'x')
        : tableStatusEdits(text, source.cellOffset, source.cellLength, done);
      if (stepEdits === null) {
        return { kind: 'refused', reason: `the step ${quote(step.text)} was read, but its marker is not where it was read from; this is a bug, please report it` };
      }
      const edits: TextEdit[] = [...stepEdits];
      if (reading.convention === 'execplan' && edits.length > 0) {
        edits.push(...frontmatterUpdatedEdits(text, localDay(context.now)));
      }
      if (reading.convention === 'codex-plan' && edits.length > 0 && source.kind === 'task') {
        edits.push(...progressStampEdits(text, source.markerOffset, done, context.now));
      }
      // Through the recorder so the result is sorted and trimmed like every other edit.
      const recorder = new EditRecorder(text);
      recorder.apply(edits);
      return { kind: 'ok', edits: recorder.edits() };
    }
    case 'criterion':
      return { kind: 'refused', reason: `the step ${quote(step.text)} has no checkbox; there is nothing to tick` };
  }
}

/** The milestone's counted progress once `step` has changed to `done`. */
function progressAfter(progress: Progress, step: Step, done: boolean): Progress {
  const was = step.state === 'done' ? 1 : 0;
  return { done: progress.done - was + (done ? 1 : 0), total: progress.total };
}
