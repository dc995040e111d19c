import { createRandom, sampleIndex } from '../../math';

/** The most tokens the card draws one by one (the last step of its time control). */
export const DRAWS_MAX = 100;
/** The draws of the large sample computed off the main thread. */
export const MANY_DRAWS = 100_000;

/** Tokens drawn from `p` with `seed`: the count of each token among the first `k`, and the last drawn (−1 for none). */
export function drawTokens(p: readonly number[], seed: number, k: number) {
  const random = createRandom(seed);
  const counts = p.map(() => 0);
  let last = -1;
  for (let i = 0; i < k; i++) {
    last = sampleIndex(p, random());
    counts[last]++;
  }
  return { counts, last };
}

/** The share of each token among `MANY_DRAWS` draws from `p` with `seed` (run in a worker); none for null. */
export function manyShares(input: { p: readonly number[]; seed: number } | null): number[] {
  if (!input) return [];
  return drawTokens(input.p, input.seed, MANY_DRAWS).counts.map((c) => c / MANY_DRAWS);
}
