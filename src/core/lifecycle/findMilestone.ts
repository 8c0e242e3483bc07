import { readMilestoneFile } from '../conventions/readMilestoneFile';
import type { FileReading, Milestone } from '../model';
import { gateReadings } from './approval/gateReading';
import type { FolderSnapshot, MilestoneRef, Refusal } from './changePlan';

export interface FoundMilestone {
  readonly kind: 'found';
  readonly text: string;
  readonly reading: FileReading;
  readonly milestone: Milestone;
  /** Index of the milestone in `reading.milestones`. */
  readonly index: number;
}

/**
 * Reads `ref.file` from the snapshot and finds the milestone again: the one with the same title on
 * `ref.line`, else the only one with that title, else (a whole-file convention) the file's only
 * milestone. Refuses, never guesses, when it is gone or ambiguous. The milestones are gated
 * (`gateReadings`): one awaiting its approval is not done for the action either.
 */
export function findMilestone(snapshot: FolderSnapshot, ref: MilestoneRef): FoundMilestone | Refusal {
  const text = snapshot.text(ref.file);
  if (text === null) return { kind: 'refused', reason: `${ref.file} does not exist (any more)`, code: 'not-found' };
  const reading = gatedReading(snapshot, ref.file, text);
  if (!reading || reading.milestones.length === 0) return { kind: 'refused', reason: `${ref.file} is not read as a milestone file`, code: 'not-found' };
  const all = reading.milestones;
  let index = all.findIndex((m) => m.line === ref.line && m.title === ref.title);
  if (index < 0) {
    const same = all.flatMap((m, i) => (m.title === ref.title ? [i] : []));
    if (same.length === 1) index = same[0]!;
    else if (same.length > 1) return { kind: 'refused', reason: `"${ref.title}" appears ${same.length} times in ${ref.file}; edit the file by hand`, code: 'not-found' };
    else if (all.length === 1 && reading.convention !== 'status-md') index = 0;
    else return { kind: 'refused', reason: `the milestone "${ref.title}" is no longer in ${ref.file}`, code: 'not-found' };
  }
  return { kind: 'found', text, reading, milestone: all[index]!, index };
}

/** Finds a milestone of `file` by title (case-insensitive, for the command line), or its only milestone when `title` is null. */
export function findMilestoneByTitle(snapshot: FolderSnapshot, file: string, title: string | null): FoundMilestone | Refusal {
  const text = snapshot.text(file);
  if (text === null) return { kind: 'refused', reason: `${file} does not exist`, code: 'not-found' };
  const reading = gatedReading(snapshot, file, text);
  if (!reading || reading.milestones.length === 0) return { kind: 'refused', reason: `${file} is not read as a milestone file`, code: 'not-found' };
  const all = reading.milestones;
  if (title === null) {
    if (all.length === 1) return { kind: 'found', text, reading, milestone: all[0]!, index: 0 };
    return { kind: 'refused', reason: `${file} holds ${all.length} milestones; name one with --milestone`, code: 'invalid-input', items: all.map((m) => m.title) };
  }
  const wanted = title.trim().toLowerCase();
  const same = all.flatMap((m, i) => (m.title.trim().toLowerCase() === wanted ? [i] : []));
  if (same.length === 1) return { kind: 'found', text, reading, milestone: all[same[0]!]!, index: same[0]! };
  if (same.length > 1) return { kind: 'refused', reason: `"${title}" appears ${same.length} times in ${file}`, code: 'invalid-input' };
  return { kind: 'refused', reason: `${file} has no milestone "${title}"`, code: 'not-found', items: all.map((m) => m.title) };
}

/** The reading of `file`, gated with the DECISIONS.md the snapshot holds beside it; null when it is no milestone file. */
function gatedReading(snapshot: FolderSnapshot, file: string, text: string): FileReading | null {
  const reading = readMilestoneFile(file, text);
  return reading === null ? null : gateReadings([reading], (log) => snapshot.text(log))[0]!;
}
