/** A 0-based line and a 0-based column in UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Line starts of a text, for offset <-> line/column conversion by binary search.
 * Lines end at `\n`; a `\r` before it belongs to the line's end, not to the next line.
 * Built lazily by callers that need positions (a JSON error, a step line), so files that need none
 * pay nothing.
 */
export class LineIndex {
  private readonly starts: number[];

  /** Builds the index in one `indexOf` pass over `text`. */
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** Number of lines (a text ending with `\n` has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset` (clamped to the text). */
  lineAt(offset: number): number {
    const starts = this.starts;
    if (offset <= 0) return 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Line and column of `offset`. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, column: clamped - this.starts[line]! };
  }

  /** Offset of a line/column (clamped to the line's content, excluding its line ending). */
  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line]!;
    return Math.min(start + Math.max(0, column), this.lineEnd(line));
  }

  /** Offset where `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset where the content of `line` ends (before `\r\n` / `\n`). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 && next - 1 >= this.starts[line]! ? next - 1 : next;
  }

  /** The text of `line` without its line ending. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/**
 * Counts the lines before `offset` (the 0-based line of `offset`) without building an index:
 * for the one-off positions of a parse error.
 */
export function lineOfOffset(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
