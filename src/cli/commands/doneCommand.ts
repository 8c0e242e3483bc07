import { markStep } from '../../core/lifecycle/status/markStep';
import type { CliCommand } from './cliCommand';
import { COMMON_OPTIONS } from './runPlan';
import { runOnMilestone } from './statusCommand';

/** `milestones done <file> <step>`: ticks a step as the tree's checkbox does (`markStep`). */
export const doneCommand: CliCommand = {
  name: 'done',
  flags: ['--dry-run', '--undo'],
  valued: ['--milestone', ...COMMON_OPTIONS],
  usage: `  done <file> <step> [--milestone NAME] [--undo]
                            Tick a step, as the tree's checkbox does. <step> is its number among
                            the steps list --json shows, its text, or a unique part of the text.
                            --undo unticks it.
`,
  run(args, io) {
    return runOnMilestone(args, io, 'done <file> <step>', (target, snapshot, ctx, [step]) => markStep(snapshot, target.ref, step!, !args.flags.has('--undo'), ctx));
  },
};
