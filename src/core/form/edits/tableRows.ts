/**
 * Finding a pipe-table row of a markdown file again by its line, with its table's header, so a form
 * edit can address one cell by column name. Cell offsets come from the same splitter the readers use.
 */
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import type { MarkdownScan, ScanCell, ScanTable } from '../../markdown/markdownScan';
import { scanMarkdownKeeping, noBullets } from '../../markdown/scanMarkdown';
import { splitCells } from '../../markdown/tableCells';
import type { TextLines } from './textLines';

/** A row of a table: its line and cells (trimmed, with offsets into the text). */
export interface FoundRow {
  readonly table: ScanTable;
  readonly line: number;
  readonly cells: readonly ScanCell[];
}

/** The markdown scan of the body of `text` (after its header), without plain bullets. */
export function scanBody(text: string): MarkdownScan {
  const fm = readFrontmatter(text);
  return scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets);
}

/** The table row on `line` in `scan`, or null when that line is no table body row. */
export function rowAt(scan: MarkdownScan, lines: TextLines, line: number): FoundRow | null {
  for (const table of scan.tables) {
    if (!table.rows.some((r) => r.line === line)) continue;
    const l = lines.line(line)!;
    return { table, line, cells: splitCells(lines.text, l.start, l.end) };
  }
  return null;
}

/** Index of the header cell matching `name`, or -1. */
export function columnOf(table: ScanTable, name: RegExp): number {
  return table.header.findIndex((c) => name.test(c.text));
}

/** Text for a table cell: a `|` not already escaped is written `\|` so it does not split the cell. */
export function escapeCell(text: string): string {
  return text.replace(/(^|[^\\])\|/g, '$1\\|').replace(/(^|[^\\])\|/g, '$1\\|');
}

/**
 * The edit that puts `value` in `cell` of a row whose content [rowStart, rowEnd) holds it: only the
 * trimmed content changes, the spaces around it stay. An empty cell gets the value after one space,
 * with a space before the closing pipe when there was room for none.
 */
export function cellEdit(text: string, cell: ScanCell, value: string): { start: number; end: number; newText: string } | null {
  if (cell.text === value) return null;
  if (cell.length > 0 || value === '') return { start: cell.offset, end: cell.offset + cell.length, newText: value };
  // An empty cell's offset is where its spaces end (just before the next pipe); look at them.
  let a = cell.offset;
  while (a > 0 && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
  const spaces = cell.offset - a;
  if (spaces >= 2) return { start: a + 1, end: a + 1, newText: value };
  if (spaces === 1) return { start: cell.offset, end: cell.offset, newText: value + ' ' };
  return { start: cell.offset, end: cell.offset, newText: ` ${value} ` };
}
