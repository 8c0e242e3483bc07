import { loadYamlBounded } from '../text/boundedYaml';

/** A schema file's text, parsed: the value, or a syntax error at a 0-based line/column. */
export type SchemaText =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'error'; readonly code: 'yaml-syntax' | 'yaml-aliases' | 'json-syntax'; readonly message: string; readonly line: number; readonly column: number };

/** True for a schema file written as JSON (by its name); everything else is read as YAML. */
export function isJsonSchemaFile(path: string): boolean {
  return /\.json$/i.test(path);
}

/**
 * Parses a schema file: JSON.parse for `*.json`, js-yaml 5 (YAML 1.2 core: dates stay strings)
 * for the rest. A leading BOM is ignored. Never throws.
 */
export function readSchemaText(path: string, text: string): SchemaText {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isJsonSchemaFile(path)) {
    try {
      return { kind: 'ok', value: JSON.parse(src) };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(msg);
      const offset = at !== null ? Number(at[1]) : 0;
      const before = src.slice(0, offset);
      const line = before.split('\n').length - 1;
      const column = offset - (before.lastIndexOf('\n') + 1);
      return { kind: 'error', code: 'json-syntax', message: `JSON syntax error: ${msg.replace(/ in JSON at position \d+.*$/s, '')}`, line, column };
    }
  }
  const parsed = loadYamlBounded(src);
  return parsed.kind === 'ok' ? { kind: 'ok', value: parsed.value } : parsed;
}
