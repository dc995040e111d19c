import type { Vector } from './types';
import { checkDistribution, fail } from './validate';

/**
 * Decoding a next-token distribution: top-k and nucleus (top-p) truncation and
 * the inverse-CDF draw of one index. The distribution is validated (entries in
 * [0, 1] summing to 1 within 1e-6) and used as given, never renormalised
 * before truncation; ties in rank go to the lower index.
 */

/** The indices 0 … n−1 ranked by p descending, ties by the lower index first. */
function rankDescending(p: Vector): number[] {
  const order: number[] = new Array<number>(p.length);
  for (let i = 0; i < p.length; i++) order[i] = i;
  // Array.prototype.sort is stable; the index comparison makes the order explicit anyway.
  order.sort((i, j) => p[j] - p[i] || i - j);
  return order;
}

/** Keeps `order[0 … count−1]` of p, each divided by `keptSum`, and zeros the rest. */
function keepRanked(p: Vector, order: readonly number[], count: number, keptSum: number): number[] {
  const out = new Array<number>(p.length).fill(0);
  for (let r = 0; r < count; r++) {
    const i = order[r];
    out[i] = p[i] / keptSum;
  }
  return out;
}

/** Top-k truncation: $\tilde p_i = p_i / \sum_{j \in K} p_j$ for the k largest entries $K$ (ties: lower index), 0 elsewhere. */
export function topK(p: Vector, k: number): number[] {
  checkDistribution('topK', 'p', p);
  const n = p.length;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    fail('topK', 'k', `must be an integer in 1…${n}, got ${String(k)}`);
  }
  const order = rankDescending(p);
  let keptSum = 0;
  for (let r = 0; r < k; r++) keptSum += p[order[r]];
  return keepRanked(p, order, k, keptSum);
}

/** Nucleus (top-p) truncation: keep rank $r$ while $\sum_{s < r} p_{(s)} < \tau$, then $\tilde p_i = p_i / \sum_{\text{kept}} p_j$. */
export function topP(p: Vector, threshold: number): number[] {
  checkDistribution('topP', 'p', p);
  if (typeof threshold !== 'number' || Number.isNaN(threshold) || threshold <= 0 || threshold > 1) {
    fail('topP', 'threshold', `must be in (0, 1], got ${String(threshold)}`);
  }
  const order = rankDescending(p);
  // before = the sum of the entries ranked before r, accumulated in rank order.
  let before = 0;
  let count = 0;
  while (count < order.length && before < threshold) {
    before += p[order[count]];
    count++;
  }
  return keepRanked(p, order, count, before);
}

/** Inverse-CDF draw: the smallest $i$ with $u < \sum_{j \le i} p_j$ (the last $i$ with $p_i > 0$ if rounding leaves none). */
export function sampleIndex(p: Vector, u: number): number {
  checkDistribution('sampleIndex', 'p', p);
  if (typeof u !== 'number' || Number.isNaN(u) || u < 0 || u >= 1) {
    fail('sampleIndex', 'u', `must be in [0, 1), got ${String(u)}`);
  }
  let cumulative = 0;
  let lastPositive = -1;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue; // a zero mass never moves the sum, so u < sum cannot first hold here
    cumulative += p[i];
    if (u < cumulative) return i;
    lastPositive = i;
  }
  return lastPositive;
}
