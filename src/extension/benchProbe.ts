// The event-loop probe of `npm run bench:vscode`; runs only when MILESTONES_BENCH_PROBE=1.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import type * as vscode from 'vscode';
import type { ServerStatus } from '../protocol/serverProtocol';
import { startCpuProfile } from '../server/cpuProfile';

/** What the probe writes, as JSON, to MILESTONES_BENCH_PROBE_FILE every second. */
export interface BenchProbeReport {
  /** The extension host's process id. */
  readonly pid: number;
  /** The longest delay of a 10 ms timer since activation: the longest block of the event loop. */
  readonly maxLagMs: number;
  /** The sum of the delays longer than 50 ms, and how many there were. */
  readonly totalLagOver50Ms: number;
  readonly blocksOver50: number;
  /**
   * The longest blocks over 50 ms (at most `KEPT_BLOCKS`): when each ended, in µs of the monotonic
   * clock that CPU profiles use, and how long it was. The bench finds in the host's profile whose
   * code ran then.
   */
  readonly blocks: readonly { readonly endUs: number; readonly ms: number }[];
  /** The language server's last answer to a status request (asked each second), once it has answered. */
  readonly server?: ServerStatus;
  /** `Date.now()` of this report. */
  readonly at: number;
  /** `Date.now()` when the extension activated (the probe starts first thing in `activate`). */
  readonly activatedAt: number;
  /** How long `activate` ran, in ms (-1 until it has returned): a block of its own, not in the lags above. */
  readonly activateMs: number;
  /** The extension host's V8 heap in use and its memory outside the heap (buffers), at this report. */
  readonly heapUsedBytes: number;
  readonly externalBytes: number;
}

/** The running probe: what stops it, and where it asks the language server how it is. */
export interface BenchProbe extends vscode.Disposable {
  attachServer(status: () => Promise<ServerStatus>): void;
  /** `activate` is about to return: its time is counted, and the lags from here on. */
  activated(): void;
}

const TICK_MS = 10;
const KEPT_BLOCKS = 50;

/**
 * Starts the probe when the environment asks for it (MILESTONES_BENCH_PROBE=1 and a
 * MILESTONES_BENCH_PROBE_FILE); otherwise does nothing and returns undefined.
 */
export function startBenchProbe(env: NodeJS.ProcessEnv = process.env): BenchProbe | undefined {
  const file = env.MILESTONES_BENCH_PROBE_FILE;
  if (env.MILESTONES_BENCH_PROBE !== '1' || !file) return undefined;
  // The profiler first: starting it is the bench's cost, not the extension's.
  const profile = startHostProfile(env);
  const activatedAt = Date.now();
  const activateStart = performance.now();
  let activateMs = -1;
  let last = activateStart;
  let maxLagMs = 0;
  let totalLagOver50Ms = 0;
  let blocksOver50 = 0;
  let blocks: { endUs: number; ms: number }[] = [];
  const tick = setInterval(() => {
    const now = performance.now();
    const lag = now - last - TICK_MS;
    last = now;
    maxLagMs = Math.max(maxLagMs, lag);
    if (lag > 50) {
      totalLagOver50Ms += lag;
      blocksOver50++;
      blocks.push({ endUs: Number(process.hrtime.bigint() / 1000n), ms: lag });
      if (blocks.length > KEPT_BLOCKS) blocks = blocks.sort((a, b) => b.ms - a.ms).slice(0, KEPT_BLOCKS);
    }
  }, TICK_MS);
  let server: ServerStatus | undefined;
  let askServer: (() => Promise<ServerStatus>) | undefined;
  const write = () => {
    void askServer?.().then((status) => { server = status; }, () => undefined);
    const { heapUsed, external } = process.memoryUsage();
    const report: BenchProbeReport = { pid: process.pid, maxLagMs, totalLagOver50Ms, blocksOver50, blocks, server, at: Date.now(), activatedAt, activateMs, heapUsedBytes: heapUsed, externalBytes: external };
    heapSnapshotWhenAsked(env);
    // Written aside and renamed, so the bench never reads half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(report));
    renameSync(`${file}.tmp`, file);
  };
  write();
  const flush = setInterval(write, 1000);
  return {
    attachServer: (status) => { askServer = status; },
    activated: () => {
      last = performance.now();
      activateMs = last - activateStart;
    },
    dispose: () => {
      clearInterval(tick);
      clearInterval(flush);
      profile?.();
    },
  };
}

/**
 * With MILESTONES_BENCH_HEAPSNAPSHOT=FILE too, writes a heap snapshot of the extension host to FILE
 * when the bench creates `FILE.now` (looked for at each report), to see what its memory holds.
 */
function heapSnapshotWhenAsked(env: NodeJS.ProcessEnv): void {
  const file = env.MILESTONES_BENCH_HEAPSNAPSHOT;
  if (!file || !existsSync(`${file}.now`)) return;
  rmSync(`${file}.now`, { force: true });
  writeHeapSnapshot(file);
}

/**
 * With MILESTONES_BENCH_CPUPROFILE=FILE too, profiles the extension host's CPU from activation
 * until the bench creates `FILE.stop` or the probe is stopped (`startCpuProfile`).
 */
function startHostProfile(env: NodeJS.ProcessEnv): (() => void) | undefined {
  const file = env.MILESTONES_BENCH_CPUPROFILE;
  return file ? startCpuProfile(file) : undefined;
}
