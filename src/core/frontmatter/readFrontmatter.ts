import type { ReadNote } from '../model';
import { parseTomlHeader } from './parseToml';
import { parseYamlHeader } from './parseYaml';
import { splitFrontmatter, type FrontmatterSplit } from './splitFrontmatter';

/** A file's header, parsed, with what went wrong. `data` is null when there is no readable header. */
export interface FrontmatterReading {
  readonly split: FrontmatterSplit;
  /** Parsed data (strings still slices of the text: copy what you keep, see `ownValue`). */
  readonly data: Record<string, unknown> | null;
  readonly notes: readonly ReadNote[];
  /** Offset and line where the markdown body starts (0 without a header). */
  readonly bodyStart: number;
  readonly bodyLine: number;
}

/**
 * The largest header (text between the fences) that is parsed, in UTF-16 code units.
 *
 * Why: the largest real header in the corpus and the seeds is 381 characters. A 1.4 MB header of
 * 50,000 keys took 3.3 s of CPU and 360 MB to read and check (js-yaml, the copy the index keeps,
 * the typo check over every key, `yaml` positions for a problem), on the extension host's thread.
 * 64 KiB is 170 times the largest real header and reads in well under 100 ms.
 */
export const MAX_HEADER_CHARS = 64 * 1024;

/**
 * Splits and parses the header at the start of `text` (YAML fast path + js-yaml fallback, TOML via
 * gray-matter). Never throws: an unclosed header, a syntax error, a header that is not a mapping or
 * one over `MAX_HEADER_CHARS` becomes a note.
 */
export function readFrontmatter(text: string): FrontmatterReading {
  const split = splitFrontmatter(text);
  if (split.kind === 'none') return { split, data: null, notes: [], bodyStart: 0, bodyLine: 0 };
  if (split.kind === 'error') {
    return {
      split, data: null, bodyStart: split.bodyStart, bodyLine: split.bodyLine,
      notes: [{ severity: 'error', code: split.code, message: split.message, line: split.line }],
    };
  }
  const notes: ReadNote[] = [];
  let data: Record<string, unknown> | null = null;
  const size = split.contentEnd - split.contentStart;
  if (size > MAX_HEADER_CHARS) {
    notes.push({
      severity: 'error', code: 'frontmatter-too-large', line: 0,
      message: `The frontmatter is ${Math.round(size / 1024)} KB; headers over ${MAX_HEADER_CHARS / 1024} KB are not read (real ones are a few hundred bytes). Move the long values into the body.`,
    });
  } else if (split.kind === 'toml') {
    const r = parseTomlHeader(text.slice(split.openStart, split.bodyStart), 0);
    if (r.kind === 'ok') data = r.data;
    else notes.push({ severity: 'error', code: 'toml-syntax', message: r.message, line: r.line, column: r.column });
  } else {
    const r = parseYamlHeader(text.slice(split.contentStart, split.contentEnd));
    if (r.kind === 'ok') data = r.data;
    else if (r.kind === 'not-mapping') notes.push({ severity: 'warning', code: 'frontmatter-not-mapping', message: r.message, line: split.contentLine });
    else notes.push({ severity: 'error', code: r.code, message: r.message, line: split.contentLine + r.line, column: r.column });
  }
  return { split, data, notes, bodyStart: split.bodyStart, bodyLine: split.bodyLine };
}
