// The `milestones` command line (bundled to dist/cli.js, the package's `bin`): the same core as the
// extension, for CI, scripts and AI agents.
import path from 'node:path';
import { checkFolder } from './collectMilestones';
import { LIFECYCLE_COMMANDS } from './commands';
import { listCommand } from './listCommand';
import type { CliIO } from './listCommand';
import { parseArgs } from './parseArgs';
import { USAGE } from './usage';
import { outputFormat, validateCommand } from './validateCommand';

/** The flags and valued options each command accepts. */
const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  list: ['--json', '--verbose', '--max-file-size', '--help'],
  validate: ['--json', '--format', '--max-file-size', '--help'],
  lsp: ['--stdio', '--help'],
  mcp: ['--help'],
  ...Object.fromEntries(LIFECYCLE_COMMANDS.map((c) => [c.name, ['--help', '--root', ...c.flags, ...c.valued]])),
};
const ALL_FLAGS = [...new Set(['--json', '--verbose', '--help', '--stdio', ...LIFECYCLE_COMMANDS.flatMap((c) => c.flags)])];
const ALL_VALUED = [...new Set(['--format', '--max-file-size', '--root', ...LIFECYCLE_COMMANDS.flatMap((c) => c.valued)])];

/**
 * Runs the command line and returns the exit status: 0 done, 2 usage error or missing folder,
 * 1 an internal error (a bug: reported in one line, never as a stack trace) or, for `validate`,
 * at least one problem of severity error. `lsp --stdio` starts the language server (`serveLsp`)
 * and returns 'serving': the process lives until the client ends it.
 */
export function main(argv: readonly string[], io: CliIO, serveLsp: () => void = loadLanguageServer, serveMcp: (folders: readonly string[]) => void = loadMcpServer): number | 'serving' {
  const parsed = parseArgs(argv, ALL_FLAGS, ALL_VALUED);
  if (parsed.kind === 'error') return usageError(parsed.message, io);
  const { command, flags, options, positionals } = parsed.args;
  if (command === null) {
    if (flags.has('--help')) {
      io.out(USAGE);
      return 0;
    }
    return usageError('no command given', io);
  }
  const accepted = COMMANDS[command];
  if (!accepted) return usageError(`unknown command: ${command}`, io);
  for (const flag of [...flags, ...options.keys()]) if (!accepted.includes(flag)) return usageError(`${command} does not take ${flag}`, io);
  if (flags.has('--help')) {
    io.out(USAGE);
    return 0;
  }
  try {
    if (command === 'lsp') {
      if (!flags.has('--stdio')) return usageError('lsp talks to the editor over standard input and output: give --stdio', io);
      serveLsp();
      return 'serving';
    }
    if (command === 'mcp') {
      for (const folder of positionals) {
        const problem = checkFolder(folder);
        if (problem !== null) return usageError(problem, io);
      }
      serveMcp(positionals);
      return 'serving';
    }
    const lifecycle = LIFECYCLE_COMMANDS.find((c) => c.name === command);
    if (lifecycle) return lifecycle.run(parsed.args, io);
    const maxFileSize = byteCount(options.get('--max-file-size'));
    if (maxFileSize === null) return usageError('--max-file-size takes a number of bytes, e.g. --max-file-size 4194304', io);
    if (command === 'validate') {
      const format = outputFormat(options.get('--format'), flags.has('--json'));
      if (format === null) return usageError(`--format takes human, json or github${flags.has('--json') ? ' (--json means --format json)' : ''}`, io);
      return validateCommand(positionals, format, io, maxFileSize);
    }
    return listCommand(positionals, flags.has('--json'), io, maxFileSize, flags.has('--verbose'));
  } catch (error) {
    io.err(`milestones: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** `--max-file-size` as given: undefined when absent (the default applies), null when it is not a whole number of bytes. */
function byteCount(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : null;
}

function usageError(message: string, io: CliIO): number {
  io.err(`milestones: ${message}\n\n${USAGE}`);
  return 2;
}

/**
 * Loads the language server from its own bundle beside this one (dist/server.js), so the other
 * commands do not load `vscode-languageserver`, and starts it on standard input and output.
 */
function loadLanguageServer(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path computed at run time, which esbuild leaves alone
  const server = require(path.join(__dirname, 'server.js')) as { startLanguageServer(): void };
  server.startLanguageServer();
}

/**
 * Loads the MCP server from its own bundle beside this one (dist/mcp.js: the MCP SDK is only loaded
 * by `milestones mcp`) and serves the agents' tools on standard input and output.
 */
function loadMcpServer(folders: readonly string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path computed at run time, which esbuild leaves alone
  const mcp = require(path.join(__dirname, 'mcp.js')) as { startMcpServer(folders: readonly string[]): Promise<void> };
  mcp.startMcpServer(folders).catch((error: unknown) => {
    process.stderr.write(`milestones: the MCP server stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

if (require.main === module) {
  const status = main(process.argv.slice(2), {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
  });
  // exitCode, not exit(): a large JSON document on a pipe must be flushed before the process ends.
  if (status !== 'serving') process.exitCode = status;
}
