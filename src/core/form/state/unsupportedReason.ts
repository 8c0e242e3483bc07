import type { FileReading } from '../../model';
import type { Problem } from '../../problems';

const TEXT_EDITOR = 'Fix it in the text editor';

/**
 * Why the form cannot show `reading`, in words for the person who opened it, with what to do; null
 * when it can. The form refuses a file that is not a milestone file, a header that is unclosed or
 * does not parse (fields and text cannot be told apart), JSON that does not parse or is not an
 * object, and a file the reader found no milestone in. Looks at the reader's notes and at the
 * problems, so either alone is enough.
 */
export function unsupportedReason(reading: FileReading | null, problems: readonly Problem[]): string | null {
  if (reading === null) {
    return 'This file is not a milestone file of any convention the form knows (ExecPlan, STATUS.md, KB, session JSON, handoff), so there is nothing to show as a form. Open it as text.';
  }
  const found = (code: string): { line: number; message: string } | null => {
    // A problem first: validation places it better (an unclosed `[` where it opens, not where YAML noticed).
    const p = problems.find((q) => q.code === code);
    if (p !== undefined) return { line: p.range.start.line, message: p.message };
    const note = reading.notes.find((n) => n.code === code);
    return note !== undefined ? { line: note.line, message: note.message } : null;
  };
  const unclosed = found('frontmatter-unclosed');
  if (unclosed !== null) {
    return `The frontmatter opened on line ${unclosed.line + 1} is never closed, so the form cannot tell fields from text. ${TEXT_EDITOR} (a quick fix is offered) and the form will come back.`;
  }
  const bomb = found('yaml-aliases');
  if (bomb !== null) {
    return `The YAML frontmatter's aliases (line ${bomb.line + 1}) expand to too many values to read safely, so the form cannot show its fields. ${TEXT_EDITOR} and write the values out.`;
  }
  for (const [code, lang] of [['yaml-syntax', 'YAML'], ['toml-syntax', 'TOML']] as const) {
    const e = found(code);
    if (e !== null) {
      return `The ${lang} frontmatter has a syntax error on line ${e.line + 1} (${sentence(e.message)}), so the form cannot read its fields. ${TEXT_EDITOR} and the form will come back.`;
    }
  }
  const json = found('json-syntax');
  if (json !== null) {
    return `This JSON does not parse (line ${json.line + 1}: ${sentence(json.message)}), so the form cannot read it. ${TEXT_EDITOR} and the form will come back.`;
  }
  if (found('json-not-object') !== null) {
    return 'This JSON file is not an object with milestone keys (milestone_id, title, status, steps), so the form has nothing to show. Open it as text.';
  }
  if (found('read-failed') !== null || reading.milestones.length === 0) {
    return 'No milestone could be read from this file, so the form has nothing to show. Open it as text.';
  }
  return null;
}

/** A note's message without its "YAML syntax error:"-style label, a quote of the input, and its final period. */
function sentence(message: string): string {
  return message
    .replace(/^(?:YAML|TOML|JSON) syntax error:\s*/i, '')
    .replace(/,\s*(?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/\.\s*$/, '');
}
