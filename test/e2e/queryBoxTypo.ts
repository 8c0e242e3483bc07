// The one schema error the README's screenshots and the web's UI test show: a status outside the
// ExecPlan schema's enum (`status: planed`) in the examples' "Query box", and its quick fix.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { MilestonesView } from './milestonesView';

export const QUERY_BOX = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS003_query-ui.md';

/** Writes the typo into the copy of examples/ at `folder`. */
export function addQueryBoxTypo(folder: string): void {
  const file = path.join(folder, QUERY_BOX);
  writeFileSync(file, readFileSync(file, 'utf8').replace('status: planned', 'status: planed'));
}

/**
 * Opens "Query box" from the tree and shows its error as a person finds it: the squiggle in the
 * editor, the row in the Problems panel, then the quick fix menu on the word. Returns the menu's
 * row for the fix to `planned`, shown.
 */
export async function showQueryBoxQuickFix(page: Page, view: MilestonesView): Promise<Locator> {
  await view.row('Query box').locator('.label-name').click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'status: planed' }).waitFor();
  await editor.locator('.squiggly-error').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'did you mean' }).first().waitFor();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'planned' }).first();
  // Ctrl+. pressed while the editor still takes in the click is lost (seen once in CI): a person
  // presses it again, and so does this, up to three times.
  for (let attempt = 1; ; attempt++) {
    await editor.locator('.view-line', { hasText: 'status: planed' }).locator('span', { hasText: 'planed' }).last().click();
    await page.keyboard.press('Control+.');
    const shown = await fix.waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (shown) return fix;
    if (attempt === 3) throw new Error('the quick fix menu did not open after Ctrl+. three times');
    await page.keyboard.press('Escape');
  }
}
