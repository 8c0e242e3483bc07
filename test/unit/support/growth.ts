/** Best-of-3 wall time of `fn` in ms: one slow round on a busy machine does not decide. */
export function bestMs(fn: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/**
 * How much slower `fn` gets from an input 10× smaller to the full one, measured in the same run so
 * the machine's speed cancels out: about 10 when the cost is linear, about 100 when it is quadratic.
 * The small side gets a floor of 1 ms so timer noise on tiny times cannot inflate the ratio.
 */
export function growthOfTenfold(fn: (scale: number) => unknown): number {
  return bestMs(() => fn(1)) / Math.max(1, bestMs(() => fn(0.1)));
}

/**
 * The largest growth of a tenfold input that still counts as linear. Linear is about 10 and
 * quadratic about 100; the larger input's garbage collection adds up to 3× on a loaded machine
 * (33.7× was measured for a linear reader while other builds ran), so 50 separates the two.
 */
export const LINEAR_GROWTH_LIMIT = 50;
