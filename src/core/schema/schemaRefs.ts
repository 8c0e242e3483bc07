import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SchemaText } from './readSchemaText';

/** A schema file as loaded: parsed (or its syntax error), refused by `readSchemaFile` with the rule it broke, or null when there is no such file. */
export type LoadedSchema = SchemaText | { readonly kind: 'refused'; readonly message: string } | null;

/** Reads a schema file by absolute path. */
export type SchemaLoader = (absolutePath: string) => LoadedSchema;

/** Where a `$ref` points, or why it is not followed. */
export type RefTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'file'; readonly path: string; readonly fragment: string }
  /**
   * Not followed. `warning` for a custom scheme (`skill://…`, `urn:…`): a reference the author's own
   * tooling resolves, so the file is not wrong, only not fully checked here; `error` for the rest.
   */
  | { readonly kind: 'bad'; readonly message: string; readonly severity: 'error' | 'warning' };

/** The `$id` under which a schema file is registered with Ajv: its `file://` URL (unique per file, unlike authors' own `$id`s). */
export function schemaUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;
/** Schemes that name a place to download from: a `$ref` to them is an error (Milestones never downloads). */
const FETCHED = /^(?:https?|ftp):/i;

function bad(message: string, severity: 'error' | 'warning' = 'error'): RefTarget {
  return { kind: 'bad', message, severity };
}

/**
 * Classifies the `$ref` value `ref` written in the schema file `fromFile` (whose own `$id` is
 * `ownId`, if any). Local refs (`#/definitions/x`) and relative file refs (`common.yaml#/defs/x`)
 * are followed; a URL is never fetched and a missing file, an unreadable file, a file the read
 * policy refuses (outside the folder, not a regular file, too large) or a pointer to nothing is
 * `bad`, with a message for people; a custom scheme (`skill://…`) is `bad` with severity warning.
 */
export function classifyRef(fromFile: string, ref: string, load: SchemaLoader, ownId?: string): RefTarget {
  let filePart = ref;
  let fragment = '';
  const hash = ref.indexOf('#');
  if (hash !== -1) { filePart = ref.slice(0, hash); fragment = ref.slice(hash + 1); }
  if (ownId !== undefined && filePart !== '' && filePart === ownId.replace(/#$/, '')) filePart = '';
  if (filePart === '') {
    const self = load(fromFile);
    if (self !== null && self.kind === 'ok' && !pointerExists(self.value, fragment)) {
      return bad(`$ref "${ref}" points at nothing: this file has no "${fragment}".`);
    }
    return { kind: 'local' };
  }
  let target: string;
  if (/^file:/i.test(filePart)) {
    try { target = fileURLToPath(filePart); } catch { return bad(`$ref "${ref}" is not a valid file URL.`); }
  } else if (URL_LIKE.test(filePart) && !/^[a-z]:[\\/]/i.test(filePart)) {
    if (FETCHED.test(filePart)) return bad(`$ref "${ref}" is not fetched: Milestones never downloads schemas; save it in the workspace and point $ref at the file.`);
    const scheme = filePart.slice(0, filePart.indexOf(':') + 1);
    return bad(`$ref "${ref}" is not resolved: Milestones reads only files of the workspace, not "${scheme}" references; what it names is not checked, the rest of the schema is.`, 'warning');
  } else {
    let decoded = filePart;
    try { decoded = decodeURI(filePart); } catch { /* keep as written */ }
    target = path.resolve(path.dirname(fromFile), decoded);
  }
  const loaded = load(target);
  if (loaded === null) return bad(`$ref "${ref}": no file at ${target}.`);
  if (loaded.kind === 'refused') return bad(`$ref "${ref}" is not read: ${loaded.message}.`);
  if (loaded.kind === 'error') return bad(`$ref "${ref}": ${path.basename(target)} cannot be read (${loaded.message}).`);
  if (!pointerExists(loaded.value, fragment)) return bad(`$ref "${ref}" points at nothing: ${path.basename(target)} has no "${fragment}".`);
  return { kind: 'file', path: target, fragment };
}

/** True when the JSON pointer `fragment` (`/definitions/x`, or empty) resolves in `value`; anchors (`#foo`) are left to Ajv. */
function pointerExists(value: unknown, fragment: string): boolean {
  return fragment === '' || !fragment.startsWith('/') || resolvePointer(value, fragment) !== undefined;
}

/** The value at a JSON pointer, or undefined. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const raw of pointer.split('/').slice(1)) {
    let seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try { seg = decodeURIComponent(seg); } catch { /* as written */ }
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
