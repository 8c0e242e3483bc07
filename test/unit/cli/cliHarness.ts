// Runs the built command line (dist/cli.js) as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CLI = path.resolve(process.cwd(), 'dist/cli.js');
export { CORPUS } from '../support/corpus';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A new temporary folder (named `prefix…`) holding `files` (relative path → text); the caller removes it. */
export function writeFolder(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

export function runCli(args: readonly string[], cwd = process.cwd()): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `runCli` with a hang detector: the run is killed after `ms` (`timedOut`), and its V8 heap is
 * capped so a run that would exhaust memory fails fast instead of taking the machine with it.
 */
export function runCliWithin(args: readonly string[], ms: number, cwd = process.cwd()): Run & { readonly timedOut: boolean } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', CLI, ...args], { cwd, encoding: 'utf8', timeout: ms, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined && 'code' in r.error && r.error.code === 'ETIMEDOUT' };
}

export interface ListedStep { text: string; done: boolean; line: number }
export interface ListedMilestone {
  file: string; convention: string; id: string | null; title: string; status: string | null;
  progress: { done: number; total: number }; steps: ListedStep[]; folder?: string;
}
export interface ListedNote { file: string; line: number | null; severity: string; code: string; message: string; folder?: string }
export interface ListDocument { milestones: ListedMilestone[]; notes: ListedNote[] }
