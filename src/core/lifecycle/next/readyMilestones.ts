import { dependsOn, itemKey, kbKeyOf } from '../../conventions/kbDependencies';
import { dirOf } from '../../conventions/paths';
import type { Milestone } from '../../model';

/**
 * The milestones ready to start (of one workspace folder; steps may be left out): not started yet (status category `planned`), with `depends-on`
 * items that each name a milestone of the same `.kb` folder (as the KB checks read them) that is
 * done. A milestone without `depends-on`, or with an item that names nothing, is not listed: only
 * what the dependencies say is ready. In file order.
 */
export function readyMilestones(milestones: Iterable<Milestone>): Milestone[] {
  const byFolder = new Map<string, Map<string, Milestone[]>>();
  const planned: Milestone[] = [];
  for (const m of milestones) {
    if (m.convention !== 'kb') continue;
    const name = kbKeyOf(m);
    if (name !== null) {
      const folder = byFolder.get(dirOf(m.file)) ?? new Map<string, Milestone[]>();
      byFolder.set(dirOf(m.file), folder);
      folder.set(name.key, [...(folder.get(name.key) ?? []), m]);
    }
    if (m.statusCategory === 'planned') planned.push(m);
  }
  return planned
    .filter((m) => {
      const items = dependsOn(m);
      const folder = byFolder.get(dirOf(m.file));
      return items.length > 0 && folder !== undefined && items.every((item) => {
        const key = itemKey(item);
        const targets = key === null ? undefined : folder.get(key);
        return targets !== undefined && targets.length === 1 && targets[0]!.statusCategory === 'done';
      });
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
