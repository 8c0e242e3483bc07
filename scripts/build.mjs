// Builds everything a fresh clone needs.
//   dist/extension.js, dist/cli.js   the extension and the command line (esbuild bundles)
//   dist/server.js                   the language server (`milestones lsp --stdio` loads it)
//   dist/mcp.js                      the MCP server (`milestones mcp` loads it)
//   dist/web/extension.js, server.js the extension and its language server on the web (package.json `browser`)
//   dist/webview/                    the form editor's webview (esbuild, webview-ui/tsconfig.json)
//   out/test/**, out/bench/          each test file and the bench bundled on its own, so a test runs
//                                    without the rest of the tree compiling; test/integration/run*.ts
//                                    are the launchers, test/harness/ the VS Code server + Chromium
// then type-checks both TypeScript projects with tsc, the extension (tsconfig.json) and the webview
// (webview-ui/tsconfig.json: DOM library) (skip both with --no-typecheck while iterating).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { writeBuiltinValidators } from './builtinValidators.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const typecheck = !process.argv.includes('--no-typecheck');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };
// mainFields: jsonc-parser's UMD entry loads its parts with a dynamic require esbuild cannot follow;
// its ESM entry bundles cleanly.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

// The web bundles. Two Node modules are used by the engine's shared code, and are replaced by
// plain JavaScript with the same answers for posix paths, so that code runs unchanged: `path`
// (path-browserify is Node's posix `path`), and `url`'s file URL conversions (src/web/posixFileUrl.ts,
// used only by the workspace schemas, which the web does not read). Every other Node module must
// stay out: esbuild cannot resolve one for the browser, and `webOnly` checks what is left external.
const web = {
  ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], metafile: true,
  alias: { 'node:path': 'path-browserify', path: 'path-browserify', 'node:url': './src/web/posixFileUrl.ts' },
  // gray-matter's one `Buffer.from` (src/web/bufferShim.ts says why).
  inject: ['./src/web/bufferShim.ts'],
};

/** Fails when a web bundle imports anything but `vscode` from outside itself (a Node built-in module, say). */
function webOnly(result) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const outside = output.imports.filter((i) => i.external && i.path !== 'vscode').map((i) => i.path);
    if (outside.length > 0) throw new Error(`${file} imports ${outside.join(', ')}: the web bundles must not load Node modules`);
  }
}

/** Every `*.ts` file below `dir` (relative to the root) whose name passes `keep`. */
function sources(dir, keep) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && keep(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
}

rmSync(path.join(root, 'out'), { recursive: true, force: true });
// A production build (the .vsix) starts from an empty dist/: no source maps of a dev build ship.
if (production) rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// src/core/schema/generated/ (git-ignored): the built-in schemas' validators, precompiled by ajv's
// standalone code generation (nothing compiles code at run time for them, in the browser either);
// the bundles and tsc below need it.
await writeBuiltinValidators(root);
const jobs = [
  build({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' }),
  build({ ...node, entryPoints: ['src/mcp/mcpServer.ts'], outfile: 'dist/mcp.js' }),
  // The web (package.json `browser`: vscode.dev, github.dev): the extension for the web worker
  // extension host, and the language server for a web worker of its own. No Node built-in module
  // may be in them (`webOnly` fails the build otherwise).
  build({ ...web, entryPoints: ['src/extension/webExtension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] }).then(webOnly),
  build({ ...web, entryPoints: ['src/server/webMain.ts'], outfile: 'dist/web/server.js', format: 'iife' }).then(webOnly),
];
if (existsSync(path.join(root, 'webview-ui/src/main.ts'))) {
  jobs.push(build({ ...common, entryPoints: ['webview-ui/src/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'esm', target: 'es2022', tsconfig: 'webview-ui/tsconfig.json' }));
}
if (!production) {
  const unit = sources('test/unit', (n) => n.endsWith('.test.ts'));
  if (unit.length) jobs.push(build({ ...node, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit' }));
  const integration = sources('test/integration', (n) => n.endsWith('.test.ts') || n === 'index.ts');
  if (integration.length) jobs.push(build({ ...node, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] }));
  const launchers = sources('test/integration', (n) => /^run\w*\.ts$/.test(n));
  if (launchers.length) jobs.push(build({ ...node, entryPoints: launchers, outdir: 'out/test/integration', outbase: 'test/integration', external: ['playwright-core', '@vscode/test-electron'] }));
  // The harness (VS Code server + Chromium) is also loaded on its own by scripts/start.mjs.
  const harness = sources('test/harness', (n) => n.endsWith('.ts'));
  if (harness.length) jobs.push(build({ ...node, entryPoints: harness, outdir: 'out/test/harness', outbase: 'test/harness', external: ['playwright-core'] }));
  const e2e = sources('test/e2e', (n) => n.endsWith('.ts'));
  if (e2e.length) jobs.push(build({ ...node, entryPoints: e2e, outdir: 'out/test/e2e', outbase: 'test/e2e', external: ['playwright-core'] }));
  // bench/vscode/ drives a real VS Code (`npm run bench:vscode`, `npm run bench:web`): only its entries are bundled, with Playwright left out.
  const bench = sources('bench', (n) => n.endsWith('.ts')).filter((f) => !f.startsWith(path.join('bench', 'vscode') + path.sep));
  if (bench.length) jobs.push(build({ ...node, entryPoints: bench, outdir: 'out/bench', outbase: 'bench' }));
  if (existsSync(path.join(root, 'bench/vscode/benchVscode.ts'))) {
    jobs.push(build({ ...node, entryPoints: ['bench/vscode/benchVscode.ts', 'bench/vscode/benchWeb.ts'], outdir: 'out/bench/vscode', outbase: 'bench/vscode', external: ['playwright-core'] }));
  }
}
await Promise.all(jobs);
if (typecheck) {
  for (const project of [root, path.join(root, 'webview-ui')]) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit'], { stdio: 'inherit' });
  }
}
