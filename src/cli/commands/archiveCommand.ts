import { archiveExecPlanMilestone } from '../../core/lifecycle/archive/archiveExecPlanMilestone';
import type { CliCommand } from './cliCommand';
import { runPlan } from './runPlan';

/** `milestones archive <file>`: archives an ExecPlan milestone of `milestones/active/`. */
export const archiveCommand: CliCommand = {
  name: 'archive',
  flags: ['--dry-run'],
  valued: [],
  usage:
    '  archive <file>            Archive an ExecPlan milestone of milestones/active/: status archived,\n' +
    '                            updated and a Changelog line of today, the file moved to\n' +
    '                            milestones/archive/YYYY/MM/DD/, links to it and its own relative\n' +
    '                            links kept working.\n',
  run(args, io) {
    return runPlan(args, io, (workspace, snapshot, context) => {
      if (args.positionals.length !== 1) return { kind: 'usage', message: 'archive takes one milestone file' };
      const file = workspace.relative(args.positionals[0]!);
      if (file === null) return { kind: 'usage', message: `${args.positionals[0]} is not inside the workspace folder ${workspace.root}` };
      return archiveExecPlanMilestone(snapshot, file, context);
    });
  },
};
