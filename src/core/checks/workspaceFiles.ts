import type { FileReading } from '../model';
import { TextPlacer } from './textPlacer';

/** One indexed file as the cross-file checks see it (the same shape as validate's `IndexedFile`). */
export interface CheckedFile {
  readonly folder: string;
  readonly reading: FileReading;
}

/** The current text of an indexed file, or null. */
export type TextsOf = (folder: string, file: string) => string | null;

/**
 * Placers for the files the cross-file checks report on, one per file, made on first use: most files
 * of a workspace never need their text.
 */
export class Placers {
  private readonly made = new Map<string, TextPlacer | null>();

  constructor(private readonly texts: TextsOf) {}

  /** The placer of `file` of `folder`, or null when its text is not available. */
  of(folder: string, file: string): TextPlacer | null {
    const key = `${folder}\u0000${file}`;
    let p = this.made.get(key);
    if (p === undefined) {
      const text = this.texts(folder, file);
      p = text === null ? null : new TextPlacer(text);
      this.made.set(key, p);
    }
    return p;
  }
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]); else list.push(item);
  }
  return out;
}
