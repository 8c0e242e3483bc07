import type { ParsedArgs } from '../parseArgs';

/** Where a command writes. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One `milestones <name>` lifecycle command. `main` checks the flags and options against
 * `flags` / `valued` before calling `run`, and prints `usage` under "Commands:".
 */
export interface CliCommand {
  readonly name: string;
  /** Flags without a value it accepts (`--help` is always accepted). */
  readonly flags: readonly string[];
  /** Options with a value it accepts (`--root` is always accepted). */
  readonly valued: readonly string[];
  /** Its lines in the usage text: the synopsis, then indented explanation lines. */
  readonly usage: string;
  /** Exit status: 0 done, 1 refused (the reason on stderr), 2 usage error. */
  run(args: ParsedArgs, io: CliIO): number;
}
