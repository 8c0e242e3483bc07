import type { ConventionId, FileReading } from '../model';
import { isExecPlanPath, readExecPlan } from './execplan';
import { handoffPath, readHandoff } from './handoff';
import { isKbPath, readKb } from './kb';
import { isMarkdownName } from './paths';
import { isSessionJsonPath, readSessionJson } from './sessionJson';
import { isStatusMdPath, readStatusMd } from './statusMd';

/**
 * Decides from the path alone (relative to the workspace folder, `/`-separated) whether a file can
 * be a milestone file: its convention when the path says so, `'markdown'` for any other markdown
 * file that is a milestone file only if its content says so (status-md sniffing), null otherwise.
 * Order: execplan, kb, session-json, handoff, status-md. Folder guides in `.kb` folders,
 * `handoffs/0-*` instruction folders and lessons-learned files are null.
 */
export function classifyPath(file: string): ConventionId | 'markdown' | null {
  // The scan classifies every path and `readMilestoneFile` classifies it again: remember the last answer.
  if (file === lastFile) return lastKind;
  const kind = classify(file);
  lastFile = file;
  lastKind = kind;
  return kind;
}

let lastFile: string | undefined;
let lastKind: ConventionId | 'markdown' | null = null;

/**
 * `classifyPath` without the memo. Each predicate runs only when a substring it needs is present
 * (a case-insensitive `.agent`, `.kb/`, `handoffs/`, `milestone`): the predicates split and lower-case
 * the path's segments, ~2 µs a path, and most paths need one or two of them.
 */
function classify(file: string): ConventionId | 'markdown' | null {
  if (/\.agent/i.test(file) && isExecPlanPath(file)) return 'execplan';
  const kbLike = /\.kb\//i.test(file);
  if (kbLike && isKbPath(file)) return 'kb';
  if (!isMarkdownName(file)) return /\.json$/i.test(file) && isSessionJsonPath(file) ? 'session-json' : null;
  const handoffs = /handoffs\//i.test(file);
  if (handoffs) {
    const h = handoffPath(file);
    if (h !== null) return h.kind === 'lessons' ? null : 'handoff';
    if (isUnderHandoffs(file)) return null;
  }
  if (kbLike && isKbGuide(file)) return null;
  if (isStatusMdPath(file)) return 'status-md';
  return 'markdown';
}

/**
 * Reads one file into milestones. Returns null when the file is not a milestone file of any
 * convention. Never throws on bad content: problems become `notes`, and what could be read is kept.
 */
export function readMilestoneFile(file: string, text: string): FileReading | null {
  const kind = classifyPath(file);
  try {
    switch (kind) {
      case 'execplan': return readExecPlan(file, text);
      case 'kb': return readKb(file, text);
      case 'session-json': return readSessionJson(file, text);
      case 'handoff': return readHandoff(file, text);
      case 'status-md': return readStatusMd(file, text, false);
      case 'markdown': return readStatusMd(file, text, true);
      case null: return null;
    }
  } catch (e) {
    // A reader bug must not take the index down: report the file with the failure as a note.
    if (kind === null || kind === 'markdown') return null;
    return {
      file, convention: kind, milestones: [],
      notes: [{ severity: 'error', code: 'read-failed', message: `Could not read this file: ${e instanceof Error ? e.message : String(e)}`, line: 0 }],
    };
  }
}

/** Files under `handoffs/` that are not notes or summaries (instructions in `0-*`, extra files). */
function isUnderHandoffs(file: string): boolean {
  return /(?:^|\/)handoffs\//i.test(file);
}

/** Guide files (CLAUDE.md, README.md …) directly in a `.kb` folder. */
function isKbGuide(file: string): boolean {
  return /(?:^|\/)[^/]+\.kb\/[^/]+$/i.test(file);
}
