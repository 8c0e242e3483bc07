/**
 * Where an offset stands in a YAML header: which line, and on a key line which key, so completion
 * and hover share one cheap look (one header split, one line scan, no YAML parse).
 */
import { splitFrontmatter } from '../frontmatter/splitFrontmatter';
import type { FrontmatterBlock } from '../frontmatter/splitFrontmatter';
import { isItem, isQuiet, readKey } from '../fixes/yamlHeaderMap';
import type { HeaderLine, KeyEntry } from '../fixes/yamlHeaderMap';

/** The header line holding an offset. */
export interface HeaderSpot {
  readonly block: FrontmatterBlock;
  readonly line: HeaderLine;
}

/** The line of the closed YAML header of `text` that holds `offset`, or null outside the header. */
export function headerSpot(text: string, offset: number): HeaderSpot | null {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml' || offset < split.contentStart || offset >= split.contentEnd) return null;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let nl = text.indexOf('\n', offset);
  if (nl === -1) nl = text.length;
  return { block: split, line: lineOf(text, Math.max(start, split.contentStart), nl) };
}

/** The line [start, nl) (nl = offset of its `\n` or the text end). */
function lineOf(text: string, start: number, nl: number): HeaderLine {
  const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  let first = start;
  while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
  return { start, end, first };
}

/**
 * The top-level key that `line` belongs to: its own key when it is a top-level key line, else the
 * nearest top-level key line above (for nested keys and list items). Null for a line before any key.
 */
export function owningKey(text: string, spot: HeaderSpot): { readonly entry: KeyEntry; readonly line: HeaderLine } | null {
  const { block } = spot;
  let line: HeaderLine = spot.line;
  for (;;) {
    if (line.first === line.start && !isQuiet(text, line) && !isItem(text, line)) {
      const entry = readKey(text, line);
      return entry ? { entry, line } : null;
    }
    if (line.start <= block.contentStart) return null;
    const nl = line.start - 1;
    line = lineOf(text, Math.max(text.lastIndexOf('\n', nl - 1) + 1, block.contentStart), nl);
  }
}
