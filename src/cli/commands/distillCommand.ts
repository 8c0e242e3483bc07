import type { CliCommand } from './cliCommand';

/** `milestones distill`: not written yet. */
export const distillCommand: CliCommand = {
  name: 'distill',
  flags: [],
  valued: [],
  usage: '  distill                      (not yet)\n',
  run(_args, io) {
    io.err('milestones: distill is not available yet\n');
    return 2;
  },
};
