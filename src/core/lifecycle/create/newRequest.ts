import type { ConventionId } from '../../model';
import type { JsonSchema } from '../../schema/schemaTypes';
import { slugOf } from '../slug';
import type { FolderSnapshot, LifecycleContext, PlanOutcome, Refusal } from '../changePlan';
import { cleanPath, isRefusal } from './createInputs';
import { execPlanChoices, newExecPlanId, newExecPlanMilestone } from './execPlanNew';
import { handoffFolders, newHandoffNote } from './handoffNew';
import { kbChoices, newKbMilestone, nextKbNumber } from './kbNew';
import { newSessionMilestone, sessionFolders } from './sessionNew';
import { newStatusMilestone, statusFiles } from './statusNew';

/** A request the caller cannot fix by retrying the same call: a missing or unknown input. */
export interface UsageProblem {
  readonly kind: 'usage';
  readonly message: string;
}

/**
 * "Create a milestone" as the command line and the agents' `new_milestone` tool ask it. Paths are
 * relative to the workspace folder, `/`-separated (the caller resolves what a person typed).
 * `folder`: the `.kb` folder (kb), the session milestones folder (session-json), the STATUS file
 * (status-md), the handoffs folder (handoff); for execplan `planFolder` is the plan's folder, or a
 * bare name meaning `.agent/exec_plans/NAME`.
 */
export interface NewRequest {
  /** A convention's name (`execplan`, `kb`, `session-json` or `session`, `status-md` or `status`, `handoff`). */
  readonly convention: string;
  readonly title: string;
  /** Steps or acceptance criteria (kb, session-json, status-md). */
  readonly items: readonly string[];
  readonly folder?: string;
  readonly plan?: string;
  readonly planFolder?: string;
  readonly domain?: string;
  readonly risk?: string;
  readonly after?: string;
  readonly goal?: string;
  readonly phase?: string;
  readonly target?: string;
  readonly deliverables?: readonly string[];
  readonly approval?: boolean;
  readonly priority?: string;
  readonly why?: string;
}

/**
 * How the caller's surface spells each input in messages: the command line says `--folder`,
 * `--plan-folder NAME|FOLDER`; the agents' tool says `folder`, `plan`.
 */
export interface InputNames {
  readonly folder: string;
  /** The STATUS file (status-md's `folder`). */
  readonly file: string;
  readonly plan: string;
  readonly planFolder: string;
  readonly goal: string;
}

/** The names of the agents' `new_milestone` inputs. */
export const TOOL_INPUT_NAMES: InputNames = { folder: 'folder', file: 'folder', plan: 'plan', planFolder: 'folder', goal: 'goal' };

const NAMES: Readonly<Record<string, ConventionId>> = {
  'execplan': 'execplan', 'kb': 'kb', 'session-json': 'session-json', 'session': 'session-json',
  'status-md': 'status-md', 'status': 'status-md', 'handoff': 'handoff',
};

/** The convention a request's name means, or null. */
export function newConventionOf(name: string): ConventionId | null {
  return NAMES[name.toLowerCase()] ?? null;
}

/** Whether a convention's new milestone takes items (steps, criteria). */
export function takesItems(convention: ConventionId): boolean {
  return convention === 'kb' || convention === 'session-json' || convention === 'status-md';
}

/**
 * The plan that creates the requested milestone, numbered after those in `snapshot` (archived ones
 * too), or a refusal, or a usage problem naming what to add (a folder when there are several: each
 * listed). `schemaOf` gives the schema that will check a new file (kb: its header is written to it).
 */
export function planNew(
  request: NewRequest, snapshot: FolderSnapshot, ctx: LifecycleContext,
  schemaOf: (file: string, convention: ConventionId) => JsonSchema | null, names: InputNames = TOOL_INPUT_NAMES,
): PlanOutcome | UsageProblem {
  const convention = newConventionOf(request.convention);
  if (convention === null) return usage(`unknown convention "${request.convention}": use execplan, kb, session-json, status-md or handoff`);
  const { title, items } = request;
  if (items.length > 0 && !takesItems(convention)) return usage(`new ${convention} takes a title only, not items (${items.map((i) => JSON.stringify(i)).join(' ')})`);
  switch (convention) {
    case 'execplan': {
      const plan = choosePlan(snapshot, request.plan, request.planFolder, ctx.now, names);
      if (plan.kind !== 'picked') return plan;
      return newExecPlanMilestone(snapshot, { execplanId: plan.id, folder: plan.folder, title, domain: request.domain, risk: request.risk }, ctx);
    }
    case 'kb': {
      const folders = kbChoices(snapshot);
      const picked = pathOrOnly(request.folder, folders.map((c) => c.folder), '.kb folders with milestones', names.folder);
      if (typeof picked !== 'string') return picked;
      const folder = cleanPath(picked, 'the KB folder');
      if (isRefusal(folder)) return folder;
      // The schema that will check the new file: the number first, for a `milestones.schemas` glob on names.
      const next = nextKbNumber(folders.find((c) => c.folder === folder)?.numbers ?? [], request.after ?? null);
      const file = `${folder}/${next.kind === 'ok' ? `${next.number}-` : ''}${slugOf(title)}.md`;
      return newKbMilestone(snapshot, { folder, title, goal: request.goal, after: request.after ?? null, criteria: items }, schemaOf(file, 'kb'), ctx);
    }
    case 'session-json': {
      const folder = pathOrOnly(request.folder, sessionFolders(snapshot), 'session milestone folders', names.folder);
      if (typeof folder !== 'string') return folder;
      return newSessionMilestone(snapshot, { folder, title, steps: items, priority: request.priority, why: request.why }, ctx);
    }
    case 'status-md': {
      const file = pathOrOnly(request.folder, statusFiles(snapshot), 'status files', names.file);
      if (typeof file !== 'string') return file;
      if (request.goal === undefined) return usage(`new status-md needs ${names.goal === 'goal' ? 'a goal: one sentence on the outcome' : `${names.goal} "one sentence on the outcome"`}`);
      return newStatusMilestone(snapshot, {
        file, name: title, goal: request.goal, phase: request.phase, target: request.target,
        criteria: items, deliverables: request.deliverables ?? [], approvalRequired: request.approval === true,
      }, ctx);
    }
    case 'handoff': {
      const folder = pathOrOnly(request.folder, handoffFolders(snapshot), 'handoffs folders', names.folder);
      if (typeof folder !== 'string') return folder;
      return newHandoffNote(snapshot, { folder, title }, ctx);
    }
    case 'codex-plan': case 'kiro': case 'spec-kit':
      return usage(`new does not write ${convention} task lists: their own tool writes tasks.md from a spec`);
  }
}

function usage(message: string): UsageProblem {
  return { kind: 'usage', message };
}

/** `given` when there is one, else the only one of `existing`, else a usage problem: none (`plural` names them) or several, listed. */
function pathOrOnly(given: string | undefined, existing: readonly string[], plural: string, input: string): string | UsageProblem {
  if (given !== undefined) return given;
  if (existing.length === 1) return existing[0]!;
  if (existing.length === 0) return usage(`there are no ${plural} here; name one with ${input}`);
  return usage(`there are ${existing.length} ${plural} here; name one with ${input}:\n${list(existing)}`);
}

function list(items: readonly string[]): string {
  return items.map((i) => `  ${i}`).join('\n');
}

type PlanPick = { readonly kind: 'picked'; readonly id: string; readonly folder: string | undefined } | UsageProblem | Refusal;

/**
 * The plan a new ExecPlan milestone joins: `plan` (an existing one, or a new id with `planFolder`),
 * else the plan of `planFolder` or a new id for it, else the only plan. `planFolder` is a folder, or
 * a bare name meaning `.agent/exec_plans/NAME`.
 */
function choosePlan(snapshot: FolderSnapshot, planOption: string | undefined, folderOption: string | undefined, now: Date, names: InputNames): PlanPick {
  // A completed plan takes no new milestone: neither offered nor the default (named, it is refused).
  const all = execPlanChoices(snapshot);
  const plans = all.filter((p) => !p.completed);
  const listed = list(plans.map((p) => `${p.execplanId}  ${p.folder}`));
  let folder: string | undefined;
  if (folderOption !== undefined) {
    const cleaned = cleanPath(/^[^/\\.][^/\\]*$/.test(folderOption) ? `.agent/exec_plans/${folderOption}` : folderOption, 'the plan folder');
    if (isRefusal(cleaned)) return cleaned;
    folder = cleaned;
  }
  if (planOption !== undefined) {
    const id = planOption.trim().toUpperCase();
    if (folder === undefined && !all.some((p) => p.execplanId === id)) {
      return usage(`there is no plan ${id} here; start it with ${names.planFolder}${plans.length > 0 ? `, or pick one of:\n${listed}` : ''}`);
    }
    return { kind: 'picked', id, folder };
  }
  if (folder !== undefined) return { kind: 'picked', id: all.find((p) => p.folder === folder)?.execplanId ?? newExecPlanId(snapshot, now), folder };
  if (plans.length === 1) return { kind: 'picked', id: plans[0]!.execplanId, folder: undefined };
  if (plans.length === 0) return usage(`there is no ExecPlan here yet: start one with ${names.planFolder} (and ${names.plan} EP-YYYYMMDD-NNN, default a new id)`);
  return usage(`there are ${plans.length} ExecPlans here; name one with ${names.plan}:\n${listed}`);
}
