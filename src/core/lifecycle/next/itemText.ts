/**
 * The text of a "next" item as a person reads it: whitespace runs (line breaks included) become one
 * space, ends trimmed. Null for an empty entry and for a blocker that says there is none
 * (`None`, `n/a`, `-`, `No blockers.`), so "nothing blocks" never shows as a blocker.
 */
export function itemText(raw: string, blocker: boolean): string | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return blocker && NONE.test(text) ? null : text;
}

const NONE = /^(?:none|n\/a|-|—|no blockers?|nothing)\.?$/i;
