import path from 'node:path';
import type { PlanOutcome, Refusal } from '../../core/lifecycle/changePlan';
import { cleanPath, isRefusal } from '../../core/lifecycle/create/createInputs';
import { execPlanChoices, newExecPlanId, newExecPlanMilestone } from '../../core/lifecycle/create/execPlanNew';
import { handoffFolders, newHandoffNote } from '../../core/lifecycle/create/handoffNew';
import { kbChoices, newKbMilestone, nextKbNumber } from '../../core/lifecycle/create/kbNew';
import { newSessionMilestone, sessionFolders } from '../../core/lifecycle/create/sessionNew';
import { newStatusMilestone, statusFiles } from '../../core/lifecycle/create/statusNew';
import { slugOf } from '../../core/lifecycle/slug';
import type { ParsedArgs } from '../parseArgs';
import type { CliCommand } from './cliCommand';
import type { CliWorkspace } from './cliWorkspace';
import { COMMON_OPTIONS, runPlan, type Compute } from './runPlan';

type Convention = 'execplan' | 'kb' | 'session-json' | 'status-md' | 'handoff';
type Usage = { readonly kind: 'usage'; readonly message: string };
type Outcome = PlanOutcome | Usage;

const NAMES: Readonly<Record<string, Convention>> = {
  'execplan': 'execplan', 'kb': 'kb', 'session-json': 'session-json', 'session': 'session-json',
  'status-md': 'status-md', 'status': 'status-md', 'handoff': 'handoff',
};

/** The options (besides --root, --as, --dry-run) each convention takes, and whether it takes items (steps, criteria). */
const ACCEPTS: Readonly<Record<Convention, { readonly options: readonly string[]; readonly items: boolean }>> = {
  'execplan': { options: ['--plan', '--plan-folder', '--domain', '--risk'], items: false },
  'kb': { options: ['--folder', '--after', '--goal'], items: true },
  'session-json': { options: ['--folder', '--priority', '--why'], items: true },
  'status-md': { options: ['--file', '--goal', '--phase', '--target', '--deliverables', '--approval'], items: true },
  'handoff': { options: ['--folder'], items: false },
};
const SHARED = new Set(['--root', '--as', '--dry-run', '--help']);

/** `milestones new <convention> <title> [item…]`: a new milestone as the convention writes it. */
export const newCommand: CliCommand = {
  name: 'new',
  flags: ['--dry-run', '--approval'],
  valued: [...COMMON_OPTIONS, '--plan', '--plan-folder', '--domain', '--risk', '--folder', '--after', '--goal', '--phase', '--target', '--file', '--deliverables', '--priority', '--why'],
  usage: `  new <convention> <title> [item…]
                            Create a milestone as its convention writes it, numbered after the
                            ones there (archived ones too). Folders default to the only one.
                            execplan [--plan EP-…] [--plan-folder NAME|FOLDER] [--domain D]
                              [--risk R]: a new --plan id or --plan-folder starts a plan
                              (NAME: .agent/exec_plans/NAME).
                            kb [--folder F] [--after NNN] [--goal G] [criterion…]
                            session-json|session [--folder F] [--priority P] [--why W] [step…]
                            status-md|status --goal G [--file F] [--phase P] [--target T]
                              [--deliverables "a; b"] [--approval] [criterion…]
                            handoff [--folder F]
                            Paths are relative to the current folder, or to --root when the
                            current folder lies outside it.
`,
  run(args, io) {
    return runPlan(args, io, compute(args));
  },
};

function compute(args: ParsedArgs): Compute {
  return (workspace, snapshot, ctx): Outcome => {
    const [name, title, ...items] = args.positionals;
    if (name === undefined) return usage('new needs a convention: execplan, kb, session-json, status-md or handoff');
    const convention = NAMES[name.toLowerCase()];
    if (convention === undefined) return usage(`unknown convention "${name}": use execplan, kb, session-json, status-md or handoff`);
    if (title === undefined) return usage(`new ${name} needs a title`);
    const accepts = ACCEPTS[convention];
    for (const option of [...args.flags, ...args.options.keys()]) {
      if (!SHARED.has(option) && !accepts.options.includes(option)) return usage(`new ${convention} does not take ${option}`);
    }
    if (items.length > 0 && !accepts.items) return usage(`new ${convention} takes a title only, not items (${items.map((i) => JSON.stringify(i)).join(' ')})`);
    const option = (key: string) => args.options.get(key);
    switch (convention) {
      case 'execplan': {
        const plan = choosePlan(workspace, option('--plan'), option('--plan-folder'), ctx.now);
        if (plan.kind !== 'picked') return plan;
        return newExecPlanMilestone(snapshot, { execplanId: plan.id, folder: plan.folder, title, domain: option('--domain'), risk: option('--risk') }, ctx);
      }
      case 'kb': {
        const folders = kbChoices(snapshot);
        const picked = pathOption(workspace, args, '--folder', folders.map((c) => c.folder), '.kb folders with milestones');
        if (typeof picked !== 'string') return picked;
        const folder = cleanPath(picked, 'the KB folder');
        if (isRefusal(folder)) return folder;
        // The schema that will check the new file: the number first, for a `milestones.schemas` glob on names.
        const next = nextKbNumber(folders.find((c) => c.folder === folder)?.numbers ?? [], option('--after') ?? null);
        const file = `${folder}/${next.kind === 'ok' ? `${next.number}-` : ''}${slugOf(title)}.md`;
        return newKbMilestone(snapshot, { folder, title, goal: option('--goal'), after: option('--after') ?? null, criteria: items }, workspace.schemaOf(file, 'kb', null), ctx);
      }
      case 'session-json': {
        const folder = pathOption(workspace, args, '--folder', sessionFolders(snapshot), 'session milestone folders');
        if (typeof folder !== 'string') return folder;
        return newSessionMilestone(snapshot, { folder, title, steps: items, priority: option('--priority'), why: option('--why') }, ctx);
      }
      case 'status-md': {
        const file = pathOption(workspace, args, '--file', statusFiles(snapshot), 'status files');
        if (typeof file !== 'string') return file;
        const goal = option('--goal');
        if (goal === undefined) return usage('new status-md needs --goal "one sentence on the outcome"');
        const deliverables = (option('--deliverables') ?? '').split(';').map((d) => d.trim()).filter((d) => d !== '');
        return newStatusMilestone(snapshot, {
          file, name: title, goal, phase: option('--phase'), target: option('--target'),
          criteria: items, deliverables, approvalRequired: args.flags.has('--approval'),
        }, ctx);
      }
      case 'handoff': {
        const folder = pathOption(workspace, args, '--folder', handoffFolders(snapshot), 'handoffs folders');
        if (typeof folder !== 'string') return folder;
        return newHandoffNote(snapshot, { folder, title }, ctx);
      }
    }
  };
}

function usage(message: string): Usage {
  return { kind: 'usage', message };
}

/**
 * A path option as a path relative to the workspace folder: relative to the current folder when that
 * lies inside the workspace folder (as other tools read paths), else relative to the workspace folder
 * (`--root elsewhere`), so `--folder docs/x.kb` means the same from the root and from outside it.
 */
function pathArg(workspace: CliWorkspace, value: string): string {
  if (path.isAbsolute(value)) return workspace.relative(value) ?? value;
  const cwd = path.relative(workspace.root, process.cwd());
  const inside = cwd === '' || (!cwd.startsWith('..') && !path.isAbsolute(cwd));
  return inside ? workspace.relative(value) ?? value : value;
}

/**
 * The path of `option` when given (see `pathArg`), else the only one of `existing`, else a usage
 * error: none (`plural` names them), or several, listed.
 */
function pathOption(workspace: CliWorkspace, args: ParsedArgs, option: string, existing: readonly string[], plural: string): string | Usage {
  const value = args.options.get(option);
  if (value !== undefined) return pathArg(workspace, value);
  if (existing.length === 1) return existing[0]!;
  if (existing.length === 0) return usage(`there are no ${plural} here; name one with ${option}`);
  return usage(`there are ${existing.length} ${plural} here; name one with ${option}:\n${list(existing)}`);
}

function list(items: readonly string[]): string {
  return items.map((i) => `  ${i}`).join('\n');
}

type PlanPick = { readonly kind: 'picked'; readonly id: string; readonly folder: string | undefined } | Usage | Refusal;

/**
 * The plan a new ExecPlan milestone joins: `--plan` (an existing one, or a new id with
 * `--plan-folder`), else the plan of `--plan-folder` or a new id for it, else the only plan.
 * `--plan-folder` is a folder, or a bare name meaning `.agent/exec_plans/NAME`.
 */
function choosePlan(workspace: CliWorkspace, planOption: string | undefined, folderOption: string | undefined, now: Date): PlanPick {
  const plans = execPlanChoices(workspace.snapshot);
  const listed = list(plans.map((p) => `${p.execplanId}  ${p.folder}`));
  let folder: string | undefined;
  if (folderOption !== undefined) {
    const cleaned = cleanPath(/^[^/\\.][^/\\]*$/.test(folderOption) ? `.agent/exec_plans/${folderOption}` : pathArg(workspace, folderOption), 'the plan folder');
    if (isRefusal(cleaned)) return cleaned;
    folder = cleaned;
  }
  if (planOption !== undefined) {
    const id = planOption.trim().toUpperCase();
    if (folder === undefined && !plans.some((p) => p.execplanId === id)) {
      return usage(`there is no plan ${id} here; start it with --plan-folder NAME|FOLDER${plans.length > 0 ? `, or pick one of:\n${listed}` : ''}`);
    }
    return { kind: 'picked', id, folder };
  }
  if (folder !== undefined) return { kind: 'picked', id: plans.find((p) => p.folder === folder)?.execplanId ?? newExecPlanId(workspace.snapshot, now), folder };
  if (plans.length === 1) return { kind: 'picked', id: plans[0]!.execplanId, folder: undefined };
  if (plans.length === 0) return usage('there is no ExecPlan here yet: start one with --plan-folder NAME|FOLDER (and --plan EP-YYYYMMDD-NNN, default a new id)');
  return usage(`there are ${plans.length} ExecPlans here; name one with --plan:\n${listed}`);
}
