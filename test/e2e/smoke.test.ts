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
