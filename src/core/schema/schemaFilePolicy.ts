import path from 'node:path';
import type { SchemaHost } from './schemaTypes';

/**
 * The largest schema file read, in bytes.
 *
 * Why: a schema file is parsed twice, by js-yaml (values) and, for its problems' positions, by the
 * `yaml` library, which took 1.9 s for a 1.3 MB YAML file (a 160,000-value enum) and 11.7 s for
 * 3.3 MB: about 3.5 ms a KB. At 256 KB the slowest parse stays under a second. Real schemas are a
 * few KB (the built-in KB schema is 1.5 KB), so 256 KB is a hundred times what any of them needs.
 * What a schema costs to compile is bounded apart from its size (`MAX_SCHEMA_NODES`).
 */
export const MAX_SCHEMA_FILE_BYTES = 256 * 1024;

/** A schema file as the policy lets it be read. */
export type SchemaFileRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Reads the schema file `absolutePath` for the workspace folder `folderRoot` (absolute), and only
 * when it is a regular file (not a folder, a FIFO that would block for ever, a device such as
 * `/dev/zero` that never ends), inside the folder once symbolic links are resolved (a `$ref` or
 * `$schema` may not read `/etc/passwd`), and at most `MAX_SCHEMA_FILE_BYTES`. Everything is
 * decided from `stat` before the file is opened, and the read itself stops one byte past the limit.
 * `refused` carries the rule broken, in words for people. Never throws: a host that fails is a
 * file that is `missing`.
 */
export function readSchemaFile(host: SchemaHost, folderRoot: string, absolutePath: string): SchemaFileRead {
  try {
    const facts = host.stat(absolutePath);
    if (facts === null) return { kind: 'missing' };
    const folder = host.stat(folderRoot)?.realPath ?? folderRoot;
    const shown = isInside(folder, absolutePath) ? path.relative(folder, absolutePath).split(path.sep).join('/') : absolutePath;
    if (!facts.regular) return refused(`${shown} is not a regular file`);
    if (!isInside(folder, facts.realPath)) {
      return refused(facts.realPath === absolutePath
        ? `${absolutePath} is outside the workspace folder; Milestones reads schemas only from inside it`
        : `${shown} links to ${facts.realPath}, outside the workspace folder; Milestones reads schemas only from inside it`);
    }
    const limit = `the ${sizeWords(MAX_SCHEMA_FILE_BYTES)} limit for schema files`;
    if (facts.size > MAX_SCHEMA_FILE_BYTES) return refused(`${path.basename(absolutePath)} is ${sizeWords(facts.size)}, over ${limit}`);
    const read = host.readText(absolutePath, MAX_SCHEMA_FILE_BYTES);
    if (read.kind === 'too-large') return refused(`${path.basename(absolutePath)} grew past ${limit} while it was read`);
    return read.kind === 'text' ? read : { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
}

/** True when `file` is below `folder` (both absolute, symbolic links resolved). */
function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function refused(message: string): SchemaFileRead {
  return { kind: 'refused', message };
}

/** `5.0 MB`, `256 KB`, `12 bytes`. */
function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
