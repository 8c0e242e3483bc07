// `npm run screenshots` (second part): the README's lifecycle screenshots from a real VS Code on a
// copy of examples/, each workflow done through the UI a person uses (view title, context menus,
// quick picks, dialogs), written to media/screenshots/. Not part of `npm test`.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/repoPaths';
import { MilestonesView } from './milestonesView';
import { examplesWithSettings } from './examplesCopy';
import { QuickInput } from './quickInput';
import { waitForFileText } from './waitForFile';
import { Workbench } from './workbench';

async function main(): Promise<void> {
  const out = path.join(repoRoot(), 'media/screenshots');
  mkdirSync(out, { recursive: true });
  const source = examplesWithSettings('ms-shots-lc-', { 'milestones.identity': 'session-8', 'workbench.colorTheme': 'Default Light Modern' });
  const workbench = await Workbench.open({ workspace: source });
  const keep = async (name: string) => copyFileSync(await workbench.screenshot(name), path.join(out, `${name}.png`));
  try {
    const { page } = workbench;
    await page.setViewportSize({ width: 1440, height: 900 });
    const view = new MilestonesView(page);
    const quick = new QuickInput(page);
    const dialog = page.locator('.monaco-dialog-box');
    const editorLine = (text: string) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();
    await view.open();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 520, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await view.row('Index builder').waitFor();
    await view.showNext(true);

    // New milestone: the kinds offered by "New Milestone…", then an ExecPlan milestone made.
    await view.titleAction('New Milestone…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ExecPlan milestones' }).waitFor();
    await keep('readme-new-milestone');
    await quick.pick('ExecPlan milestones');
    await quick.pick('EP-20261102-001');
    await quick.type('The milestone title', 'Ranking');
    await quick.pick('backend');
    await editorLine('id: EP-20261102-001/MS004').waitFor();

    // The context menu of a milestone, then Complete refused with the open criteria.
    await view.row('Query box').click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Archive Milestone' }).waitFor();
    await keep('readme-context-menu');
    await page.keyboard.press('Escape');
    await view.contextMenu(view.row('Query box'), 'Complete Milestone');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Complete Anyway' }).waitFor();
    await keep('readme-complete-refused');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Cancel' }).click();

    // Approval gate: "Log Approval…" on Core Pipeline writes DECISIONS.md. The Next view folds
    // away meanwhile, so the whole tree has room.
    await view.showNext(false);
    await view.expand(view.row('STATUS / ROADMAP milestones'));
    await view.contextMenu(view.row(/^Core Pipeline$/), 'Log Approval…');
    await quick.type('The decision', 'Approved to advance to Phase 2');
    await waitForFileText(path.join(workbench.workspace, 'DECISIONS.md'), (t) => t.includes('Approved to advance to Phase 2'));
    // Log Approval… opens DECISIONS.md at the new entry.
    await editorLine('**Decision:** Approved').waitFor();
    await keep('readme-approval');

    // Archive: Index builder moves to archive/YYYY/MM/DD/ with a Changelog line.
    await view.contextMenu(view.row('Index builder'), 'Archive Milestone');
    await view.rows.and(page.locator('[aria-label^="Index builder, archived"]')).waitFor();
    await view.row('Index builder').locator('.label-name').click();
    await editorLine('title: "Index builder"').click();
    await page.keyboard.press('Control+End');
    await editorLine('Archived to milestones/archive').waitFor();
    await keep('readme-archive');

    // Distill: the handoff note into handoffs/2-search-index/.
    await view.contextMenu(view.row('Search index handoff'), 'Distill Handoffs into a Milestone…');
    await quick.type('Name the milestone', 'Search index');
    await editorLine('# Milestone 2: Search index').waitFor();
    await view.row(/^Milestone 2: Search index/).waitFor();
    // The rows moved under the pointer: a tooltip would cover them.
    await page.mouse.move(1, 1);
    await page.locator('.context-view .hover-contents').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    await keep('readme-distill');

    // The Next view: a click on what the last session asked for opens the file there; the status bar
    // shows that milestone's progress.
    await view.showNext(true);
    await view.nextTree.locator('.monaco-list-row', { hasText: 'Finish step 3 (upload)' }).locator('.label-name').click();
    await editorLine('Finish step 3 (upload)').waitFor();
    await page.locator('.statusbar-item', { hasText: 'Deploy the preview site' }).waitFor();
    await keep('readme-next');
  } catch (error) {
    await workbench.screenshot('lifecycle-shots-failed');
    throw error;
  } finally {
    await workbench.close();
    rmSync(source, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
