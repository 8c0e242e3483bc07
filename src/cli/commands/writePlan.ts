import type { ChangePlan, PlanOutcome, Refusal } from '../../core/lifecycle/changePlan';
import type { UsageProblem } from '../../core/lifecycle/create/newRequest';
import { applyPlanToDisk } from './applyPlanToDisk';
import { openFolderWorkspace, type CliWorkspace } from './cliWorkspace';
import { withFolderLock } from './folderLock';

/** What `writePlan` did: wrote (or, dry, would write) the plan; refused; a usage problem; failed with a message. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly plan: ChangePlan; readonly workspace: CliWorkspace }
  | Refusal | UsageProblem
  | { readonly kind: 'failed'; readonly message: string };

/** How often a plan is computed again after another writer created one of its new files meanwhile. */
const CLASH_TRIES = 5;

/**
 * Computes a plan from the workspace folder `root` as it is now and writes it, holding the folder's
 * lock (`withFolderLock`) from the scan to the last write, so another process's action in between
 * cannot number a milestone the same. A new file that a writer outside the lock (an editor)
 * created meanwhile makes it scan and compute again, up to 5 times. `dryRun`: computes, writes nothing.
 */
export function writePlan(root: string, compute: (workspace: CliWorkspace) => PlanOutcome | UsageProblem, dryRun: boolean): WriteOutcome {
  const run = (): WriteOutcome => {
    for (let attempt = 1; ; attempt++) {
      const workspace = openFolderWorkspace(root);
      if (typeof workspace === 'string') return { kind: 'usage', message: workspace };
      const outcome = compute(workspace);
      if (outcome.kind !== 'ok') return outcome;
      if (dryRun) return { kind: 'written', plan: outcome.plan, workspace };
      const error = applyPlanToDisk(workspace.root, workspace.snapshot, outcome.plan);
      if (error === null) return { kind: 'written', plan: outcome.plan, workspace };
      if (typeof error === 'string') return { kind: 'failed', message: error };
      if (attempt === CLASH_TRIES) return { kind: 'failed', message: `${error.clash} was created by another writer ${CLASH_TRIES} times in a row; nothing was changed` };
    }
  };
  const result = dryRun ? run() : withFolderLock(root, run);
  return 'locked' in result ? { kind: 'failed', message: result.locked } : result;
}
