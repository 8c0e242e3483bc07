/**
 * "New handoff note" (seed 002): `handoffs/N-<slug>.md`, numbered after every note of that handoffs
 * folder, those already moved into milestone folders (`handoffs/1-core/1-setup.md`) included.
 */
import { handoffPath } from '../../conventions/handoff';
import { dirOf } from '../../conventions/paths';
import { localDay } from '../../edits/timestampStyle';
import { refused, type FolderSnapshot, type LifecycleContext, type PlanOutcome } from '../changePlan';
import { slugOf } from '../slug';
import { chosenPath, isRefusal, oneLine } from './createInputs';

/** The handoffs folder a file of seed 002 belongs to (`docs/handoffs`), or null. */
function handoffsRootOf(file: string): string | null {
  const kind = handoffPath(file);
  if (kind === null) return null;
  // A note's group is the handoffs folder itself, or the milestone folder `handoffs/N-name` it moved into.
  return /(?:^|\/)handoffs$/i.test(kind.group) ? kind.group : dirOf(kind.group);
}

/** The `handoffs` folders of the snapshot (sorted); `['handoffs']` when there is none. */
export function handoffFolders(snapshot: FolderSnapshot): string[] {
  const roots = new Set<string>();
  for (const file of snapshot.files) {
    const root = handoffsRootOf(file);
    if (root !== null) roots.add(root);
  }
  return roots.size > 0 ? [...roots].sort() : ['handoffs'];
}

export interface NewHandoffInput {
  /** A folder named `handoffs`; default the only one `handoffFolders` gives. */
  readonly folder?: string;
  readonly title: string;
}

/**
 * Creates note N = the highest number of the notes of that handoffs folder (directly in it or in its
 * milestone folders; never the `0-` files, never the milestone folders' own numbers) + 1, 1 for the
 * first: `# <Title> handoff — YYYY-MM-DD` (the local date of `ctx.now`; "handoff" is not repeated
 * when the title ends with it), then empty sections Changes, Decisions, Discoveries, Problems &
 * Solutions and Next Steps with a comment saying what goes there. Refuses (`invalid-input`) a folder
 * not named handoffs, several folders and none named, an empty or multi-line title; (`exists`)
 * when the file is there.
 */
export function newHandoffNote(snapshot: FolderSnapshot, input: NewHandoffInput, ctx: LifecycleContext): PlanOutcome {
  const folder = chosenPath(input.folder, handoffFolders(snapshot), 'handoffs folder');
  if (isRefusal(folder)) return folder;
  if (!/(?:^|\/)handoffs$/i.test(folder)) return refused(`${folder} is not a handoffs folder: its name must be handoffs`, 'invalid-input');
  const title = oneLine(input.title, 'the title');
  if (isRefusal(title)) return title;
  let highest = 0;
  for (const file of snapshot.files) {
    const kind = handoffPath(file);
    if (kind?.kind === 'note' && handoffsRootOf(file) === folder) highest = Math.max(highest, Number(kind.n));
  }
  const n = highest + 1;
  const file = `${folder}/${n}-${slugOf(title)}.md`;
  if (snapshot.text(file) !== null) return refused(`${file} already exists`, 'exists');
  const heading = /\bhandoff$/i.test(title) ? title : `${title} handoff`;
  const sections: readonly (readonly [string, string])[] = [
    ['Changes', 'What this session changed, one fact a bullet.'],
    ['Decisions', 'What was decided, and why.'],
    ['Discoveries', 'What was found out that the next session needs to know.'],
    ['Problems & Solutions', 'Each problem met as **Problem**: … with its **Solution**: …'],
    ['Next Steps', 'What the next session should do, one task item a step.'],
  ];
  const text = [`# ${heading} — ${localDay(ctx.now)}`, ...sections.map(([name, hint]) => `\n## ${name}\n\n<!-- ${hint} -->`)].join('\n') + '\n';
  return { kind: 'ok', plan: { changes: [{ kind: 'create', file, text }], summary: `Created handoff ${n} "${title}" in ${folder}`, primary: file } };
}
