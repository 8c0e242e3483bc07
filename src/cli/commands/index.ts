import { approveCommand } from './approveCommand';
import { archiveCommand } from './archiveCommand';
import { claimCommand } from './claimCommand';
import type { CliCommand } from './cliCommand';
import { completeCommand } from './completeCommand';
import { distillCommand } from './distillCommand';
import { doneCommand } from './doneCommand';
import { newCommand } from './newCommand';
import { nextCommand } from './nextCommand';
import { reopenCommand } from './reopenCommand';
import { statusCommand } from './statusCommand';

/** The lifecycle commands, in the order the usage text lists them. */
export const LIFECYCLE_COMMANDS: readonly CliCommand[] = [
  newCommand, claimCommand, statusCommand, doneCommand, completeCommand, reopenCommand, approveCommand, archiveCommand, distillCommand, nextCommand,
];
