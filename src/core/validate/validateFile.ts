import type { FileReading } from '../model';
import type { Problem } from '../problems';
import type { SchemaRegistry } from '../schema/schemaRegistry';

/** What validating one file needs besides its text. */
export interface ValidationEnv {
  readonly schemas: SchemaRegistry;
  /** Absolute path of the workspace folder the file belongs to. */
  readonly folderRoot: string;
  /** Today as `YYYY-MM-DD` (local date), for fixes that set `updated`. */
  readonly today: string;
}

/**
 * Every problem of one file that needs only that file: header syntax (unclosed, not at start, YAML /
 * TOML / JSON syntax at their position), schema problems on the exact key or value, the convention
 * checks no schema can express, non-standard task markers. Never throws on bad content.
 * Cross-file checks (duplicate ids, depends-on, handoff numbering) are in `workspaceProblems`.
 * STUB: implemented by the validation module.
 */
export function validateFile(file: string, text: string, reading: FileReading | null, env: ValidationEnv): Problem[] {
  void file; void text; void reading; void env;
  return [];
}
