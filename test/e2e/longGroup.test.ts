// A person browses a group of more milestones than the tree shows at once (1,003 KB milestones):
// the group shows 500 rows and a "Show 500 more" row; Enter on it (keyboard) shows the next 500 and
// moves the focus to the first of them; a click (mouse) on "Show 3 more" shows the rest. Reveal in
// Tree of a milestone past the rows shown shows as many as it takes.
// Run with `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { MilestonesView } from './milestonesView';
import { Workbench } from './workbench';

const COUNT = 1_003;
let workbench: Workbench;
let view: MilestonesView;
let source: string;

const name = (i: number) => `${String(i).padStart(4, '0')}-milestone.md`;
const title = (i: number) => `Milestone ${i} of the long group`;

before(async () => {
  source = mkdtempSync(path.join(tmpdir(), 'ms-ui-long-'));
  const kb = path.join(source, 'docs', 'milestones.kb');
  mkdirSync(kb, { recursive: true });
  for (let i = 1; i <= COUNT; i++) {
    const header = `status: not-started\ngoal: Part ${i} of a long list\ndepends-on: []\ndeliverables:\n  - Part ${i} done`;
    writeFileSync(path.join(kb, name(i)), `---\n${header}\n---\n# ${title(i)}\n\n- [ ] Step of ${i}\n`);
  }
  workbench = await Workbench.open({ workspace: source });
  view = new MilestonesView(workbench.page);
  await view.open();
});

after(async () => {
  await workbench?.close('long-group-last');
  rmSync(source, { recursive: true, force: true });
});

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('a long group shows 500 rows, then more with Enter on its last row and with a click', async () => {
  const { page } = workbench;
  const group = view.row(/^KB milestones$/);
  await view.waitForDescription(group, /^0\/1003 done/);
  await view.expand(group, view.row(exactly(title(1))), 15_000);

  // The keyboard: End goes to the group's last row, which offers the next 500.
  await workbench.runCommand('Milestones: Focus on Milestones View');
  await view.tree.locator('.monaco-list:focus-within').first().waitFor();
  await page.keyboard.press('End');
  const more = view.row(/^Show 500 more$/);
  await view.focusedRow.filter({ has: page.locator('.label-name', { hasText: /^Show 500 more$/ }) }).waitFor();
  assert.equal(await view.description(more), '500 of 1,003 shown');
  await workbench.screenshot('long-group-show-more');
  await page.keyboard.press('Enter');
  // The focus is on the first row shown now; the row for more moved below the new rows.
  await view.focusedRow.filter({ has: page.locator('.label-name', { hasText: exactly(title(501)) }) }).waitFor();
  await page.keyboard.press('End');
  const rest = view.row(/^Show 3 more$/);
  await view.focusedRow.filter({ has: page.locator('.label-name', { hasText: /^Show 3 more$/ }) }).waitFor();
  assert.equal(await view.description(rest), '1,000 of 1,003 shown');
  assert.equal(await view.row(exactly(title(1000))).count(), 1, 'the 1,000th milestone is shown above it');

  // The mouse: a click shows the last three; no row for more is left.
  await rest.click();
  await view.row(exactly(title(COUNT))).waitFor();
  await rest.waitFor({ state: 'detached' });
  await workbench.screenshot('long-group-all-shown');
});

test('Reveal in Tree of a milestone past the rows shown shows the rows up to it', async () => {
  const { page } = workbench;
  // A new window: the group shows 500 rows again (the Milestones view is still the one shown).
  await page.reload();
  await page.locator('.monaco-workbench').waitFor();
  await view.tree.waitFor();
  await view.waitForDescription(view.row(/^KB milestones$/), /^0\/1003 done/);
  const input = page.locator('.quick-input-widget input[type="text"]');
  await page.keyboard.press('Control+P');
  await input.fill(name(777));
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name(777) }).first().waitFor();
  await input.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name(777) }).waitFor();
  // The editor's title bar offers Open in Form once the extension knows the file as a milestone: so does the palette Reveal in Tree.
  await page.locator('.editor-actions .action-label[aria-label^="Open in Form"]').waitFor();
  await workbench.runCommand('Milestones: Reveal in Tree');
  // The row is selected, in a group that now shows 1,000 rows.
  await view.row(exactly(title(777))).and(page.locator('.selected')).waitFor();
  await workbench.screenshot('long-group-revealed');
  await view.tree.focus();
  await page.keyboard.press('End');
  await view.focusedRow.filter({ has: page.locator('.label-name', { hasText: /^Show 3 more$/ }) }).waitFor();
});
