/**
 * "New milestone" for session JSON (seed 001): `<MILESTONES folder>/<milestone_id>.json`, the seed's
 * keys in the seed's order, every step pending, progress 0.
 */
import { dirOf } from '../../conventions/paths';
import { classifyPath, readMilestoneFile } from '../../conventions/readMilestoneFile';
import { isSessionJsonPath } from '../../conventions/sessionJson';
import { formatTimestamp } from '../../edits/timestampStyle';
import { refused, type FolderSnapshot, type LifecycleContext, type PlanOutcome } from '../changePlan';
import { slugOf } from '../slug';
import { chosenPath, isRefusal, oneLine, oneLineEach, optionalLine } from './createInputs';

/** The folders that hold session JSON milestones (sorted); `['SESSIONS/MILESTONES']` when none does. */
export function sessionFolders(snapshot: FolderSnapshot): string[] {
  const folders = new Set(snapshot.files.filter((f) => classifyPath(f) === 'session-json').map(dirOf));
  return folders.size > 0 ? [...folders].sort() : ['SESSIONS/MILESTONES'];
}

export interface NewSessionInput {
  /** A folder named `MILESTONES` (any case); default the only one `sessionFolders` gives. */
  readonly folder?: string;
  readonly title: string;
  /** The steps' descriptions, in order; none is allowed (the file then has `"steps": []`). */
  readonly steps: readonly string[];
  /** Default `MEDIUM`; `high` / `medium` / `low` are written in capitals like the seed. */
  readonly priority?: string;
  /** `context.why`; default empty. */
  readonly why?: string;
}

/** The seed's timestamps: `2025-11-15 00:20:00 UTC`. */
const SEED_TIME = { separator: ' ', seconds: true, fractionDigits: 0, zone: ' UTC', offsetMinutes: 0 } as const;

/**
 * Creates the milestone `slugOf(title)` with status `pending`, progress 0, owner the identity,
 * created_at / updated_at `ctx.now` in the seed's UTC style, one pending step per entry of
 * `input.steps`, and empty `next_session_should`, `blockers`, `handoff_notes`; 2-space JSON with a
 * final newline. Refuses (`invalid-input`) a folder not named MILESTONES, several folders and none
 * named, an empty or multi-line title, step, priority or why; (`exists`) when the file is there or
 * another session milestone has that `milestone_id`.
 */
export function newSessionMilestone(snapshot: FolderSnapshot, input: NewSessionInput, ctx: LifecycleContext): PlanOutcome {
  const folder = chosenPath(input.folder, sessionFolders(snapshot), 'session milestones folder');
  if (isRefusal(folder)) return folder;
  const title = oneLine(input.title, 'the title');
  if (isRefusal(title)) return title;
  const steps = oneLineEach(input.steps, 'step');
  if (isRefusal(steps)) return steps;
  const priority = optionalLine(input.priority, 'the priority');
  if (isRefusal(priority)) return priority;
  const why = optionalLine(input.why, 'why');
  if (isRefusal(why)) return why;
  const id = slugOf(title);
  const file = `${folder}/${id}.json`;
  if (!isSessionJsonPath(file)) return refused(`${folder} is not a session milestones folder: its name must be MILESTONES`, 'invalid-input');
  if (snapshot.text(file) !== null) return refused(`${file} already exists`, 'exists');
  const twin = snapshot.files.find((f) => classifyPath(f) === 'session-json' && milestoneIdOf(snapshot, f) === id);
  if (twin !== undefined) return refused(`the milestone id "${id}" is already used by ${twin}`, 'exists');
  const at = formatTimestamp(ctx.now, SEED_TIME);
  const milestone = {
    milestone_id: id,
    title,
    priority: priority === undefined ? 'MEDIUM' : /^(?:high|medium|low)$/i.test(priority) ? priority.toUpperCase() : priority,
    owner: ctx.identity.trim() || 'unknown',
    status: 'pending',
    progress: 0,
    created_at: at,
    updated_at: at,
    context: { why: why ?? '', related_files: [], dependencies: [], success_criteria: '' },
    steps: steps.map((description, i) => ({ step: i + 1, description, status: 'pending', notes: '' })),
    next_session_should: [],
    blockers: [],
    handoff_notes: '',
  };
  const text = `${JSON.stringify(milestone, null, 2)}\n`;
  const count = steps.length === 0 ? 'no steps yet' : steps.length === 1 ? '1 step' : `${steps.length} steps`;
  return { kind: 'ok', plan: { changes: [{ kind: 'create', file, text }], summary: `Created session milestone "${title}" with ${count} in ${folder}`, primary: file } };
}

function milestoneIdOf(snapshot: FolderSnapshot, file: string): string | null {
  const text = snapshot.text(file);
  return text === null ? null : readMilestoneFile(file, text)?.milestones[0]?.id ?? null;
}
