import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a file's own `$schema` value names: a local file (absolute path), or why it cannot be read. */
export type SchemaReference =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'bad'; readonly message: string };

/**
 * Reads the `$schema` value of a milestone file (`fileAbs`): a path relative to the file's folder,
 * an absolute path or a `file:` URL. Any other URL is refused: Milestones never downloads schemas.
 */
export function schemaReference(fileAbs: string, value: unknown): SchemaReference {
  if (typeof value !== 'string' || value.trim() === '') {
    return { kind: 'bad', message: '$schema must be the path of a schema file, relative to this file.' };
  }
  const v = value.trim();
  if (/^file:/i.test(v)) {
    try { return { kind: 'file', path: fileURLToPath(v) }; } catch { return { kind: 'bad', message: `$schema "${v}" is not a valid file URL.` }; }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^[a-z]:[\\/]/i.test(v)) {
    return { kind: 'bad', message: `$schema "${v}" is not fetched: Milestones never downloads schemas; save the schema in the workspace and point $schema at the file.` };
  }
  return { kind: 'file', path: path.resolve(path.dirname(fileAbs), v) };
}

const WORKSPACE_SCHEMA_EXTENSIONS = ['.jsonschema.yaml', '.jsonschema.yml', '.jsonschema.json'];

/**
 * The one rule for a folder's own schema: a file directly in `NAME.kb/` may follow
 * `NAME.jsonschema.yaml` (or `.yml`, `.json`) beside that folder. Nested `.kb` folders follow the
 * same rule, so each picks its own sibling schema. Relative to the workspace folder, `/`-separated;
 * [] for a file in no `NAME.kb/` folder.
 */
export function kbSchemaNames(file: string): string[] {
  const segs = file.split('/');
  if (segs.length < 2) return [];
  const m = /^(.+)\.kb$/i.exec(segs[segs.length - 2]!);
  if (m === null) return [];
  const parent = segs.slice(0, -2);
  return WORKSPACE_SCHEMA_EXTENSIONS.map((ext) => [...parent, m[1] + ext].join('/'));
}

/** The workspace schema files that may apply to `file` (relative to `folderRoot`), absolute: `kbSchemaNames`. */
export function workspaceSchemaCandidates(folderRoot: string, file: string): string[] {
  return kbSchemaNames(file).map((name) => path.resolve(folderRoot, name));
}

/** The schema files that may apply to any of `files` (`kbSchemaNames`), each once; they may not exist. */
export function kbSchemaFiles(files: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const file of files) for (const name of kbSchemaNames(file)) out.add(name);
  return out;
}

/**
 * Whether a path names a schema file by its name (`NAME.jsonschema.yaml|yml|json`,
 * `NAME.schema.json|yaml|yml`): a change to such a file may change what milestone files are checked
 * against, so editors watch them. Files named in `milestones.schemas` count too, by their setting.
 */
export function hasSchemaFileName(filePath: string): boolean {
  return /(?:\.jsonschema\.(?:ya?ml|json)|\.schema\.(?:json|ya?ml))$/i.test(filePath);
}
