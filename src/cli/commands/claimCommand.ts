import { claimMilestone } from '../../core/lifecycle/status/claimMilestone';
import type { CliCommand } from './cliCommand';
import { COMMON_OPTIONS } from './runPlan';
import { runOnMilestone } from './statusCommand';

/** `milestones claim <file>`: makes the one who acts the milestone's owner (`claimMilestone`). */
export const claimCommand: CliCommand = {
  name: 'claim',
  flags: ['--dry-run'],
  valued: ['--milestone', ...COMMON_OPTIONS],
  usage: `  claim <file> [--milestone NAME] [--as NAME]
                            Take a milestone: its owner becomes you (ExecPlan "@you" and updated;
                            session JSON updated_at; STATUS.md **Owner:**). --milestone names one
                            of several milestones in a STATUS file, by title.
`,
  run(args, io) {
    return runOnMilestone(args, io, 'claim <file>', (target, snapshot, ctx) => claimMilestone(snapshot, target.ref, ctx));
  },
};
