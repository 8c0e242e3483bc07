import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repoPaths';
import type { RunFolder } from './runFolder';

/**
 * The built extension as VS Code on the web loads it: a copy in the run folder whose package.json
 * has the `browser` entry and no `main`, so the workbench runs it in the web worker extension host
 * (an extension with a `main` runs in the Node one when there is one). Everything else as packaged:
 * the manifest's strings, l10n, media, schemas, the web bundles and the form's webview. Returns its
 * path, for `extensionDevelopmentPath`.
 */
export function webExtensionFolder(run: RunFolder): string {
  const root = repoRoot();
  const target = path.join(run.dir, 'webext');
  mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest['main'];
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const part of ['package.nls.json', 'l10n', 'media', 'schemas', 'dist/web', 'dist/webview']) {
    cpSync(path.join(root, part), path.join(target, part), { recursive: true });
  }
  return target;
}
