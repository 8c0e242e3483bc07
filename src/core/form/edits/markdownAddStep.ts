/**
 * Adding a task item to a markdown milestone: after the last item of the section's list (or after a
 * given item), written like its neighbour (same indentation, bullet char or numbering, spaces), with
 * the file's line ending. A section without a list gets one under its heading.
 */
import { findStep, quote } from '../../edits/findStep';
import type { EditOutcome, FileReading, Milestone, Step, StepRef } from '../../model';
import { scanBody } from './tableRows';
import { itemBlockEnd, listMarkerOf, TextLines } from './textLines';

/** What to add, and where. */
export interface AddStepRequest {
  readonly milestone: number;
  readonly section: string | null;
  readonly text: string;
  readonly after?: StepRef;
}

/** The edit adding `- [ ] text` as the request says (the caller has refused multi-line texts). */
export function addMarkdownStep(text: string, reading: FileReading, request: AddStepRequest): EditOutcome {
  const lines = new TextLines(text);
  let reference: Step | undefined;
  if (request.after) {
    const found = findStep(reading, request.after);
    if (found.kind === 'refused') return found;
    reference = found.found.step;
  } else {
    const milestone = reading.milestones[request.milestone];
    if (!milestone) return { kind: 'refused', reason: 'the milestone is no longer in the file; it may have changed on disk' };
    const criteria = reading.convention === 'status-md' ? acceptanceCriteria(text, milestone) : null;
    if (criteria !== null && (request.section === null || request.section === milestone.title || /acceptance criteria/i.test(request.section) || criteria.items.some((s) => s.section === request.section))) {
      if (criteria.items.length === 0) return { kind: 'ok', edits: [lines.insertAfter(criteria.line, [newItem(lines, null, request.text)])] };
      reference = lastTop(criteria.items);
    } else {
      const tasks = milestone.steps.filter((s) => s.section === request.section && s.source.kind === 'task');
      if (tasks.length > 0) reference = lastTop(tasks);
      else return underHeading(text, lines, milestone, request);
    }
  }
  if (reference.source.kind !== 'task' && reference.source.kind !== 'criterion') {
    return { kind: 'refused', reason: `a task item cannot be added after ${quote(reference.text)}, which is not a list item` };
  }
  const end = itemBlockEnd(lines, reference.line);
  return { kind: 'ok', edits: [lines.insertAfter(end, [newItem(lines, reference.line, request.text)])] };
}

/** The last step of the least nested ones: a new item goes after it (and after its nested lines). */
function lastTop(steps: readonly Step[]): Step {
  const depth = Math.min(...steps.map((s) => s.depth));
  return steps.filter((s) => s.depth === depth).at(-1)!;
}

/**
 * A new open task item line written like the item on line `like` (its indentation, bullet, the next
 * number of an ordered list, the spaces after the marker), or like the file's first list item.
 */
function newItem(lines: TextLines, like: number | null, text: string): string {
  let marker = like !== null ? listMarkerOf(lines.content(like)) : null;
  if (marker === null) {
    for (let i = 0; i < lines.count && marker === null; i++) {
      const m = listMarkerOf(lines.content(i));
      if (m && /^\[[ xX]\]/.test(lines.content(i).slice(m.contentAt))) marker = { ...m, indent: '' };
    }
  }
  if (marker === null) return `- [ ] ${text}`;
  let bullet = marker.bullet;
  if (marker.delimiter !== '') {
    // A number as written keeps its width (`09.` → `10.`, `01.` → `02.`); a first item of a new list starts at 1.
    bullet = like === null ? '1' : String(Number(bullet) + 1).padStart(bullet.length, '0');
  }
  const spaces = marker.spaces === '' ? ' ' : marker.spaces;
  return `${marker.indent.replace(/^\uFEFF/, '')}${bullet}${marker.delimiter}${spaces}[ ] ${text}`;
}

/** The `**Acceptance Criteria:**` line of a STATUS.md milestone and the task items under it. */
function acceptanceCriteria(text: string, milestone: Milestone): { line: number; items: Step[] } | null {
  const scan = scanBody(text);
  const fields = scan.fields.filter((f) => f.line >= milestone.line && f.line <= milestone.endLine);
  const at = fields.findIndex((f) => /^acceptance criteria$/i.test(f.key));
  if (at < 0) return null;
  const line = fields[at]!.line;
  const next = fields.slice(at + 1).find((f) => f.line > line)?.line ?? milestone.endLine + 1;
  const headingAfter = scan.headings.find((h) => h.line > line)?.line ?? Infinity;
  const stop = Math.min(next, headingAfter);
  const items = milestone.steps.filter((s) => s.source.kind === 'task' && s.line > line && s.line < stop);
  return { line, items };
}

/** A new list under the section's heading, with blank lines where the file would have them. */
function underHeading(text: string, lines: TextLines, milestone: Milestone, request: AddStepRequest): EditOutcome {
  const scan = scanBody(text);
  const heading = scan.headings.find((h) => h.text === request.section && h.line >= milestone.line && h.line <= milestone.endLine);
  if (!heading) {
    const where = request.section !== null ? `"${request.section}"` : 'this milestone';
    return { kind: 'refused', reason: `there is no heading ${where} to add a list under any more; it may have changed on disk` };
  }
  const h = heading.line;
  const item = newItem(lines, null, request.text);
  const next = h + 1;
  if (next >= lines.count) return { kind: 'ok', edits: [lines.insertAfter(h, ['', item])] };
  if (lines.blank(next)) {
    const tail = next + 1 < lines.count && !lines.blank(next + 1) ? [''] : [];
    return { kind: 'ok', edits: [lines.insertAfter(next, [item, ...tail])] };
  }
  // Text right under the heading: the list goes first, a blank line keeps that text out of the item.
  return { kind: 'ok', edits: [lines.insertAfter(h, [item, ''])] };
}
