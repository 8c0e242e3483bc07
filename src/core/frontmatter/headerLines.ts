/** Where a top-level key of a YAML header stands, and the lines of its block-list items. */
export interface HeaderKeyLines {
  readonly line: number;
  readonly itemLines: readonly number[];
}

/**
 * Lines of the top-level keys of a YAML header and of the `- item` lines below each, by a cheap
 * line scan (no YAML parse, so it works the same whatever parsed the header). `firstLine` is the
 * file line of the content's first line. Used to place frontmatter list entries (KB deliverables).
 */
export function headerKeyLines(content: string, firstLine: number): Map<string, HeaderKeyLines> {
  const out = new Map<string, { line: number; itemLines: number[] }>();
  let current: { line: number; itemLines: number[] } | null = null;
  let line = firstLine;
  let pos = 0;
  while (pos <= content.length) {
    let end = content.indexOf('\n', pos);
    if (end === -1) end = content.length;
    const c = content.charCodeAt(pos);
    if (c !== 32 && c !== 45 && c !== 35 && pos < end && c !== 13) {
      const colon = content.indexOf(':', pos);
      current = null;
      if (colon !== -1 && colon < end) {
        const key = content.slice(pos, colon).trim().replace(/^["']|["']$/g, '');
        if (!out.has(key)) { current = { line, itemLines: [] }; out.set(key, current); }
      }
    } else if (current !== null) {
      let p = pos;
      while (p < end && content.charCodeAt(p) === 32) p++;
      if (content.charCodeAt(p) === 45 && (p + 1 >= end || content.charCodeAt(p + 1) === 32 || content.charCodeAt(p + 1) === 13)) {
        current.itemLines.push(line);
      }
    }
    if (end === content.length) break;
    pos = end + 1;
    line++;
  }
  return out;
}
