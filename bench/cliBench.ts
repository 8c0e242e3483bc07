// The command line's part of `npm run bench`: `milestones list --json` and `milestones validate --json`
// over the bench workspace, run in this process through the same functions `dist/cli.js` calls
// (scan, read, gate, sort, check and the JSON output), so their times compare with the read floor.
import { listCommand } from '../src/cli/listCommand';
import { validateCommand } from '../src/cli/validateCommand';

/** What one CLI run wrote: its exit status and the number of characters on stdout. */
export interface CliRun {
  readonly status: number;
  readonly outChars: number;
}

/** `milestones list --json <root>`, output counted and dropped. */
export function cliList(root: string): CliRun {
  let outChars = 0;
  const status = listCommand([root], true, { out: (t) => { outChars += t.length; }, err: () => {} });
  return { status, outChars };
}

/** `milestones validate --json <root>`, output counted and dropped. */
export function cliValidate(root: string): CliRun {
  let outChars = 0;
  const status = validateCommand([root], 'json', { out: (t) => { outChars += t.length; }, err: () => {} });
  return { status, outChars };
}
