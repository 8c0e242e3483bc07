import type { CliCommand } from './cliCommand';

/** `milestones reopen`: not written yet. */
export const reopenCommand: CliCommand = {
  name: 'reopen',
  flags: [],
  valued: [],
  usage: '  reopen                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: reopen is not available yet\n');
    return 2;
  },
};
