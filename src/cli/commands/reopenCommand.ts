import { reopenMilestone } from '../../core/lifecycle/status/reopenMilestone';
import type { CliCommand } from './cliCommand';
import { COMMON_OPTIONS } from './runPlan';
import { runOnMilestone } from './statusCommand';

/** `milestones reopen <file>`: sets a done milestone back to in progress (`reopenMilestone`). */
export const reopenCommand: CliCommand = {
  name: 'reopen',
  flags: ['--dry-run'],
  valued: ['--milestone', ...COMMON_OPTIONS],
  usage: `  reopen <file> [--milestone NAME]
                            Set a done milestone back to in progress (ExecPlan: a Changelog line).
`,
  run(args, io) {
    return runOnMilestone(args, io, 'reopen <file>', (target, snapshot, ctx) => reopenMilestone(snapshot, target.ref, target.schema, ctx));
  },
};
