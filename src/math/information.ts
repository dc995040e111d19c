import type { Vector } from './types';
import { checkBase, checkDistribution, checkSameLength } from './validate';

/**
 * Entropy, cross-entropy and KL divergence of discrete distributions, with the
 * conventions 0·log 0 = 0 and 0·log(0/q) = 0. Inputs are validated as
 * distributions (sum within 1e-6 of 1) and used as given, never renormalised.
 */

/** log(p/q) for p, q > 0, accurate when p ≈ q and free of overflow in p/q. */
function logRatio(p: number, q: number): number {
  const r = p / q;
  if (r >= 0.5 && r <= 2) return Math.log1p((p - q) / q);
  if (r > 0 && r < Infinity && r >= Number.MIN_VALUE * 2 ** 52) return Math.log(r);
  return Math.log(p) - Math.log(q);
}

/** Shannon entropy, $H(p) = -\sum_i p_i \log_b p_i$ with $0 \log 0 = 0$. */
export function entropy(p: Vector, base = Math.E): number {
  checkDistribution('entropy', 'p', p);
  checkBase('entropy', base);
  let sum = 0;
  for (const pi of p) if (pi > 0) sum -= pi * Math.log(pi);
  return base === Math.E ? sum : sum / Math.log(base);
}

/** Cross-entropy, $H(y, \hat y) = -\sum_i y_i \log_b \hat y_i$; Infinity where $y_i > 0$ and $\hat y_i = 0$. */
export function crossEntropy(target: Vector, predicted: Vector, base = Math.E): number {
  checkDistribution('crossEntropy', 'target', target);
  checkDistribution('crossEntropy', 'predicted', predicted);
  checkSameLength('crossEntropy', 'target', target, 'predicted', predicted);
  checkBase('crossEntropy', base);
  let sum = 0;
  for (let i = 0; i < target.length; i++) {
    if (target[i] === 0) continue;
    if (predicted[i] === 0) return Infinity;
    sum -= target[i] * Math.log(predicted[i]);
  }
  return base === Math.E ? sum : sum / Math.log(base);
}

/** Kullback–Leibler divergence, $D_{KL}(p \| q) = \sum_i p_i \log_b (p_i/q_i)$; Infinity where $p_i > 0$ and $q_i = 0$. */
export function klDivergence(p: Vector, q: Vector, base = Math.E): number {
  checkDistribution('klDivergence', 'p', p);
  checkDistribution('klDivergence', 'q', q);
  checkSameLength('klDivergence', 'p', p, 'q', q);
  checkBase('klDivergence', base);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    sum += p[i] * logRatio(p[i], q[i]);
  }
  return base === Math.E ? sum : sum / Math.log(base);
}
