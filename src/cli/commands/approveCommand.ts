import { logApproval, type ApprovalInput } from '../../core/lifecycle/approval/logApproval';
import type { CliCommand } from './cliCommand';
import { COMMON_OPTIONS } from './runPlan';
import { runOnMilestone } from './statusCommand';

/** `milestones approve <file>`: logs a STATUS.md milestone's approval in DECISIONS.md (`logApproval`). */
export const approveCommand: CliCommand = {
  name: 'approve',
  flags: ['--dry-run'],
  valued: ['--milestone', '--decision', '--next', '--context', ...COMMON_OPTIONS],
  usage: `  approve <file> [--milestone NAME] [--decision TEXT] [--next NAME] [--context TEXT]
                            Log the approval of a STATUS.md milestone in DECISIONS.md beside it,
                            in seed 004's format (context, evidence, decision, next milestone:
                            read from the file unless given), so that complete passes its gate.
`,
  run(args, io) {
    return runOnMilestone(args, io, 'approve <file>', (target, snapshot, ctx) => {
      const decision = args.options.get('--decision');
      const next = args.options.get('--next');
      const context = args.options.get('--context');
      const input: ApprovalInput = {
        ...(decision !== undefined ? { decision } : {}),
        ...(next !== undefined ? { next } : {}),
        ...(context !== undefined ? { context } : {}),
      };
      return logApproval(snapshot, target.ref, input, ctx);
    });
  },
};
