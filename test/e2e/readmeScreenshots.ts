// `npm run screenshots`: takes the README's screenshots from a real VS Code on a copy of examples/
// and writes them to media/screenshots/. Not part of `npm test`; rerun after a visible change.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/repoPaths';
import { FormEditor } from './formEditor';
import { MilestonesView } from './milestonesView';
import { examplesWithSettings } from './examplesCopy';
import { addQueryBoxTypo, showQueryBoxQuickFix } from './queryBoxTypo';
import { Workbench } from './workbench';

async function main(): Promise<void> {
  const out = path.join(repoRoot(), 'media/screenshots');
  mkdirSync(out, { recursive: true });
  // The examples with a workspace identity, so the ticked step says who in a way a reader expects.
  const source = examplesWithSettings('ms-shots-', { 'milestones.identity': 'session-8', 'workbench.colorTheme': 'Default Light Modern' });
  // One typo, for the diagnostics screenshot: a status outside the ExecPlan enum.
  addQueryBoxTypo(source);
  const workbench = await Workbench.open({ workspace: source });
  try {
    const { page } = workbench;
    await page.setViewportSize({ width: 1440, height: 900 });
    const view = new MilestonesView(page);
    await view.open();
    // A wider side bar, so titles and progress are readable: drag the sash between side bar and editor.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 560, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await view.row('Index builder').waitFor();
    // Validation marks the typo'd milestone: wait for it, so no repaint lands under a click.
    await view.waitForDescription(view.row('Query box'), /1 problem/);
    for (const label of ['Index builder', 'Health snapshot', 'Deploy the preview site']) await view.expand(view.row(label));
    await view.row('Index builder').locator('.label-name').click();
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Index builder' }).first().waitFor();
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Index builder 3/7' }).waitFor();
    keep(await workbench.screenshot('readme-tree'), out);
    // Tick a session JSON step, then show the file: status, completed_by, completed_at, progress.
    await view.clickCheckbox(view.row('Upload to the preview bucket'));
    await view.waitForDescription(view.row('Deploy the preview site'), '3/5');
    await view.row('Upload to the preview bucket').locator('.label-name').click();
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '"completed_by"' }).first().waitFor();
    keep(await workbench.screenshot('readme-tick-json-step'), out);
    // The typo: squiggle, Problems panel, and the quick fix menu on it.
    await showQueryBoxQuickFix(page, view);
    keep(await workbench.screenshot('readme-quick-fix'), out);
    // The Milestone Form over the Index builder, in the light theme and then the dark one.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+J'); // toggles the panel: it is open, so this hides it
    await page.locator('.part.panel').waitFor({ state: 'hidden' });
    await view.row('Index builder').locator('.label-name').click();
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Index builder' }).first().waitFor();
    await workbench.runCommand('Milestones: Open in Form');
    const form = new FormEditor(page);
    await form.health('Tests & QA').waitFor();
    await form.frame.locator('section.step-group').first().evaluate((e) => (e as unknown as { scrollIntoView(options: { block: 'start' }): void }).scrollIntoView({ block: 'start' }));
    keep(await workbench.screenshot('readme-form-light'), out);
    writeFileSync(path.join(workbench.workspace, '.vscode/settings.json'), JSON.stringify({ 'milestones.identity': 'session-8', 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    await form.frame.locator('body.vscode-dark').waitFor();
    keep(await workbench.screenshot('readme-form-dark'), out);
  } finally {
    await workbench.close();
    rmSync(source, { recursive: true, force: true });
  }
}

function keep(shot: string, folder: string): void {
  copyFileSync(shot, path.join(folder, path.basename(shot)));
  console.log(`wrote ${path.join(folder, path.basename(shot))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
