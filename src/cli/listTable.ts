import type { Collected } from './collectMilestones';
import { displayWidth, padEnd, truncate } from './displayWidth';

const TITLE_WIDTH = 48;
const FILE_WIDTH = 60;

/**
 * The `list` table for people: one row a milestone (file, convention, title, done/total, status),
 * columns aligned, then the notes (`file:line  severity  message`) and a one-line summary.
 */
export function listTable(collected: Collected, severalFolders: boolean): string {
  const header = ['FILE', 'CONVENTION', 'TITLE', 'DONE', 'STATUS'];
  const rows: string[][] = [];
  for (const { folder, reading } of collected.readings) {
    for (const m of reading.milestones) {
      const file = severalFolders ? `${folder.replace(/\\/g, '/').replace(/\/$/, '')}/${m.file}` : m.file;
      rows.push([truncate(file, FILE_WIDTH), m.convention, truncate(m.title.replace(/\s+/g, ' '), TITLE_WIDTH), `${m.progress.done}/${m.progress.total}`, m.status ?? '-']);
    }
  }
  let out = '';
  if (rows.length === 0) out += 'No milestone files found.\n';
  else {
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
    const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!))).join('  ') + '\n';
    out += line(header);
    for (const row of rows) out += line(row);
  }
  if (collected.notes.length > 0) {
    out += '\nNotes:\n';
    for (const n of collected.notes) {
      const file = severalFolders ? `${n.folder.replace(/\/$/, '')}/${n.file}` : n.file;
      out += `  ${file}${n.line !== null ? `:${n.line}` : ''}  ${n.severity}  ${n.message}\n`;
    }
  }
  const files = collected.readings.length;
  out += `\n${rows.length} milestone${rows.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`;
  return out;
}
