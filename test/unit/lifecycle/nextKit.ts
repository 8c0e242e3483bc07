// Shared by the next*.test.ts files: readings of in-memory texts, and lines found by their text.
import assert from 'node:assert/strict';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { FileReading } from '../../../src/core/model';

export interface FileText {
  readonly reading: FileReading;
  readonly text: string;
}

/** The reading of `text` as `file`, with its text, as `nextMilestones` takes them. */
export function file(path: string, text: string): FileText {
  const reading = readMilestoneFile(path, text);
  assert.ok(reading !== null, `${path} should be a milestone file`);
  return { reading, text };
}

/** 0-based line of the only line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i] : []));
  assert.equal(lines.length, 1, `expected one line containing ${needle}, found ${lines.length}`);
  return lines[0]!;
}
