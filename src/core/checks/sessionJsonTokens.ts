import { isKey, stringEnd } from '../text/jsonStrings';
import type { Span } from './textPlacer';

/** A scalar value as written in the JSON text: its span (strings with their quotes) and the raw token. */
export interface JsonToken extends Span {
  readonly raw: string;
}

/** The scalar values of a session milestone's top-level keys and of each `steps[i]` object's keys; of a key written twice, the later. */
export interface SessionTokens {
  readonly top: ReadonlyMap<string, JsonToken>;
  /** One map per element of the top-level `steps` array (empty for an element that is not an object). */
  readonly steps: readonly ReadonlyMap<string, JsonToken>[];
}

/**
 * One pass over a JSON text that already parsed (the reader said so), recording where the scalar
 * values of `topKeys` (top level) and `stepKeys` (in each `steps` element) stand. Containers as values
 * are recorded by their opening bracket only. Why not jsonc-parser: its tree costs ~10× this scan,
 * and the session checks run on every edit (the same reasoning as `jsonStepLines`).
 */
export function sessionTokens(text: string, topKeys: readonly string[] = TOP_KEYS, stepKeys: readonly string[] = STEP_KEYS): SessionTokens {
  const top = new Map<string, JsonToken>();
  const steps: Map<string, JsonToken>[] = [];
  const len = text.length;
  let depth = 0;
  let key: string | null = null;
  let keyDepth = -1;
  let stepsKey = false; // the last key read was the top-level `steps`
  let inSteps = false; // inside the top-level steps array (its elements are at depth 2)
  const record = (start: number, end: number): void => {
    if (key === null || keyDepth !== depth) return;
    const token = { start, end, raw: text.slice(start, end) };
    if (depth === 1) top.set(key, token);
    else if (inSteps && depth === 3) steps[steps.length - 1]?.set(key, token);
    key = null;
  };
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58) continue;
    if (c === 34) {
      const q = stringEnd(text, i);
      if (q === -1) break;
      // Keys are compared in place: slicing every key of a 7 KB file cost more than the scan.
      if (isKey(text, q)) {
        key = depth === 1 ? pick(text, i + 1, q, topKeys) : inSteps && depth === 3 ? pick(text, i + 1, q, stepKeys) : null;
        keyDepth = depth;
        stepsKey = depth === 1 && q - i - 1 === 5 && text.startsWith('steps', i + 1);
        // A key written twice counts once, as JSON.parse reads it: the later one (jsonDuplicateKeys).
        // `top` and each step's map get that from `set`; a later `steps` starts the list again.
        if (stepsKey) steps.length = 0;
      }
      else {
        if (inSteps && depth === 2) steps.push(new Map());
        record(i, q + 1);
      }
      i = q;
      continue;
    }
    if (c === 123 || c === 91) {
      if (inSteps && depth === 2) steps.push(new Map());
      const opensSteps = c === 91 && depth === 1 && stepsKey;
      stepsKey = false;
      record(i, i + 1);
      depth++;
      if (opensSteps) inSteps = true;
      key = null;
      continue;
    }
    if (c === 125 || c === 93) {
      depth--;
      if (inSteps && depth < 2) inSteps = false;
      key = null;
      continue;
    }
    // a number, true, false or null (or a stray BOM): read to the next delimiter
    let e = i + 1;
    for (; e < len; e++) {
      const d = text.charCodeAt(e);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 123 || d === 91 || d === 34 || d === 58) break;
    }
    if (inSteps && depth === 2) steps.push(new Map());
    record(i, e);
    i = e - 1;
  }
  return { top, steps };
}

const TOP_KEYS = ['progress', 'milestone_id'];
const STEP_KEYS = ['step', 'status', 'completed_at'];

/** The key of `keys` that `text[start, end)` spells, or null. */
function pick(text: string, start: number, end: number, keys: readonly string[]): string | null {
  for (const k of keys) if (k.length === end - start && text.startsWith(k, start)) return k;
  return null;
}
