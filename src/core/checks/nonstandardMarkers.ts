import type { Step } from '../model';
import type { Problem } from '../problems';
import type { TextPlacer } from './textPlacer';

/** Markers that clearly mean done: an `x` with a suffix (`[x]*`, Kiro's optional task done). */
const DONE_MARKER = /^\[[xX]\]/;

/**
 * `nonstandard-marker` (info) on each marker GitHub does not render as a checkbox: `[-]`, `[~]`,
 * `[/]`, `[]`, `[ ]*`, a bare `[ ]` outside a list. The fix writes `[x]` when the marker says done
 * (`[x]*`, a bare `[x]`) and `[ ]` otherwise: `[-]` / `[~]` / `[/]` mean "in progress", which is
 * not done. A bare marker's fix keeps the marker; the fix adds the missing `- `. Placeholder
 * status cells of tables (`✅ / ⏳`) are flagged without a fix: no single mark is right.
 */
export function nonstandardMarkerProblems(file: string, steps: readonly Step[], place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  for (const s of steps) {
    if (s.state !== 'nonstandard') continue;
    if (s.source.kind === 'task') {
      const { marker, markerOffset } = s.source;
      const bare = !isListItem(place, s.line, markerOffset);
      const standard = DONE_MARKER.test(marker) ? '[x]' : '[ ]';
      out.push({
        file, severity: 'info', code: 'nonstandard-marker',
        range: place.range({ start: markerOffset, end: markerOffset + marker.length }),
        message: bare
          ? `\`${marker}\` outside a list is not a task item GitHub renders as a checkbox; write \`- ${standard}\``
          : `\`${marker}\` is not a task marker GitHub renders as a checkbox; it is shown but not counted: write \`${standard}\`${standard === '[ ]' && marker !== '[]' && !/^\[ \]/.test(marker) ? ' (it does not say done)' : ''}`,
        fixes: [{ kind: 'standard-marker', line: s.line, marker: standard }],
      });
    } else if (s.source.kind === 'table-row') {
      const { cell, cellOffset, cellLength } = s.source;
      out.push({
        file, severity: 'info', code: 'nonstandard-marker',
        range: place.range({ start: cellOffset, end: cellOffset + cellLength }),
        message: `status "${cell}" is not one mark: write ✅ (done), ⏳ (pending) or ⚠️ (at risk); the row is shown but not counted`,
      });
    }
  }
  return out;
}

/** True when the marker at `offset` follows a list bullet (`-`, `*`, `+`, `1.`) on its line. */
function isListItem(place: TextPlacer, line: number, offset: number): boolean {
  const before = place.text.slice(place.lines.lineStart(line), offset);
  return /(?:^|\s)(?:[-*+]|\d+[.)])\s+$/.test(before);
}
