// npm start: installs the offline VS Code server (cached in .vscode-test/), builds, and serves a
// real VS Code with this extension loaded from the repository (extensionDevelopmentPath) on the
// repository's examples/ folder, in place: edits made there are the user's. Runs until Ctrl+C.
//   npm start [-- --port N]     (or PORT=N npm start); default port 8081
//   npm start -- --web          the extension as VS Code for the Web runs it (the web worker extension
//                               host; a copy of the build with only package.json's `browser` entry)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 8081));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`start: not a port: ${portFlag > 0 ? process.argv[portFlag + 1] : process.env.PORT}`);
  process.exit(2);
}

execFileSync('bash', [path.join(root, 'scripts/setup-vscode-server.sh')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--no-typecheck'], { stdio: 'inherit', cwd: root });

// The same harness the tests use (test/harness/, bundled into out/ by the build).
const require = createRequire(import.meta.url);
const { createRunFolder, removeRunFolder } = require(path.join(root, 'out/test/harness/runFolder.js'));
const { startVsCodeServer } = require(path.join(root, 'out/test/harness/vscodeServer.js'));
const { webExtensionFolder } = require(path.join(root, 'out/test/harness/webExtension.js'));
const web = process.argv.includes('--web');

const run = createRunFolder('start');
let server;
let stopping = false;
/** Stops the server; `keepLog` keeps the run folder (and the server log in it) for inspection. */
const shutdown = async (code, keepLog = false) => {
  stopping = true;
  await server?.stop();
  if (!keepLog) removeRunFolder(run);
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

try {
  server = await startVsCodeServer({ run, port });
} catch (error) {
  console.error(`start: ${error.message}`);
  if (/EADDRINUSE/.test(error.message)) console.error(`start: port ${port} is taken; try: npm start -- --port ${port + 1}`);
  await shutdown(1);
}
// On the web the copy is made once: after `npm run build`, start again to load the new build.
const url = server.workbenchUrl({ folder: path.join(root, 'examples'), extensionDevelopmentPath: web ? webExtensionFolder(run) : root });
console.log(`Milestones is running in VS Code at ${url}`);
console.log(`(server log: ${server.logFile}; after \`npm run build\`, ${web ? 'start again' : 'reload the page'} to load the new build; Ctrl+C stops)`);
const code = await server.exited;
if (stopping) await new Promise(() => {}); // Ctrl+C: shutdown() exits
console.error(`start: the VS Code server stopped (exit code ${code}); see ${server.logFile}`);
await shutdown(1, true);
