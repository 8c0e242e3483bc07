import type { CliCommand } from './cliCommand';

/** `milestones archive`: not written yet. */
export const archiveCommand: CliCommand = {
  name: 'archive',
  flags: [],
  valued: [],
  usage: '  archive                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: archive is not available yet\n');
    return 2;
  },
};
