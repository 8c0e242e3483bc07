/**
 * Line arithmetic on a text for the form edits: where a 0-based line starts and ends, the file's
 * line ending, and whole-line deletes, inserts and reorders that keep every line's own bytes.
 */
import { preferredEol } from '../../text/lineEndings';
import type { TextEdit } from '../../model';

/** One line: [start, end) without its line ending; `next` = start of the following line (text length at the end). */
export interface TextLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** The lines of `text` (a BOM stays part of line 0's content). */
export class TextLines {
  readonly lines: TextLine[] = [];
  /** The line ending new lines are written with: the file's own (its first one), else LF. */
  readonly eol: '\n' | '\r\n';

  constructor(readonly text: string) {
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) { this.lines.push({ start: pos, end: text.length, next: text.length }); break; }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.lines.push({ start: pos, end, next: nl + 1 });
      pos = nl + 1;
    }
    // A text ending with a line break has no real last line: drop the empty one after it.
    if (this.lines.length > 1 && text.length > 0 && this.lines[this.lines.length - 1]!.start === text.length) this.lines.pop();
    this.eol = preferredEol(text);
  }

  get count(): number {
    return this.lines.length;
  }

  /** Line `n`, or undefined. */
  line(n: number): TextLine | undefined {
    return this.lines[n];
  }

  /** The content of line `n` (no line ending). */
  content(n: number): string {
    const l = this.lines[n];
    return l ? this.text.slice(l.start, l.end) : '';
  }

  /** True when line `n` is blank (spaces and tabs only). */
  blank(n: number): boolean {
    return /^[ \t]*$/.test(this.content(n).replace(/^\uFEFF/, ''));
  }

  /** Width of the leading whitespace of line `n` in columns (tab = to the next multiple of 4). */
  indent(n: number): number {
    let col = 0;
    for (const c of this.content(n).replace(/^\uFEFF/, '')) {
      if (c === ' ') col++; else if (c === '\t') col += 4 - (col & 3); else break;
    }
    return col;
  }

  /** True when line `n` ends with a line break. */
  hasEol(n: number): boolean {
    const l = this.lines[n];
    return l !== undefined && l.next > l.end;
  }

  /** The edit deleting lines [first, last] whole; the line break before them goes when they are the last lines and have none. */
  deleteLines(first: number, last: number): TextEdit {
    const a = this.lines[first]!;
    const b = this.lines[last]!;
    if (b.next === b.end && first > 0) return { start: this.lines[first - 1]!.end, end: b.end, newText: '' };
    return { start: a.start, end: b.next, newText: '' };
  }

  /** The edit inserting `contents` (lines without line endings) after line `n` (-1: at the start). */
  insertAfter(n: number, contents: readonly string[]): TextEdit {
    const body = contents.join(this.eol);
    if (n < 0) return { start: 0, end: 0, newText: body + this.eol };
    const l = this.lines[n]!;
    if (!this.hasEol(n)) return { start: l.end, end: l.end, newText: this.eol + body };
    return { start: l.next, end: l.next, newText: body + this.eol };
  }

  /**
   * The edit that rewrites lines [first, last] with `contents` in their place, each line ending staying
   * where it was (so a reorder keeps the file's line breaks, and a last line without one keeps none).
   */
  rewriteLines(first: number, last: number, contents: readonly string[]): TextEdit {
    let out = '';
    for (let i = first; i <= last; i++) {
      const l = this.lines[i]!;
      out += contents[i - first]! + this.text.slice(l.end, i === last ? l.end : l.next);
    }
    return { start: this.lines[first]!.start, end: this.lines[last]!.end, newText: out };
  }
}

/** The list marker at the start of `content` after its indentation: bullet char or number + delimiter, with the spaces after it. */
export interface ListMarker {
  readonly indent: string;
  /** `-`, `*`, `+`, or the number for an ordered item. */
  readonly bullet: string;
  /** `.` or `)` for an ordered item, '' for a bullet. */
  readonly delimiter: string;
  readonly spaces: string;
  /** Offset in `content` where the item's content starts. */
  readonly contentAt: number;
}

/** Reads the list marker of a line's content, or null when the line is no list item. */
export function listMarkerOf(content: string): ListMarker | null {
  const m = /^(\uFEFF?[ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+|$)/.exec(content);
  if (!m) return null;
  return { indent: m[1]!, bullet: m[2] ?? m[3]!, delimiter: m[4] ?? '', spaces: m[5]!, contentAt: m[0].length };
}

/**
 * The last line of the item on line `n`: the item line plus the following non-blank lines indented
 * deeper than it (its continuation lines and nested items). Stops at the first blank line.
 */
export function itemBlockEnd(lines: TextLines, n: number): number {
  const base = lines.indent(n);
  let last = n;
  for (let i = n + 1; i < lines.count; i++) {
    if (lines.blank(i) || lines.indent(i) <= base) break;
    last = i;
  }
  return last;
}

/** True when the item on line `n` has nested list items below it (within its block). */
export function hasNestedItems(lines: TextLines, n: number): boolean {
  const end = itemBlockEnd(lines, n);
  for (let i = n + 1; i <= end; i++) if (listMarkerOf(lines.content(i)) !== null) return true;
  return false;
}
