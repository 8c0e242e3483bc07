import type { CliCommand } from './cliCommand';

/** `milestones complete`: not written yet. */
export const completeCommand: CliCommand = {
  name: 'complete',
  flags: [],
  valued: [],
  usage: '  complete                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: complete is not available yet\n');
    return 2;
  },
};
