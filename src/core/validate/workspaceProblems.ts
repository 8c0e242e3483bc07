import type { FileReading } from '../model';
import type { Problem } from '../problems';
import { duplicateIdProblems } from '../checks/duplicateIds';
import { handoffProblems } from '../checks/handoffChecks';
import { kbProblems } from '../checks/kbChecks';
import { Placers } from '../checks/workspaceFiles';

/** One indexed file as the cross-file checks see it. */
export interface IndexedFile {
  /** Key of the workspace folder (any stable string; the CLI uses the folder path). */
  readonly folder: string;
  readonly reading: FileReading;
}

/** What the cross-file checks may ask about files that are not milestones (lessons-learned files …). */
export interface WorkspaceFacts {
  /** Whether `file` (relative to the folder `folder`) exists. */
  exists(folder: string, file: string): boolean;
}

/** A problem of one file of one folder. */
export interface FolderProblem {
  readonly folder: string;
  readonly problem: Problem;
}

/**
 * Problems that need several files: duplicate milestone ids across the workspace (on each copy's
 * id), KB `depends-on` naming a milestone that does not exist, dependency cycles (on each edge of
 * the cycle), KB numbering that breaks the folder's scheme, handoff numbering gaps, a handoff
 * milestone folder without `0-milestone-summary.md` or `0-lessons-learned.md` (info). Ranges point
 * into the files' texts, so `texts(folder, file)` gives the current text of an indexed file; it is
 * asked only for the files that have a problem (a null text places the problem at 0:0).
 * Never throws on bad content.
 */
export function workspaceProblems(files: readonly IndexedFile[], texts: (folder: string, file: string) => string | null, facts: WorkspaceFacts): FolderProblem[] {
  const placers = new Placers(texts);
  return [
    ...duplicateIdProblems(files, placers),
    ...kbProblems(files, placers),
    ...handoffProblems(files, placers, facts),
  ];
}

/**
 * What the checks above read of one file, as a string to compare: its path and convention, and of
 * each milestone its id, convention and the header fields `id`, `depends-on` / `depends_on`. A file
 * read again with the same facts changes no file's cross-file problems; only where its own are
 * placed in its text can move. Keep in step with the checks.
 */
export function crossFileFacts(reading: FileReading): string {
  return JSON.stringify([reading.file, reading.convention, reading.milestones.map((m) => [
    m.id, m.convention, m.file, m.fields['id'] ?? null, m.fields['depends-on'] ?? null, m.fields['depends_on'] ?? null,
  ])]);
}
