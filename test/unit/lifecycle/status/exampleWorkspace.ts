// For the command-line tests of the lifecycle commands: a fresh copy of examples/ a test, the
// command run in it as a user would (dist/cli.js), and the files read back.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localDay } from '../../../../src/core/edits/timestampStyle';
import { runCli, type Run } from '../../cli/cliHarness';

export const EXAMPLES = path.resolve(process.cwd(), 'examples');
export const PLAN_MS002 = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';
export const PLAN_MS003 = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md';
export const KB_020 = 'docs/milestones.kb/020-renderer.md';
export const KB_010 = 'docs/milestones.kb/010-parser.md';
export const SESSION = 'SESSIONS/MILESTONES/deploy-preview-site.json';
export const STATUS = 'STATUS.md';
export const HANDOFF = 'handoffs/2-search-index.md';

const roots: string[] = [];
let cleanup = false;

/** A copy of examples/ in a new temporary folder, removed after the test file. */
export function exampleCopy(): string {
  if (!cleanup) {
    cleanup = true;
    after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });
  }
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-lifecycle-'));
  roots.push(root);
  cpSync(EXAMPLES, root, { recursive: true });
  return root;
}

/** `milestones <args>` run in `root`. */
export function cli(root: string, args: readonly string[]): Run {
  return runCli(args, root);
}

/** The text of `file` in the copy, or null when there is none. */
export function read(root: string, file: string): string | null {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** Writes `text` to `file` of the copy. */
export function write(root: string, file: string, text: string): void {
  writeFileSync(path.join(root, file), text);
}

/** The text of `file` as examples/ has it. */
export function original(file: string): string {
  return readFileSync(path.join(EXAMPLES, file), 'utf8');
}

/** Today as the command writes it into `updated` (local date). */
export function today(): string {
  return localDay(new Date());
}

/** Asserts the run succeeded (exit 0, nothing on stderr) and printed `summary` first. */
export function assertDone(run: Run, summary: string): void {
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout.split('\n')[0], summary);
}

/** Asserts the run was refused: exit 1, `stderr` exactly. */
export function assertRefused(run: Run, stderr: string): void {
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, stderr);
  assert.equal(run.status, 1);
}

/** Asserts `milestones validate` finds no problem in the copy. */
export function assertValid(root: string): void {
  const run = cli(root, ['validate', '.']);
  assert.match(run.stdout, /^No problems in \d+ files checked\./);
  assert.equal(run.status, 0);
}

/**
 * The session file's `updated_at` as written by a command run between `from` and now: checked to be
 * in the file's style (`YYYY-MM-DD HH:MM:SS UTC`) and in that span, and returned.
 */
export function stampWritten(text: string, from: Date): string {
  const stamp = /"updated_at": "([^"]*)"/.exec(text)?.[1] ?? '';
  assert.match(stamp, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  const at = Date.parse(stamp.replace(' UTC', 'Z').replace(' ', 'T'));
  assert.ok(at >= Math.floor(from.getTime() / 1000) * 1000 && at <= Date.now(), `${stamp} is not the time of the run`);
  return stamp;
}

export { swap } from './lifecycleKit';
