// The texts a distilled milestone folder is expected to hold, written out once for the core and the
// command-line tests.

/** The placeholder comment of each summary section the notes said nothing for. */
const PLACEHOLDERS = {
  'Changes': '<!-- What was built or changed, one fact a line. -->',
  'Decisions': '<!-- Decisions made, and why. -->',
  'Discoveries': '<!-- What was found out about the system or the data. -->',
  'Current State': '<!-- What works now and what is left to do, one line each. -->',
} as const;

/** A `0-milestone-summary.md`: title, "Distilled from" line, the four sections (empty: their placeholder). */
export function expectedSummary(title: string, from: string, sections: { readonly [K in keyof typeof PLACEHOLDERS]?: readonly string[] }): string {
  const lines = [`# ${title}`, '', `Distilled from ${from}.`];
  for (const name of ['Changes', 'Decisions', 'Discoveries', 'Current State'] as const) {
    const items = sections[name] ?? [];
    lines.push('', `## ${name}`, ...(items.length > 0 ? items : [PLACEHOLDERS[name]]));
  }
  return [...lines, ''].join('\n');
}

/**
 * What the summary distilled from examples/handoffs/2-search-index.md holds: its Summary sentence as
 * a change, its Next Steps as the current state, each linked to the note; its Problems & Solutions
 * go to the lessons, and no heading name is copied as if it were content.
 */
export const SEARCH_INDEX_SECTIONS = {
  'Changes': ['- The index builder reads every rendered page and writes `search-index.json`. ([2-search-index.md](2-search-index.md))'],
  'Current State': [
    '- Done: Build the index at compile time ([2-search-index.md](2-search-index.md))',
    '- To do: Compress the index with gzip ([2-search-index.md](2-search-index.md))',
    '- To do: Measure query time on 10,000 pages ([2-search-index.md](2-search-index.md))',
  ],
} as const;
