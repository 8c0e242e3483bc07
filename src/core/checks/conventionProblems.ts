import type { FileReading } from '../model';
import type { Problem } from '../problems';
import { codexPlanProblems } from './codexPlanChecks';
import { execplanProblems } from './execplanChecks';
import { nonstandardMarkerProblems } from './nonstandardMarkers';
import { sessionProblems } from './sessionChecks';
import { specKitProblems } from './specKitChecks';
import { statusProblems } from './statusChecks';
import { TextPlacer } from './textPlacer';
import { localToday } from './today';

/**
 * The checks of one file that no schema can express: ExecPlan id / file name / dates / completed
 * with open tasks / archive status; session JSON progress, step numbers and `completed_at`;
 * STATUS.md milestones marked complete with unticked items and percentages that disagree; and
 * non-standard task markers. Cross-file checks (KB, handoffs, duplicate ids) are in
 * `workspaceProblems`. Works from `reading` (no re-parse); the text is read only to place a problem
 * (and by the session JSON and percentage checks, which need what the reading does not keep).
 * `today` (`YYYY-MM-DD`, local) is what the `updated` fix writes. Never throws on bad content.
 */
export function conventionProblems(file: string, text: string, reading: FileReading, today: () => string = localToday): Problem[] {
  const place = new TextPlacer(text);
  const out: Problem[] = [];
  switch (reading.convention) {
    case 'execplan':
      for (const m of reading.milestones) out.push(...execplanProblems(file, m, place, today));
      break;
    case 'session-json':
      if (!reading.notes.some((n) => n.code === 'json-syntax')) {
        for (const m of reading.milestones) out.push(...sessionProblems(file, m, place));
      }
      break;
    case 'status-md':
      out.push(...statusProblems(file, reading.milestones, place));
      break;
    case 'kb':
    case 'handoff':
      break; // their checks compare files: workspaceProblems
    case 'spec-kit':
      out.push(...specKitProblems(file, reading.milestones, place));
      break;
    case 'codex-plan':
      out.push(...codexPlanProblems(file, reading.milestones, place));
      break;
    case 'kiro':
      break;
  }
  // The reader notes each non-standard marker: skip the walk over the steps when there is none.
  if (reading.notes.some((n) => n.code === 'nonstandard-marker')) {
    for (const m of reading.milestones) out.push(...nonstandardMarkerProblems(file, m.steps, place));
  }
  return out;
}
