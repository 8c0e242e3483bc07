import { distillHandoffs } from '../../core/lifecycle/distill/distillHandoffs';
import type { CliCommand } from './cliCommand';
import { runPlan } from './runPlan';

/** `milestones distill <name> <note>…`: distills handoff notes into the next milestone folder. */
export const distillCommand: CliCommand = {
  name: 'distill',
  flags: ['--dry-run'],
  valued: [],
  usage:
    '  distill <name> <note>…    Distill handoff notes (handoffs/N-slug.md) into the next milestone\n' +
    '                            folder handoffs/M-<name>/: 0-milestone-summary.md and\n' +
    '                            0-lessons-learned.md pre-filled from the notes, which move into it.\n',
  run(args, io) {
    return runPlan(args, io, (workspace, snapshot, context) => {
      const [name, ...given] = args.positionals;
      if (name === undefined || given.length === 0) return { kind: 'usage', message: 'distill takes a name and at least one handoff note' };
      const notes: string[] = [];
      for (const arg of given) {
        const file = workspace.relative(arg);
        if (file === null) return { kind: 'usage', message: `${arg} is not inside the workspace folder ${workspace.root}` };
        notes.push(file);
      }
      return distillHandoffs(snapshot, { notes, name }, context);
    });
  },
};
