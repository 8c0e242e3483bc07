import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits until `file` exists and its text satisfies `expected` (equal to a string, or a predicate),
 * then returns the text. Fails after `timeoutMs` with the last text read, for the diff.
 */
export async function waitForFileText(file: string, expected: string | ((text: string) => boolean), timeoutMs = 10_000): Promise<string> {
  const matches = typeof expected === 'string' ? (text: string) => text === expected : expected;
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      last = readFileSync(file, 'utf8');
      if (matches(last)) return last;
    } catch {
      // Not there yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`${file} did not reach the expected text within ${timeoutMs} ms; last text:\n${last ?? '(missing)'}`);
    }
    await delay(50); // a poll interval, not a wait for time to pass
  }
}
