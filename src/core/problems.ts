/**
 * Problems: what validation finds in a milestone file, placed on the exact key or value, with the
 * data a quick fix needs. Plain data shared by the diagnostics, the code actions and the CLI
 * (`milestones validate`). Nothing here imports `vscode`.
 *
 * Positions are 0-based lines and UTF-16 characters in the text AS AN EDITOR SHOWS IT: without a
 * BOM. (VS Code's TextDocument drops the BOM; the CLI reads it from disk.) Use `editorPosition` to
 * turn an offset into the raw text (BOM included) into such a position, so both sides agree.
 */
import type { TextEdit } from './model';
import type { LineIndex } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Data a quick fix needs, carried by the problem when the fix is clear. `fixEdits` (src/core/fixes)
 * turns it into minimal edits on the current text.
 */
export type FixHint =
  /** Replace the scalar at `path` of the frontmatter / JSON with `value` (e.g. the nearest enum value). */
  | { readonly kind: 'replace-value'; readonly path: readonly (string | number)[]; readonly value: string }
  /** Add the top-level key `key` with a placeholder `value` (YAML/JSON text, already quoted as needed). */
  | { readonly kind: 'add-key'; readonly key: string; readonly value: string }
  /** Set (or add) top-level `key` to `value` (YAML/JSON text): `id` from the file name, `updated` to today, `progress` recomputed. */
  | { readonly kind: 'set-key'; readonly key: string; readonly value: string }
  /** Rename the file (path relative to the workspace folder, `/`-separated) so it matches its id. */
  | { readonly kind: 'rename-file'; readonly to: string }
  /** Insert the missing closing `---` (or `+++`) of a header at the 0-based line `line`. */
  | { readonly kind: 'close-frontmatter'; readonly line: number; readonly fence: '---' | '+++' }
  /** Replace the non-standard task marker on 0-based `line` with the standard `marker` (`[ ]` or `[x]`). */
  | { readonly kind: 'standard-marker'; readonly line: number; readonly marker: '[ ]' | '[x]' };

export interface Problem {
  /** Path of the file relative to its workspace folder, `/`-separated. */
  readonly file: string;
  readonly severity: Severity;
  /**
   * Stable code, shown in the Problems panel and the CLI: `schema-enum`, `schema-required`,
   * `schema-additional`, `schema-type`, `schema-format`, `schema-pattern`, `schema-ref`, `yaml-syntax`,
   * `json-syntax`, `frontmatter-unclosed`, `frontmatter-not-at-start`, `execplan-id`, … (README lists them).
   */
  readonly code: string;
  /** One sentence for a person, e.g. `status "done" is not one of …: did you mean "completed"?` */
  readonly message: string;
  readonly range: Range;
  /** Quick fixes that are clear for this problem, best first. */
  readonly fixes?: readonly FixHint[];
}

/** A quick fix made concrete on a text: minimal edits, and possibly a file rename. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Rename the file to this path (relative to the workspace folder, `/`-separated). */
  readonly renameTo?: string;
  readonly isPreferred?: boolean;
}

/**
 * The editor position (BOM not counted) of `offset` in `text` (which may start with a BOM).
 * `index` must be a LineIndex of `text`.
 */
export function editorPosition(text: string, index: LineIndex, offset: number): Position {
  const p = index.positionAt(offset);
  if (p.line === 0 && text.charCodeAt(0) === 0xfeff) return { line: 0, character: Math.max(0, p.column - 1) };
  return { line: p.line, character: p.column };
}

/** A range covering the whole of 0-based `line` of `text` (first to last non-blank character). */
export function lineRange(line: number, text: string | null, index?: LineIndex): Range {
  if (text === null || index === undefined) return { start: { line, character: 0 }, end: { line, character: 0 } };
  const lineText = index.lineText(line);
  const start = lineText.length - lineText.trimStart().length;
  const bom = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    start: { line, character: Math.max(0, start - bom) },
    end: { line, character: Math.max(0, lineText.trimEnd().length - bom) },
  };
}

/** Problems sorted as people read them: by file, then position. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1
      : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
