// Playwright helpers for UI tests: a real VS Code (the server from .vscode-test/) in headless
// Debian Chromium, with the extension loaded from its development path on a copy of a workspace.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { repoRoot } from '../harness/repoPaths';
import { copyWorkspace, createRunFolder, removeRunFolder, type RunFolder } from '../harness/runFolder';
import { startVsCodeServer, type VsCodeServer } from '../harness/vscodeServer';
import { webExtensionFolder } from '../harness/webExtension';

export interface WorkbenchOptions {
  /** Folder copied into the run folder and opened; default `examples/`. The copy is `Workbench.workspace`. */
  readonly workspace?: string;
  /** Extension under test; default the repository (or MILESTONES_EXTENSION_PATH). */
  readonly extensionPath?: string;
  /** Extra environment for the server and the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** Playwright's default timeout for every wait, in ms; default 30000. */
  readonly timeoutMs?: number;
  /** User settings added to the harness's quiet ones. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Loads the extension as VS Code on the web does, in the web worker extension host (`webExtensionFolder`); `extensionPath` is then ignored. */
  readonly web?: boolean;
}

/** Where screenshots go (git-ignored). */
export const resultsDir = path.join(repoRoot(), 'test-results');

export class Workbench {
  private constructor(
    readonly page: Page,
    /** Absolute path of the opened workspace copy: read the files the UI edits from here. */
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly server: VsCodeServer,
    private readonly run: RunFolder,
  ) {}

  /** Starts a server and a browser and waits until the workbench has loaded. */
  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const root = repoRoot();
    const run = createRunFolder('ui');
    const workspace = copyWorkspace(run, options.workspace ?? path.join(root, 'examples'));
    const server = await startVsCodeServer({ run, env: { MILESTONES_TEST_WORKSPACE: workspace, ...options.env }, ...(options.settings ? { settings: options.settings } : {}) });
    let browser: Browser | undefined;
    try {
      browser = await launchChromium(run);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(options.timeoutMs ?? 30_000);
      const extensionDevelopmentPath = options.web ? webExtensionFolder(run) : options.extensionPath ?? process.env.MILESTONES_EXTENSION_PATH ?? root;
      await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath }));
      await page.locator('.monaco-workbench').waitFor();
      return new Workbench(page, workspace, browser, server, run);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  /** Runs a command by its title from the command palette (F1), e.g. `Milestones: Refresh`. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input[type="text"]');
    await this.page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Closes the browser and kills the server. With `lastScreenshot`, first saves the final state
   * (useful when a test failed). Safe to call twice.
   */
  async close(lastScreenshot?: string): Promise<void> {
    if (lastScreenshot) await this.screenshot(lastScreenshot).catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    removeRunFolder(this.run);
  }
}
