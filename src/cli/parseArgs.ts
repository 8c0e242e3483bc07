/** A command line split into command, flags and positional arguments. */
export interface ParsedArgs {
  readonly command: string | null;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

export type ParseOutcome = { readonly kind: 'ok'; readonly args: ParsedArgs } | { readonly kind: 'error'; readonly message: string };

/**
 * Splits `argv` (without node and the script). `known` lists the accepted flags; `-h` means
 * `--help`; `--` ends the flags, so a folder named `--json` can still be given.
 */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParseOutcome {
  const flags = new Set<string>();
  const positionals: string[] = [];
  let flagsEnded = false;
  for (const arg of argv) {
    if (!flagsEnded && arg === '--') flagsEnded = true;
    else if (!flagsEnded && arg.startsWith('-') && arg !== '-') {
      const flag = arg === '-h' ? '--help' : arg;
      if (!known.includes(flag)) return { kind: 'error', message: `unknown option: ${arg}` };
      flags.add(flag);
    } else positionals.push(arg);
  }
  return { kind: 'ok', args: { command: positionals[0] ?? null, flags, positionals: positionals.slice(1) } };
}
