import { completeMilestone } from '../../core/lifecycle/status/completeMilestone';
import type { CliCommand } from './cliCommand';
import { COMMON_OPTIONS } from './runPlan';
import { runOnMilestone } from './statusCommand';

/** `milestones complete <file>`: marks a milestone done (`completeMilestone`). */
export const completeCommand: CliCommand = {
  name: 'complete',
  flags: ['--dry-run', '--force'],
  valued: ['--milestone', ...COMMON_OPTIONS],
  usage: `  complete <file> [--milestone NAME] [--force]
                            Mark a milestone done. Refused while steps are open (--force completes
                            anyway) and, for a STATUS.md milestone with "Approval Required: Yes",
                            until DECISIONS.md beside it logs the approval (see approve), --force
                            or not.
`,
  run(args, io) {
    return runOnMilestone(args, io, 'complete <file>', (target, snapshot, ctx) => completeMilestone(snapshot, target.ref, { force: args.flags.has('--force') }, target.schema, ctx));
  },
};
