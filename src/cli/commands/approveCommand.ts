import type { CliCommand } from './cliCommand';

/** `milestones approve`: not written yet. */
export const approveCommand: CliCommand = {
  name: 'approve',
  flags: [],
  valued: [],
  usage: '  approve                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: approve is not available yet\n');
    return 2;
  },
};
