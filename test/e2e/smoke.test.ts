// Run with `npm run test:ui` (or `node scripts/test.mjs ui`). Each *.test.ts here is a node:test
// file; the files run one after another, and each opens its own workbench in `before`.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MilestonesView } from './milestonesView';
import { Workbench } from './workbench';

let workbench: Workbench;
let view: MilestonesView;

before(async () => {
  workbench = await Workbench.open();
  view = new MilestonesView(workbench.page);
});

after(async () => {
  await workbench?.close('smoke-last');
});

test('the workbench loads with the Milestones container in the activity bar', async () => {
  await view.activityBarItem.waitFor();
});

test('the Milestones container opens and its tree shows rows', async () => {
  await view.open();
  await view.rows.first().waitFor();
  assert.ok((await view.labels()).length > 0);
  await workbench.screenshot('smoke-milestones-view');
});

test('hovering a milestone row shows its tooltip: status, progress, file', async () => {
  await view.open();
  const row = view.row(/^Index builder$/);
  await view.expand(view.row('ExecPlan milestones'), view.row('EP-20261102-001'));
  await view.expand(view.row('EP-20261102-001'), row);
  await row.locator('.label-name').hover();
  const hover = workbench.page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
  await hover.getByText('Status: in_progress (Active)').waitFor();
  // The tooltip keeps its words together with no-break spaces.
  assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /Progress: 3 of 7 steps done\nFile: .*EP-20261102-001_MS002_index-builder.md:1/);
  await workbench.screenshot('smoke-milestone-tooltip');
  await workbench.page.mouse.move(1, 1);
});
