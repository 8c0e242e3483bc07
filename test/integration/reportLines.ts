// The lines index.js prints in the extension host and the launchers and scripts/test.mjs read back.

/** Printed before mocha starts: the offline launcher echoes the extension host's console from here on. */
export const startLine = 'integration: running';

/** Printed when mocha ends; scripts/test.mjs counts the tests from it. */
export function summaryLine(passed: number, failed: number): string {
  return `integration: ${passed} passed, ${failed} failed`;
}

/** Matches a summary line; groups 1 and 2 are the passed and failed counts. */
export const summaryPattern = /^integration: (\d+) passed, (\d+) failed$/m;
