import type { Vector } from './types';
import { checkBase, checkDistribution, checkProbability, checkSameLength } from './validate';

/**
 * Entropy, binary entropy, perplexity, cross-entropy and KL divergence of
 * discrete distributions, with the conventions 0·log 0 = 0 and 0·log(0/q) = 0.
 * Inputs are validated as distributions (sum within 1e-6 of 1) and used as
 * given, never renormalised.
 */

/** log(p/q) for p, q > 0, accurate when p ≈ q and free of overflow in p/q. */
function logRatio(p: number, q: number): number {
  const r = p / q;
  if (r >= 0.5 && r <= 2) return Math.log1p((p - q) / q);
  if (r > 0 && r < Infinity && r >= Number.MIN_VALUE * 2 ** 52) return Math.log(r);
  return Math.log(p) - Math.log(q);
}

/** Entropy in nats of a validated distribution, $0 \log 0 = 0$. */
function entropyNats(p: Vector): number {
  let sum = 0;
  for (const pi of p) if (pi > 0) sum -= pi * Math.log(pi);
  return sum;
}

/** Shannon entropy, $H(p) = -\sum_i p_i \log_b p_i$ with $0 \log 0 = 0$. */
export function entropy(p: Vector, base = Math.E): number {
  checkDistribution('entropy', 'p', p);
  checkBase('entropy', base);
  const sum = entropyNats(p);
  return base === Math.E ? sum : sum / Math.log(base);
}

/** Binary entropy, $H_b(p) = -p \log_b p - (1-p) \log_b (1-p)$, 0 at $p = 0$ and $p = 1$. */
export function binaryEntropy(p: number, base = Math.E): number {
  checkProbability('binaryEntropy', 'p', p);
  checkBase('binaryEntropy', base);
  if (p === 0 || p === 1) return 0;
  // log1p(−p) is log(1 − p) without the rounding of 1 − p for small p.
  const h = -p * Math.log(p) - (1 - p) * Math.log1p(-p);
  return base === Math.E ? h : h / Math.log(base);
}

/** Perplexity, $\operatorname{PP}(p) = e^{H(p)}$ with $H$ in nats: the effective number of equally likely choices. */
export function perplexity(p: Vector): number {
  checkDistribution('perplexity', 'p', p);
  return Math.exp(entropyNats(p));
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
