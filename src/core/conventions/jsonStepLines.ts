import { isKey, stringEnd } from '../text/jsonStrings';

/**
 * Lines of the elements of the top-level `"steps"` array of a JSON text: for each element, the line
 * of its `"description"` key when it has one, else the line where the element starts. When the text
 * writes `"steps"` twice, the last one's, as JSON.parse reads it.
 *
 * Why a scan and not jsonc-parser: JSON.parse gives the data in ~19 µs/file but no positions; a
 * jsonc-parser tree costs ~131 µs/file (shared/docs/parsing-facts.md). This skips strings and counts
 * brackets in one pass, only on files that parsed, so it needs no error handling beyond stopping.
 * Strings are skipped with `indexOf('"')` rather than char by char (valid JSON holds no raw line
 * break inside a string, so no line is missed): measured 22 → 11 µs a bench session file (5.5 KB,
 * ~260 strings); a char loop for short strings before `indexOf` was slower (17 µs).
 */
export function jsonStepLines(text: string): number[] {
  const out: number[] = [];
  const len = text.length;
  let line = 0;
  let depth = 0;
  let stepsDepth = -1; // depth inside the steps array, when in it
  let lastKeySteps = false; // the last key read was `"steps"`
  let keyDepth = -1;
  let element = -1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { line++; continue; }
    if (c === 34) {
      const start = i + 1;
      const q = stringEnd(text, i);
      if (q === -1) return out;
      i = q;
      if (isKey(text, q)) {
        const n = i - start;
        lastKeySteps = n === 5 && text.startsWith('steps', start);
        keyDepth = depth;
        // A `"steps"` written again replaces the one before, as in JSON.parse (jsonDuplicateKeys).
        if (lastKeySteps && depth === 1) out.length = 0;
        if (stepsDepth !== -1 && depth === stepsDepth + 1 && element >= 0 && n === 11 && text.startsWith('description', start)) out[element] = line;
      } else if (stepsDepth !== -1 && depth === stepsDepth) {
        element++;
        out[element] = line; // a string element
      }
      continue;
    }
    if (c === 123 || c === 91) {
      if (stepsDepth !== -1 && depth === stepsDepth) { element++; out[element] = line; }
      depth++;
      if (c === 91 && stepsDepth === -1 && lastKeySteps && keyDepth === 1 && depth === 2) { stepsDepth = 2; element = -1; }
      lastKeySteps = false;
      continue;
    }
    if (c === 125 || c === 93) {
      depth--;
      if (stepsDepth !== -1 && depth < stepsDepth) {
        // Read on only when the text writes `"steps"` again, which replaces these.
        if (text.indexOf('"steps"', i) === -1) return out;
        stepsDepth = -1;
      }
      continue;
    }
    if (stepsDepth !== -1 && depth === stepsDepth && c > 32 && c !== 44) {
      // a scalar element (number, true, null …): record where it starts, then skip it
      element++;
      out[element] = line;
      for (let d = text.charCodeAt(i + 1); i + 1 < len && d > 32 && d !== 44 && d !== 93 && d !== 125; d = text.charCodeAt(i + 1)) i++;
    }
  }
  return out;
}
