// Writes l10n/bundle.l10n.json: every string the extension passes to `vscode.l10n.t` (the English
// source that translators work from; VS Code loads `bundle.l10n.<locale>.json` beside it). With
// `--check` it writes nothing and fails when the bundle is not current (a unit test runs that).
// The strings are read from the source as written: `vscode.l10n.t('…'` with a single-quoted literal.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** Every `vscode.l10n.t('…')` message of src/extension, unescaped, sorted. */
export function l10nStrings() {
  const found = new Set();
  const call = /vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const file of sourceFiles(path.join(root, 'src', 'extension'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      found.add(match[1].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c));
    }
  }
  return [...found].sort();
}

const wanted = `${JSON.stringify(Object.fromEntries(l10nStrings().map((s) => [s, s])), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(bundleFile, 'utf8'); } catch { /* missing: not current */ }
  if (current !== wanted) {
    console.error('l10n/bundle.l10n.json is not current: run `npm run l10n`.');
    process.exit(1);
  }
} else {
  writeFileSync(bundleFile, wanted);
  console.log(`l10n/bundle.l10n.json: ${l10nStrings().length} strings`);
}
