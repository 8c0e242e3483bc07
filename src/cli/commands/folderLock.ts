import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How long a process waits for another's lock, and when a lock is taken as left behind by a process that died. */
const WAIT_MS = 15_000;
const STALE_MS = 30_000;
const POLL_MS = 15;

/**
 * Runs `write` while holding this machine's lock on the workspace folder `root`, so two processes
 * (two agents' `milestones mcp`, a script running `milestones new`) never compute their changes from
 * the same texts: the second sees the first one's new file and numbers its milestone after it.
 *
 * The lock is a directory made with `mkdir` (atomic: one process succeeds) in the OS's temporary
 * folder, named by a hash of the folder's real path; nothing is written into the workspace. A lock
 * older than 30 s is stale (its process died mid-write) and is taken over. Plans are small (a few
 * files), so waiting is short; after 15 s `write` is not run and a message is returned.
 */
export function withFolderLock<T>(root: string, write: () => T): T | { readonly locked: string } {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // A folder that does not exist yet: its path names the lock.
  }
  const dir = path.join(os.tmpdir(), 'milestones-locks');
  const lock = path.join(dir, `${createHash('sha256').update(real).digest('hex').slice(0, 24)}.lock`);
  mkdirSync(dir, { recursive: true });
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > until) return { locked: `another milestones process has been changing ${root} for over ${WAIT_MS / 1000} s (lock ${lock}); nothing was changed` };
    sleep(POLL_MS);
  }
  try {
    return write();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

/** Blocks the thread for `ms`: the command line's writes are synchronous, and a wait is rare and short. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
