import type { FileNote } from './collectMilestones';
import type { FileReading } from '../core/model';
import { displayWidth, padEnd, truncate } from './displayWidth';

const TITLE_WIDTH = 48;
const FILE_WIDTH = 60;

/** One table row: file, convention, title, done/total, status. */
export type TableRow = readonly string[];

/**
 * The rows of one file's reading in the `list` table, one a milestone; `folder` is given when several
 * folders were (it prefixes the file). Made while the scan goes on (see `collectSummaries`).
 */
export function tableRows(reading: FileReading, folder: string | null): TableRow[] {
  return reading.milestones.map((m) => {
    const file = folder !== null ? `${folder.replace(/\\/g, '/').replace(/\/$/, '')}/${m.file}` : m.file;
    return [truncate(file, FILE_WIDTH), m.convention, truncate(m.title.replace(/\s+/g, ' '), TITLE_WIDTH), `${m.progress.done}/${m.progress.total}`, m.status ?? '-'];
  });
}

/**
 * The `list` table for people: one row a milestone (`tableRows` of each file, in order), columns
 * aligned, then the notes (`file:line  severity  message`) and a one-line summary over `files`
 * milestone files.
 */
export function listTable(fileRows: readonly (readonly TableRow[])[], notes: readonly FileNote[], severalFolders: boolean): string {
  const header = ['FILE', 'CONVENTION', 'TITLE', 'DONE', 'STATUS'];
  const rows = fileRows.flat();
  let out = '';
  if (rows.length === 0) out += 'No milestone files found.\n';
  else {
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
    const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!))).join('  ') + '\n';
    out += line(header);
    for (const row of rows) out += line(row);
  }
  if (notes.length > 0) {
    out += '\nNotes:\n';
    for (const n of notes) {
      const file = severalFolders ? `${n.folder.replace(/\/$/, '')}/${n.file}` : n.file;
      out += `  ${file}${n.line !== null ? `:${n.line}` : ''}  ${n.severity}  ${n.message}\n`;
    }
  }
  const files = fileRows.length;
  out += `\n${rows.length} milestone${rows.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`;
  return out;
}
