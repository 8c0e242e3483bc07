// `npm run bench:web [-- --sizes 1000,10000] [--runs 1]`: the extension on the web (loaded as a
// web extension: the web worker extension host, the language server in a web worker, every file
// through `vscode.workspace.fs`) against the same extension on the desktop (the Node extension
// host, the server a Node process reading the disk), in the same VS Code server and browser, on the
// same generated workspace, measured in the same run (these machines are noisy: only ratios
// compare). What a person waits for: opening → full tree, a tick → its row, an outside edit → its row.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MilestonesView } from '../../test/e2e/milestonesView';
import { launchChromium } from '../../test/harness/chromium';
import { repoRoot } from '../../test/harness/repoPaths';
import { createRunFolder, removeRunFolder } from '../../test/harness/runFolder';
import { startVsCodeServer } from '../../test/harness/vscodeServer';
import { webExtensionFolder } from '../../test/harness/webExtension';
import { generateWorkspace } from '../generateWorkspace';
import { expectedTree, type ExpectedTree } from './expectedTree';
import { clickAndWait, editAndWait, exactly } from './measureWorkbench';

type Mode = 'desktop' | 'web';

interface Figures {
  readonly openingMs: number;
  readonly tickMs: number;
  readonly outsideEditMs: number;
}

function parseOptions(argv: readonly string[]): { sizes: number[]; runs: number } {
  let sizes = [1000, 10_000];
  let runs = 1;
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1] ?? '';
    if (argv[i] === '--sizes') sizes = value.split(',').map(Number);
    else if (argv[i] === '--runs') runs = Number(value);
    else throw new Error(`unknown argument ${argv[i]}; usage: bench:web [--sizes 1000,10000] [--runs 1]`);
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 50_000) || !Number.isInteger(runs) || runs < 1) throw new Error('--sizes: whole numbers from 1 to 50000; --runs: a whole number ≥ 1');
  return { sizes, runs };
}

/** One VS Code server and browser on `folder` with the extension as `mode` loads it; the three figures. */
async function measure(mode: Mode, folder: string, expected: ExpectedTree, timeoutMs: number): Promise<Figures> {
  const run = createRunFolder('bweb');
  // An identity, or the web asks for one at the first tick (the desktop takes git's).
  const server = await startVsCodeServer({ run, settings: { 'milestones.identity': 'bench' } });
  const browser = await launchChromium(run);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(timeoutMs);
    const view = new MilestonesView(page);
    const group = (label: string) => view.row(exactly(label));
    const extensionDevelopmentPath = mode === 'web' ? webExtensionFolder(run) : repoRoot();
    const start = performance.now();
    await page.goto(server.workbenchUrl({ folder, extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor();
    await view.open();
    for (const g of expected.groups) if ((await group(g.label).count()) > 0 || g === expected.groups[0]) await view.waitForDescription(group(g.label), g.description);
    const openingMs = performance.now() - start;
    const [a, b] = expected.rows;
    const rowA = view.row(exactly(a.milestone.title));
    await view.expand(group(expected.groups[0]!.label), rowA, timeoutMs);
    const stepA = view.row(exactly(a.step.text));
    await view.expand(rowA, stepA);
    const tickMs = await clickAndWait(view, stepA, rowA, a, a.step.state === 'done' ? -1 : 1);
    await clickAndWait(view, stepA, rowA, a, 0);
    const rowB = view.row(exactly(b.milestone.title));
    await rowB.waitFor();
    const outsideEditMs = await editAndWait(view, rowB, b, path.join(folder, b.milestone.file));
    // The file edited back, for the next run.
    await editAndWait(view, rowB, { ...b, step: { ...b.step, state: b.step.state === 'done' ? 'open' : 'done' }, milestone: { ...b.milestone, progress: { ...b.milestone.progress, done: b.milestone.progress.done + (b.step.state === 'done' ? -1 : 1) } } }, path.join(folder, b.milestone.file));
    return { openingMs, tickMs, outsideEditMs };
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    removeRunFolder(run);
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main(): Promise<void> {
  const { sizes, runs } = parseOptions(process.argv.slice(2));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ms-benchweb-'));
  try {
    for (const size of sizes) {
      const folder = path.join(tmp, `ws-${size}`);
      generateWorkspace(folder, size);
      const expected = expectedTree(folder);
      const timeoutMs = Math.max(120_000, size * 12);
      const figures: Record<Mode, Figures[]> = { desktop: [], web: [] };
      for (let r = 0; r < runs; r++) {
        // Interleaved, so a slow moment of the machine falls on both.
        for (const mode of ['desktop', 'web'] as const) {
          process.stderr.write(`${size} files, ${mode}, run ${r + 1}/${runs}\n`);
          figures[mode].push(await measure(mode, folder, expected, timeoutMs));
        }
      }
      const of = (mode: Mode, key: keyof Figures) => median(figures[mode].map((f) => f[key]));
      const rows: [string, keyof Figures][] = [['opening → full tree', 'openingMs'], ['tick → row', 'tickMs'], ['outside edit → row', 'outsideEditMs']];
      console.log(`${size} files (${expected.files} milestone files${runs > 1 ? `, medians of ${runs} runs` : ''})`);
      console.log(`${'measure'.padEnd(22)}${'web'.padStart(10)}${'desktop'.padStart(10)}${'ratio'.padStart(8)}`);
      for (const [label, key] of rows) {
        console.log(`${label.padEnd(22)}${`${of('web', key).toFixed(0)} ms`.padStart(10)}${`${of('desktop', key).toFixed(0)} ms`.padStart(10)}${`${(of('web', key) / of('desktop', key)).toFixed(2)}×`.padStart(8)}`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
