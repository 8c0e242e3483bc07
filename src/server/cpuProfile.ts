// A CPU profile of this process for the benches: the extension host's (MILESTONES_BENCH_CPUPROFILE)
// and the language server's (MILESTONES_BENCH_SERVER_CPUPROFILE). Node-only; no editor API.
import { Session } from 'node:inspector';
import { existsSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Profiles this process's CPU until `FILE.stop` exists (checked each second; the bench creates it
 * once its measures are taken) or the returned function is called, then writes `file` (a
 * `.cpuprofile`, which Chrome's DevTools and VS Code open): where the process's time goes.
 */
export function startCpuProfile(file: string): () => void {
  const session = new Session();
  session.connect();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(poll);
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
        renameSync(`${file}.tmp`, file);
      }
      session.disconnect();
    });
  };
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  const poll = setInterval(() => { if (existsSync(`${file}.stop`)) stop(); }, 1000);
  poll.unref();
  return stop;
}
