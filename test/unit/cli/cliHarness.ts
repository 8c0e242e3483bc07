// Runs the built command line (dist/cli.js) as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(process.cwd(), 'dist/cli.js');
export { CORPUS } from '../support/corpus';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd = process.cwd()): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface ListedStep { text: string; done: boolean; line: number }
export interface ListedMilestone {
  file: string; convention: string; id: string | null; title: string; status: string | null;
  progress: { done: number; total: number }; steps: ListedStep[]; folder?: string;
}
export interface ListedNote { file: string; line: number | null; severity: string; code: string; message: string; folder?: string }
export interface ListDocument { milestones: ListedMilestone[]; notes: ListedNote[] }
