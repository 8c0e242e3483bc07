/**
 * Form edits on an ExecPlan "Current Health Snapshot" table: a row's status or notes cell, adding and
 * removing a row. Only the cell's content changes and its padding stays: a longer value makes its
 * row longer. We deliberately do not re-pad an aligned table: realigning would rewrite every row, and
 * a minimal edit (a small diff, a clean undo) matters more than aligned pipes.
 */
import { findHeading, isUnder } from '../../conventions/readerKit';
import type { HealthRef } from '../../../protocol/formProtocol';
import type { EditOutcome, FileReading, HealthRow } from '../../model';
import type { ScanTable } from '../../markdown/markdownScan';
import { splitCells } from '../../markdown/tableCells';
import { cellEdit, columnOf, escapeCell, rowAt, scanBody } from './tableRows';
import type { FoundRow } from './tableRows';
import { TextLines } from './textLines';

type Found = { readonly kind: 'found'; readonly row: FoundRow; readonly health: HealthRow } | { readonly kind: 'refused'; readonly reason: string };

/** Finds the health row `ref` names again: the row with that area on `ref.line`, else the only row with that area. */
function findRow(text: string, reading: FileReading, ref: HealthRef): Found {
  const rows = reading.milestones.flatMap((m) => m.health).filter((h) => h.area === ref.area);
  const health = rows.find((h) => h.line === ref.line) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!health) {
    const reason = rows.length === 0
      ? `the health row "${ref.area}" is no longer in the file; it may have changed on disk`
      : `the health row "${ref.area}" appears ${rows.length} times and none is on line ${ref.line + 1} any more; edit the file by hand`;
    return { kind: 'refused', reason };
  }
  const row = rowAt(scanBody(text), new TextLines(text), health.line);
  if (!row) return { kind: 'refused', reason: `the health row "${ref.area}" is not where it was read from; reload and retry` };
  return { kind: 'found', row, health };
}

/** Sets the status cell of the row. A status emoji followed by words (`⏳ waiting`) changes only the emoji. */
export function setHealthStatus(text: string, reading: FileReading, ref: HealthRef, status: string): EditOutcome {
  const found = findRow(text, reading, ref);
  if (found.kind === 'refused') return found;
  const cell = found.row.cells[columnOf(found.row.table, /^status$/i)];
  if (!cell) return { kind: 'refused', reason: `the health row "${ref.area}" has no status cell` };
  const lead = /^(?:✅|⏳|⚠\uFE0F?|❌|🚧)(?=[ \t])/u.exec(cell.text);
  if (lead) {
    if (lead[0] === status) return { kind: 'ok', edits: [] };
    return { kind: 'ok', edits: [{ start: cell.offset, end: cell.offset + lead[0].length, newText: status }] };
  }
  const edit = cellEdit(text, cell, status);
  return { kind: 'ok', edits: edit ? [edit] : [] };
}

/** Sets the notes cell of the row (a `|` is written `\|`). */
export function setHealthNotes(text: string, reading: FileReading, ref: HealthRef, notes: string): EditOutcome {
  if (/[\r\n]/.test(notes)) return { kind: 'refused', reason: 'a table cell holds one line; remove the line break from the notes' };
  const found = findRow(text, reading, ref);
  if (found.kind === 'refused') return found;
  const cell = found.row.cells[columnOf(found.row.table, /^notes?$/i)];
  if (!cell) return { kind: 'refused', reason: `the health table has no Notes column to write to` };
  const edit = cellEdit(text, cell, escapeCell(notes.trim()));
  return { kind: 'ok', edits: edit ? [edit] : [] };
}

/** Deletes the row's line. */
export function removeHealthRow(text: string, reading: FileReading, ref: HealthRef): EditOutcome {
  const found = findRow(text, reading, ref);
  if (found.kind === 'refused') return found;
  return { kind: 'ok', edits: [new TextLines(text).deleteLines(found.row.line, found.row.line)] };
}

/** Adds a row after the last one, written like it (pipes, spaces); other cells stay empty. */
export function addHealthRow(text: string, area: string, status: string, notes: string): EditOutcome {
  if (/[\r\n]/.test(area + notes)) return { kind: 'refused', reason: 'a table cell holds one line; remove the line break' };
  const scan = scanBody(text);
  const h = findHeading(scan, /^current health snapshot/i);
  const table = h < 0 ? undefined : scan.tables.find((t: ScanTable) => isUnder(scan, t.heading, h) && columnOf(t, /^status$/i) >= 0);
  if (!table) return { kind: 'refused', reason: 'the milestone has no Current Health Snapshot table to add a row to' };
  const lines = new TextLines(text);
  const last = table.rows.at(-1);
  const templateLine = last ? last.line : table.line;
  const l = lines.line(templateLine)!;
  const cells = splitCells(text, l.start, l.end);
  const values = new Map<number, string>([
    [Math.max(0, columnOf(table, /^area$/i)), escapeCell(area.trim())],
    [columnOf(table, /^status$/i), status],
  ]);
  const ni = columnOf(table, /^notes?$/i);
  if (ni >= 0) values.set(ni, escapeCell(notes.trim()));
  // Cell by cell from the right, so the offsets to the left stay valid.
  let row = text.slice(l.start, l.end).replace(/^\uFEFF/, '');
  const shift = l.end - l.start - row.length;
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i]!;
    const edit = cellEdit(text, cell, values.get(i) ?? '');
    if (!edit) continue;
    row = row.slice(0, edit.start - l.start - shift) + edit.newText + row.slice(edit.end - l.start - shift);
  }
  const after = last ? last.line : table.line + 1;
  return { kind: 'ok', edits: [lines.insertAfter(after, [row])] };
}
