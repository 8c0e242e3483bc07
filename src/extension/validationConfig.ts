import * as vscode from 'vscode';
import type { SchemaSetting } from '../core/schema/schemaTypes';
import { extensionPlatform } from './platform';

/** `workspace`: every indexed file is validated; `openFiles`: only files open in an editor. */
export type ValidateScope = 'workspace' | 'openFiles';

const SECTION = 'milestones';
export const SCOPE_KEY = `${SECTION}.validate.scope`;
export const SCHEMAS_KEY = `${SECTION}.schemas`;

export function readValidateScope(): ValidateScope {
  return vscode.workspace.getConfiguration(SECTION).get<string>('validate.scope') === 'openFiles' ? 'openFiles' : 'workspace';
}

/**
 * `milestones.schemas` of one workspace folder, like `yaml.schemas`: `{ "schema path": "glob" | ["glob", …] }`,
 * paths and globs relative to the folder. Entries of the wrong shape are left out.
 */
export function readSchemaSettings(folder?: vscode.WorkspaceFolder): SchemaSetting[] {
  const value = vscode.workspace.getConfiguration(SECTION, folder).get<unknown>('schemas');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: SchemaSetting[] = [];
  for (const [schema, globs] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof globs === 'string' ? [globs] : Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
    const clean = list.map((g) => g.trim()).filter((g) => g !== '');
    if (schema.trim() !== '' && clean.length > 0) out.push({ schema: schema.trim(), globs: clean });
  }
  return out;
}

/**
 * Whether the workspace's own schemas are used (`$schema`, `milestones.schemas`, NAME.jsonschema.yaml):
 * not in Restricted Mode (no file of an untrusted workspace is read as a schema), and not on the web,
 * where only the built-in schemas run, precompiled (nothing compiles code at run time there).
 */
export function workspaceSchemasUsed(): boolean {
  return vscode.workspace.isTrusted && extensionPlatform().kind === 'desktop';
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
