import type { CliCommand } from './cliCommand';

/** `milestones claim`: not written yet. */
export const claimCommand: CliCommand = {
  name: 'claim',
  flags: [],
  valued: [],
  usage: '  claim                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: claim is not available yet\n');
    return 2;
  },
};
