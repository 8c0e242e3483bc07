// One real VS Code (the server from .vscode-test/ in headless Chromium) on a folder, with the
// extension's bench probe on, and what the bench reads from outside it: the probe's file and the
// extension host's memory.
import { existsSync, readFileSync } from 'node:fs';
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
  /** Waits for a probe report written at or after `since` (`Date.now()`) for which `holds` is true, up to `timeoutMs`. */
  probe(since: number, timeoutMs: number, holds?: (report: BenchProbeReport) => boolean): Promise<BenchProbeReport>;
}

/**
 * Starts a server and a browser for `folder`, runs `body`, and stops both (and removes their run
 * folder) whatever happens. Every Playwright wait defaults to `timeoutMs`. The Explorer lists files
 * before folders, so a file created at the top of the workspace shows in its first rows.
 */
export async function withSession<T>(folder: string, timeoutMs: number, body: (session: Session) => Promise<T>): Promise<T> {
  const run = createRunFolder('bvs');
  const probeFile = path.join(run.dir, 'probe.json');
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startVsCodeServer({
      run,
      env: { MILESTONES_BENCH_PROBE: '1', MILESTONES_BENCH_PROBE_FILE: probeFile },
      settings: { 'explorer.sortOrder': 'filesFirst' },
    });
    browser = await launchChromium(run);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(timeoutMs);
    const url = server.workbenchUrl({ folder, extensionDevelopmentPath: repoRoot() });
    return await body({ page, url, probe: (since, ms, holds) => readProbe(probeFile, since, ms, holds) });
  } finally {
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
