/**
 * "Did you mean …?" for misspelt keys and enum values: a tiny, pure nearest-word search.
 */

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions, each
 * substring edited once): `titel` → `title` is 1, `ownr` → `owner` is 1. Case-sensitive.
 * Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Length of the common prefix of `a` and `b`. */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The most candidates a suggestion is sought among; with more there is none.
 *
 * Why: each candidate costs an edit distance (about 4 µs); a schema `enum` of 160,000 values took
 * 0.6 s per misspelt value, and a header can misspell one in every list entry. Among more than a
 * thousand allowed values the nearest is a guess between many near-misses anyway, and looking
 * at only the first thousand suggested `v199` for `v1999x` when `v1999` was allowed.
 */
export const MAX_SUGGESTION_CANDIDATES = 1_000;

/**
 * The candidate closest to `word`, or null when none is close or there are more than
 * `MAX_SUGGESTION_CANDIDATES`: close means an edit distance of at
 * most 2 (case ignored; at most 1 for words of up to 4 characters, where 2 edits would turn `ms`
 * into `id`), or a shared prefix of at least 3 characters (`in_prog` → `in_progress`). Ties go to
 * the smaller distance, then the longer shared prefix, then the candidate listed first.
 * `prefix: false` drops the prefix rule (for unknown keys: `links_extra` is not a typo of `links`).
 */
export function didYouMean(word: string, candidates: readonly string[], options: { readonly prefix?: boolean } = {}): string | null {
  const usePrefix = options.prefix !== false;
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  let bestPrefix = -1;
  if (candidates.length > MAX_SUGGESTION_CANDIDATES) return null;
  for (const c of candidates) {
    if (c === word) continue;
    const lc = c.toLowerCase();
    const limit = Math.min(w.length, lc.length) <= 4 ? 1 : 2;
    const d = editDistance(w, lc, limit);
    const p = usePrefix ? sharedPrefix(w, lc) : 0;
    if (d > limit && p < 3) continue;
    // A prefix-only match ranks after every edit-distance match.
    const rank = d <= limit ? d : limit + 1 + Math.max(0, lc.length - p);
    if (rank < bestDistance || (rank === bestDistance && p > bestPrefix)) {
      best = c; bestDistance = rank; bestPrefix = p;
    }
  }
  return best;
}
