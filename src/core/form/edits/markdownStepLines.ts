/**
 * Removing and reordering markdown steps as whole lines: a task item (or plain bullet) with its
 * continuation lines, or a task table row. Every moved line keeps its own bytes; line endings stay
 * where they were, so a file without a final line break still has none.
 */
import type { FoundStep } from '../../edits/findStep';
import { quote } from '../../edits/findStep';
import { EditRecorder } from '../../edits/editRecorder';
import type { EditOutcome, Milestone, Step } from '../../model';
import { hasNestedItems, itemBlockEnd, TextLines } from './textLines';

/** The last line of a step's block: a table row is one line, an item takes its continuation lines. */
function blockEnd(lines: TextLines, step: Step): number {
  return step.source.kind === 'table-row' ? step.line : itemBlockEnd(lines, step.line);
}

/** Deletes the found step's line(s). Refuses an item with nested items (they would lose their parent). */
export function removeMarkdownStep(text: string, found: FoundStep): EditOutcome {
  const { step } = found;
  const lines = new TextLines(text);
  if (!lines.line(step.line)) return { kind: 'refused', reason: `the step ${quote(step.text)} is no longer in the file; reload and retry` };
  if (step.source.kind === 'criterion' && step.section === 'deliverables' && isHeaderLine(found.milestone, step)) {
    return { kind: 'refused', reason: `the deliverable ${quote(step.text)} is part of the header; remove it in the deliverables field` };
  }
  if (step.source.kind !== 'table-row' && hasNestedItems(lines, step.line)) {
    return { kind: 'refused', reason: `the step ${quote(step.text)} has nested items; remove or move them first, so they do not end up under another item` };
  }
  return { kind: 'ok', edits: [lines.deleteLines(step.line, blockEnd(lines, step))] };
}

/**
 * Moves the found step to position `to` among the steps of its group (its milestone's steps under
 * the same section), taking its nested lines along. Refuses a target in another list or at another
 * depth: a move never changes what an item is nested under.
 */
export function moveMarkdownStep(text: string, found: FoundStep, to: number): EditOutcome {
  const { step, milestone } = found;
  const group = milestone.steps.filter((s) => s.section === step.section);
  const from = group.indexOf(step);
  const target = group[to];
  if (target === undefined || to < 0) return { kind: 'refused', reason: `there is no position ${to + 1} to move ${quote(step.text)} to` };
  if (target === step) return { kind: 'ok', edits: [] };
  if (step.source.kind === 'criterion' && isHeaderLine(milestone, step)) {
    return { kind: 'refused', reason: `the deliverable ${quote(step.text)} is part of the header; reorder it in the deliverables field` };
  }
  if (target.depth !== step.depth || (target.source.kind === 'table-row') !== (step.source.kind === 'table-row')) {
    return { kind: 'refused', reason: `${quote(step.text)} can only move among the items of its own list` };
  }
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const between = group.slice(lo, hi + 1);
  if (between.some((s) => s.depth < step.depth)) {
    return { kind: 'refused', reason: `${quote(step.text)} can only move among the items of its own list` };
  }
  const lines = new TextLines(text);
  const siblings = between.filter((s) => s.depth === step.depth);
  const blocks = siblings.map((s) => ({ step: s, first: s.line, last: blockEnd(lines, s) }));
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.first <= blocks[i - 1]!.last) return { kind: 'refused', reason: `${quote(step.text)} can only move among the items of its own list` };
  }
  const slice = (a: number, b: number): string[] => {
    const out: string[] = [];
    for (let i = a; i <= b; i++) out.push(lines.content(i));
    return out;
  };
  const contents = blocks.map((b) => slice(b.first, b.last));
  const gaps = blocks.slice(0, -1).map((b, i) => slice(b.last + 1, blocks[i + 1]!.first - 1));
  const moving = from < to ? 0 : contents.length - 1;
  const order = contents.slice();
  const [moved] = order.splice(moving, 1);
  order.splice(from < to ? order.length : 0, 0, moved!);
  const rewritten: string[] = [];
  order.forEach((block, i) => { rewritten.push(...block); if (i < gaps.length) rewritten.push(...gaps[i]!); });
  const first = blocks[0]!.first;
  const last = blocks[blocks.length - 1]!.last;
  const recorder = new EditRecorder(text);
  recorder.apply([lines.rewriteLines(first, last, rewritten)]);
  return { kind: 'ok', edits: recorder.edits() };
}

/** True for a KB deliverable read from the header (its line lies before the body's first step line). */
function isHeaderLine(milestone: Milestone, step: Step): boolean {
  return milestone.convention === 'kb' && step.section === 'deliverables' && step.source.kind === 'criterion';
}
