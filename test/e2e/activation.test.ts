// The extension starts only where it has work. In a workspace of plain markdown and JSON (a README,
// package.json) VS Code finishes starting without activating it; opening the Milestones view starts
// it. In a workspace with milestone files it starts with the window (`workspaceContains:`).
// Run with `npm run test:ui`.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { MilestonesView } from './milestonesView';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

const opened: Workbench[] = [];
const sources: string[] = [];

after(async () => {
  for (const workbench of opened) await workbench.close('activation-last');
  for (const source of sources) rmSync(source, { recursive: true, force: true });
});

/** The extension host's log of the workbench (it lists every activation with its event). */
function hostLog(workbench: Workbench): string {
  const logs = path.join(path.dirname(workbench.workspace), 'udd', 'logs');
  for (const session of readdirSync(logs)) return path.join(logs, session, 'exthost1', 'remoteexthost.log');
  throw new Error(`no log session in ${logs}`);
}

const ACTIVATED = /_doActivateExtension milestones-dev\.milestones, startup: \w+, activationEvent: '([^']+)'/;

test('a workspace of plain markdown and JSON does not start the extension; opening its view does', async () => {
  const source = mkdtempSync(path.join(tmpdir(), 'ms-ui-plain-'));
  sources.push(source);
  writeFileSync(path.join(source, 'README.md'), '# A project\n\n- [ ] a task list in a README is no milestone file\n');
  writeFileSync(path.join(source, 'package.json'), '{ "name": "plain" }\n');
  const workbench = await Workbench.open({ workspace: source });
  opened.push(workbench);
  // Startup is over once the extensions waiting for it have started (VS Code's own merge-conflict).
  const log = hostLog(workbench);
  const started = await waitForFileText(log, (t) => /_doActivateExtension vscode\.merge-conflict/.test(t), 30_000);
  if (ACTIVATED.test(started)) throw new Error(`activated at startup:\n${ACTIVATED.exec(started)![0]}`);
  const view = new MilestonesView(workbench.page);
  await view.activityBarItem.click();
  const text = await waitForFileText(log, (t) => ACTIVATED.test(t), 30_000);
  const event = ACTIVATED.exec(text)![1]!;
  if (!event.startsWith('onView:')) throw new Error(`activated by ${event}, not by opening the view`);
  // The view then says there is nothing to show, and how to start.
  await workbench.page.locator('.part.sidebar .welcome-view-content').first().waitFor();
  await workbench.screenshot('activation-plain-workspace');
});

test('a workspace with milestone files starts it with the window', async () => {
  const workbench = await Workbench.open();
  opened.push(workbench);
  const text = await waitForFileText(hostLog(workbench), (t) => ACTIVATED.test(t), 30_000);
  const event = ACTIVATED.exec(text)![1]!;
  if (!event.startsWith('workspaceContains:')) throw new Error(`activated by ${event}`);
});
