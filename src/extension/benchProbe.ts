// The event-loop probe of `npm run bench:vscode`; runs only when MILESTONES_BENCH_PROBE=1.
import { Session } from 'node:inspector';
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** What the probe writes, as JSON, to MILESTONES_BENCH_PROBE_FILE every second. */
export interface BenchProbeReport {
  /** The extension host's process id. */
  readonly pid: number;
  /** The longest delay of a 10 ms timer since activation: the longest block of the event loop. */
  readonly maxLagMs: number;
  /** The sum of the delays longer than 50 ms, and how many there were. */
  readonly totalLagOver50Ms: number;
  readonly blocksOver50: number;
  /** `Date.now()` of this report. */
  readonly at: number;
}

const TICK_MS = 10;

/**
 * Starts the probe when the environment asks for it (MILESTONES_BENCH_PROBE=1 and a
 * MILESTONES_BENCH_PROBE_FILE); otherwise does nothing and returns undefined.
 */
export function startBenchProbe(env: NodeJS.ProcessEnv = process.env): vscode.Disposable | undefined {
  const file = env.MILESTONES_BENCH_PROBE_FILE;
  if (env.MILESTONES_BENCH_PROBE !== '1' || !file) return undefined;
  let last = performance.now();
  let maxLagMs = 0;
  let totalLagOver50Ms = 0;
  let blocksOver50 = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    const lag = now - last - TICK_MS;
    last = now;
    maxLagMs = Math.max(maxLagMs, lag);
    if (lag > 50) {
      totalLagOver50Ms += lag;
      blocksOver50++;
    }
  }, TICK_MS);
  const write = () => {
    const report: BenchProbeReport = { pid: process.pid, maxLagMs, totalLagOver50Ms, blocksOver50, at: Date.now() };
    // Written aside and renamed, so the bench never reads half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(report));
    renameSync(`${file}.tmp`, file);
  };
  write();
  const flush = setInterval(write, 1000);
  const profile = startCpuProfile(env);
  return new vscode.Disposable(() => {
    clearInterval(tick);
    clearInterval(flush);
    profile?.();
  });
}

/**
 * With MILESTONES_BENCH_CPUPROFILE=FILE too, profiles the extension host's CPU from activation for
 * MILESTONES_BENCH_CPUPROFILE_MS (default 60,000) ms and writes FILE (a `.cpuprofile`, which Chrome's
 * DevTools and VS Code open): where the host's time goes. Returns what stops it early.
 */
function startCpuProfile(env: NodeJS.ProcessEnv): (() => void) | undefined {
  const file = env.MILESTONES_BENCH_CPUPROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
      session.disconnect();
    });
  };
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  const timer = setTimeout(stop, Number(env.MILESTONES_BENCH_CPUPROFILE_MS ?? 60_000));
  return () => {
    clearTimeout(timer);
    stop();
  };
}
