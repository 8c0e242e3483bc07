import type { CliCommand } from './cliCommand';

/** `milestones next`: not written yet. */
export const nextCommand: CliCommand = {
  name: 'next',
  flags: [],
  valued: [],
  usage: '  next                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: next is not available yet\n');
    return 2;
  },
};
