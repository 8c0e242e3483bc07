import type { FolderSnapshot, LifecycleContext, PlanOutcome } from '../../core/lifecycle/changePlan';
import type { ParsedArgs } from '../parseArgs';
import { applyPlanToDisk } from './applyPlanToDisk';
import type { CliIO } from './cliCommand';
import { cliContext, openCliWorkspace, type CliWorkspace } from './cliWorkspace';

/** What a lifecycle command computes from the workspace: a plan or a refusal, or a usage error (exit 2). */
export type Compute = (workspace: CliWorkspace, snapshot: FolderSnapshot, context: LifecycleContext) => PlanOutcome | { readonly kind: 'usage'; readonly message: string };

/**
 * The common frame of the commands that change files: opens the workspace (`--root`), computes, and
 * either prints the refusal (reason and items on stderr, exit 1) or writes the plan and prints its
 * summary and the files it changed (exit 0). `--dry-run` prints the same without writing.
 */
export function runPlan(args: ParsedArgs, io: CliIO, compute: Compute): number {
  const workspace = openCliWorkspace(args);
  if (typeof workspace === 'string') {
    io.err(`milestones: ${workspace}\n`);
    return 2;
  }
  const outcome = compute(workspace, workspace.snapshot, cliContext(args, workspace.root));
  if (outcome.kind === 'usage') {
    io.err(`milestones: ${outcome.message}\n`);
    return 2;
  }
  if (outcome.kind === 'refused') {
    io.err(`milestones: refused: ${outcome.reason}\n`);
    for (const item of outcome.items ?? []) io.err(`  - ${item}\n`);
    return 1;
  }
  const { plan } = outcome;
  if (!args.flags.has('--dry-run')) {
    const error = applyPlanToDisk(workspace.root, workspace.snapshot, plan);
    if (error !== null) {
      io.err(`milestones: ${error}\n`);
      return 1;
    }
  }
  io.out(`${args.flags.has('--dry-run') ? '(dry run) ' : ''}${plan.summary}\n`);
  for (const change of plan.changes) {
    if (change.kind === 'create') io.out(`  created ${change.file}\n`);
    else if (change.kind === 'edit') { if (change.edits.length > 0) io.out(`  edited  ${change.file}\n`); }
    else io.out(`  moved   ${change.from} -> ${change.to}\n`);
  }
  return 0;
}

/** The usage lines every file-changing command shares. */
export const COMMON_OPTIONS = ['--root', '--as'] as const;
