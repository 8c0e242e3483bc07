import type { JsonSchema } from '../schema/schemaTypes';
import { didYouMean } from './didYouMean';

/** An unknown key that is a near-miss of a known one. */
export interface KeyTypo {
  /** Path of the object holding the key (keys and array indices). */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly suggestion: string;
}

/**
 * Unknown keys that are a close typo of a key the schema knows (`ownr` → `owner`), at every level
 * the schema describes with `properties`. A post-check rather than a custom Ajv keyword: the
 * built-in schemas stay standard JSON Schema (VS Code's own JSON validation reads them too), and
 * their objects allow extra keys (`additionalProperties: true`, real files add their own), so Ajv
 * alone reports nothing. A key whose suggestion is also present is left alone.
 */
export function keyTypos(data: unknown, schema: JsonSchema, path: (string | number)[] = []): KeyTypo[] {
  const out: KeyTypo[] = [];
  if (Array.isArray(data)) {
    const items = schema['items'];
    if (items !== null && typeof items === 'object' && !Array.isArray(items)) {
      data.forEach((item, i) => out.push(...keyTypos(item, items as JsonSchema, [...path, i])));
    }
    return out;
  }
  if (data === null || typeof data !== 'object') return out;
  const props = schema['properties'];
  if (props === null || typeof props !== 'object') return out;
  // Ajv already reports every unknown key of a closed object.
  const closed = schema['additionalProperties'] === false;
  const known = Object.keys(props);
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const sub = (props as Record<string, unknown>)[key];
    if (sub !== undefined) {
      if (sub !== null && typeof sub === 'object') out.push(...keyTypos(obj[key], sub as JsonSchema, [...path, key]));
      continue;
    }
    if (key === '$schema' || closed) continue;
    const suggestion = didYouMean(key, known, { prefix: false });
    if (suggestion !== null && !Object.prototype.hasOwnProperty.call(obj, suggestion)) out.push({ path, key, suggestion });
  }
  return out;
}
