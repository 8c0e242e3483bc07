/** A command line split into command, flags, valued options and positional arguments. */
export interface ParsedArgs {
  readonly command: string | null;
  readonly flags: ReadonlySet<string>;
  /** Options that take a value (`--format json` or `--format=json`), by name; the last one wins. */
  readonly options: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
}

export type ParseOutcome = { readonly kind: 'ok'; readonly args: ParsedArgs } | { readonly kind: 'error'; readonly message: string };

/** Short flags and the long ones they stand for. */
const SHORT: Readonly<Record<string, string>> = { '-h': '--help', '-v': '--verbose' };

/**
 * Splits `argv` (without node and the script). `known` lists the accepted flags, `valued` the
 * options that take a value; `-h` means `--help`, `-v` `--verbose`; `--` ends the flags, so a folder named `--json`
 * can still be given.
 */
export function parseArgs(argv: readonly string[], known: readonly string[], valued: readonly string[] = []): ParseOutcome {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  let flagsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!flagsEnded && arg === '--') flagsEnded = true;
    else if (!flagsEnded && arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (valued.includes(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value` };
        options.set(name, value);
        continue;
      }
      const flag = SHORT[arg] ?? arg;
      if (!known.includes(flag)) return { kind: 'error', message: `unknown option: ${arg}` };
      flags.add(flag);
    } else positionals.push(arg);
  }
  return { kind: 'ok', args: { command: positionals[0] ?? null, flags, options, positionals: positionals.slice(1) } };
}
