import type { Problem } from '../problems';

/** A JSON Schema as plain data (draft-07 or 2020-12). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * How the registry reads schema files, by absolute path. Sync on purpose: schemas are few and
 * small. Whether a file may be read at all is decided in one place, `readSchemaFile`, from `stat`;
 * the host only reports facts and reads within the bound it is given.
 */
export interface SchemaHost {
  /** What is at `absolutePath`, without opening it (symbolic links followed); null when nothing is. */
  stat(absolutePath: string): SchemaFileFacts | null;
  /**
   * The text of the regular file at `absolutePath`, reading at most `maxBytes + 1` bytes (the file
   * may have grown since `stat`): `too-large` past `maxBytes`, `unreadable` when it cannot be
   * read or is no longer a regular file.
   */
  readText(absolutePath: string, maxBytes: number): SchemaHostRead;
}

/** What `SchemaHost.stat` reports. */
export interface SchemaFileFacts {
  /** True for a regular file; false for a folder, a FIFO, a device or a socket. */
  readonly regular: boolean;
  /** Size in bytes. */
  readonly size: number;
  /** The absolute path with every symbolic link resolved. */
  readonly realPath: string;
}

/** What `SchemaHost.readText` read. */
export type SchemaHostRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'unreadable' };

/** A `milestones.schemas` entry, like `yaml.schemas`: a schema file and the globs (relative to the workspace folder) it applies to. */
export interface SchemaSetting {
  /** Path of the schema file, absolute or relative to the workspace folder. */
  readonly schema: string;
  readonly globs: readonly string[];
}

/** Where the schema that applies to a file came from, in the order they win. */
export type SchemaSource = '$schema' | 'setting' | 'workspace' | 'builtin';

/** One ajv error, reduced to what placing and wording a problem needs. */
export interface SchemaError {
  readonly keyword: string;
  /** JSON pointer of the offending value in the data, e.g. `/status`, `/steps/2/status`, `` for the root. */
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The sub-schema that failed (for enum values, descriptions). */
  readonly parentSchema?: JsonSchema;
  readonly message?: string;
  /** JSON pointer of the failing keyword in the schema (`#/properties/x/anyOf`): tells which errors come from inside an `anyOf` / `oneOf`. */
  readonly schemaPath?: string;
}

/** The schema that applies to one file, compiled once and shared. */
export interface SchemaUse {
  readonly source: SchemaSource;
  /** Absolute path of the schema file, or `builtin:<name>`. */
  readonly id: string;
  /** The resolved schema (for completion and hover). */
  readonly schema: JsonSchema;
  /** Validates data; returns [] when valid. Compiled once per schema file version. */
  validate(data: unknown): readonly SchemaError[];
}

/** What the registry found for a file: the schema to use (or null), and problems to show on the file itself (e.g. a `$schema` that cannot be read). */
export interface SchemaResolution {
  readonly use: SchemaUse | null;
  readonly problems: readonly Problem[];
}
