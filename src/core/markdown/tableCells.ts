import type { ScanCell, ScanTableRow } from './markdownScan';

/**
 * Splits a pipe-table row into trimmed cells (GFM: `|` splits unless escaped as `\|`; the leading and
 * trailing pipes are optional). `start`/`end` bound the row's content (no line ending).
 */
export function splitCells(text: string, start: number, end: number): ScanCell[] {
  const cells: ScanCell[] = [];
  let p = start;
  while (p < end && isSpace(text.charCodeAt(p))) p++;
  let e = end;
  while (e > p && isSpace(text.charCodeAt(e - 1))) e--;
  if (p < e && text.charCodeAt(p) === 124) p++;
  if (e > p && text.charCodeAt(e - 1) === 124 && text.charCodeAt(e - 2) !== 92) e--;
  let cellStart = p;
  for (let i = p; i <= e; i++) {
    if (i < e) {
      const c = text.charCodeAt(i);
      if (c === 92) { i++; continue; }
      if (c !== 124) continue;
    }
    let a = cellStart;
    let b = i;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    cells.push({ text: text.slice(a, b), offset: a, length: b - a });
    cellStart = i + 1;
  }
  return cells;
}

/** Number of cells when `[start, end)` is a GFM delimiter row (`| --- | :-: |`), else -1. */
export function delimiterCells(text: string, start: number, end: number): number {
  let count = 0;
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let e = end;
  while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
  if (i >= e) return -1;
  let sawPipe = false;
  if (text.charCodeAt(i) === 124) { i++; sawPipe = true; }
  if (e > i && text.charCodeAt(e - 1) === 124) { e--; sawPipe = true; }
  while (i <= e) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 58) i++;
    let dashes = 0;
    while (i < e && text.charCodeAt(i) === 45) { i++; dashes++; }
    if (dashes === 0) return -1;
    if (text.charCodeAt(i) === 58) i++;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    count++;
    if (i >= e) break;
    if (text.charCodeAt(i) !== 124) return -1;
    sawPipe = true;
    i++;
  }
  return sawPipe ? count : -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * A table row whose cells are split on first access: splitting every row of every file cost more
 * than the rest of the scan, and only ExecPlan tables are ever read. Holds the scanned text until
 * the scan result is dropped (scan results are transient; the model keeps owned copies).
 */
export class LazyTableRow implements ScanTableRow {
  private split: ScanCell[] | null = null;
  constructor(private readonly text: string, readonly line: number, private readonly start: number, private readonly end: number) {}

  get cells(): readonly ScanCell[] {
    if (this.split === null) this.split = splitCells(this.text, this.start, this.end);
    return this.split;
  }
}
