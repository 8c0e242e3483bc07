import { readFrontmatter, type FrontmatterReading } from './readFrontmatter';

let lastText: string | undefined;
let lastReading: FrontmatterReading | undefined;

/**
 * `readFrontmatter(text)`, parsed once for a reader and the validation of the same text that follows
 * it (`validate` reads a file, then checks its header against a schema): the last text's reading is
 * handed out again. Only for callers that never change what they get (the readers copy what they
 * keep, the schema check reads); the rest call `readFrontmatter`. Holds one header, not a file's
 * worth of history. Measured: the two header parses of each file were 3.3% of the CPU profile of
 * `milestones validate` on the 10k-file bench; one is left.
 */
export function sharedFrontmatter(text: string): FrontmatterReading {
  if (text === lastText && lastReading !== undefined) return lastReading;
  const reading = readFrontmatter(text);
  lastText = text;
  lastReading = reading;
  return reading;
}
