import type { ConventionId } from '../model';
import type { Problem } from '../problems';
import type { SchemaHost, SchemaResolution, SchemaSetting } from './schemaTypes';

/**
 * Finds, loads and compiles the JSON Schemas that apply to milestone files, offline:
 *   1. a `$schema` key in the file's own frontmatter / JSON (a path relative to the file; a URL is
 *      never fetched: it is a problem on the `$schema` value);
 *   2. the `milestones.schemas` setting (schema → globs, like `yaml.schemas`);
 *   3. the workspace's own schema: for a file in `NAME.kb/`, `NAME.jsonschema.yaml` beside that folder
 *      (nested .kb folders follow the same rule);
 *   4. the built-in schema of the file's convention (schemas/*.schema.json).
 * Schemas may be YAML or JSON, draft-07 or 2020-12; local `$ref`s (relative files, `#/definitions/…`)
 * are resolved; a `$ref` to a missing file or to a URL is a problem on that `$ref` in the schema file
 * (see `schemaFileProblems`), never a network request. Each schema is compiled once and recompiled
 * after `invalidate(path)`.
 * STUB: implemented by the schema module.
 */
export class SchemaRegistry {
  constructor(readonly host: SchemaHost, readonly settings: readonly SchemaSetting[] = []) {}

  /**
   * The schema for `file` (relative to the workspace folder `folderRoot`, an absolute path), given
   * its parsed header/JSON `data` (null when unreadable) and convention.
   */
  resolve(folderRoot: string, file: string, convention: ConventionId, data: Readonly<Record<string, unknown>> | null): SchemaResolution {
    void folderRoot; void file; void convention; void data;
    return { use: null, problems: [] };
  }

  /** Problems of a schema file itself (YAML syntax, `$ref` to a missing file or a URL), for diagnostics on the schema file. `file` is relative to `folderRoot`. */
  schemaFileProblems(folderRoot: string, file: string): readonly Problem[] {
    void folderRoot; void file;
    return [];
  }

  /** Forget what was read and compiled from `absolutePath` (or everything): the file changed. */
  invalidate(absolutePath?: string): void {
    void absolutePath;
  }
}
