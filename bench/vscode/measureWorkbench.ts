// The measures of `npm run bench:vscode` in one workbench: each runs from an action (navigation, a
// click, a write) to the DOM state that shows its effect, never for a fixed time.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import { MilestonesView } from '../../test/e2e/milestonesView';
import type { ExpectedRow, ExpectedTree } from './expectedTree';
import { blockCauses } from './blockCauses';
import { repoRoot } from '../../test/harness/repoPaths';
import { extensionHostRss, type Session } from './workbenchSession';

/** One workbench's figures for one generated folder; times in ms, memory in bytes. */
export interface WorkbenchFigures {
  /** 1. From the extension's activation until the group rows show the totals of every file. */
  readonly activationMs: number;
  /** 1. The same from the page's navigation (the workbench's own start-up included). */
  readonly openingMs: number;
  /** The first group (closed) clicked open until its first milestone row shows. */
  readonly groupOpenMs: number;
  /** 2. A step's checkbox clicked until its milestone row shows the new count: tick, then untick. */
  readonly tickMs: number;
  readonly untickMs: number;
  /** 3. A box ticked in a milestone file with node:fs until its row shows the new count. */
  readonly outsideEditMs: number;
  /** Baseline of 3: a file created with node:fs until the Explorer shows its row. */
  readonly explorerNewFileMs: number;
  /** 4. The extension host's longest event-loop block since activation, and its blocks over 50 ms. */
  readonly maxBlockMs: number;
  readonly blocksOver50: number;
  readonly totalBlockedOver50Ms: number;
  /** Of those, the longest with Milestones' code on the stack (`blockCauses`), their number, and the longest of other code (whose). */
  readonly maxOwnBlockMs: number;
  readonly ownBlocksOver50: number;
  readonly maxOtherBlockMs: number;
  readonly maxOtherBlockBy: string;
  /** How long the extension's `activate` ran (a block of its own, before the probe's first tick). */
  readonly activateMs: number;
  /** 5. The extension host's resident memory once the tree is full, and once the server has checked every file (its problems shown). */
  readonly rssBytes: number;
  readonly checkedRssBytes: number;
  /** 6. The language server's resident memory once it has read every file, and the time from opening until it had. */
  readonly serverRssBytes: number;
  readonly serverReadyMs: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const exactly = (text: string): RegExp => new RegExp(`^\\s*${escape(text)}\\s*$`);
/** A milestone row's description with `done/total` steps, whatever problems it also counts. */
const countOf = (done: number, total: number): RegExp => new RegExp(`^\\s*${done}/${total}( · .*)?\\s*$`);

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

function since(start: number): number {
  return performance.now() - start;
}

/** Runs every measure on the folder `folder` that `expected` describes. */
export async function measureWorkbench(session: Session, folder: string, expected: ExpectedTree, timeoutMs: number): Promise<WorkbenchFigures> {
  const { page } = session;
  const view = new MilestonesView(page);
  const group = (label: string): Locator => view.row(exactly(label));

  // 1. Activation → full tree: the first group row shows its total, and so does every other group
  // row shown then. The tree fills while the scan reads (in walk order: the first group can be
  // complete before the others). During a large scan the groups are closed, so all are shown; in
  // a small workspace the open groups may push the last ones out of view, and those are checked
  // below, once Collapse All has brought them into view.
  const navigated = Date.now();
  const stopRendererProfile = await startRendererProfile(page);
  const start = performance.now();
  await page.goto(session.url);
  await page.locator('.monaco-workbench').waitFor();
  await view.open();
  const [first] = expected.groups;
  await view.waitForDescription(group(first!.label), first!.description);
  for (const g of expected.groups.slice(1)) if ((await group(g.label).count()) > 0) await view.waitForDescription(group(g.label), g.description);
  const openingMs = since(start);
  const shownAt = Date.now();
  await stopRendererProfile();

  // 5. Memory, with the tree full.
  const { pid, activatedAt, heapUsedBytes, externalBytes } = await session.probe(navigated, timeoutMs);
  const activationMs = shownAt - activatedAt;
  const rssBytes = extensionHostRss(pid);
  process.stderr.write(`extension host with the tree full: RSS ${mb(rssBytes)}, V8 heap ${mb(heapUsedBytes)}, external ${mb(externalBytes)} (last report)\n`);
  const snapshot = process.env.MILESTONES_BENCH_HEAPSNAPSHOT;
  if (snapshot) writeFileSync(`${snapshot}.now`, '');

  // 6. The server, once its index holds every file (the probe asks it each second).
  const ready = await session.probe(navigated, timeoutMs, (r) => r.server?.milestoneFiles === expected.files);
  const serverRssBytes = ready.server!.rssBytes;
  // The server answers its status once its checks have ended too: their problems reach the window then.
  const checkedRssBytes = extensionHostRss(pid);
  const serverReadyMs = ready.at - navigated;
  const { startedAt, initializedAt, indexedAt } = ready.server!;
  const span = (from: number, to: number | null) => (to === null ? '?' : `${to - from} ms`);
  process.stderr.write(`activation → server process started ${span(activatedAt, startedAt)} → initialize ${span(startedAt, initializedAt)} → every file read ${span(initializedAt, indexedAt)} → tree full ${span(indexedAt ?? shownAt, shownAt)}\n`);

  await view.collapseAll();
  for (const g of expected.groups) await view.waitForDescription(group(g.label), g.description);

  // 2. Tick → tree, twice on the same row.
  const [a, b] = expected.rows;
  const firstGroup = group(first!.label);
  const rowA = view.row(exactly(a.milestone.title));
  const opening = performance.now();
  await view.expand(firstGroup, rowA, timeoutMs);
  const groupOpenMs = since(opening);
  const stepA = view.row(exactly(a.step.text));
  await view.expand(rowA, stepA);
  const tickMs = await clickAndWait(view, stepA, rowA, a, a.step.state === 'done' ? -1 : 1);
  const untickMs = await clickAndWait(view, stepA, rowA, a, 0);

  // 3. Outside edit → tree, on the next row.
  const rowB = view.row(exactly(b.milestone.title));
  await rowB.waitFor();
  const outsideEditMs = await editAndWait(view, rowB, b, path.join(folder, b.milestone.file));

  // Baseline of 3: the Explorer shows a new file.
  const explorerNewFileMs = await explorerNewFile(page, folder);

  // 4. The longest block, over everything above (the probe reports each second).
  const probe = await session.probe(Date.now(), timeoutMs);
  await stopCpuProfile([session.hostProfileFile, process.env.MILESTONES_BENCH_SERVER_CPUPROFILE], timeoutMs);
  // Whose code ran in each long block: ours is the bundle of this checkout.
  const causes = blockCauses(session.hostProfileFile, probe.blocks, (url) => url.includes(`${repoRoot()}/dist/`));
  const ours = causes.filter((c) => c.ours).sort((x, y) => y.ms - x.ms);
  const others = causes.filter((c) => !c.ours).sort((x, y) => y.ms - x.ms);
  process.stderr.write(`blocks over 50 ms: ${causes.map((c) => `${c.ms.toFixed(0)} ms ${c.ours ? 'Milestones' : c.top} (ending ${(c.endMs / 1000).toFixed(1)} s after activation)`).join(', ') || 'none'}\n`);
  return {
    activationMs, openingMs, groupOpenMs, tickMs, untickMs, outsideEditMs, explorerNewFileMs, rssBytes, checkedRssBytes, serverRssBytes, serverReadyMs,
    maxBlockMs: probe.maxLagMs, blocksOver50: probe.blocksOver50, totalBlockedOver50Ms: probe.totalLagOver50Ms,
    activateMs: probe.activateMs, maxOwnBlockMs: ours[0]?.ms ?? 0, ownBlocksOver50: ours.length, maxOtherBlockMs: others[0]?.ms ?? 0, maxOtherBlockBy: others[0]?.top ?? '',
  };
}

/** Clicks the step's checkbox; resolves with the time until the row shows its count moved by `delta` from the file's. */
export async function clickAndWait(view: MilestonesView, step: Locator, row: Locator, expected: ExpectedRow, delta: number): Promise<number> {
  const { done, total } = expected.milestone.progress;
  const start = performance.now();
  // A click lost in a repaint flips the box back (and the status bar asks for another): clicked again.
  await view.clickCheckbox(step, () => view.waitForDescription(row, countOf(done + delta, total)));
  return since(start);
}

/** Ticks (or unticks) the milestone's first step in its file with node:fs; resolves with the time until the row shows it. */
export async function editAndWait(view: MilestonesView, row: Locator, expected: ExpectedRow, file: string): Promise<number> {
  const { done, total } = expected.milestone.progress;
  await view.waitForDescription(row, countOf(done, total));
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines[expected.step.line]!;
  const ticked = expected.step.state === 'done';
  const edited = ticked ? line.replace(/\[[xX]\]/, '[ ]') : line.replace('[ ]', '[x]');
  if (edited === line) throw new Error(`no checkbox on line ${expected.step.line + 1} of ${file}: ${line}`);
  lines[expected.step.line] = edited;
  const start = performance.now();
  writeFileSync(file, lines.join('\n'));
  await view.waitForDescription(row, countOf(done + (ticked ? -1 : 1), total));
  return since(start);
}

/** Shows the Explorer, creates a file at the top of the folder; resolves with the time until its row shows. */
async function explorerNewFile(page: Page, folder: string): Promise<number> {
  const explorer = page.locator('.explorer-folders-view');
  await page.locator('.activitybar .action-item a.action-label[aria-label^="Explorer"]').click();
  await explorer.locator('.monaco-list-row').first().waitFor();
  const name = 'aaa-bench-new-file.txt';
  const start = performance.now();
  writeFileSync(path.join(folder, name), 'new\n');
  await explorer.locator('.monaco-list-row .label-name', { hasText: exactly(name) }).waitFor();
  return since(start);
}

/**
 * The extension host's and the language server's memory in an empty folder once the extension has
 * activated there (the Milestones view opened and showing its empty-workspace message).
 */
export async function measureEmpty(session: Session, timeoutMs: number): Promise<{ rssBytes: number; serverRssBytes: number }> {
  const navigated = Date.now();
  await session.page.goto(session.url);
  await session.page.locator('.monaco-workbench').waitFor();
  const view = new MilestonesView(session.page);
  await view.activityBarItem.click();
  await session.page.locator('[id="workbench.view.extension.milestones"] .welcome-view-content').first().waitFor();
  const { pid, server } = await session.probe(navigated, timeoutMs, (r) => r.server !== undefined);
  return { rssBytes: extensionHostRss(pid), serverRssBytes: server!.rssBytes };
}

/**
 * With MILESTONES_BENCH_RENDERER_CPUPROFILE=FILE, profiles the workbench page's CPU (its renderer's
 * main thread, through Chromium's DevTools protocol) from before it loads until the tree is full,
 * and writes FILE: what the window does while the tree waits. Otherwise does nothing.
 */
async function startRendererProfile(page: Page): Promise<() => Promise<void>> {
  const file = process.env.MILESTONES_BENCH_RENDERER_CPUPROFILE;
  if (!file) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  };
}

/**
 * Tells each process profiling its CPU into one of `files` (the extension host's; with
 * MILESTONES_BENCH_SERVER_CPUPROFILE=FILE the language server's) to stop (`FILE.stop`), and waits
 * until it has written FILE.
 */
async function stopCpuProfile(files: readonly (string | undefined)[], timeoutMs: number): Promise<void> {
  for (const file of files) {
    if (!file) continue;
    rmSync(file, { force: true });
    writeFileSync(`${file}.stop`, '');
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`no CPU profile was written to ${file}`);
      await delay(100); // polls for a file the other process writes
    }
    rmSync(`${file}.stop`, { force: true });
  }
}

/**
 * The extension host's CPU time once a workbench on `folder` is idle: the Explorer shows its first
 * rows, then the CPU time is read each second until a second passes with under 20 ms more (at most
 * `timeoutMs`). With and without the extension, on a folder without milestone files, the two differ
 * by what the extension costs where it has nothing to do.
 */
export async function measureIdleCpu(session: Session, timeoutMs: number): Promise<number> {
  await session.page.goto(session.url);
  await session.page.locator('.monaco-workbench').waitFor();
  await session.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  const deadline = Date.now() + timeoutMs;
  let last: number | null = null;
  for (;;) {
    await delay(1000); // a sampling period: the measure is the CPU time once it stops growing
    const now = session.extensionHostCpuMs();
    if (now !== null && last !== null && (now - last < 20 || Date.now() > deadline)) return now;
    if (Date.now() > deadline) throw new Error('no extension host started');
    last = now;
  }
}
