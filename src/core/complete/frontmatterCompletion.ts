import type { JsonSchema } from '../schema/schemaTypes';

/** A completion the editor offers in a frontmatter header. */
export interface FrontmatterCompletion {
  readonly label: string;
  readonly kind: 'key' | 'value';
  /** Text to insert (for a key: `key: `; for a value: the value, quoted when needed). */
  readonly insertText: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** Offsets [start, end) of the text the completion replaces. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
}

export interface FrontmatterHover {
  /** Markdown: the key's description and its allowed values. */
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Completions at `offset` of `text` inside its YAML header, from `schema`: top-level keys not yet
 * present (on an empty or key position), enum values, `true`/`false`, today's date (`today`,
 * YYYY-MM-DD) for date fields (after `key: `). [] outside the header.
 * STUB: implemented by the completion module.
 */
export function frontmatterCompletions(text: string, offset: number, schema: JsonSchema, today: string): FrontmatterCompletion[] {
  void text; void offset; void schema; void today;
  return [];
}

/** Hover at `offset` on a top-level key of the YAML header: the schema's description and allowed values, or null. STUB. */
export function frontmatterHover(text: string, offset: number, schema: JsonSchema): FrontmatterHover | null {
  void text; void offset; void schema;
  return null;
}
