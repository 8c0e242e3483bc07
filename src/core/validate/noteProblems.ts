import type { FileReading, ReadNote } from '../model';
import { editorPosition, lineRange, type Problem, type Range } from '../problems';
import type { LineIndex } from '../text/lineIndex';
import { closeFrontmatterLine } from './closeFrontmatterLine';

/** Notes another module turns into problems (with their fixes): `conventionProblems`. */
const NOT_MINE = new Set(['nonstandard-marker']);
/** Notes a schema says better (`json-not-object`: type; `json-no-steps`: required). */
const SCHEMA_SAYS = new Set(['json-not-object', 'json-no-steps']);

/**
 * The reader's notes about the header and the syntax as problems on their exact place:
 * `frontmatter-unclosed` on the opening fence line (fix: close it where the header ends),
 * `frontmatter-not-at-start` on the misplaced block's first line, syntax errors from their
 * line/column to the end of the token there. `hasSchema` drops notes the schema reports better.
 * `lines` makes the line index on first use: most files have no such note (building it for every
 * file was ~2% of `milestones validate` on the 10k-file bench).
 */
export function noteProblems(file: string, text: string, lines: () => LineIndex, reading: FileReading, hasSchema: boolean): Problem[] {
  const out: Problem[] = [];
  for (const note of reading.notes) {
    if (NOT_MINE.has(note.code) || (hasSchema && SCHEMA_SAYS.has(note.code))) continue;
    out.push(problemOf(file, text, lines(), note));
  }
  return out;
}

function problemOf(file: string, text: string, index: LineIndex, note: ReadNote): Problem {
  const base = { file, severity: note.severity, code: note.code, message: note.message };
  switch (note.code) {
    case 'frontmatter-unclosed': {
      const fence = text.startsWith('+++', text.charCodeAt(0) === 0xfeff ? 1 : 0) ? '+++' : '---';
      const at = closeFrontmatterLine(index);
      return { ...base, range: lineRange(note.line, text, index), fixes: [{ kind: 'close-frontmatter', line: at.line, fence }] };
    }
    case 'frontmatter-not-at-start':
      return { ...base, message: 'this YAML block is not frontmatter because it does not start the file; move it to line 1', range: lineRange(note.line, text, index) };
    case 'yaml-syntax': {
      // YAML parsers notice an unclosed `[`, `{` or quote only where the next line starts; the
      // person needs the place that opened it.
      const opener = (note.column ?? 0) === 0 ? unclosedOpener(index, note.line) : null;
      if (opener !== null) {
        return {
          ...base,
          message: `YAML syntax error: the ${opener.char} opened here is never closed on its line`,
          range: { start: editorPosition(text, index, opener.offset), end: editorPosition(text, index, index.lineEnd(opener.line)) },
        };
      }
      return { ...base, range: tokenRange(text, index, note.line, note.column ?? 0) };
    }
    case 'toml-syntax': case 'json-syntax':
      return { ...base, range: tokenRange(text, index, note.line, note.column ?? 0) };
    default:
      return { ...base, range: note.column !== undefined ? tokenRange(text, index, note.line, note.column) : lineRange(note.line, text, index) };
  }
}

/** From (line, column) of the raw text to the end of the token there; the rest of the line when that is empty. */
export function tokenRange(text: string, index: LineIndex, line: number, column: number): Range {
  const l = Math.min(Math.max(0, line), index.lineCount - 1);
  const start = index.offsetAt(l, column);
  const lineEnd = index.lineEnd(l);
  let end = start;
  while (end < lineEnd && !/\s/.test(text[end]!)) end++;
  if (end === start) {
    end = lineEnd;
    // At the end of the line: mark the last character rather than nothing.
    if (end === start) return lineRange(l, text, index);
  }
  return { start: editorPosition(text, index, start), end: editorPosition(text, index, end) };
}

/**
 * The nearest line above `line` (inside the header: stops at the opening fence on line 0) that
 * leaves a flow collection (`[`, `{`) or a double/single-quoted scalar open at its end, or null.
 * Header values are one line each in the conventions we read, so "open at the end of the line" is
 * the mistake the parser reports further down.
 */
function unclosedOpener(index: LineIndex, line: number): { line: number; offset: number; char: string } | null {
  for (let l = Math.min(line, index.lineCount) - 1; l >= 1; l--) {
    const start = index.lineStart(l);
    const lineText = index.lineText(l);
    if (lineText.trim() === '---') break;
    const stack: { char: string; at: number }[] = [];
    let quote: { char: string; at: number } | null = null;
    for (let i = 0; i < lineText.length; i++) {
      const c = lineText[i]!;
      if (quote !== null) {
        if (c === '\\' && quote.char === '"') i++;
        else if (c === quote.char) quote = null;
      } else if (c === '#' && (i === 0 || /\s/.test(lineText[i - 1]!))) {
        break;
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{]/.test(lineText[i - 1]!))) {
        quote = { char: c, at: i };
      } else if (c === '[' || c === '{') {
        stack.push({ char: c, at: i });
      } else if ((c === ']' || c === '}') && stack.length > 0) {
        stack.pop();
      }
    }
    const open = quote ?? stack[0];
    if (open !== undefined && open !== null) return { line: l, offset: start + open.at, char: open.char };
    if (lineText.trim().length > 0) return null;
  }
  return null;
}
