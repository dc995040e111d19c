import type { Vector } from './types';
import { checkFinite, checkVector } from './validate';

/**
 * Weight penalties added to a training loss. `lambda` must be finite (NaN and
 * ±Infinity are bad input); a negative `lambda` is accepted and simply scales
 * the sum (the contract forbids only NaN), which turns the penalty into a
 * reward for large weights.
 */

/** The largest |w_i|. */
function maxAbs(w: Vector): number {
  let m = 0;
  for (const x of w) m = Math.max(m, Math.abs(x));
  return m;
}

/** L1 (lasso) penalty: $\lambda \sum_i |w_i|$. */
export function l1Penalty(w: Vector, lambda: number): number {
  checkVector('l1Penalty', 'w', w);
  checkFinite('l1Penalty', 'lambda', lambda);
  const m = maxAbs(w);
  if (m === 0) return 0;
  // Σ|w_i| = m · Σ|w_i|/m, so the sum cannot overflow; λ is applied before m.
  let sum = 0;
  for (const x of w) sum += Math.abs(x) / m;
  return lambda * sum * m;
}

/** L2 (ridge, weight-decay) penalty: $\lambda \sum_i w_i^2 = \lambda \|w\|_2^2$. */
export function l2Penalty(w: Vector, lambda: number): number {
  checkVector('l2Penalty', 'w', w);
  checkFinite('l2Penalty', 'lambda', lambda);
  const m = maxAbs(w);
  if (m === 0) return 0;
  // Σ w_i² = m² · Σ (w_i/m)², multiplied in the order (λ·m)·m to avoid overflow.
  let sum = 0;
  for (const x of w) {
    const y = x / m;
    sum += y * y;
  }
  return lambda * sum * m * m;
}
