import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root: the nearest folder above this file whose package.json is the extension's.
 * Found by walking up, so it holds both for the sources and for the bundles in out/.
 */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'milestones') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no milestones package.json above ${__dirname}`);
  }
}

/** Where scripts/setup-vscode-server.sh installs Node 24 and the VS Code server. */
export function serverInstall(root = repoRoot()): { node: string; serverMain: string } {
  const dir = path.join(root, '.vscode-test');
  const install = {
    node: path.join(dir, 'node24/bin/node'),
    serverMain: path.join(dir, 'code-server/lib/node_modules/code-server/lib/vscode/out/server-main.js'),
  };
  for (const file of Object.values(install)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run bash scripts/setup-vscode-server.sh`);
  }
  return install;
}
