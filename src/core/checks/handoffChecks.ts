import type { Problem } from '../problems';
import { lineRange } from '../problems';
import { handoffPath } from '../conventions/handoff';
import { dirOf } from '../conventions/paths';
import { groupBy, type CheckedFile, type Placers } from './workspaceFiles';

type FolderProblem = { folder: string; problem: Problem };

/** What the cross-file checks may ask about files that are not milestones. */
export interface ExistsFacts {
  exists(folder: string, file: string): boolean;
}

interface Note {
  readonly folder: string;
  readonly file: string;
  readonly n: number;
}

interface MilestoneFolder {
  readonly folder: string;
  /** Path of `handoffs/N-name` relative to the workspace folder. */
  readonly dir: string;
  readonly n: number;
  readonly summary: string | null;
  readonly notes: Note[];
}

const LESSONS = ['0-lessons-learned.md', '0-milestone-lessons-learned.md'];

/**
 * The handoff checks of seed 002, per `handoffs/` folder: `handoff-gap` (warning, line 0 of the note
 * after the gap) when the numbers of the notes, counted together wherever they lie (notes move into
 * milestone folders when distilled), skip one; the same among milestone folders `N-name/`;
 * `handoff-missing-summary` / `handoff-missing-lessons` (info, line 0 of a file of that folder) when
 * a milestone folder lacks `0-milestone-summary.md` or `0-lessons-learned.md` (either spelling).
 * Numbering may start above 1 (earlier notes may have been distilled or removed): no leading gap.
 */
export function handoffProblems(files: readonly CheckedFile[], placers: Placers, facts: ExistsFacts): FolderProblem[] {
  const out: FolderProblem[] = [];
  const roots = new Map<string, { notes: Note[]; folders: Map<string, MilestoneFolder> }>();
  for (const { folder, reading } of files) {
    if (reading.convention !== 'handoff') continue;
    const kind = handoffPath(reading.file);
    if (kind === null || kind.kind === 'lessons') continue;
    // A note's group is the handoffs folder itself, or the milestone folder `handoffs/N-name` it moved into.
    const inFolder = kind.kind === 'summary' || !/(?:^|\/)handoffs$/i.test(kind.group);
    const root = inFolder ? dirOf(kind.group) : kind.group;
    const key = `${folder}\u0000${root}`;
    let r = roots.get(key);
    if (r === undefined) { r = { notes: [], folders: new Map() }; roots.set(key, r); }
    if (kind.kind === 'note') r.notes.push({ folder, file: reading.file, n: Number(kind.n) });
    if (!inFolder) continue;
    let mf = r.folders.get(kind.group);
    if (mf === undefined) {
      const n = Number(/^(\d+)-/.exec(kind.group.slice(kind.group.lastIndexOf('/') + 1))?.[1] ?? NaN);
      mf = { folder, dir: kind.group, n, summary: null, notes: [] };
      r.folders.set(kind.group, mf);
    }
    if (kind.kind === 'summary') (mf as { summary: string | null }).summary = reading.file;
    else mf.notes.push({ folder, file: reading.file, n: Number(kind.n) });
  }
  for (const r of roots.values()) {
    out.push(...gaps(r.notes, placers, 'handoff'));
    const folders = [...r.folders.values()].filter((f) => Number.isFinite(f.n));
    const firstFiles = folders.map((f) => ({ folder: f.folder, file: firstFileOf(f), n: f.n }));
    out.push(...gaps(firstFiles, placers, 'milestone folder'));
    for (const f of folders) out.push(...missingFiles(f, placers, facts));
  }
  return out;
}

function firstFileOf(f: MilestoneFolder): string {
  if (f.summary !== null) return f.summary;
  return [...f.notes].sort((a, b) => a.n - b.n || (a.file < b.file ? -1 : 1))[0]!.file;
}

function gaps(items: readonly Note[], placers: Placers, what: string): FolderProblem[] {
  const out: FolderProblem[] = [];
  const numbers = [...new Set(items.map((i) => i.n))].sort((a, b) => a - b);
  const byNumber = groupBy(items, (i) => String(i.n));
  for (let i = 1; i < numbers.length; i++) {
    const prev = numbers[i - 1]!;
    const n = numbers[i]!;
    if (n - prev <= 1) continue;
    const missing = n - prev === 2 ? `${prev + 1}` : `${prev + 1} to ${n - 1}`;
    for (const item of byNumber.get(String(n)) ?? []) {
      const place = placers.of(item.folder, item.file);
      out.push({
        folder: item.folder,
        problem: {
          file: item.file, severity: 'warning', code: 'handoff-gap',
          range: place === null ? lineRange(0, null) : place.line(0),
          message: `${what} ${n} follows ${what} ${prev}: no ${what} numbered ${missing}`,
        },
      });
    }
  }
  return out;
}

function missingFiles(f: MilestoneFolder, placers: Placers, facts: ExistsFacts): FolderProblem[] {
  const out: FolderProblem[] = [];
  const at = firstFileOf(f);
  const place = placers.of(f.folder, at);
  const range = place === null ? lineRange(0, null) : place.line(0);
  const hasSummary = f.summary !== null || facts.exists(f.folder, `${f.dir}/0-milestone-summary.md`);
  if (!hasSummary) {
    out.push({ folder: f.folder, problem: { file: at, severity: 'info', code: 'handoff-missing-summary', range, message: `the milestone folder ${f.dir} has no 0-milestone-summary.md` } });
  }
  if (!LESSONS.some((name) => facts.exists(f.folder, `${f.dir}/${name}`))) {
    out.push({ folder: f.folder, problem: { file: at, severity: 'info', code: 'handoff-missing-lessons', range, message: `the milestone folder ${f.dir} has no 0-lessons-learned.md (or 0-milestone-lessons-learned.md)` } });
  }
  return out;
}
