/**
 * Offset ranges of fenced code blocks (``` / ~~~, closed by the same character at least as long;
 * unterminated = to the end), for checks that search the raw text and must not read examples in
 * code. A plain pass over lines, run only when a check has a candidate to confirm.
 */
export function fencedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let pos = 0;
  let open: { ch: number; len: number; start: number } | null = null;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let p = pos;
    while (p < nl && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++; // fences inside list items are fences too
    const ch = text.charCodeAt(p);
    if (ch === 96 || ch === 126) {
      let e = p;
      while (e < nl && text.charCodeAt(e) === ch) e++;
      const len = e - p;
      if (len >= 3) {
        if (open === null) {
          if (ch !== 96 || text.indexOf('`', e) === -1 || text.indexOf('`', e) >= nl) open = { ch, len, start: pos };
        } else if (ch === open.ch && len >= open.len && text.slice(e, nl).trim() === '') {
          out.push([open.start, nl]);
          open = null;
        }
      }
    }
    pos = nl + 1;
  }
  if (open !== null) out.push([open.start, text.length]);
  return out;
}

/** True when `offset` lies in one of `ranges`. */
export function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  for (const [s, e] of ranges) if (offset >= s && offset <= e) return true;
  return false;
}
