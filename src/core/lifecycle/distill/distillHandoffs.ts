/**
 * Distilling handoff notes into a milestone folder (seed 002): the notes `handoffs/N-slug.md` chosen
 * move into a new folder `handoffs/M-<name>/`, next to a `0-milestone-summary.md` and a
 * `0-lessons-learned.md` pre-filled from them.
 */
import { handoffPath } from '../../conventions/handoff';
import { baseOf, dirOf, isMarkdownName } from '../../conventions/paths';
import { localDay } from '../../edits/timestampStyle';
import { refused, type FileChange, type FolderSnapshot, type LifecycleContext, type PlanOutcome } from '../changePlan';
import { rebaseRelativeLinks, rewriteLinksTo } from '../links/rewriteLinks';
import { slugOf } from '../slug';
import { lessonsText, summaryText, type DistilledNote } from './distilledTexts';
import { noteSections } from './noteSections';
import { problemSolutions } from './problemSolutions';

/** A handoff note lying directly in a `handoffs/` folder: its folder and number, else null. */
function topNote(file: string): { folder: string; n: number } | null {
  const kind = handoffPath(file);
  // A note's group is its handoffs folder, or the milestone folder it was moved into.
  if (kind === null || kind.kind !== 'note' || baseOf(kind.group).toLowerCase() !== 'handoffs') return null;
  return { folder: kind.group, n: Number(kind.n) };
}

/**
 * The notes that can be distilled, per `handoffs/` folder (folders sorted by path, only those with a
 * note): the notes directly in the folder (not `0-` files, not notes already in a milestone folder),
 * in number order, then by name.
 */
export function distillableNotes(snapshot: FolderSnapshot): { readonly folder: string; readonly notes: readonly string[] }[] {
  const byFolder = new Map<string, { file: string; n: number }[]>();
  for (const file of snapshot.files) {
    const note = topNote(file);
    if (note === null) continue;
    const list = byFolder.get(note.folder) ?? [];
    list.push({ file, n: note.n });
    byFolder.set(note.folder, list);
  }
  return [...byFolder.keys()].sort().map((folder) => ({
    folder,
    notes: byFolder.get(folder)!.sort((a, b) => a.n - b.n || (a.file < b.file ? -1 : 1)).map((x) => x.file),
  }));
}

/** `<handoffsFolder>/N-<slug of name>`, N one more than the highest milestone folder number there (1 for the first). */
export function nextDistillFolder(snapshot: FolderSnapshot, handoffsFolder: string, name: string): string {
  let max = 0;
  for (const file of snapshot.files) {
    const kind = handoffPath(file);
    if (kind === null || dirOf(kind.group) !== handoffsFolder) continue;
    const n = Number(/^(\d+)-/.exec(baseOf(kind.group))?.[1] ?? 0);
    if (n > max) max = n;
  }
  return `${handoffsFolder}/${max + 1}-${slugOf(name)}`;
}

export interface DistillInput {
  /** Handoff notes, workspace-relative, all directly in the same `handoffs/` folder. */
  readonly notes: readonly string[];
  /** The milestone's name: the folder's slug and the summary's title. */
  readonly name: string;
}

/**
 * The plan distilling `input.notes` into `nextDistillFolder(…)`: creates `0-milestone-summary.md`
 * (the primary file) and `0-lessons-learned.md` (LF line endings), edits the links that the moves
 * would break (see `linkEdits`), then moves each note into the folder under its own name. Refused
 * without a name or a note (`invalid-input`), for a file that is not a handoff note directly in a
 * `handoffs/` folder (`not-applicable`), for notes of different folders (`invalid-input`), a missing
 * note (`not-found`) or a file already there (`exists`).
 */
export function distillHandoffs(snapshot: FolderSnapshot, input: DistillInput, ctx: LifecycleContext): PlanOutcome {
  const name = input.name.trim();
  if (name === '') return refused('the milestone needs a name', 'invalid-input');
  const files = [...new Set(input.notes)];
  if (files.length === 0) return refused('choose at least one handoff note to distill', 'invalid-input');
  const notes = files.map((file) => ({ file, note: topNote(file) }));
  const others = notes.filter((x) => x.note === null).map((x) => x.file);
  if (others.length > 0) {
    const why = 'not a handoff note directly in a handoffs/ folder (handoffs/N-name.md)';
    return others.length === 1 ? refused(`${others[0]} is ${why}`, 'not-applicable') : refused(`${others.length} of the files are ${why}`, 'not-applicable', others);
  }
  const folders = [...new Set(notes.map((x) => x.note!.folder))];
  if (folders.length > 1) return refused('the notes lie in different handoffs folders; distill each folder on its own', 'invalid-input', folders);
  const missing = files.filter((file) => snapshot.text(file) === null);
  if (missing.length > 0) return refused(missing.length === 1 ? `${missing[0]} does not exist` : `${missing.length} of the notes do not exist`, 'not-found', missing.length === 1 ? undefined : missing);

  const ordered = notes.sort((a, b) => a.note!.n - b.note!.n || (a.file < b.file ? -1 : 1)).map((x) => x.file);
  const folder = nextDistillFolder(snapshot, folders[0]!, name);
  const n = Number(/^(\d+)-/.exec(baseOf(folder))![1]);
  const summary = `${folder}/0-milestone-summary.md`;
  const lessons = `${folder}/0-lessons-learned.md`;
  const moves = ordered.map((from) => ({ from, to: `${folder}/${baseOf(from)}` }));
  const taken = [summary, lessons, ...moves.map((m) => m.to)].filter((file) => snapshot.text(file) !== null);
  if (taken.length > 0) return refused(`${taken[0]} already exists`, 'exists', taken.length > 1 ? taken : undefined);

  const distilled: DistilledNote[] = ordered.map((file) => {
    const text = snapshot.text(file)!;
    return { name: baseOf(file), sections: noteSections(text), pairs: problemSolutions(text) };
  });
  const links = linkEdits(snapshot, moves);
  const changes: FileChange[] = [
    { kind: 'create', file: summary, text: summaryText(n, name, localDay(ctx.now), distilled) },
    { kind: 'create', file: lessons, text: lessonsText(name, distilled) },
    ...links,
    ...moves.map((m): FileChange => ({ kind: 'rename', from: m.from, to: m.to })),
  ];
  const count = ordered.length === 1 ? '1 handoff note' : `${ordered.length} handoff notes`;
  const updated = links.reduce((sum, change) => sum + (change.kind === 'edit' ? change.edits.length : 0), 0);
  const linkNote = updated === 0 ? '' : `; ${updated} ${updated === 1 ? 'link' : 'links'} updated`;
  return { kind: 'ok', plan: { changes, summary: `Distilled ${count} into the milestone "${name}" in ${folder}/${linkNote}`, primary: summary } };
}

/**
 * The edits that keep links working across the moves (listed before the renames, so a moved note
 * is edited under its old name): each moved note's relative links (to the notes moved with it
 * too), and the links of the other markdown milestone files to a moved note.
 */
function linkEdits(snapshot: FolderSnapshot, moves: readonly { readonly from: string; readonly to: string }[]): FileChange[] {
  const moved = new Map(moves.map((m) => [m.from, m.to]));
  const changes: FileChange[] = [];
  for (const { from, to } of moves) {
    const edits = rebaseRelativeLinks(snapshot.text(from)!, from, to, moved);
    if (edits.length > 0) changes.push({ kind: 'edit', file: from, edits });
  }
  for (const other of snapshot.files) {
    if (moved.has(other) || !isMarkdownName(other)) continue;
    const text = snapshot.text(other);
    // Only a file naming a moved note (plainly or percent-encoded) can link to it: skip the parse of the rest.
    const named = text === null ? [] : moves.filter((m) => text.includes(baseOf(m.from)) || text.includes(encodeURI(baseOf(m.from))));
    const edits = named.flatMap((m) => rewriteLinksTo(text!, other, m.from, m.to));
    if (edits.length > 0) changes.push({ kind: 'edit', file: other, edits });
  }
  return changes;
}
