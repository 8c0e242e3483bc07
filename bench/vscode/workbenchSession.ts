// One real VS Code (the server from .vscode-test/ in headless Chromium) on a folder, with the
// extension's bench probe on, and what the bench reads from outside it: the probe's file and the
// extension host's memory.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { BenchProbeReport } from '../../src/extension/benchProbe';
import { launchChromium } from '../../test/harness/chromium';
import { repoRoot } from '../../test/harness/repoPaths';
import { createRunFolder, removeRunFolder } from '../../test/harness/runFolder';
import { startVsCodeServer, type VsCodeServer } from '../../test/harness/vscodeServer';

export interface Session {
  readonly page: Page;
  /** The workbench URL of the folder with the extension under development; not opened yet. */
  readonly url: string;
  /** The CPU time (user + system) the workbench's extension host has used so far, in ms; null before it has started. */
  extensionHostCpuMs(): number | null;
  /** Waits for a probe report written at or after `since` (`Date.now()`) for which `holds` is true, up to `timeoutMs`. */
  probe(since: number, timeoutMs: number, holds?: (report: BenchProbeReport) => boolean): Promise<BenchProbeReport>;
  /**
   * Where the extension host writes its CPU profile once the bench asks (`FILE.stop`): the file
   * MILESTONES_BENCH_CPUPROFILE names, else one in the run folder (read to tell whose code blocked).
   */
  readonly hostProfileFile: string;
}

/**
 * Starts a server and a browser for `folder`, runs `body`, and stops both (and removes their run
 * folder) whatever happens. Every Playwright wait defaults to `timeoutMs`. The Explorer lists files
 * before folders, so a file created at the top of the workspace shows in its first rows.
 */
export async function withSession<T>(folder: string, timeoutMs: number, body: (session: Session) => Promise<T>, options: { withExtension?: boolean } = {}): Promise<T> {
  const run = createRunFolder('bvs');
  const probeFile = path.join(run.dir, 'probe.json');
  const hostProfileFile = process.env.MILESTONES_BENCH_CPUPROFILE ?? path.join(run.dir, 'exthost.cpuprofile');
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startVsCodeServer({
      run,
      env: { MILESTONES_BENCH_PROBE: '1', MILESTONES_BENCH_PROBE_FILE: probeFile, MILESTONES_BENCH_CPUPROFILE: hostProfileFile },
      settings: { 'explorer.sortOrder': 'filesFirst' },
    });
    browser = await launchChromium(run);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(timeoutMs);
    const url = server.workbenchUrl({ folder, extensionDevelopmentPath: options.withExtension === false ? undefined : repoRoot() });
    const group = server.processGroup;
    try {
      return await body({ page, url, hostProfileFile, extensionHostCpuMs: () => { const host = extensionHostOf(group); return host === null ? null : cpuMs(host); }, probe: (since, ms, holds) => readProbe(probeFile, since, ms, holds) });
    } catch (error) {
      // What the workbench showed when a measure failed, for whoever reads the error.
      await page.screenshot({ path: path.join(repoRoot(), 'test-results', 'bench-vscode-failure.png') }).catch(() => undefined);
      // The rendered rows as the page has them (label, description, state): what a locator could match.
      const rows: string[] = [];
      for (const row of await page.locator('.customview-tree .monaco-list-row').all().catch(() => [])) {
        const text = async (selector: string) => ((await row.locator(selector).count()) ? await row.locator(selector).first().textContent() : '') ?? '';
        rows.push(`${await row.getAttribute('aria-level')} ${await row.getAttribute('aria-expanded') ?? '-'} ${JSON.stringify(await text('.label-name'))} ${await text('.label-description')}`);
      }
      writeFileSync(path.join(repoRoot(), 'test-results', 'bench-vscode-failure-rows.txt'), `${rows.join('\n')}\n`);
      // And its logs (the Milestones output among them), before the run folder goes.
      const logs = path.join(run.dir, 'udd', 'logs');
      if (existsSync(logs)) cpSync(logs, path.join(repoRoot(), 'test-results', 'bench-vscode-logs'), { recursive: true });
      throw error;
    }
  } finally {
    const logs = path.join(run.dir, 'udd', 'logs');
    if (process.env.MILESTONES_BENCH_LOGS && existsSync(logs)) cpSync(logs, path.join(process.env.MILESTONES_BENCH_LOGS, path.basename(run.dir)), { recursive: true });
    await browser?.close().catch(() => undefined);
    await server?.stop();
    removeRunFolder(run);
  }
}

async function readProbe(file: string, since: number, timeoutMs: number, holds: (report: BenchProbeReport) => boolean = () => true): Promise<BenchProbeReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(file)) {
      const report = JSON.parse(readFileSync(file, 'utf8')) as BenchProbeReport;
      if (report.at >= since && holds(report)) return report;
    }
    if (Date.now() > deadline) throw new Error(`no bench probe report in ${file} since ${new Date(since).toISOString()} within ${timeoutMs} ms (did the extension activate?)`);
    await delay(50); // a poll interval for a file the extension host writes each second, not a wait for time to pass
  }
}

/**
 * The resident memory (VmRSS) of the extension host `pid`, in bytes. Checks first that `pid` is an
 * extension host (its command line says `extensionHost`), so a reused id is never measured.
 */
export function extensionHostRss(pid: number): number {
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  if (!/extensionHost/.test(cmdline)) throw new Error(`process ${pid} is not an extension host: ${cmdline}`);
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** The extension host started under the server `root` (a process id; the host may run in a process group of its own); null when there is none yet. */
function extensionHostOf(root: number): number | null {
  const parent = new Map<number, number>();
  const hosts: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (in parentheses): state, ppid, …
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (/extensionHost/.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) hosts.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  const under = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return hosts.find(under) ?? null;
}

/** User + system CPU time of process `pid`, in ms (from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/PID/stat: 12 and 13 after the command.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
