import { chromium, type Browser } from 'playwright-core';
import type { RunFolder } from './runFolder';

/** Debian's Chromium; Playwright's own browser downloads are never used. */
export const chromiumPath = process.env.MILESTONES_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with its profile and temp files inside the run folder (runs as root too). */
export function launchChromium(run: RunFolder): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    env: { ...process.env, ...run.env },
    args: [
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
