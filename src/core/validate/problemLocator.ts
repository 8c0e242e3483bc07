import type { Range } from '../problems';

/** A path into the data: object keys and array indices, as in an Ajv `instancePath`. */
export type DataPath = readonly (string | number)[];

/**
 * Places schema problems in a file's text. Implementations parse with positions lazily, on the
 * first question, so a file without problems never pays for it.
 */
export interface ProblemLocator {
  /** The value at `path` (a scalar: the value itself; a multi-line list or mapping: its key). */
  value(path: DataPath): Range;
  /** The key of the property at `path` (falls back to the value). */
  key(path: DataPath): Range;
  /** The object at `path` as a whole: the key it stands under, or the root's opening line (`---`, `{`). */
  object(path: DataPath): Range;
}

/** Splits an Ajv `instancePath` (`/steps/2/status`) into its keys, decoded (`~1` → `/`, `~0` → `~`). */
export function pathOf(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The same path with the segments that index arrays in `data` as numbers (what fix hints carry). */
export function typedPath(data: unknown, path: readonly string[]): (string | number)[] {
  const out: (string | number)[] = [];
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur)) { out.push(Number(seg)); cur = cur[Number(seg)]; } else {
      out.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** The value at `path` in `data`, or undefined. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
