import type { CliCommand } from './cliCommand';

/** `milestones done`: not written yet. */
export const doneCommand: CliCommand = {
  name: 'done',
  flags: [],
  valued: [],
  usage: '  done                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: done is not available yet\n');
    return 2;
  },
};
