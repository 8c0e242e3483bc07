/**
 * Form edits on the `steps` of a session JSON milestone: a step's text, status and notes; adding,
 * removing and moving a step. The stored `progress` and `updated_at` follow whenever the counted
 * steps change, as when the tree ticks a step.
 */
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import { refreshStoredStamps, timestampStyleOf } from '../../edits/jsonStepEdits';
import { formatTimestamp } from '../../edits/timestampStyle';
import type { EditContext } from '../../edits/toggleStep';
import type { EditOutcome, Milestone } from '../../model';
import { openJson, valueOf } from './jsonEditor';
import type { JsonEditor } from './jsonEditor';

const DONE = /^(completed|complete|done)$/i;
const GONE = (n: number): EditOutcome => ({ kind: 'refused', reason: `the file has no step ${n + 1} any more; it may have changed on disk` });

/** The key holding a step's text: the reader's order (`description`, `title`, `name`), else `description`. */
function labelKey(step: Node): string | null {
  if (step.type === 'string') return null;
  const value = valueOf(step) as Record<string, unknown>;
  return ['description', 'title', 'name'].find((k) => typeof value[k] === 'string') ?? 'description';
}

function stepsOf(editor: JsonEditor): Node[] | null {
  const steps = editor.node(['steps']);
  return steps?.type === 'array' ? steps.children ?? [] : null;
}

/** Sets the text of `steps[index]`. */
export function setJsonStepText(text: string, index: number, value: string): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  const step = stepsOf(editor)?.[index];
  if (!step) return GONE(index);
  const key = labelKey(step);
  if (key === null) editor.set(['steps', index], value);
  else if ((valueOf(step) as Record<string, unknown>)[key] !== value) editor.set(['steps', index, key], value);
  return editor.outcome();
}

/** Sets the status word and/or notes of `steps[index]`; completing stamps `completed_by` / `completed_at`, leaving completed removes them. */
export function setJsonStepFields(text: string, milestone: Milestone, index: number, change: { status?: string; notes?: string }, context: EditContext): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  const step = stepsOf(editor)?.[index];
  if (!step || step.type !== 'object') return GONE(index);
  const old = valueOf(step) as Record<string, unknown>;
  const path = ['steps', index];
  const wasDone = typeof old['status'] === 'string' && DONE.test(old['status'].trim());
  let isDone = wasDone;
  let changed = false;
  if (change.status !== undefined && change.status !== old['status']) {
    changed = true;
    isDone = DONE.test(change.status.trim());
    editor.set([...path, 'status'], change.status);
    if (isDone && !wasDone) {
      editor.set([...path, 'completed_by'], context.identity, { after: 'status' });
      const stamp = formatTimestamp(context.now, timestampStyleOf(editor.root, ['completed_at']));
      editor.set([...path, 'completed_at'], stamp, { after: 'completed_by' });
    } else if (!isDone && wasDone) {
      if ('completed_by' in old) editor.set([...path, 'completed_by'], undefined);
      if ('completed_at' in old) editor.set([...path, 'completed_at'], undefined);
    }
  }
  if (change.notes !== undefined && change.notes !== old['notes']) {
    changed = true;
    editor.set([...path, 'notes'], change.notes);
  }
  if (changed) {
    const done = milestone.progress.done - (wasDone ? 1 : 0) + (isDone ? 1 : 0);
    refreshStoredStamps(editor.root, { done, total: milestone.progress.total }, context.now, (p, v) => editor.set(p, v));
  }
  return editor.outcome();
}

/** True when the steps carry `step` numbers 1..n in order: only then are they renumbered after a change. */
function numberedInOrder(steps: readonly Node[]): boolean {
  return steps.length > 0 && steps.every((s, i) => s.type === 'object' && (valueOf(s) as Record<string, unknown>)['step'] === i + 1);
}

/** Rewrites `step` numbers to 1..n on the changed text. */
function renumber(editor: JsonEditor): void {
  const now = editor.nodeNow(['steps']);
  (now?.children ?? []).forEach((_, i) => {
    const n = editor.nodeNow(['steps', i, 'step']);
    if (n && n.value !== i + 1) editor.replace({ start: n.offset, end: n.offset + n.length, newText: String(i + 1) });
  });
}

/** Appends a pending step `{ step: n+1, <label>: text, status: "pending", notes: "" }` shaped like the last step. */
export function addJsonStep(text: string, milestone: Milestone, value: string, context: EditContext): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  const steps = stepsOf(editor);
  if (steps === null) return { kind: 'refused', reason: 'the milestone has no "steps" list to add to' };
  const last = steps.at(-1);
  const like = last?.type === 'object' ? valueOf(last) as Record<string, unknown> : null;
  let step: unknown;
  if (last?.type === 'string') {
    step = value;
  } else {
    const o: Record<string, unknown> = {};
    if (!like || 'step' in like) o['step'] = typeof like?.['step'] === 'number' ? like['step'] + 1 : steps.length + 1;
    o[last ? labelKey(last) ?? 'description' : 'description'] = value;
    o['status'] = 'pending';
    if (!like || 'notes' in like) o['notes'] = '';
    step = o;
  }
  editor.set(['steps', steps.length], step, { insert: true });
  refreshStoredStamps(editor.root, { done: milestone.progress.done, total: milestone.progress.total + 1 }, context.now, (p, v) => editor.set(p, v));
  return editor.outcome();
}

/**
 * Removes `steps[index]` (its comma with it). `step` numbers are renumbered only when they were
 * 1..n before: other numbering (ids, gaps) is the author's and stays.
 */
export function removeJsonStep(text: string, milestone: Milestone, index: number, context: EditContext): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  const steps = stepsOf(editor);
  const step = steps?.[index];
  if (!steps || !step) return GONE(index);
  const numbered = numberedInOrder(steps);
  const status = step.type === 'object' ? (valueOf(step) as Record<string, unknown>)['status'] : undefined;
  const wasDone = typeof status === 'string' && DONE.test(status.trim());
  editor.set(['steps', index], undefined);
  if (numbered) renumber(editor);
  refreshStoredStamps(editor.root, { done: milestone.progress.done - (wasDone ? 1 : 0), total: milestone.progress.total - 1 }, context.now, (p, v) => editor.set(p, v));
  return editor.outcome();
}

/**
 * Moves `steps[index]` to position `to`: the element texts change places, the separators between
 * them stay, so every element keeps its own formatting. `step` numbers 1..n stay 1..n.
 */
export function moveJsonStep(text: string, index: number, to: number): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  const steps = stepsOf(editor);
  if (!steps || !steps[index]) return GONE(index);
  if (to < 0 || to >= steps.length) return { kind: 'refused', reason: `there is no position ${to + 1} to move step ${index + 1} to` };
  if (to === index) return { kind: 'ok', edits: [] };
  const numbered = numberedInOrder(steps);
  const lo = Math.min(index, to);
  const hi = Math.max(index, to);
  const texts = steps.map((s) => editor.text.slice(s.offset, s.offset + s.length));
  const order = texts.slice(lo, hi + 1);
  const [moved] = order.splice(index < to ? 0 : order.length - 1, 1);
  order.splice(index < to ? order.length : 0, 0, moved!);
  let out = '';
  for (let i = lo; i <= hi; i++) {
    out += order[i - lo];
    if (i < hi) out += editor.text.slice(steps[i]!.offset + steps[i]!.length, steps[i + 1]!.offset);
  }
  editor.replace({ start: steps[lo]!.offset, end: steps[hi]!.offset + steps[hi]!.length, newText: out });
  if (numbered) renumber(editor);
  return editor.outcome();
}
