import type { Milestone } from '../model';
import type { Problem } from '../problems';
import { lineRange } from '../problems';
import { dependsOn, itemKey, kbKeyOf } from '../conventions/kbDependencies';
import { dirOf } from '../conventions/paths';
import { headerItemSpan, headerValueSpan } from './headerSpans';
import { groupBy, type CheckedFile, type Placers } from './workspaceFiles';

type FolderProblem = { folder: string; problem: Problem };

interface KbFile {
  readonly folder: string;
  readonly file: string;
  /** The file name's id as written: `010`, or a date prefix `2026-04-20-002`. */
  readonly id: string;
  /** What makes two ids the same milestone: the number's value (`10` for `010` and `10`), a dated id itself. */
  readonly key: string;
  readonly dated: boolean;
  readonly m: Milestone;
}

interface Edge {
  readonly from: KbFile;
  readonly to: KbFile;
  /** Index of the item in `depends-on`, and the item as written. */
  readonly index: number;
  readonly item: string;
}

/**
 * The KB checks of seed 000, per `.kb` folder: `depends-on` items naming a number no file of the
 * folder has (`kb-depends-missing`, error), items that are edges of a dependency cycle
 * (`kb-depends-cycle`, error, on each edge), and file numbers that break the folder's scheme
 * (`kb-numbering`, warning on line 0): a width other than the 3 digits every other file uses, or a
 * number two files share. A 3-digit number between multiples of 10 (`015`) is an insertion, which
 * is what the seed's spacing is for, so it is not flagged. Date-prefixed names (`2026-04-20-002-x`,
 * see `kbNameOf`) are ids as a whole: only two files with the same one are flagged, and a
 * `depends-on` item names one by the whole prefix. Items that are neither are skipped.
 */
export function kbProblems(files: readonly CheckedFile[], placers: Placers): FolderProblem[] {
  const kb: KbFile[] = [];
  for (const { folder, reading } of files) {
    if (reading.convention !== 'kb') continue;
    const m = reading.milestones[0];
    const name = m === undefined ? null : kbKeyOf(m);
    if (m !== undefined && name !== null) kb.push({ folder, file: reading.file, ...name, m });
  }
  const out: FolderProblem[] = [];
  for (const group of groupBy(kb, (k) => `${k.folder}\u0000${dirOf(k.file)}`).values()) {
    out.push(...numbering(group, placers));
    const byKey = groupBy(group, (k) => k.key);
    const edges: Edge[] = [];
    for (const from of group) {
      dependsOn(from.m).forEach((item, index) => {
        const key = itemKey(item);
        if (key === null) return;
        const targets = byKey.get(key);
        if (targets === undefined) {
          const have = group.map((k) => k.id).sort().join(', ');
          out.push(itemProblem(from, index, placers, 'kb-depends-missing',
            `depends-on "${item}" names no milestone of ${dirOf(from.file) || 'this folder'}: it has ${have}`));
        } else if (targets.length === 1) {
          edges.push({ from, to: targets[0]!, index, item });
        }
      });
    }
    out.push(...cycles(edges, placers));
  }
  return out;
}

function itemProblem(from: KbFile, index: number, placers: Placers, code: string, message: string): FolderProblem {
  const place = placers.of(from.folder, from.file);
  const key = from.m.fields['depends-on'] !== undefined ? 'depends-on' : 'depends_on';
  const span = place === null ? null
    : Array.isArray(from.m.fields[key]) ? headerItemSpan(place.text, key, index) : headerValueSpan(place.text, key);
  const range = place === null ? lineRange(0, null) : span !== null ? place.range(span) : place.line(0);
  return { folder: from.folder, problem: { file: from.file, severity: 'error', code, message, range } };
}

function numbering(group: readonly KbFile[], placers: Placers): FolderProblem[] {
  const out: FolderProblem[] = [];
  for (const k of group) {
    const others = group.filter((o) => o !== k);
    const twins = others.filter((o) => o.key === k.key);
    // The width rule is the seed's numbering: dated names are neither held to it nor counted for it.
    const numbered = others.filter((o) => !o.dated);
    let message: string | null = null;
    if (twins.length > 0) {
      message = `${k.dated ? 'id' : 'number'} ${k.id} is also used by ${twins.map((t) => t.file).join(', ')}: each milestone of the folder needs its own ${k.dated ? 'id' : 'number'}`;
    } else if (!k.dated && numbered.length >= 2 && k.id.length !== 3 && numbered.every((o) => o.id.length === 3)) {
      message = `number ${k.id} breaks the folder's scheme: the other files use 3-digit numbers (${numbered.map((o) => o.id).sort().join(', ')})`;
    }
    if (message === null) continue;
    const place = placers.of(k.folder, k.file);
    out.push({ folder: k.folder, problem: { file: k.file, severity: 'warning', code: 'kb-numbering', message, range: place === null ? lineRange(0, null) : place.line(0) } });
  }
  return out;
}

/** Each edge whose target reaches its source again, with one such cycle spelled out. */
function cycles(edges: readonly Edge[], placers: Placers): FolderProblem[] {
  const next = new Map<KbFile, Edge[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list === undefined) next.set(e.from, [e]); else list.push(e);
  }
  const out: FolderProblem[] = [];
  for (const e of edges) {
    const path = pathBetween(next, e.to, e.from);
    if (path === null) continue;
    const loop = [e.from, ...path].map((k) => k.id).join(' → ');
    out.push(itemProblem(e.from, e.index, placers, 'kb-depends-cycle', `depends-on "${e.item}" is part of a dependency cycle: ${loop}`));
  }
  return out;
}

/** The milestones from `start` to `goal` following depends-on (both ends included), or null. */
function pathBetween(next: Map<KbFile, Edge[]>, start: KbFile, goal: KbFile): KbFile[] | null {
  const cameFrom = new Map<KbFile, KbFile | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const k = queue[i]!;
    if (k === goal) {
      const path: KbFile[] = [];
      for (let c: KbFile | null = k; c !== null; c = cameFrom.get(c) ?? null) path.unshift(c);
      return path;
    }
    for (const e of next.get(k) ?? []) if (!cameFrom.has(e.to)) { cameFrom.set(e.to, k); queue.push(e.to); }
  }
  return null;
}
