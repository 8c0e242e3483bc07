import type { CliCommand } from './cliCommand';

/** `milestones status`: not written yet. */
export const statusCommand: CliCommand = {
  name: 'status',
  flags: [],
  valued: [],
  usage: '  status                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: status is not available yet\n');
    return 2;
  },
};
