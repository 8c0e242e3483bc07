// The offline launcher (used by `npm test` and CI): runs the integration suite (index.js) in the
// extension host of the VS Code server from .vscode-test/, shown in headless Debian Chromium.
// The workbench honours the `payload` (extensionDevelopmentPath, extensionTestsPath) because the
// server runs with --enable-smoke-test-driver; the extension host's console comes back through
// window.codeAutomationLog and its exit code through window.codeAutomationExit.
//
// Two runs, one per launch:
//   runOffline.js               a copy of examples/ opened as a single folder (`?folder=`); mocha
//                               runs every *.test.js except *.multiroot.test.js
//   runOffline.js --multi-root  a multi-root workspace (`?workspace=x.code-workspace`): copies of
//                               examples/ as `lantern` and test/integration/fixtures/relay/ as
//                               `relay`; mocha runs only *.multiroot.test.js
//   runOffline.js --agreement   a multi-root workspace of copies of every folder of the corpus
//                               (../shared/corpus beside the repo, or MILESTONES_CORPUS); mocha
//                               runs only *.agreement.test.js (the CLI against the diagnostics)
//   runOffline.js --problems    a copy of test/integration/fixtures/problems/ (one small file per
//                               validation check) as a single folder; mocha runs only
//                               *.problems.test.js
//   runOffline.js --lifecycle   another copy of examples/ as a single folder; mocha runs only
//                               *.lifecycle.test.js (they create, complete, archive and move files)
//   runOffline.js --restricted  another copy of fixtures/problems/, opened in Restricted Mode
//                               (Workspace Trust on, the folder not trusted); mocha runs only
//                               *.restricted.test.js
//   runOffline.js --hostile     a copy of test/integration/fixtures/hostile/ (alias bombs and a
//                               catastrophic schema pattern beside normal files), trusted; mocha
//                               runs only *.hostile.test.js
// The tests see MILESTONES_TEST_SUITES (`single`, `multiroot`, `agreement`, `problems`, `lifecycle`,
// `restricted` or `hostile`; index.js picks the files by it).
//
// Environment: MILESTONES_TEST_TIMEOUT_MS (default 180000), MILESTONES_TEST_WORKSPACE_SOURCE
// (folder copied as the workspace, or as `lantern` in the multi-root run, default examples/),
// MILESTONES_EXTENSION_PATH (default the repo). The tests see MILESTONES_TEST_WORKSPACE: the path
// of that copy (the multi-root run: the path of the .code-workspace file).
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { repoRoot } from '../harness/repoPaths';
import { copyMultiRootWorkspace, copyWorkspace, createRunFolder, removeRunFolder, type WorkspaceFolderSource } from '../harness/runFolder';
import { startVsCodeServer, type VsCodeServer } from '../harness/vscodeServer';
import { startLine, summaryPattern } from './reportLines';

interface HostLog {
  readonly relativePath: string;
  readonly contents: string;
}

/** What the workbench logs because it is offline (extension gallery, service worker): harmless. */
const offlineNoise = /ENOTFOUND open-vsx\.org|\[Service Worker\]/;

async function main(): Promise<number> {
  const root = repoRoot();
  const timeoutMs = Number(process.env.MILESTONES_TEST_TIMEOUT_MS ?? 180_000);
  const agreement = process.argv.includes('--agreement');
  const multiRoot = process.argv.includes('--multi-root') || agreement;
  const problems = !multiRoot && process.argv.includes('--problems');
  const lifecycle = !multiRoot && !problems && process.argv.includes('--lifecycle');
  const restricted = !multiRoot && !problems && !lifecycle && process.argv.includes('--restricted');
  const hostile = !multiRoot && !problems && !lifecycle && !restricted && process.argv.includes('--hostile');
  const suites = agreement ? 'agreement' : multiRoot ? 'multiroot' : problems ? 'problems' : lifecycle ? 'lifecycle' : restricted ? 'restricted' : hostile ? 'hostile' : 'single';
  const run = createRunFolder(agreement ? 'ag' : multiRoot ? 'mr' : problems ? 'pr' : lifecycle ? 'lc' : restricted ? 'rs' : hostile ? 'ho' : 'it');
  const examples = process.env.MILESTONES_TEST_WORKSPACE_SOURCE ?? path.join(root, 'examples');
  const workspace = agreement
    ? copyMultiRootWorkspace(run, corpusFolders(process.env.MILESTONES_CORPUS ?? path.resolve(root, '../shared/corpus')))
    : multiRoot
    ? copyMultiRootWorkspace(run, [
      { name: 'lantern', source: examples },
      { name: 'relay', source: path.join(root, 'test/integration/fixtures/relay') },
    ])
    : copyWorkspace(run, problems || restricted ? path.join(root, 'test/integration/fixtures/problems')
      : hostile ? path.join(root, 'test/integration/fixtures/hostile') : examples);
  const consoleFile = path.join(root, `test-results/integration${suites === 'single' ? '' : `-${suites}`}-console.log`);
  mkdirSync(path.dirname(consoleFile), { recursive: true });
  writeFileSync(consoleFile, '');
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  let code = 1;
  try {
    server = await startVsCodeServer({ run, restricted, env: { MILESTONES_TEST_WORKSPACE: workspace, MILESTONES_TEST_SUITES: suites } });
    browser = await launchChromium(run);
    const page = await browser.newPage();
    let onExit: (result: { code: number; logs: HostLog[] }) => void = () => undefined;
    const exit = new Promise<{ code: number; logs: HostLog[] }>((resolve) => (onExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number, logs: HostLog[]) => onExit({ code, logs: logs ?? [] }));
    page.once('crash', () => {
      console.error('integration: the workbench page crashed');
      onExit({ code: 1, logs: [] });
    });
    // Everything the workbench logs goes to the console file; mocha's report (index.js's start
    // line to its summary line) is echoed too, without the workbench's offline noise.
    let echo: 'before' | 'during' | 'after' = 'before';
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? (args as unknown[]) : [args]));
      appendFileSync(consoleFile, `[${level}] ${line}\n`);
      if (line.startsWith(startLine)) echo = 'during';
      if (echo === 'during' && !offlineNoise.test(line)) (level === 'error' ? console.error : console.log)(line);
      if (summaryPattern.test(line)) echo = 'after';
    });
    await page.goto(server.workbenchUrl({
      ...(multiRoot ? { workspace } : { folder: workspace }),
      extensionDevelopmentPath: process.env.MILESTONES_EXTENSION_PATH ?? root,
      extensionTestsPath: path.join(__dirname, 'index.js'),
    }));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const result = await Promise.race([exit, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      console.error(`integration: the tests did not finish within ${timeoutMs / 1000} s (set MILESTONES_TEST_TIMEOUT_MS to change); workbench console: ${consoleFile}`);
      return 1;
    }
    code = result.code;
    if (code !== 0) {
      console.error(`integration: the extension host exited with code ${code}; workbench console: ${consoleFile}`);
      saveHostLogs(root, result.logs, suites === 'single' ? 'integration-logs' : `integration-${suites}-logs`);
    }
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (code === 0) removeRunFolder(run);
    else console.error(`integration: run folder kept for inspection: ${run.dir}`);
  }
}

/** Every folder of the corpus (one repository each), as workspace folders named like the folder. */
function corpusFolders(corpus: string): WorkspaceFolderSource[] {
  return readdirSync(corpus, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, source: path.join(corpus, e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** On failure, keeps the logs the workbench hands over (extension host, renderer) in test-results/. */
function saveHostLogs(root: string, logs: readonly HostLog[], folder: string): void {
  const dir = path.join(root, 'test-results', folder);
  for (const log of logs) {
    const file = path.join(dir, log.relativePath.replace(/^(\.\.\/)+/, ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, log.contents);
  }
  if (logs.length) console.error(`integration: VS Code logs saved in ${dir}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`integration: the launcher failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
