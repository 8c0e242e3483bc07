// The standard entry VS Code's test runners load in the extension host (extensionTestsPath): runs
// mocha with the TDD interface (suite/test/suiteSetup/setup) over every *.test.js beside this file,
// except *.multiroot.test.js, *.agreement.test.js and *.problems.test.js; with MILESTONES_TEST_SUITES=multiroot (set by
// `runOffline.js --multi-root`, which opens a multi-root workspace) over *.multiroot.test.js only,
// with MILESTONES_TEST_SUITES=agreement (`runOffline.js --agreement`) over *.agreement.test.js only,
// with MILESTONES_TEST_SUITES=problems (`runOffline.js --problems`, fixtures/problems/) over
// *.problems.test.js only, with MILESTONES_TEST_SUITES=lifecycle (`runOffline.js --lifecycle`, its own
// copy of examples/, since these tests create, move and complete milestones) over *.lifecycle.test.js only,
// with MILESTONES_TEST_SUITES=restricted (`runOffline.js --restricted`, Restricted Mode) over *.restricted.test.js only,
// with MILESTONES_TEST_SUITES=hostile (`runOffline.js --hostile`, fixtures/hostile/) over *.hostile.test.js only.
// Both launchers use it: runOffline.ts (CI) and runElectron.ts (machines that can download VS Code).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startLine, summaryLine } from './reportLines';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  // Each special run has its own suffix; the single-folder run takes every other *.test.js.
  const special = ['multiroot', 'agreement', 'problems', 'lifecycle', 'restricted', 'hostile'];
  const suites = process.env.MILESTONES_TEST_SUITES ?? 'single';
  const runOf = (file: string): string => special.find((s) => file.endsWith(`.${s}.test.js`)) ?? 'single';
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && runOf(file) === suites)
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  console.log(`${startLine} ${files.length} file(s)`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        console.log(summaryLine(runner.stats?.passes ?? 0, runner.stats?.failures ?? failures));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
