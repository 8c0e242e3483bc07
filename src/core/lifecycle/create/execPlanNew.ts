/**
 * "New milestone" for ExecPlans (seed 003): the next `MS###` of a plan, never reusing a number an
 * archived milestone had, in `<plan folder>/milestones/active/EP-YYYYMMDD-NNN_MS###_<slug>.md`,
 * with the seed's header keys in the seed's order and the template's sections.
 */
import { archiveFolder } from '../../checks/execplanChecks';
import { allowedValues, propertySchema } from '../../complete/schemaLookup';
import { localDay } from '../../edits/timestampStyle';
import { isExecPlanPath } from '../../conventions/execplan';
import { builtinSchemaFor } from '../../schema/builtinSchemas';
import { refused, type FolderSnapshot, type LifecycleContext, type PlanOutcome, type Refusal } from '../changePlan';
import { slugOf } from '../slug';
import { cleanPath, isRefusal, oneLine } from './createInputs';
import { execPlanBody } from './execPlanBody';
import { execPlanFiles, PLAN_ID } from './execPlanFiles';

/** A plan a new milestone can join. */
export interface ExecPlanChoice {
  readonly execplanId: string;
  /** The folder holding the plan's `milestones/`, e.g. `.agent/exec_plans/search`. */
  readonly folder: string;
  /** The number the next milestone gets: one more than the highest of every file, archive included. */
  readonly nextMs: number;
  /** How many milestone files the plan has (active and archived). */
  readonly count: number;
  /**
   * Every file of it lies in `exec_plans/complete/` (agentrules moves a completed plan to
   * `complete/YYYY/MM/DD/`): a new milestone does not join it, and it is not offered.
   */
  readonly completed: boolean;
}

/**
 * The plans of the snapshot by id (sorted): every plan with at least one milestone file. A plan's
 * folder is the one most of its files lie in (the first in path order on a tie).
 */
export function execPlanChoices(snapshot: FolderSnapshot): ExecPlanChoice[] {
  const byPlan = new Map<string, { folders: Map<string, number>; max: number; count: number; completed: boolean }>();
  for (const f of execPlanFiles(snapshot)) {
    if (f.planId === null) continue;
    const plan = byPlan.get(f.planId) ?? { folders: new Map<string, number>(), max: 0, count: 0, completed: true };
    plan.folders.set(f.folder, (plan.folders.get(f.folder) ?? 0) + 1);
    plan.max = Math.max(plan.max, f.ms ?? 0);
    plan.count++;
    plan.completed &&= /(?:^|\/)exec_plans\/complete\//i.test(f.file);
    byPlan.set(f.planId, plan);
  }
  return [...byPlan].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([execplanId, plan]) => {
    const folder = [...plan.folders].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1))[0]![0];
    return { execplanId, folder, nextMs: plan.max + 1, count: plan.count, completed: plan.completed };
  });
}

/**
 * An id for a new plan: `EP-` + the local date of `now` + the next number no plan of that date uses
 * (one more than the highest, `001` for the first; the lowest free number once 999 is taken).
 */
export function newExecPlanId(snapshot: FolderSnapshot, now: Date): string {
  const prefix = `EP-${localDay(now).replace(/-/g, '')}-`;
  const used = new Set<number>();
  for (const f of execPlanFiles(snapshot)) if (f.planId?.startsWith(prefix)) used.add(Number(f.planId.slice(prefix.length)));
  let n = Math.max(0, ...used) + 1;
  if (n > 999) for (n = 1; used.has(n) && n < 999; n++);
  return `${prefix}${String(n).padStart(3, '0')}`;
}

export interface NewExecPlanInput {
  readonly execplanId: string;
  /** The plan's folder (`.agent/exec_plans/<slug>`): required for a plan without files yet; else it must be the plan's. */
  readonly folder?: string;
  readonly title: string;
  /** One of the schema's domains; default `cross-cutting`. */
  readonly domain?: string;
  /** `low` (default), `med` or `high`. */
  readonly risk?: string;
}

const SCHEMA = builtinSchemaFor('execplan')!.schema;

/**
 * Creates the next milestone of plan `input.execplanId` with status `planned`, owner `@` + the
 * identity (spaces as dashes), created / updated the local date of `ctx.now`. Refuses
 * (`invalid-input`) a malformed plan id, an empty or multi-line title, a domain or risk the seed does
 * not list, a new plan without a folder or with a folder that is not `.agent/exec_plans/<slug>` or
 * already holds another plan or lies in an archive folder, a folder other than an existing plan's
 * own, a plan past MS999; (`not-applicable`) a plan archived as a whole
 * (`exec_plans/complete/YYYY/MM/DD/<plan>/`); (`exists`) when the file is already there.
 */
export function newExecPlanMilestone(snapshot: FolderSnapshot, input: NewExecPlanInput, ctx: LifecycleContext): PlanOutcome {
  const planId = input.execplanId.trim();
  if (!PLAN_ID.test(planId)) return refused(`"${input.execplanId}" is not an ExecPlan id: expected EP-YYYYMMDD-NNN`, 'invalid-input');
  const title = oneLine(input.title, 'the title');
  if (isRefusal(title)) return title;
  const domain = enumValue('domain', input.domain, 'cross-cutting');
  if (isRefusal(domain)) return domain;
  const risk = enumValue('risk', input.risk, 'low');
  if (isRefusal(risk)) return risk;
  const choices = execPlanChoices(snapshot);
  const plan = choices.find((c) => c.execplanId === planId);
  const given = input.folder === undefined ? undefined : cleanPath(input.folder, 'the plan folder');
  if (isRefusal(given)) return given;
  let folder: string;
  if (plan !== undefined) {
    if (given !== undefined && given !== plan.folder) return refused(`${planId} lives in ${plan.folder}, not in ${given}`, 'invalid-input');
    const archive = archiveFolder(`${plan.folder}/milestones/active/x.md`);
    if (archive !== null) return refused(`${planId} is archived (in ${archive}/); start a new plan for more work`, 'not-applicable');
    if (plan.completed) return refused(`${planId} is complete (in ${plan.folder}); start a new plan for more work`, 'not-applicable');
    folder = plan.folder;
  } else {
    if (given === undefined) return refused(`${planId} has no milestone yet: name the folder of the new plan (.agent/exec_plans/<slug>)`, 'invalid-input');
    const sample = `${given}/milestones/active/x.md`;
    if (!/(?:^|\/)\.agent\/exec_plans\/[^/]+/i.test(given) || /(?:^|\/)milestones(?:\/|$)/i.test(given) || !isExecPlanPath(sample)) {
      return refused(`${given} is not an ExecPlan folder: expected .agent/exec_plans/<slug>`, 'invalid-input');
    }
    const archive = archiveFolder(sample);
    if (archive !== null) return refused(`${given} lies in the archive folder ${archive}/: a new plan goes in .agent/exec_plans/<slug>`, 'invalid-input');
    const other = choices.find((c) => c.folder === given);
    if (other !== undefined) return refused(`${given} already holds the plan ${other.execplanId}`, 'invalid-input');
    folder = given;
  }
  const ms = plan?.nextMs ?? 1;
  if (ms > 999) return refused(`${planId} already has a milestone MS999: the seed's numbers have three digits`, 'invalid-input');
  const msText = `MS${String(ms).padStart(3, '0')}`;
  const id = `${planId}/${msText}`;
  const file = `${folder}/milestones/active/${planId}_${msText}_${slugOf(title)}.md`;
  if (snapshot.text(file) !== null) return refused(`${file} already exists`, 'exists');
  const day = localDay(ctx.now);
  const handle = ctx.identity.trim().replace(/\s+/g, '-') || 'unknown';
  const header = [
    '---',
    `id: ${id}`,
    `execplan_id: ${planId}`,
    `ms: ${ms}`,
    `title: ${JSON.stringify(title)}`,
    'status: planned',
    `domain: ${domain}`,
    `owner: ${JSON.stringify(handle.startsWith('@') ? handle : `@${handle}`)}`,
    `created: ${day}`,
    `updated: ${day}`,
    'tags: []',
    `risk: ${risk}`,
    'links:',
    '  issue: ""',
    '  docs: ""',
    '  pr: ""',
    '---',
  ];
  const text = `${header.join('\n')}\n\n${execPlanBody(title, day)}`;
  const where = plan === undefined ? `a new plan in ${folder}` : folder;
  return { kind: 'ok', plan: { changes: [{ kind: 'create', file, text }], summary: `Created ${id} "${title}" in ${where}`, primary: file } };
}

/** `given` (trimmed) when the built-in schema's enum of `key` lists it, `fallback` when none is given; refused otherwise. */
function enumValue(key: string, given: string | undefined, fallback: string): string | Refusal {
  const value = given === undefined || given.trim() === '' ? fallback : given.trim();
  const prop = propertySchema(SCHEMA, key);
  const allowed = (prop === null ? null : allowedValues(prop)) ?? [];
  if (allowed.includes(value)) return value;
  return refused(`${key} "${value}" is not one of ${allowed.join(', ')}`, 'invalid-input');
}
