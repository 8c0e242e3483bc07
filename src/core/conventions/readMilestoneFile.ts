import type { ConventionId, FileReading } from '../model';
import { isCodexPlanPath, readCodexPlan } from './codexPlan';
import { isExecPlanPath, readExecPlan } from './execplan';
import { handoffPath, readHandoff } from './handoff';
import { isKbPath, readKb } from './kb';
import { isLinkIndex } from './linkIndex';
import { isMarkdownName } from './paths';
import { isSessionJsonPath, readSessionJson } from './sessionJson';
import { describedByPath, skippedByPath, type SkippedFile } from './skipReasons';
import { isStatusMdPath, readStatusMd } from './statusMd';
import { kiroFeatureOf, readTasksMd, specKitFeatureOf } from './tasksMd';
import { placeholderOf } from './templatePlaceholders';

/**
 * Decides from the path alone (relative to the workspace folder, `/`-separated) whether a file can
 * be a milestone file: its convention when the path says so, `'markdown'` for any other markdown
 * file that is a milestone file only if its content says so (status-md sniffing), null otherwise.
 * Order: execplan, codex-plan, kiro and spec-kit (tasks.md), kb, session-json, handoff, status-md. Folder guides in `.kb` and `milestones/`
 * folders, templates by name (`describedByPath`), `handoffs/0-*` instruction folders and
 * lessons-learned files are null.
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
  if (/execplans\/|(?:^|\/)\.agents?\/plans\.md$/i.test(file) && isCodexPlanPath(file)) return 'codex-plan';
  if (/(?:^|\/)tasks\.md$/i.test(file)) {
    if (kiroFeatureOf(file) !== null) return 'kiro';
    if (specKitFeatureOf(file) !== null) return 'spec-kit';
  }
  const kbLike = /\.kb\//i.test(file);
  if (kbLike && isKbPath(file)) return 'kb';
  if (!isMarkdownName(file)) return /\.json$/i.test(file) && isSessionJsonPath(file) ? 'session-json' : null;
  const handoffs = /handoffs\//i.test(file);
  if (handoffs) {
    const h = handoffPath(file);
    if (h !== null) return h.kind === 'lessons' ? null : 'handoff';
    if (isUnderHandoffs(file)) return null;
  }
  if (describedByPath(file) !== null) return null;
  if (isStatusMdPath(file)) return 'status-md';
  return 'markdown';
}

/**
 * Reads one file into milestones. Returns null when the file is not a milestone file of any
 * convention, or only describes one (a template, an index of links: `describedBy`); a template
 * milestone among real ones is left out. Never throws on bad content: problems become `notes`, and
 * what could be read is kept.
 */
export function readMilestoneFile(file: string, text: string): FileReading | null {
  const kind = classifyPath(file);
  try {
    const reading = readAs(file, kind, text, false);
    if (reading === null || describedBy(reading) !== null) return null;
    const real = reading.milestones.filter((m) => placeholderOf(m) === null);
    return real.length === reading.milestones.length ? reading : { ...reading, milestones: real };
  } catch (e) {
    // A reader bug must not take the index down: report the file with the failure as a note.
    if (kind === null || kind === 'markdown') return null;
    return {
      file, convention: kind, milestones: [],
      notes: [{ severity: 'error', code: 'read-failed', message: `Could not read this file: ${e instanceof Error ? e.message : String(e)}`, line: 0 }],
    };
  }
}

/** The reader of `kind`; `keepLegends` keeps a legend's items as steps (status-md). */
function readAs(file: string, kind: ConventionId | 'markdown' | null, text: string, keepLegends: boolean): FileReading | null {
  switch (kind) {
    case 'execplan': return readExecPlan(file, text);
    case 'kb': return readKb(file, text);
    case 'session-json': return readSessionJson(file, text);
    case 'handoff': return readHandoff(file, text);
    case 'status-md': return readStatusMd(file, text, false, keepLegends);
    case 'kiro': case 'spec-kit': return readTasksMd(file, text, kind);
    case 'codex-plan': return readCodexPlan(file, text);
    case 'markdown': return readStatusMd(file, text, true, keepLegends);
    case null: return null;
  }
}

/**
 * What a reading describes instead of being milestones, with the line that shows it: a template
 * when every milestone's title or status is a placeholder (`placeholderOf`), an index when a
 * STATUS-style file only links to milestone files (`isLinkIndex`); null for milestones.
 */
function describedBy(reading: FileReading): { reason: 'template' | 'index'; what: string; line: number } | null {
  const ms = reading.milestones;
  if (ms.length > 0) {
    const placeholders = ms.map(placeholderOf);
    if (placeholders.every((p) => p !== null)) return { reason: 'template', what: placeholders[0]!, line: ms[0]!.line };
  }
  if (reading.convention === 'status-md' && isLinkIndex(reading, isMilestonePath)) {
    const links = ms.reduce((n, m) => n + m.steps.length, 0);
    return { reason: 'index', what: `${links} link${links === 1 ? '' : 's'}`, line: ms[0]?.line ?? 0 };
  }
  return null;
}

/** True for a path that names a milestone file by itself (not a markdown file that only might be one). */
function isMilestonePath(file: string): boolean {
  const kind = classifyPath(file);
  return kind !== null && kind !== 'markdown';
}

/**
 * Why `file` is not read as a milestone file although its path or content looks like one, for
 * `milestones list --verbose`: a guide or template by its name (`describedByPath`), a template or
 * an index by its content (`describedBy`), or a legend of the markers that holds its only task
 * items; null for a milestone file and for a file nothing made look like one.
 */
export function whySkipped(file: string, text: string): SkippedFile | null {
  const byPath = skippedByPath(file);
  if (byPath !== null) return byPath;
  const kind = classifyPath(file);
  if (kind === null || readMilestoneFile(file, text) !== null) return null;
  try {
    const reading = readAs(file, kind, text, false);
    const described = reading === null ? null : describedBy(reading);
    if (described !== null) {
      return described.reason === 'template'
        ? { file, reason: 'template', line: described.line, message: `not read as a milestone file: a template (placeholder ${JSON.stringify(described.what)} on line ${described.line + 1})` }
        : { file, reason: 'index', line: null, message: `not read as a milestone file: an index that only links to milestone files (${described.what})` };
    }
    const legend = reading === null ? readAs(file, kind, text, true)?.milestones.flatMap((m) => m.steps)[0] : undefined;
    if (legend === undefined) return null;
    const marker = legend.source.kind === 'task' ? legend.source.marker : '';
    return { file, reason: 'legend', line: legend.line, message: `not read as a milestone file: its task items are a legend of the markers ("${marker} ${legend.text}" on line ${legend.line + 1}), not steps` };
  } catch {
    return null;
  }
}

/** Files under `handoffs/` that are not notes or summaries (instructions in `0-*`, extra files). */
function isUnderHandoffs(file: string): boolean {
  return /(?:^|\/)handoffs\//i.test(file);
}
