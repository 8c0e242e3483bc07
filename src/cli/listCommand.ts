import { checkFolder, collectSummaries } from './collectMilestones';
import { milestonesJson, writeListJson } from './listJson';
import { listTable, tableRows } from './listTable';

/** Where a command writes; `process.stdout` / `process.stderr` in the binary, strings in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `milestones list [--json] [--verbose] [--max-file-size BYTES] [folder…]`: every folder must exist
 * (else exit 2, nothing printed on stdout); broken milestone files are listed with what could be
 * read (exit 0). `verbose` adds a note for each file skipped as a guide, template, index or legend.
 */
export function listCommand(folders: readonly string[], json: boolean, io: CliIO, maxFileSize?: number, verbose = false): number {
  const targets = folders.length > 0 ? folders : ['.'];
  for (const folder of targets) {
    const problem = checkFolder(folder);
    if (problem) {
      io.err(`milestones: ${problem}\n`);
      return 2;
    }
  }
  const several = targets.length > 1;
  if (json) {
    const { files, notes } = collectSummaries(targets, (folder, reading) => milestonesJson(reading, several ? folder : null), undefined, maxFileSize, verbose);
    writeListJson(files.map((f) => f.summary), notes, several, (text) => io.out(text));
  } else {
    const { files, notes } = collectSummaries(targets, (folder, reading) => tableRows(reading, several ? folder : null), undefined, maxFileSize, verbose);
    io.out(listTable(files.map((f) => f.summary), notes, several));
  }
  return 0;
}
