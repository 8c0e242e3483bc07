import type { MarkdownScan, ScanTask } from '../markdown/markdownScan';
import { statusWordOf } from './status';

/** `- [ ] -> Not started`, `- [x] = done`, `- [~] → in progress`: the item explains its marker. */
const EXPLAINS = /^(?:-+>|=+>|→|⇒|⟶|➔|=|:|—|–)\s*\S/;
/** A section that explains the markers: `Legend`, `Status legend`, `Key`, `Symbols`. */
const LEGEND_HEADING = /\blegend\b|^(?:status |checkbox |marker )?(?:key|symbols|markers)\s*:?$/i;

/**
 * The task items of a scan that are a legend of the markers rather than steps:
 * - an item whose text explains its marker (`- [ ] -> Not started`, `- [x] = Done`);
 * - any item under a heading such as `Legend`, `Status key`, `Symbols`;
 * - two or more items on consecutive lines, at one depth, whose texts are only status words and
 *   whose markers differ (`- [ ] Not started` / `- [~] In progress` / `- [x] Done`).
 * Empty for the many scans without one; a set of the scan's own task objects otherwise.
 */
export function legendTasks(scan: MarkdownScan): ReadonlySet<ScanTask> {
  const out = new Set<ScanTask>();
  const tasks = scan.tasks;
  const underLegend = (h: number): boolean => {
    for (let a = h; a >= 0; a = scan.headings[a]!.parent) if (LEGEND_HEADING.test(scan.headings[a]!.text)) return true;
    return false;
  };
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    if (EXPLAINS.test(t.text) || (t.heading >= 0 && underLegend(t.heading))) { out.add(t); continue; }
    // A run of status words with different markers: the legend written as a plain list.
    let j = i;
    while (j < tasks.length && statusWordOf(tasks[j]!.text) !== null && (j === i || runs(tasks[j - 1]!, tasks[j]!))) j++;
    if (j - i >= 2 && new Set(tasks.slice(i, j).map((x) => x.marker.toLowerCase())).size >= 2) {
      for (let k = i; k < j; k++) out.add(tasks[k]!);
      i = j - 1;
    }
  }
  return out;
}

/** True when `next` follows `prev` directly: the next line, the same depth and section. */
function runs(prev: ScanTask, next: ScanTask): boolean {
  return next.line === prev.line + 1 && next.depth === prev.depth && next.heading === prev.heading;
}

/** The scan without its legend items (`legendTasks`); the same object when it has none. */
export function withoutLegends(scan: MarkdownScan): MarkdownScan {
  if (scan.tasks.length === 0) return scan;
  const legend = legendTasks(scan);
  return legend.size === 0 ? scan : { ...scan, tasks: scan.tasks.filter((t) => !legend.has(t)) };
}
