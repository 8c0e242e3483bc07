import path from 'node:path';
import type { PlanOutcome } from '../../core/lifecycle/changePlan';
import { newConventionOf, planNew, type InputNames, type NewRequest } from '../../core/lifecycle/create/newRequest';
import type { ConventionId } from '../../core/model';
import type { ParsedArgs } from '../parseArgs';
import type { CliCommand } from './cliCommand';
import type { CliWorkspace } from './cliWorkspace';
import { COMMON_OPTIONS, runPlan, type Compute } from './runPlan';

type Usage = { readonly kind: 'usage'; readonly message: string };
type Outcome = PlanOutcome | Usage;

/** The options (besides --root, --as, --dry-run) each convention takes. */
const ACCEPTS: Readonly<Record<ConventionId, readonly string[]>> = {
  'execplan': ['--plan', '--plan-folder', '--domain', '--risk'],
  'kb': ['--folder', '--after', '--goal'],
  'session-json': ['--folder', '--priority', '--why'],
  'status-md': ['--file', '--goal', '--phase', '--target', '--deliverables', '--approval'],
  'handoff': ['--folder'],
  // Their tool writes these task lists from a spec; `new` does not.
  'codex-plan': [],
  'kiro': [],
  'spec-kit': [],
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
    const convention = newConventionOf(name);
    if (convention === null) return usage(`unknown convention "${name}": use execplan, kb, session-json, status-md or handoff`);
    if (title === undefined) return usage(`new ${name} needs a title`);
    const accepts = ACCEPTS[convention];
    for (const option of [...args.flags, ...args.options.keys()]) {
      if (!SHARED.has(option) && !accepts.includes(option)) return usage(`new ${convention} does not take ${option}`);
    }
    const option = (key: string) => args.options.get(key);
    const pathOption = (key: string) => { const value = option(key); return value === undefined ? undefined : pathArg(workspace, value); };
    const planFolder = option('--plan-folder');
    const request: NewRequest = {
      convention, title, items,
      ...defined({
        folder: convention === 'status-md' ? pathOption('--file') : pathOption('--folder'),
        plan: option('--plan'),
        // A bare name means .agent/exec_plans/NAME (the core reads it so); a path is the user's.
        planFolder: planFolder === undefined || /^[^/\\.][^/\\]*$/.test(planFolder) ? planFolder : pathArg(workspace, planFolder),
        domain: option('--domain'), risk: option('--risk'), after: option('--after'), goal: option('--goal'),
        phase: option('--phase'), target: option('--target'), priority: option('--priority'), why: option('--why'),
      }),
      deliverables: (option('--deliverables') ?? '').split(';').map((d) => d.trim()).filter((d) => d !== ''),
      approval: args.flags.has('--approval'),
    };
    return planNew(request, snapshot, ctx, (file, conv) => workspace.schemaOf(file, conv, null), CLI_NAMES);
  };
}

/** How the command line names the request's inputs in messages. */
const CLI_NAMES: InputNames = { folder: '--folder', file: '--file', plan: '--plan', planFolder: '--plan-folder NAME|FOLDER', goal: '--goal' };

function usage(message: string): Usage {
  return { kind: 'usage', message };
}

/** The entries of `values` that are not undefined (exactOptionalPropertyTypes). */
function defined(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
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
