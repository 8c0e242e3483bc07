/**
 * A problem as the command line and the agents' tools report it: 1-based lines and columns, and the
 * file as printed (relative to its folder, prefixed by the folder when several were given).
 */
import type { Problem, Severity } from './problems';

export interface ReportedProblem {
  /** Relative to its folder, `/`-separated; prefixed by the folder when several were given. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** A core problem (0-based editor positions) as reported under the printed path `file`. */
export function reported(file: string, problem: Problem): ReportedProblem {
  const { start, end } = problem.range;
  return {
    file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
    severity: problem.severity, code: problem.code, message: problem.message,
  };
}

/** The order of every output: file (code-point order), start, end, code, message. */
export function compareReported(a: ReportedProblem, b: ReportedProblem): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine
    || a.endColumn - b.endColumn || cmp(a.code, b.code) || cmp(a.message, b.message);
}


function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
