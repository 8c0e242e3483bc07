import { readFrontmatter } from '../frontmatter/readFrontmatter';
import type { ConventionId } from '../model';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The data a schema checks, and picks the schema by (`$schema`): a markdown file's header, read by
 * the reader's own rules (size and alias bounds, YAML or TOML), or a JSON file's whole value (a
 * session milestone, or a `.json` file of no convention yet); null when there is none or it does not
 * parse. The one place every caller (validation aside, which also locates problems) gets it from.
 */
export function schemaData(text: string, convention: ConventionId | null, file: string): Record<string, unknown> | null {
  if (convention === 'session-json' || (convention === null && /\.json$/i.test(file))) {
    try {
      const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      return isRecord(data) ? data : null;
    } catch {
      return null;
    }
  }
  return readFrontmatter(text).data;
}
