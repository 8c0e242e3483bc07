import { scanBody } from '../../form/edits/tableRows';
import { listMarkerOf, TextLines } from '../../form/edits/textLines';
import type { Milestone } from '../../model';

const TASK = /^\[[ xX]\][ \t]+/;

/**
 * The milestone's deliverables (seed 004): the list under its `**Deliverables:**` line (numbered as
 * in the template, or bullets, or checkboxes, their marks dropped) or a `Deliverables` sub-heading, else the value of an
 * inline `**Deliverables:** A, B` field split on commas. The reader keeps no numbered list and no
 * field without a value, so this reads the milestone's lines itself. Empty when there is none.
 */
export function milestoneDeliverables(text: string, milestone: Milestone): string[] {
  const inline = milestone.fields['deliverables'];
  if (typeof inline === 'string' && inline.trim() !== '') {
    return inline.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }
  const scan = scanBody(text);
  const lines = new TextLines(text);
  const inside = (line: number): boolean => line > milestone.line && line <= milestone.endLine;
  const starts = [
    ...scan.fields.filter((f) => inside(f.line) && /^deliverables?$/i.test(f.key.trim()) && f.value === '').map((f) => f.line),
    ...scan.headings.filter((h) => inside(h.line) && /^deliverables?[ \t]*:?$/i.test(h.text.trim())).map((h) => h.line),
  ].sort((a, b) => a - b);
  const first = starts[0];
  if (first === undefined) return [];
  const names: string[] = [];
  let indent: string | null = null;
  for (let n = first + 1; n <= milestone.endLine && n < lines.count; n++) {
    if (lines.blank(n)) {
      if (names.length > 0) break;
      continue;
    }
    const marker = listMarkerOf(lines.content(n));
    if (marker === null) {
      // A continuation line of the item above, or the end of the list.
      if (names.length > 0 && lines.indent(n) > 0) continue;
      break;
    }
    indent ??= marker.indent;
    if (marker.indent.length > indent.length) continue;
    const item = lines.content(n).slice(marker.contentAt).trim().replace(TASK, '');
    if (item !== '') names.push(item);
  }
  return names;
}
