import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { SchemaSetting } from '../core/schema/schemaTypes';

/**
 * The `milestones.schemas` entries of `<folder>/.vscode/settings.json`, so the command line honours
 * what the editor does. The setting maps a schema file to a glob or a list of globs, like
 * `yaml.schemas`: `{ "schemas/ms.schema.json": ["docs/**\/*.md"] }`. A missing or unparseable file
 * (JSONC: comments and trailing commas allowed), or a value of another shape, gives [].
 */
export function readSchemaSettings(folderRoot: string): SchemaSetting[] {
  let text: string;
  try {
    text = readFileSync(path.join(folderRoot, '.vscode', 'settings.json'), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return [];
  }
  const errors: ParseError[] = [];
  const settings: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !isRecord(settings)) return [];
  return schemaSettings(settings['milestones.schemas']);
}

/** A `milestones.schemas` value as SchemaSettings; anything that is not a schema → glob(s) map is skipped. */
export function schemaSettings(value: unknown): SchemaSetting[] {
  if (!isRecord(value)) return [];
  const out: SchemaSetting[] = [];
  for (const [schema, globs] of Object.entries(value)) {
    const list = typeof globs === 'string' ? [globs] : Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
    if (schema.trim() !== '' && list.length > 0) out.push({ schema, globs: list });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
