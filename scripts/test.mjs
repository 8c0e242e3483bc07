// The project's test entry point.
//   npm test                          build (with type check) → lint → unit → setup → integration → ui
//   node scripts/test.mjs unit        one part (or several: `lint unit`), after a build without type check
// Parts:
//   lint         ESLint with typed rules over the sources, tests, webview and scripts (eslint.config.mjs);
//                any problem fails the run (a summary row like build's, with the number of problems)
//   unit         node --test over out/test/unit/**/*.test.js (plain Node, the core)
//   integration  mocha in a real VS Code extension host, offline, in seven runs (a summary row each):
//                `integration` opens a copy of examples/ as a single folder (runOffline.js);
//                `integration-multiroot` opens a two-folder .code-workspace and runs only
//                *.multiroot.test.js (runOffline.js --multi-root); `integration-agreement` opens
//                every corpus folder and compares `milestones validate --json` with the diagnostics
//                (runOffline.js --agreement); `integration-problems` opens fixtures/problems/ (one
//                file per validation check) and runs *.problems.test.js (runOffline.js --problems);
//                `integration-lifecycle` opens another copy of examples/ and runs *.lifecycle.test.js
//                (new, claim, complete, archive, distill … change files; runOffline.js --lifecycle);
//                `integration-restricted` opens fixtures/problems/ in Restricted Mode and runs
//                *.restricted.test.js (runOffline.js --restricted); `integration-hostile` opens
//                fixtures/hostile/ (alias bombs, a catastrophic schema pattern) and runs
//                *.hostile.test.js (runOffline.js --hostile)
//   ui           node:test files out/test/e2e/*.test.js, one after another (Playwright + Chromium)
// Integration and ui first run scripts/setup-vscode-server.sh (cached in .vscode-test/).
// Tests that read the shared real-file corpus (../shared/corpus, beside the clone in CI) run when it
// is there; without it they are not run, and the summary says how many and why (never a failure).
// The last line is `tests: N passed, N failed` (unit + integration + ui); a part that crashes
// without reporting counts as one failed test. Exit code 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const allParts = ['lint', 'unit', 'integration', 'ui'];
const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !allParts.includes(part));
if (unknown.length) {
  console.error(`test: unknown part ${unknown.join(', ')}; use ${allParts.join(' | ')}`);
  process.exit(2);
}
const parts = asked.length ? allParts.filter((part) => asked.includes(part)) : allParts;
/** Minutes a part may take before it is stopped (its own timeouts should fire first). */
const partTimeoutMin = { build: 5, lint: 5, setup: 20, unit: 10, integration: 10, 'integration-multiroot': 10, 'integration-agreement': 10, 'integration-problems': 10, 'integration-lifecycle': 10, 'integration-restricted': 10, 'integration-hostile': 10, ui: 20 };
/** The steps whose tests are counted (the others, build, lint and setup, count as one failure when they fail). */
const testSteps = ['unit', 'integration', 'integration-multiroot', 'integration-agreement', 'integration-problems', 'integration-lifecycle', 'integration-restricted', 'integration-hostile', 'ui'];

const results = [];
const CORPUS_ABSENT = 'corpus: ../shared/corpus absent';
const corpusPresent = existsSync(path.resolve(root, '../shared/corpus'));
/** Unit tests not run because the corpus is absent (the agreement run is not run either). */
let corpusNotRun = 0;
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current.pid, 'SIGTERM');
    process.exit(130);
  });
}

await main();

async function main() {
  const build = await step('build', process.execPath, ['scripts/build.mjs', ...(asked.length ? ['--no-typecheck'] : [])]);
  if (!build.ok) return finish();
  if (parts.includes('lint')) await lint();
  if (parts.includes('unit')) await unit();
  if (parts.includes('integration') || parts.includes('ui')) {
    const setup = await step('setup', 'bash', ['scripts/setup-vscode-server.sh']);
    for (const part of ['integration', 'ui'].filter((p) => parts.includes(p))) {
      if (!setup.ok) results.push({ name: part, ok: false, passed: 0, failed: 1, note: 'not run: setup failed', seconds: 0 });
      else if (part === 'integration') await integration();
      else await ui();
    }
  }
  finish();
}

async function lint() {
  const run = await step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
  // ESLint's stylish report ends with `✖ N problems (N errors, N warnings)`.
  const problems = run.output.match(/^✖ (\d+) problems?/m);
  if (problems) results.at(-1).note = `${problems[1]} problem${problems[1] === '1' ? '' : 's'}`;
}

async function unit() {
  const files = testFiles('out/test/unit', (name) => name.endsWith('.test.js'));
  if (!files.length) return results.push({ name: 'unit', ok: true, passed: 0, failed: 0, note: 'no test files', seconds: 0 });
  const run = await step('unit', process.execPath, ['--test', '--test-reporter=spec', ...files]);
  countNodeTest(run);
  // node:test's spec reporter ends a skipped test's line with `# <reason>`.
  const skipped = run.output.split('\n').filter((line) => line.trimEnd().endsWith(`# ${CORPUS_ABSENT}`)).length;
  if (skipped > 0) {
    corpusNotRun += skipped;
    run.note = `${skipped} not run: ${CORPUS_ABSENT}`;
  }
}

async function integration() {
  await integrationRun('integration', []);
  await integrationRun('integration-multiroot', ['--multi-root']);
  if (corpusPresent) await integrationRun('integration-agreement', ['--agreement']);
  else {
    results.push({ name: 'integration-agreement', ok: true, passed: 0, failed: 0, note: `not run: ${CORPUS_ABSENT}`, seconds: 0 });
  }
  await integrationRun('integration-problems', ['--problems']);
  await integrationRun('integration-lifecycle', ['--lifecycle']);
  await integrationRun('integration-restricted', ['--restricted']);
  await integrationRun('integration-hostile', ['--hostile']);
}

async function integrationRun(name, args) {
  const run = await step(name, process.execPath, ['out/test/integration/runOffline.js', ...args]);
  const match = [...run.output.matchAll(/^integration: (\d+) passed, (\d+) failed$/gm)].at(-1);
  if (match) Object.assign(run, { passed: Number(match[1]), failed: Number(match[2]) });
  settle(run, Boolean(match));
}

async function ui() {
  const files = testFiles('out/test/e2e', (name) => name.endsWith('.test.js'));
  if (!files.length) return results.push({ name: 'ui', ok: true, passed: 0, failed: 0, note: 'no test files', seconds: 0 });
  const run = await step('ui', process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files]);
  countNodeTest(run);
}

/** Reads node:test's spec summary (`ℹ pass N`, `ℹ fail N`, `ℹ cancelled N`). */
function countNodeTest(run) {
  const last = (key) => [...run.output.matchAll(new RegExp(`^ℹ ${key} (\\d+)$`, 'gm'))].at(-1);
  const pass = last('pass');
  if (pass) Object.assign(run, { passed: Number(pass[1]), failed: Number(last('fail')?.[1] ?? 0) + Number(last('cancelled')?.[1] ?? 0) });
  settle(run, Boolean(pass));
}

/** A part that exited non-zero without reporting a failure counts as one failed test. */
function settle(run, reported) {
  if (!run.ok && run.failed === 0) {
    run.failed = 1;
    run.note = reported ? `exit code ${run.code}` : `crashed (exit code ${run.code}) before reporting`;
  }
  run.ok = run.ok && run.failed === 0;
}

/** Runs a command in its own process group, echoing and keeping its output; records the result. */
function step(name, command, args) {
  console.log(`\n== ${name}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    current = child;
    let output = '';
    const keep = (stream) => (chunk) => {
      stream.write(chunk);
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`test: ${name} did not finish within ${partTimeoutMin[name]} min; stopping it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000).unref();
    }, partTimeoutMin[name] * 60_000);
    const done = (code, error) => {
      clearTimeout(timer);
      current = undefined;
      if (error) console.error(`test: could not run ${command}: ${error.message}`);
      const run = { name, ok: code === 0, code, output, passed: 0, failed: 0, seconds: (Date.now() - started) / 1000 };
      if (timedOut) run.note = 'timed out';
      if (!testSteps.includes(name)) {
        results.push({ ...run, failed: run.ok ? 0 : 1, counted: false, note: run.note ?? (run.ok ? '' : `exit code ${code}`) });
      } else {
        results.push(run);
      }
      resolve(run);
    };
    child.once('error', (error) => done(null, error));
    child.once('close', (code, signal) => done(code ?? signal));
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Every file below `dir` (relative to the root) whose name passes `keep`, sorted. */
function testFiles(dir, keep) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((file) => keep(path.basename(file)))
    .sort()
    .map((file) => path.join(dir, file));
}

function finish() {
  const counted = results.filter((r) => r.counted !== false);
  const passed = counted.reduce((sum, r) => sum + r.passed, 0);
  // A failed build or setup also counts as one failed test, so the line never reads "0 failed" then.
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log('\n== summary');
  for (const r of results) {
    const counts = r.counted === false ? (r.ok ? 'ok' : 'FAILED') : `${r.passed} passed, ${r.failed} failed`;
    console.log(`${r.name.padEnd(22)} ${counts.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ''}`);
  }
  if (!corpusPresent) console.log(`${CORPUS_ABSENT}, ${corpusNotRun} tests not run${parts.includes('integration') ? ' (and the integration-agreement run)' : ''}`);
  const ok = results.every((r) => r.ok);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}
