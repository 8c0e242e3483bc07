// The extension's own messages are localisation-ready: notifications, dialogs, prompts and the
// tree's notes go through `vscode.l10n.t`, and l10n/bundle.l10n.json (what translators start from)
// holds exactly those strings. Reasons the engine gives (shared with the command line) are English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();

function extensionSources(dir = path.join(root, 'src', 'extension')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? extensionSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

test('package.json names the l10n folder, and l10n/bundle.l10n.json holds every vscode.l10n.t string of the extension', () => {
  assert.equal((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string }).l10n, './l10n');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n-bundle.mjs'), '--check'], { stdio: 'pipe' });
  const bundle = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  assert.ok(Object.keys(bundle).length >= 80, `only ${Object.keys(bundle).length} strings`);
  assert.ok('Keep Open' in bundle && 'Mark done' in bundle);
});

test('no notification, dialog, input box or quick pick of the extension is written out in English', () => {
  const written: string[] = [];
  // A message or an option given as a literal ('…' or `…`) instead of through vscode.l10n.t.
  const literal = /show(?:Information|Warning|Error)Message\(\s*['`]|setStatusBarMessage\(\s*['`]|\b(?:title|prompt|placeHolder|placeholder)(?::|\s=)\s*['`][A-Za-z]/g;
  for (const file of extensionSources()) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(literal)) {
      const line = text.slice(0, match.index).split('\n').length;
      written.push(`${path.relative(root, file)}:${line}: ${text.split('\n')[line - 1]!.trim()}`);
    }
  }
  assert.deepEqual(written, []);
});
