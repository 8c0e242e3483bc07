import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/repoPaths';

/**
 * A temporary copy of examples/ with `.vscode/settings.json` holding `settings` (a known
 * `milestones.identity`, a theme), to open in a Workbench. The caller removes it.
 */
export function examplesWithSettings(prefix: string, settings: Readonly<Record<string, unknown>>): string {
  const source = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(repoRoot(), 'examples'), source, { recursive: true });
  mkdirSync(path.join(source, '.vscode'));
  writeFileSync(path.join(source, '.vscode/settings.json'), JSON.stringify(settings, null, 2));
  return source;
}
