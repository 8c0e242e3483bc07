import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type { MilestonesApi } from '../../src/extension/testApi';
import { fsPathOf, milestonesApi, milestonesOf, removeOutside, waitForIndex, writeOutside } from './milestonesTestKit';

// "Updates from outside VS Code reach the tree within a second": each change is made with Node's fs
// and the index must show it within WITHIN_MS of the write.
const WITHIN_MS = 1000;
const FILE = 'SESSIONS/MILESTONES/itest-outside.json';
const RENAMED = 'SESSIONS/MILESTONES/itest-outside-renamed.json';

function session(title: string, statuses: readonly string[]): string {
  const steps = statuses.map((status, i) => `    { "step": ${i + 1}, "description": "Step ${i + 1}", "status": "${status}" }`);
  return `{\n  "milestone_id": "itest-outside",\n  "title": "${title}",\n  "status": "in_progress",\n  "steps": [\n${steps.join(',\n')}\n  ]\n}\n`;
}

suite('changes made outside VS Code', () => {
  let api: MilestonesApi;

  suiteSetup(async () => {
    api = await milestonesApi();
  });

  suiteTeardown(async () => {
    await Promise.all([FILE, RENAMED, 'itest-outside-a', 'itest-outside-b'].map((f) => removeOutside(f)));
  });

  test('a created milestone file is indexed within a second', async () => {
    await writeOutside(FILE, session('Outside world', ['completed', 'pending']));
    await waitForIndex(api, `${FILE} created`, () => milestonesOf(api, FILE)[0]?.title === 'Outside world', WITHIN_MS);
    assert.deepEqual(milestonesOf(api, FILE)[0]!.progress, { done: 1, total: 2 });
  });

  test('a changed milestone file is read again within a second', async () => {
    await writeOutside(FILE, session('Outside world', ['completed', 'completed', 'pending']));
    await waitForIndex(api, `${FILE} at 2/3`, () => {
      const p = milestonesOf(api, FILE)[0]?.progress;
      return p?.done === 2 && p.total === 3;
    }, WITHIN_MS);
  });

  test('a renamed milestone file moves in the index within a second', async () => {
    await fs.rename(fsPathOf(FILE), fsPathOf(RENAMED));
    await waitForIndex(api, `${FILE} renamed to ${RENAMED}`,
      () => milestonesOf(api, FILE).length === 0 && milestonesOf(api, RENAMED).length === 1, WITHIN_MS);
  });

  test('a deleted milestone file leaves the index within a second', async () => {
    await fs.rm(fsPathOf(RENAMED));
    await waitForIndex(api, `${RENAMED} deleted`, () => milestonesOf(api, RENAMED).length === 0, WITHIN_MS);
  });

  test('a renamed folder takes its milestone files along within a second', async () => {
    const before = 'itest-outside-a/MILESTONES/moving.json';
    const after = 'itest-outside-b/MILESTONES/moving.json';
    await writeOutside(before, session('Moving folder', ['pending']));
    await waitForIndex(api, `${before} created`, () => milestonesOf(api, before).length === 1, WITHIN_MS);
    await fs.rename(fsPathOf('itest-outside-a'), fsPathOf('itest-outside-b'));
    await waitForIndex(api, 'the folder renamed',
      () => milestonesOf(api, before).length === 0 && milestonesOf(api, after).length === 1, WITHIN_MS);
  });

  test('a deleted folder takes its milestone files out of the index within a second', async () => {
    const file = 'itest-outside-b/MILESTONES/moving.json';
    assert.equal(milestonesOf(api, file).length, 1);
    await fs.rm(fsPathOf('itest-outside-b'), { recursive: true });
    await waitForIndex(api, 'the folder deleted', () => milestonesOf(api, file).length === 0, WITHIN_MS);
  });
});
