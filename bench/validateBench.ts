// The validation part of `npm run bench`: re-validating one 8 KB milestone file after an edit, and
// validating every file of the workspace as `milestones validate` does (read + validateFile +
// workspaceProblems), timed against the same read floor as the index.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readFoundFile } from '../src/core/conventions/readFoundFile';
import { readMilestoneFile } from '../src/core/conventions/readMilestoneFile';
import { SchemaRegistry } from '../src/core/schema/schemaRegistry';
import { validateFile, type ValidationEnv } from '../src/core/validate/validateFile';
import { workspaceProblems, type IndexedFile } from '../src/core/validate/workspaceProblems';
import { nodeSchemaHost } from '../src/core/workspace/nodeSchemaHost';
import { scanFolder } from '../src/core/workspace/scanFolder';

/** What one full validation found. */
export interface ValidateAllResult {
  readonly files: number;
  readonly fileProblems: number;
  readonly workspaceProblems: number;
}

/** A validation environment with one registry for `root`, warmed by whoever uses it first. */
export function benchEnv(root: string): ValidationEnv {
  return { schemas: new SchemaRegistry(nodeSchemaHost), folderRoot: root, today: '2026-06-01' };
}

/**
 * The CLI's pipeline over one folder: scan + read every milestone file, `validateFile` each with
 * `env`'s (warm) registry, then `workspaceProblems` over all of them.
 */
export function validateAll(root: string, env: ValidationEnv): ValidateAllResult {
  const texts = new Map<string, string>();
  const indexed: IndexedFile[] = [];
  let fileProblems = 0;
  for (const item of scanFolder(root)) {
    if (item.kind === 'unreadable-folder') continue;
    const found = readFoundFile(item.file, item, () => 'raise the limit');
    if (!found) continue;
    const { reading, text } = found;
    if (text !== null) texts.set(item.file, text);
    indexed.push({ folder: root, reading });
    fileProblems += validateFile(item.file, text ?? '', reading, env).length;
  }
  const facts = { exists: (folder: string, file: string) => existsSync(path.join(folder, file)) };
  const cross = workspaceProblems(indexed, (_folder, file) => texts.get(file) ?? null, facts).length;
  return { files: indexed.length, fileProblems, workspaceProblems: cross };
}

/** The ExecPlan milestone file of the workspace whose UTF-8 size is nearest 8 KB. */
export function eightKbExecPlan(root: string): { file: string; text: string } | null {
  let best: { file: string; text: string; distance: number } | null = null;
  for (const item of scanFolder(root)) {
    if (item.kind !== 'text' || !item.file.startsWith('.agent/')) continue;
    const distance = Math.abs(Buffer.byteLength(item.text) - 8192);
    if (!best || distance < best.distance) best = { file: item.file, text: item.text, distance };
  }
  return best && { file: best.file, text: best.text };
}

/** Median and 95th percentile of the time (µs) to re-read and re-validate `text` after a one-character edit of its body. */
export function revalidateTimes(file: string, text: string, env: ValidationEnv, edits: number): { medianUs: number; p95Us: number; problems: number } {
  const body = text.indexOf('## Objective\n\n');
  const at = body >= 0 ? body + 20 : text.length - 2;
  const edit = (k: number): string => text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + text.slice(at + 1);
  let problems = 0;
  for (let k = 0; k < 50; k++) problems = validateFile(file, edit(k), readMilestoneFile(file, edit(k)), env).length; // warm-up
  const us: number[] = [];
  for (let k = 0; k < edits; k++) {
    const next = edit(k + 1);
    const start = process.hrtime.bigint();
    const reading = readMilestoneFile(file, next);
    problems = validateFile(file, next, reading, env).length;
    us.push(Number(process.hrtime.bigint() - start) / 1e3);
  }
  us.sort((a, b) => a - b);
  return { medianUs: us[us.length >> 1]!, p95Us: us[Math.min(us.length - 1, Math.floor(us.length * 0.95))]!, problems };
}
