import assert from 'node:assert/strict';
import { conventionProblems } from '../../../src/core/checks/conventionProblems';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { FileReading } from '../../../src/core/model';
import type { Problem } from '../../../src/core/problems';
import { workspaceProblems, type FolderProblem } from '../../../src/core/validate/workspaceProblems';

export const TODAY = '2026-06-01';

/** The text as written (LF), with CRLF line endings, and with a BOM and CRLF: all must place problems alike. */
export function variants(text: string): { name: string; text: string }[] {
  const crlf = text.replace(/\n/g, '\r\n');
  return [{ name: 'LF', text }, { name: 'CRLF', text: crlf }, { name: 'BOM+CRLF', text: `\uFEFF${crlf}` }];
}

export function read(file: string, text: string): FileReading {
  const r = readMilestoneFile(file, text);
  assert.ok(r !== null, `${file} should be a milestone file`);
  return r;
}

/** Problems of one file, read as the index reads it. */
export function problemsOf(file: string, text: string): Problem[] {
  return conventionProblems(file, text, read(file, text), () => TODAY);
}

/** The problems with `code`. */
export function withCode(problems: readonly Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

/** `line:character-line:character`, 0-based, for compact range assertions. */
export function at(p: Problem): string {
  return `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`;
}

/** Asserts that in every variant of `text` exactly the `expected` ranges carry `code`. */
export function assertFires(file: string, text: string, code: string, expected: readonly string[]): Problem[] {
  let first: Problem[] = [];
  for (const v of variants(text)) {
    const found = withCode(problemsOf(file, v.text), code);
    assert.deepEqual(found.map(at), expected, `${code} in ${v.name}`);
    if (v.name === 'LF') first = found;
  }
  return first;
}

/** A small in-memory workspace: files by folder, read and checked together. */
export function workspace(folders: Record<string, Record<string, string>>, extra: readonly string[] = []): FolderProblem[] {
  const files = [];
  for (const [folder, texts] of Object.entries(folders)) {
    for (const [file, text] of Object.entries(texts)) {
      const reading = readMilestoneFile(file, text);
      if (reading !== null) files.push({ folder, reading });
    }
  }
  const exists = (folder: string, file: string): boolean => folders[folder]?.[file] !== undefined || extra.includes(`${folder}:${file}`);
  return workspaceProblems(files, (folder, file) => folders[folder]?.[file] ?? null, { exists });
}

/** Compact `file code range` lines of workspace problems, sorted. */
export function summary(problems: readonly FolderProblem[]): string[] {
  return problems.map((p) => `${p.problem.file} ${p.problem.code} ${at(p.problem)}`).sort();
}
