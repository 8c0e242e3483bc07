import { checkFolder } from './collectMilestones';
import type { CliIO } from './listCommand';
import { formatProblems, OUTPUT_FORMATS, type OutputFormat } from './problemFormats';
import { validateFolders } from './validateFolders';

/** Today as `YYYY-MM-DD` in local time (for fixes that set `updated`). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `--format` as given (or `json` for `--json`); null when the value is not a format. */
export function outputFormat(format: string | undefined, json: boolean): OutputFormat | null {
  if (format === undefined) return json ? 'json' : 'human';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) return null;
  if (json && format !== 'json') return null;
  return format as OutputFormat;
}

/**
 * `milestones validate [--json] [--format human|json|github] [--max-file-size BYTES] [folder…]`:
 * every folder must exist (else exit 2, nothing on stdout). Prints the problems in `format` (a
 * milestone file that could not be read is a problem on its line 1); folders that could not be
 * listed and checks that failed go to stderr. Exit 1 when there is an error (or a check failed), else 0.
 */
export function validateCommand(folders: readonly string[], format: OutputFormat, io: CliIO, maxFileSize?: number): number {
  const targets = folders.length > 0 ? [...new Set(folders)] : ['.'];
  for (const folder of targets) {
    const problem = checkFolder(folder);
    if (problem) {
      io.err(`milestones: ${problem}\n`);
      return 2;
    }
  }
  const run = validateFolders(targets, localToday(), maxFileSize);
  io.out(formatProblems(run.problems, format, run.filesChecked));
  for (const note of run.skipped) io.err(`milestones: not validated: ${targets.length > 1 ? `${note.folder}/` : ''}${note.file}: ${note.message}\n`);
  for (const failure of run.failures) io.err(`milestones: internal error: ${failure}\n`);
  return run.problems.some((p) => p.severity === 'error') || run.failures.length > 0 ? 1 : 0;
}
