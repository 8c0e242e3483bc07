// Shared by the index tests: what an index reports, in order.
import type { IndexChangeEvent, MilestoneIndex } from '../../../src/core/index/milestoneIndex';

/** The events `index` fires from now on, collected as they come. */
export function record(index: MilestoneIndex): IndexChangeEvent[] {
  const events: IndexChangeEvent[] = [];
  index.onDidChange((e) => events.push(e));
  return events;
}
