import { loadYamlBounded } from '../text/boundedYaml';
import { readSimpleYaml } from './yamlSubset';

/** The parsed YAML header, or why it could not be read. Lines/columns are 0-based, relative to the header content. */
export type YamlOutcome =
  | { readonly kind: 'ok'; readonly data: Record<string, unknown>; /** true when the hand reader handled it */ readonly fast: boolean }
  | { readonly kind: 'not-mapping'; readonly message: string }
  | { readonly kind: 'error'; readonly code: 'yaml-syntax' | 'yaml-aliases'; readonly message: string; readonly line: number; readonly column: number };

/**
 * Parses header content (the text between the `---` lines). The hand-written subset reader runs
 * first (a few µs); js-yaml 5 handles everything else (~50 µs) and reports syntax errors with a mark;
 * a header whose aliases expand past a bound is an error on its first alias (`loadYamlBounded`).
 * js-yaml 5 keeps `2026-05-05` as a string (YAML 1.2 core schema), so dates never become `Date`.
 * An empty or comment-only header is an empty mapping (js-yaml 5 would throw "input is empty").
 * Never throws.
 */
export function parseYamlHeader(content: string): YamlOutcome {
  const fast = readSimpleYaml(content);
  if (fast !== undefined) return { kind: 'ok', data: fast, fast: true };
  if (isBlank(content)) return { kind: 'ok', data: {}, fast: true };
  const parsed = loadYamlBounded(content);
  if (parsed.kind === 'error') return parsed;
  const value = parsed.value;
  if (value === null || value === undefined) return { kind: 'ok', data: {}, fast: false };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'not-mapping', message: 'The header is YAML but not a mapping of keys to values.' };
  }
  return { kind: 'ok', data: value as Record<string, unknown>, fast: false };
}

function isBlank(content: string): boolean {
  return /^(?:[ \t]*(?:#[^\n]*)?\r?\n?)*$/.test(content);
}

