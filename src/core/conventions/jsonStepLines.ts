/**
 * Lines of the elements of the top-level `"steps"` array of a JSON text: for each element, the line
 * of its `"description"` key when it has one, else the line where the element starts.
 *
 * Why a scan and not jsonc-parser: JSON.parse gives the data in ~19 µs/file but no positions; a
 * jsonc-parser tree costs ~131 µs/file (shared/docs/parsing-facts.md). This skips strings and counts
 * brackets in one pass, only on files that parsed, so it needs no error handling beyond stopping.
 */
export function jsonStepLines(text: string): number[] {
  const out: number[] = [];
  const len = text.length;
  let line = 0;
  let depth = 0;
  let stepsDepth = -1; // depth inside the steps array, when in it
  let lastKey: string | null = null;
  let keyDepth = -1;
  let element = -1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { line++; continue; }
    if (c === 34) {
      const start = i + 1;
      const startLine = line;
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === 92) { i += 2; continue; }
        if (d === 34) break;
        if (d === 10) line++;
        i++;
      }
      // A key is a string followed by `:`.
      let j = i + 1;
      while (j < len && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 10)) j++;
      if (text.charCodeAt(j) === 58) {
        const key = i - start < 20 ? text.slice(start, i) : null;
        lastKey = key; keyDepth = depth;
        if (stepsDepth !== -1 && depth === stepsDepth + 1 && key === 'description' && element >= 0) out[element] = startLine;
      } else if (stepsDepth !== -1 && depth === stepsDepth) {
        element++;
        out[element] = startLine; // a string element
      }
      continue;
    }
    if (c === 123 || c === 91) {
      if (stepsDepth !== -1 && depth === stepsDepth) { element++; out[element] = line; }
      depth++;
      if (c === 91 && stepsDepth === -1 && lastKey === 'steps' && keyDepth === 1 && depth === 2) { stepsDepth = 2; element = -1; }
      lastKey = null;
      continue;
    }
    if (c === 125 || c === 93) {
      depth--;
      if (stepsDepth !== -1 && depth < stepsDepth) return out;
      continue;
    }
    if (stepsDepth !== -1 && depth === stepsDepth && c > 32 && c !== 44) {
      // a scalar element (number, true, null …): record where it starts, then skip it
      element++;
      out[element] = line;
      while (i + 1 < len && !/[,\]\s]/.test(text[i + 1]!)) i++;
    }
  }
  return out;
}
