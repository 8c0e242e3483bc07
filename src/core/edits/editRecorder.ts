import type { TextEdit } from '../model';

/** A changed region of the current text: [start, end) in current coordinates, `delta` = its length now minus its length in the original. */
interface Span {
  start: number;
  end: number;
  delta: number;
}

/**
 * Applies edits one after another (each computed on the text the previous ones produced, as
 * jsonc-parser's `modify` requires) and gives back the same change as edits on the ORIGINAL text,
 * trimmed to the characters that really differ. The host applies those in one `WorkspaceEdit`, so the
 * edit and its undo touch no byte outside the changed spans.
 */
export class EditRecorder {
  private current: string;
  private spans: Span[] = [];

  constructor(private readonly original: string) {
    this.current = original;
  }

  /** The text with every edit applied so far. */
  get text(): string {
    return this.current;
  }

  /** Applies non-overlapping edits whose offsets refer to `this.text`. */
  apply(edits: readonly TextEdit[]): void {
    // Back to front, so the offsets of the edits still to apply stay valid.
    const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
    for (const edit of sorted) this.applyOne(edit);
  }

  /** The edits on the original text that produce `this.text`, minimal, sorted, non-overlapping. */
  edits(): TextEdit[] {
    const out: TextEdit[] = [];
    let shift = 0;
    for (const span of this.spans) {
      const start = span.start - shift;
      const oldText = this.original.slice(start, start + (span.end - span.start) - span.delta);
      const newText = this.current.slice(span.start, span.end);
      shift += span.delta;
      const trimmed = trimCommon(start, oldText, newText);
      if (trimmed) out.push(trimmed);
    }
    return out;
  }

  private applyOne(edit: TextEdit): void {
    const d = edit.newText.length - (edit.end - edit.start);
    const merged: Span = { start: edit.start, end: edit.start + edit.newText.length, delta: d };
    const kept: Span[] = [];
    for (const s of this.spans) {
      if (s.end < edit.start) kept.push(s);
      else if (s.start > edit.end) kept.push({ start: s.start + d, end: s.end + d, delta: s.delta });
      else {
        // Overlapping or touching: one region now, whose original length is still recoverable from the summed deltas.
        merged.start = Math.min(merged.start, s.start);
        merged.end = Math.max(merged.end, s.end + d);
        merged.delta += s.delta;
      }
    }
    kept.push(merged);
    kept.sort((a, b) => a.start - b.start);
    this.spans = kept;
    this.current = this.current.slice(0, edit.start) + edit.newText + this.current.slice(edit.end);
  }
}

/** Drops the common prefix and suffix of a replacement, never splitting a surrogate pair. */
function trimCommon(start: number, oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(oldText.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - s))) s--;
  return { start: start + p, end: start + oldText.length - s, newText: newText.slice(p, newText.length - s) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
