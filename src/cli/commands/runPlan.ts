import path from 'node:path';
import type { FolderSnapshot, LifecycleContext, PlanOutcome } from '../../core/lifecycle/changePlan';
import type { ParsedArgs } from '../parseArgs';
import type { CliIO } from './cliCommand';
import { cliContext, type CliWorkspace } from './cliWorkspace';
import { writePlan } from './writePlan';

/** What a lifecycle command computes from the workspace: a plan or a refusal, or a usage error (exit 2). */
export type Compute = (workspace: CliWorkspace, snapshot: FolderSnapshot, context: LifecycleContext) => PlanOutcome | { readonly kind: 'usage'; readonly message: string };

/**
 * The common frame of the commands that change files: opens the workspace (`--root`), computes, and
 * (holding the folder's lock, see `writePlan`) either prints the refusal (reason and items on stderr, exit 1) or writes the plan and prints its
 * summary and the files it changed (exit 0). `--dry-run` prints the same without writing.
 */
export function runPlan(args: ParsedArgs, io: CliIO, compute: Compute): number {
  const root = path.resolve(args.options.get('--root') ?? '.');
  const dryRun = args.flags.has('--dry-run');
  const outcome = writePlan(root, (workspace) => compute(workspace, workspace.snapshot, cliContext(args, workspace.root)), dryRun);
  if (outcome.kind === 'usage') {
    io.err(`milestones: ${outcome.message}\n`);
    return 2;
  }
  if (outcome.kind === 'refused') {
    io.err(`milestones: refused: ${outcome.reason}\n`);
    for (const item of outcome.items ?? []) io.err(`  - ${item}\n`);
    return 1;
  }
  if (outcome.kind === 'failed') {
    io.err(`milestones: ${outcome.message}\n`);
    return 1;
  }
  const { plan } = outcome;
  io.out(`${dryRun ? '(dry run) ' : ''}${plan.summary}\n`);
  for (const change of plan.changes) {
    if (change.kind === 'create') io.out(`  created ${change.file}\n`);
    else if (change.kind === 'edit') { if (change.edits.length > 0) io.out(`  edited  ${change.file}\n`); }
    else io.out(`  moved   ${change.from} -> ${change.to}\n`);
  }
  return 0;
}

/** The usage lines every file-changing command shares. */
export const COMMON_OPTIONS = ['--root', '--as'] as const;
