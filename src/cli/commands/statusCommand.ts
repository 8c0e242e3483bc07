import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome, Refusal } from '../../core/lifecycle/changePlan';
import { findMilestoneByTitle, type FoundMilestone } from '../../core/lifecycle/findMilestone';
import { setMilestoneStatus } from '../../core/lifecycle/status/setMilestoneStatus';
import { schemaData } from '../../core/schema/schemaData';
import type { JsonSchema } from '../../core/schema/schemaTypes';
import type { ParsedArgs } from '../parseArgs';
import type { CliCommand, CliIO } from './cliCommand';
import type { CliWorkspace } from './cliWorkspace';
import { COMMON_OPTIONS, runPlan } from './runPlan';

/** The milestone a command names with `<file> [--milestone NAME]`, found in the workspace. */
export interface CliTarget {
  readonly kind: 'target';
  readonly ref: MilestoneRef;
  readonly found: FoundMilestone;
  /** The schema that checks the file, as `validate` picks it. */
  readonly schema: JsonSchema | null;
}

/**
 * Resolves `<file>` (relative to the current folder) to a milestone of the workspace: its only
 * milestone, or the one `--milestone NAME` names (title, any case). A file outside the workspace
 * is a usage error; a missing file or milestone a refusal.
 */
export function milestoneTarget(workspace: CliWorkspace, snapshot: FolderSnapshot, args: ParsedArgs, fileArg: string): CliTarget | Refusal | { readonly kind: 'usage'; readonly message: string } {
  const file = workspace.relative(fileArg);
  if (file === null) return { kind: 'usage', message: `${fileArg} is not a file inside the workspace folder ${workspace.root} (see --root)` };
  const found = findMilestoneByTitle(snapshot, file, args.options.get('--milestone') ?? null);
  if (found.kind === 'refused') return found;
  const { milestone, text } = found;
  return {
    kind: 'target',
    ref: { file, line: milestone.line, title: milestone.title },
    found,
    schema: workspace.schemaOf(file, milestone.convention, schemaData(text, milestone.convention, file)),
  };
}

/**
 * The frame of a command on one milestone (`<file> <arg>… [--milestone NAME]`): the positionals
 * are checked against `synopsis` (`claim <file>`, `status <file> <status>`: one a `<…>`), the
 * milestone found, and `act` given it and the values after the file.
 */
export function runOnMilestone(
  args: ParsedArgs, io: CliIO, synopsis: string,
  act: (target: CliTarget, snapshot: FolderSnapshot, ctx: LifecycleContext, values: readonly string[]) => PlanOutcome,
): number {
  return runPlan(args, io, (workspace, snapshot, ctx) => {
    const [file, ...values] = args.positionals;
    if (file === undefined || args.positionals.length !== (synopsis.match(/<[^>]+>/g) ?? []).length) {
      return { kind: 'usage', message: `expected: milestones ${synopsis}` };
    }
    const target = milestoneTarget(workspace, snapshot, args, file);
    if (target.kind !== 'target') return target;
    return act(target, snapshot, ctx, values);
  });
}


/** `milestones status <file> <status>`: sets a milestone's status (`setMilestoneStatus`). */
export const statusCommand: CliCommand = {
  name: 'status',
  flags: ['--dry-run'],
  valued: ['--milestone', ...COMMON_OPTIONS],
  usage: `  status <file> <status> [--milestone NAME]
                            Set the status to one of the words the file's schema (else its
                            convention) allows; a done word checks like complete, archived is
                            Archive's. ExecPlan: updated := today and a Changelog line.
`,
  run(args, io) {
    return runOnMilestone(args, io, 'status <file> <status>', (target, snapshot, ctx, [status]) => setMilestoneStatus(snapshot, target.ref, status!, target.schema, ctx));
  },
};
