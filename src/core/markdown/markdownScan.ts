/**
 * What the markdown line scanner finds. Strings here are slices of the scanned text: copy
 * (`ownString`) whatever you keep. Lines are 0-based; `heading` is an index into `headings`
 * (-1 before the first heading).
 */

export interface ScanHeading {
  readonly level: number;
  /** Heading text without `#` marks, closing sequence and surrounding spaces. */
  readonly text: string;
  readonly line: number;
  /** The heading that contains this one (nearest earlier heading of a lower level), or -1. */
  readonly parent: number;
}

export interface ScanTask {
  readonly line: number;
  /** Nesting depth (0 = top-level list item). */
  readonly depth: number;
  /** The marker as written: `[ ]`, `[x]`, `[X]`, or a non-standard one (`[-]`, `[~]`, `[]`, `[ ]*` …). */
  readonly marker: string;
  /** Offset of `[` in the text. */
  readonly markerOffset: number;
  readonly checked: boolean;
  /** A marker GitHub does not render as a checkbox: shown, flagged, never counted. */
  readonly nonstandard: boolean;
  /** A `[ ] text` line outside any list (non-standard too). */
  readonly bare: boolean;
  readonly text: string;
  readonly heading: number;
}

/** A list item without a checkbox. */
export interface ScanBullet {
  readonly line: number;
  readonly depth: number;
  readonly text: string;
  readonly heading: number;
}

export interface ScanCell {
  /** Trimmed cell text. */
  readonly text: string;
  /** Offset of the trimmed text in the scanned text (for an empty cell: where it would be). */
  readonly offset: number;
  readonly length: number;
}

export interface ScanTableRow {
  readonly line: number;
  /** The row's cells, split on first access (most readers never look at table rows). */
  readonly cells: readonly ScanCell[];
}

export interface ScanTable {
  /** Line of the header row. */
  readonly line: number;
  readonly heading: number;
  readonly header: readonly ScanCell[];
  readonly rows: readonly ScanTableRow[];
}

/** A `**Key:** value` / `**Key**: value` line, also as a list item (`- **Status**: Active`). */
export interface ScanField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly heading: number;
}

export interface MarkdownScan {
  readonly headings: readonly ScanHeading[];
  readonly tasks: readonly ScanTask[];
  readonly bullets: readonly ScanBullet[];
  readonly tables: readonly ScanTable[];
  readonly fields: readonly ScanField[];
  /** Lines that are exactly `---` outside code (thematic breaks or setext underlines): for misplaced headers. */
  readonly dashLines: readonly number[];
  /** Offsets of those lines. */
  readonly dashOffsets: readonly number[];
  /** Number of the last line of the text. */
  readonly lastLine: number;
}
