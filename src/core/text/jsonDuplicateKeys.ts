import { isKey, stringEnd } from './jsonStrings';
import { lineOfOffset } from './lineIndex';

/** A key written again in the same JSON object. Offsets index the text as given (a BOM counts). */
export interface DuplicateKey {
  readonly key: string;
  /** Where the object holding the key stands: `steps[1]`; `''` for the top level. */
  readonly where: string;
  /** The later key, quotes included: the one whose value counts. */
  readonly start: number;
  readonly end: number;
  /** Where the same key was written last before it (its opening quote). */
  readonly earlier: number;
}

/**
 * Every key of a JSON text that its object already had, at any depth, in text order.
 *
 * The rule for a key written twice is JSON.parse's: the later value wins and the earlier one is
 * ignored, silently. Every reader of milestone JSON follows it (the session reader and
 * `jsonStepLines` for `list`, `sessionTokens` and `JsonLocator` for `validate`, the form's
 * `sessionJsonParts`, `sessionJsonLists` for Next), the `json-duplicate-key` problem says
 * where it applied, and the edits refuse such a file (`duplicateKeyRefusal`): jsonc-parser's
 * `modify` would change the first, ignored, value.
 *
 * Meant for a text that parsed: on anything else it stops quietly with what it found. Keys compare
 * as JSON.parse compares them, unescaped (`"a\u0062"` is `"ab"`). One pass; only `validate` and the
 * edits run it, never the index.
 */
export function jsonDuplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // One frame per open object (`keys`) or array (`index` of its current element).
  const stack: { keys: Map<string, number> | null; key: string; index: number }[] = [];
  const len = text.length;
  /** A value starts: an array counts its elements. */
  const element = (): void => {
    const top = stack[stack.length - 1];
    if (top !== undefined && top.keys === null) top.index++;
  };
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58 || c === 0xfeff) continue;
    if (c === 34) {
      const q = stringEnd(text, i);
      if (q === -1) break;
      const top = stack[stack.length - 1];
      if (top?.keys && isKey(text, q)) {
        const raw = text.slice(i + 1, q);
        const key = raw.includes('\\') ? unescaped(text.slice(i, q + 1)) : raw;
        const earlier = top.keys.get(key);
        if (earlier !== undefined) out.push({ key, where: whereOf(stack), start: i, end: q + 1, earlier });
        top.keys.set(key, i);
        top.key = key;
      } else {
        element();
      }
      i = q;
      continue;
    }
    if (c === 123 || c === 91) {
      element();
      stack.push({ keys: c === 123 ? new Map() : null, key: '', index: -1 });
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
      continue;
    }
    // a number, true, false or null: read to the next delimiter
    element();
    for (let d = text.charCodeAt(i + 1); i + 1 < len && d > 32 && d !== 44 && d !== 93 && d !== 125; d = text.charCodeAt(i + 1)) i++;
  }
  return out;
}

/**
 * Why an edit of a JSON milestone file is refused, or null: the file writes a key twice, so an edit
 * could change the value that is ignored (jsonc-parser finds the first; JSON.parse keeps the last).
 */
export function duplicateKeyRefusal(text: string): string | null {
  const dup = jsonDuplicateKeys(text)[0];
  if (dup === undefined) return null;
  const lines = `lines ${lineOfOffset(text, dup.earlier) + 1} and ${lineOfOffset(text, dup.start) + 1}`;
  return `the file writes "${dup.key}"${dup.where ? ` in ${dup.where}` : ''} twice (${lines}); remove one in the text editor first`;
}

/** The path to the innermost object of `stack` (the one holding the key just read): `steps[1].checks`. */
function whereOf(stack: readonly { keys: Map<string, number> | null; key: string; index: number }[]): string {
  let where = '';
  for (let k = 0; k < stack.length - 1; k++) {
    const f = stack[k]!;
    where += f.keys === null ? `[${f.index}]` : where === '' ? f.key : `.${f.key}`;
  }
  return where;
}

function unescaped(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}
