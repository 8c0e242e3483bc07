// The launcher for machines that can download VS Code: @vscode/test-electron fetches a desktop
// VS Code into .vscode-test/ and runs the same suite (index.js) in its extension host.
// Not used in CI here (no download is possible); run with `node out/test/integration/runElectron.js`
// after `npm run build`. Same environment as runOffline.ts.
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { repoRoot } from '../harness/repoPaths';
import { copyWorkspace, createRunFolder, removeRunFolder } from '../harness/runFolder';

async function main(): Promise<void> {
  const root = repoRoot();
  const run = createRunFolder('el');
  const workspace = copyWorkspace(run, process.env.MILESTONES_TEST_WORKSPACE_SOURCE ?? path.join(root, 'examples'));
  try {
    await runTests({
      extensionDevelopmentPath: process.env.MILESTONES_EXTENSION_PATH ?? root,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(run.dir, 'udd')],
      extensionTestsEnv: { MILESTONES_TEST_WORKSPACE: workspace },
    });
  } finally {
    removeRunFolder(run);
  }
}

main().catch((error: unknown) => {
  console.error(`integration (electron): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
