// Hand-built readings, so the edit functions can be tested without the readers.
import type { ConventionId, FileReading, Step, StepState } from '../../../src/core/model';
import { progressOf } from '../../../src/core/model';

/** 0-based line of the first line of `text` containing `needle`, and that line's start offset. */
function locate(text: string, needle: string, nth = 0): { line: number; lineStart: number; lineText: string } {
  const lines = text.split('\n');
  let offset = 0;
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    if (lines[line]!.includes(needle) && seen++ === nth) return { line, lineStart: offset, lineText: lines[line]! };
    offset += lines[line]!.length + 1;
  }
  throw new Error(`fixture: no line contains ${needle}`);
}

/** The task item on the (nth) line containing `needle`: its text is what follows the marker. */
export function task(text: string, needle: string, section: string | null, nth = 0, depth = 0): Step {
  const { line, lineStart, lineText } = locate(text, needle, nth);
  const at = lineText.indexOf('[');
  const marker = lineText.slice(at, lineText.indexOf(']', at) + 1);
  const inside = marker.slice(1, -1);
  const state: StepState = inside === ' ' ? 'open' : inside === 'x' || inside === 'X' ? 'done' : 'nonstandard';
  return {
    text: lineText.slice(at + marker.length).replace(/\r$/, '').trim(),
    state, line, section, depth,
    source: { kind: 'task', marker, markerOffset: lineStart + at },
  };
}

/** The ExecPlan table row on the line containing `needle`; its status is the last cell. */
export function row(text: string, needle: string, stepText: string, section: string | null): Step {
  const { line, lineStart, lineText } = locate(text, needle);
  const body = lineText.replace(/\r$/, '').replace(/\|\s*$/, '');
  const cellStart = body.lastIndexOf('|') + 1;
  const cell = body.slice(cellStart);
  const state: StepState = cell.includes('\u2705') ? 'done' : 'open';
  return { text: stepText, state, line, section, depth: 0, source: { kind: 'table-row', cell: cell.trim(), cellOffset: lineStart + cellStart, cellLength: cell.length } };
}

/** A session JSON step, found by its description. */
export function jsonStep(text: string, description: string, index: number, done: boolean): Step {
  const { line } = locate(text, `"${description}"`);
  return { text: description, state: done ? 'done' : 'open', line, section: null, depth: 0, source: { kind: 'json-step', index, status: done ? 'completed' : 'pending' } };
}

export function criterion(text: string, needle: string, section: string | null): Step {
  const { line } = locate(text, needle);
  return { text: needle, state: 'info', line, section, depth: 0, source: { kind: 'criterion' } };
}

/** One milestone holding `steps`. */
export function reading(convention: ConventionId, steps: readonly Step[], file = 'm.md'): FileReading {
  return {
    file,
    convention,
    notes: [],
    milestones: [{
      convention, file, id: null, title: 'T', status: null, statusCategory: 'unknown', line: 0, endLine: 999,
      group: '', fields: {}, steps, health: [], progress: progressOf(steps),
    }],
  };
}
