import type { Fix, FixHint } from '../problems';

/**
 * Turns a problem's fix hint into a concrete quick fix on the current `text` of `file` (relative to
 * its workspace folder): minimal edits that change nothing else (line endings, BOM, quoting style,
 * indentation, comments and key order survive), or null when the text no longer allows it.
 * STUB: implemented by the fixes module.
 */
export function fixEdits(file: string, text: string, hint: FixHint): Fix | null {
  void file; void text; void hint;
  return null;
}
