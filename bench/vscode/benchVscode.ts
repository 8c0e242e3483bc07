// `npm run bench:vscode [-- --sizes 1000,10000] [--runs 1]`: the extension in a real VS Code (the
// server from .vscode-test/ in headless Chromium) on generated workspaces of N milestone files.
// Each figure is printed beside a baseline measured in the same run on the same machine (these
// machines are noisy; only ratios compare across runs): the command line's `list --json` of the
// same folder, VS Code's own Explorer showing a new file, the same figure at 100 files, and the
// extension host of an empty folder. Writes test-results/bench-vscode.json too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../../test/harness/repoPaths';
import { generateWorkspace } from '../generateWorkspace';
import { expectedTree, type ExpectedTree } from './expectedTree';
import { measureEmpty, measureIdleCpu, measureWorkbench, type WorkbenchFigures } from './measureWorkbench';
import { generatePlainWorkspace } from './plainWorkspace';
import { withSession } from './workbenchSession';

const MAX_SIZE = 50_000;
/** The size whose tick time is the baseline of every size's. */
const BASE_SIZE = 100;

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number;
  /** Files of the workspace without milestone files (`--plain N`); 0: not measured. */
  readonly plain: number;
}

function parseOptions(argv: readonly string[]): Options {
  let sizes: number[] | undefined;
  let runs = 1;
  let plain = 0;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--sizes' && value !== undefined) {
      sizes = value.split(',').map((s) => Number(s.trim()));
      if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_SIZE)) throw new Error(`--sizes: whole numbers from 1 to ${MAX_SIZE}, comma-separated (got ${value})`);
      i++;
    } else if (argv[i] === '--runs' && value !== undefined) {
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number ≥ 1 (got ${value})`);
      i++;
    } else if (argv[i] === '--plain' && value !== undefined) {
      plain = Number(value);
      if (!Number.isInteger(plain) || plain < 1 || plain > MAX_SIZE) throw new Error(`--plain: a whole number from 1 to ${MAX_SIZE} (got ${value})`);
      i++;
    } else {
      throw new Error(`unknown argument ${argv[i]}; usage: bench:vscode [--sizes 1000,10000] [--runs 1] [--plain 20000]`);
    }
  }
  // `--plain N` alone measures only that workspace.
  sizes ??= plain > 0 ? [] : [1000, 10_000];
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), runs, plain };
}

/** Generous waits: a 50,000-file scan on a busy two-core machine takes minutes. */
function timeoutFor(size: number): number {
  return Math.max(120_000, size * 6);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The wall time of `node dist/cli.js list --json <folder>`. */
function cliListMs(folder: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [path.join(repoRoot(), 'dist/cli.js'), 'list', '--json', folder], { maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`milestones list --json ${folder} exited ${result.status}: ${result.stderr?.toString() ?? ''}`);
  return ms;
}

interface SizeResult {
  readonly size: number;
  readonly files: number;
  readonly milestones: number;
  readonly cliListMs: readonly number[];
  readonly runs: readonly WorkbenchFigures[];
}

type NumericFigure = { [K in keyof WorkbenchFigures]: WorkbenchFigures[K] extends number ? K : never }[keyof WorkbenchFigures];
type Median = { [K in NumericFigure]: number } & { cliListMs: number; maxOtherBlockBy: string };

function medians(result: SizeResult): Median {
  const of = (key: NumericFigure) => median(result.runs.map((r) => r[key]));
  const longestOther = [...result.runs].sort((a, b) => b.maxOtherBlockMs - a.maxOtherBlockMs)[0];
  return {
    activationMs: of('activationMs'), openingMs: of('openingMs'), groupOpenMs: of('groupOpenMs'), tickMs: of('tickMs'), untickMs: of('untickMs'), outsideEditMs: of('outsideEditMs'),
    explorerNewFileMs: of('explorerNewFileMs'), maxBlockMs: of('maxBlockMs'), blocksOver50: of('blocksOver50'),
    totalBlockedOver50Ms: of('totalBlockedOver50Ms'), rssBytes: of('rssBytes'), checkedRssBytes: of('checkedRssBytes'), serverRssBytes: of('serverRssBytes'), serverReadyMs: of('serverReadyMs'),
    activateMs: of('activateMs'), maxOwnBlockMs: of('maxOwnBlockMs'), ownBlocksOver50: of('ownBlocksOver50'), maxOtherBlockMs: of('maxOtherBlockMs'),
    maxOtherBlockBy: longestOther?.maxOtherBlockBy ?? '', cliListMs: median(result.cliListMs),
  };
}

const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const mb = (v: number): string => `${(v / 1048576).toFixed(0)} MB`;
const ratio = (v: number, base: number): string => `${(v / base).toFixed(2)}×`;

function table(result: SizeResult, m: Median, base: Median, empty: { rssBytes: number; serverRssBytes: number }): string {
  const emptyRss = empty.rssBytes;
  const perFile = (m.serverRssBytes - empty.serverRssBytes) / result.files;
  const rows: [string, string, string, string][] = [
    ['1 activation → full tree', ms(m.activationMs), `CLI list --json ${ms(m.cliListMs)}`, ratio(m.activationMs, m.cliListMs)],
    ['1 opening → full tree', ms(m.openingMs), 'workbench start-up included', '—'],
    ['1 first group opened → rows', ms(m.groupOpenMs), `${BASE_SIZE} files ${ms(base.groupOpenMs)}`, ratio(m.groupOpenMs, base.groupOpenMs)],
    ['2 tick → tree', ms(m.tickMs), `${BASE_SIZE} files ${ms(base.tickMs)}`, ratio(m.tickMs, base.tickMs)],
    ['2 untick → tree', ms(m.untickMs), `${BASE_SIZE} files ${ms(base.untickMs)}`, ratio(m.untickMs, base.untickMs)],
    ['3 outside edit → tree', ms(m.outsideEditMs), `Explorer new file ${ms(m.explorerNewFileMs)}`, ratio(m.outsideEditMs, m.explorerNewFileMs)],
    ['4 longest ext-host block', ms(m.maxBlockMs), `${m.blocksOver50} blocks > 50 ms, ${ms(m.totalBlockedOver50Ms)} in all`, '—'],
    ['4 activate()', ms(m.activateMs), 'registers the views and commands, starts the server', '—'],
    ['4 longest block, Milestones code', ms(m.maxOwnBlockMs), `${m.ownBlocksOver50} blocks > 50 ms after activate(); others' longest ${ms(m.maxOtherBlockMs)}${m.maxOtherBlockBy ? ` (${m.maxOtherBlockBy})` : ''}`, '—'],
    ['5 ext-host RSS, tree full', mb(m.rssBytes), `empty folder ${mb(emptyRss)}`, `+${mb(m.rssBytes - emptyRss)}`],
    ['5 ext-host RSS, all checked', mb(m.checkedRssBytes), `empty folder ${mb(emptyRss)}`, `+${mb(m.checkedRssBytes - emptyRss)}`],
    ['6 server RSS, all files read', mb(m.serverRssBytes), `empty folder ${mb(empty.serverRssBytes)}`, `+${(perFile / 1024).toFixed(1)} KB/file`],
    ['6 opening → server has all files', ms(m.serverReadyMs), `CLI list --json ${ms(m.cliListMs)}`, ratio(m.serverReadyMs, m.cliListMs)],
  ];
  const head: [string, string, string, string] = ['measure', 'value', 'baseline', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const runs = result.runs.length > 1 ? `, medians of ${result.runs.length} runs` : '';
  return [`${result.size} files (${result.files} milestone files, ${result.milestones} milestones${runs})`, line(head), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const measured = options.sizes.length === 0 || options.sizes.includes(BASE_SIZE) ? options.sizes : [BASE_SIZE, ...options.sizes];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ms-benchvs-'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const emptyRss: { rssBytes: number; serverRssBytes: number }[] = [];
    for (let run = 0; run < (measured.length > 0 ? options.runs : 0); run++) {
      log(`empty folder, run ${run + 1}/${options.runs}`);
      emptyRss.push(await withSession(empty, timeoutFor(0), (s) => measureEmpty(s, timeoutFor(0))));
    }
    const results: SizeResult[] = [];
    for (const size of measured) {
      let expected: ExpectedTree | undefined;
      const cli: number[] = [];
      const runs: WorkbenchFigures[] = [];
      for (let run = 0; run < options.runs; run++) {
        // A fresh folder each run (the measures edit it); the generator makes the same files each time.
        const folder = path.join(tmp, `ws-${size}-${run + 1}`);
        log(`${size} files, run ${run + 1}/${options.runs}: generating ${folder}`);
        generateWorkspace(folder, size);
        rmSync(path.join(folder, 'VERSION'));
        expected ??= expectedTree(folder);
        log(`${size} files: the rows ticked and edited are "${expected.rows[0].milestone.title}" and "${expected.rows[1].milestone.title}"`);
        cli.push(cliListMs(folder));
        log(`${size} files, run ${run + 1}/${options.runs}: workbench`);
        const tree = expected;
        runs.push(await withSession(folder, timeoutFor(size), (s) => measureWorkbench(s, folder, tree, timeoutFor(size))));
        rmSync(folder, { recursive: true, force: true });
      }
      if (!expected) throw new Error('no run');
      results.push({ size, files: expected.files, milestones: expected.milestones, cliListMs: cli, runs });
    }
    const baseResult = results.find((r) => r.size === BASE_SIZE);
    const base = baseResult && medians(baseResult);
    const emptyMedian = { rssBytes: median(emptyRss.map((e) => e.rssBytes)), serverRssBytes: median(emptyRss.map((e) => e.serverRssBytes)) };
    const out = [`bench:vscode on ${os.cpus().length} CPU(s), node ${process.version}; baselines measured in the same run`];
    for (const result of results.filter((r) => options.sizes.includes(r.size))) out.push('', table(result, medians(result), base!, emptyMedian));
    let plain: { files: number; withMs: number[]; withoutMs: number[] } | undefined;
    if (options.plain > 0) {
      const folder = path.join(tmp, `plain-${options.plain}`);
      log(`${options.plain} files without milestones: generating ${folder}`);
      generatePlainWorkspace(folder, options.plain);
      plain = { files: options.plain, withMs: [], withoutMs: [] };
      for (let run = 0; run < options.runs; run++) {
        log(`${options.plain} files without milestones, run ${run + 1}/${options.runs}: with and without the extension`);
        plain.withMs.push(await withSession(folder, timeoutFor(options.plain), (s) => measureIdleCpu(s, timeoutFor(options.plain))));
        plain.withoutMs.push(await withSession(folder, timeoutFor(options.plain), (s) => measureIdleCpu(s, timeoutFor(options.plain)), { withExtension: false }));
      }
      const [w, wo] = [median(plain.withMs), median(plain.withoutMs)];
      out.push('', `${options.plain} markdown and JSON files, no milestone file: extension-host CPU ${ms(w)} with the extension, ${ms(wo)} without (${w - wo >= 0 ? '+' : ''}${ms(w - wo)})`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    const resultsDir = path.join(repoRoot(), 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    const json = {
      date: new Date().toISOString(), cpus: os.cpus().length, node: process.version, options,
      emptyFolderRssBytes: emptyRss, baseSize: BASE_SIZE, plain,
      sizes: results.map((r) => ({ ...r, median: medians(r) })),
    };
    const file = path.join(resultsDir, 'bench-vscode.json');
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:vscode failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
