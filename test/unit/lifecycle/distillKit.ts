// The texts a distilled milestone folder is expected to hold, written out once for the core and the
// command-line tests.

/** The placeholder comment of each summary section the notes said nothing for. */
const PLACEHOLDERS = {
  Changes: '<!-- What was built or changed, one fact a line. -->',
  Decisions: '<!-- Decisions made, and why. -->',
  Discoveries: '<!-- What was found out about the system or the data. -->',
} as const;

/** A `0-milestone-summary.md`: title, "Distilled from" line, the three sections (empty: their placeholder), Current State. */
export function expectedSummary(title: string, from: string, sections: { readonly [K in keyof typeof PLACEHOLDERS]?: readonly string[] }): string {
  const lines = [`# ${title}`, '', `Distilled from ${from}.`];
  for (const name of ['Changes', 'Decisions', 'Discoveries'] as const) {
    const items = sections[name] ?? [];
    lines.push('', `## ${name}`, ...(items.length > 0 ? items : [PLACEHOLDERS[name]]));
  }
  return [...lines, '', '## Current State', '<!-- What works now and what is left to do, one line each. -->', ''].join('\n');
}
