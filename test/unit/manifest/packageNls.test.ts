// The manifest is localisation-ready: every string a person reads in package.json is a `%key%` that
// package.nls.json (the English bundle VS Code falls back to) defines, and no key is left unused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = (JSON.parse(manifest) as { contributes: Record<string, unknown> }).contributes;

test('every %key% of package.json has its English text in package.nls.json, and every key there is used', () => {
  const used = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!));
  assert.ok(used.size >= 40, `only ${used.size} keys`);
  for (const key of used) assert.equal(typeof nls[key], 'string', `package.nls.json has no "${key}"`);
  for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json's "${key}" is not used`);
});

test('command titles, view names, setting descriptions and walkthrough steps are never written out in package.json', () => {
  const texts: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (['title', 'name', 'contextualTitle', 'description', 'markdownDescription', 'contents', 'displayName', 'altText', 'category'].includes(key)) texts.push(`${key}: ${value}`);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key === 'enumDescriptions' ? 'description' : key));
    // A language-model tool's input schema is read by the model, not by a person (like its
    // modelDescription), and its name is an id, as a command's is.
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'inputSchema' && !(key === 'languageModelTools' && k === 'name')) walk(v, k);
  };
  walk(contributes, '');
  assert.deepEqual(texts.filter((t) => !/: %[^%]+%$/.test(t)), []);
});
