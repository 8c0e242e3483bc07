/**
 * Setting the text of a markdown step: a task item's text after its marker, a plain bullet's text
 * after its list marker, an ExecPlan task row's Description cell, or a KB `deliverables` entry in the
 * YAML header. Only the text span changes; the text is written as typed (a `|` in a table cell is
 * escaped so it does not split the cell).
 */
import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';
import { headerLineList, locateScalar } from '../../fixes/yamlHeaderMap';
import { writeScalar } from '../../fixes/yamlScalar';
import type { FoundStep } from '../../edits/findStep';
import { quote } from '../../edits/findStep';
import type { EditOutcome, TextEdit } from '../../model';
import { cellEdit, columnOf, escapeCell, rowAt, scanBody } from './tableRows';
import { listMarkerOf, TextLines } from './textLines';

const MOVED = 'is not where it was read from; the file may have changed, reload and retry';

/** The minimal edit that makes the found step say `value` (one line; the caller has checked that). */
export function markdownStepTextEdits(text: string, found: FoundStep, value: string): EditOutcome {
  const { step, milestone } = found;
  const lines = new TextLines(text);
  const line = lines.line(step.line);
  if (!line) return { kind: 'refused', reason: `the step ${quote(step.text)} ${MOVED}` };
  const source = step.source;
  let edit: TextEdit | null;
  switch (source.kind) {
    case 'task': {
      let t = source.markerOffset + source.marker.length;
      if (t > line.end) return { kind: 'refused', reason: `the step ${quote(step.text)} ${MOVED}` };
      while (t < line.end && (text[t] === ' ' || text[t] === '\t')) t++;
      edit = spanEdit(text, t, line.end, value, t === source.markerOffset + source.marker.length);
      break;
    }
    case 'criterion': {
      if (step.section === 'deliverables' && headerHolds(text, line.start)) {
        const index = milestone.steps.filter((s) => s.source.kind === 'criterion' && s.section === 'deliverables').indexOf(step);
        return deliverableEdit(text, index, value, step.text);
      }
      const marker = listMarkerOf(lines.content(step.line));
      if (!marker) return { kind: 'refused', reason: `the step ${quote(step.text)} ${MOVED}` };
      const t = line.start + marker.contentAt;
      edit = spanEdit(text, t, line.end, value, marker.spaces === '');
      break;
    }
    case 'table-row': {
      const row = rowAt(scanBody(text), lines, step.line);
      if (!row) return { kind: 'refused', reason: `the row ${quote(step.text)} ${MOVED}` };
      // The same columns the ExecPlan reader takes the label from (src/core/conventions/execplan.ts).
      const si = columnOf(row.table, /^status$/i);
      const di = columnOf(row.table, /^(description|task|name|deliverable|item|title|scope)$/i);
      const ii = columnOf(row.table, /^(id|#)$/i);
      const target = di >= 0 ? di : row.cells.findIndex((_, i) => i !== si && i !== ii);
      const cell = row.cells[target];
      if (!cell) return { kind: 'refused', reason: `the row ${quote(step.text)} has no description cell to write to` };
      // The label shows the ID before the description: an edit that keeps it writes only the rest.
      const id = ii >= 0 ? row.cells[ii]?.text ?? '' : '';
      const rest = id === '' || target === ii ? value : value === id ? '' : value.startsWith(id + ' ') ? value.slice(id.length + 1) : value;
      edit = cellEdit(text, cell, escapeCell(rest.trim()));
      break;
    }
    case 'json-step':
      return { kind: 'refused', reason: 'a JSON step is not a markdown step; this is a bug, please report it' };
  }
  return { kind: 'ok', edits: edit ? [edit] : [] };
}

/** Replaces the trimmed text in [from, lineEnd) with `value`; `needsSpace` when nothing separates it from the marker yet. */
function spanEdit(text: string, from: number, lineEnd: number, value: string, needsSpace: boolean): TextEdit | null {
  let end = lineEnd;
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (text.slice(from, end) === value) return null;
  if (from === end && needsSpace && value !== '') return { start: from, end, newText: ' ' + value };
  return { start: from, end, newText: value };
}

/** True when `offset` lies inside the YAML header. */
function headerHolds(text: string, offset: number): boolean {
  const split = splitFrontmatter(text);
  return split.kind === 'yaml' && offset >= split.contentStart && offset < split.contentEnd;
}

/** Sets `deliverables[index]` of the YAML header, in the entry's own quoting. */
function deliverableEdit(text: string, index: number, value: string, old: string): EditOutcome {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml' || index < 0) return { kind: 'refused', reason: `the deliverable ${quote(old)} ${MOVED}` };
  const found = locateScalar(text, headerLineList(text, split.contentStart, split.contentEnd), ['deliverables', index]);
  if (!found) return { kind: 'refused', reason: `the deliverable ${quote(old)} is not a one-line text; edit it by hand` };
  if (found.token.value === value) return { kind: 'ok', edits: [] };
  const { token, inFlow } = found;
  const newText = writeScalar(value, token.quote, token.quote === '' ? token.value : null, inFlow, true);
  return { kind: 'ok', edits: [{ start: token.start, end: token.end, newText }] };
}
