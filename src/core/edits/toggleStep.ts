import type { EditOutcome, StepRef } from '../model';

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
 * `updated_at`); an ExecPlan task row ⏳ ↔ ✅ plus frontmatter `updated` = today.
 * Finds the step by line + text + section; refuses (never guesses) when it is gone or ambiguous.
 * STUB: implemented by the edits module.
 */
export function toggleStep(text: string, file: string, ref: StepRef, done: boolean, context: EditContext): EditOutcome {
  void text; void file; void ref; void done; void context;
  return { kind: 'refused', reason: 'not implemented' };
}
