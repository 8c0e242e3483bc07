import type { CliCommand } from './cliCommand';

/** `milestones new`: not written yet. */
export const newCommand: CliCommand = {
  name: 'new',
  flags: [],
  valued: [],
  usage: '  new                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: new is not available yet\n');
    return 2;
  },
};
