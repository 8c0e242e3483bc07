import { editorPosition, lineRange, type Range } from '../problems';
import { LineIndex } from '../text/lineIndex';

/** Offsets `[start, end)` into a text (BOM counted, as the readers count it). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Turns offsets and lines of one text into editor ranges (BOM not counted). The LineIndex is built
 * on first use only: the checks create a placer up front but most files never have a problem to place.
 */
export class TextPlacer {
  private index: LineIndex | undefined;

  constructor(readonly text: string) {}

  /** The text's line index, built once on demand. */
  get lines(): LineIndex {
    if (this.index === undefined) this.index = new LineIndex(this.text);
    return this.index;
  }

  /** The editor range of `span`. */
  range(span: Span): Range {
    return { start: editorPosition(this.text, this.lines, span.start), end: editorPosition(this.text, this.lines, span.end) };
  }

  /** The first to last non-blank character of 0-based `line`. */
  line(line: number): Range {
    return lineRange(line, this.text, this.lines);
  }
}

/** `lineRange` for a text that may be unknown (a file the index holds but whose text is gone). */
export function lineRangeIn(placer: TextPlacer | null, line: number): Range {
  return placer === null ? lineRange(line, null) : placer.line(line);
}
