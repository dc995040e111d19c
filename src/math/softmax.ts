import type { Vector } from './types';
import { checkPositive, checkVector, fail } from './validate';

/**
 * Softmax, log-softmax and log-sum-exp over logits that may hold −Infinity
 * masks. Each shifts by the largest logit before exponentiating, so logits of
 * ±1000 (or any finite size) and tiny temperatures never overflow.
 */

/** Validates masked logits and returns the largest one and its index. */
function maxOfLogits(fn: string, param: string, logits: Vector): { max: number; at: number } {
  checkVector(fn, param, logits, { allowNegativeInfinity: true });
  let max = -Infinity;
  let at = -1;
  for (let i = 0; i < logits.length; i++) {
    if (logits[i] > max) {
      max = logits[i];
      at = i;
    }
  }
  if (at < 0) fail(fn, param, 'must have at least one finite entry (all are -Infinity)');
  return { max, at };
}

/** The shifted exponents (zᵢ − max)/T, all ≤ 0, with −Infinity for masked entries. */
function shifted(logits: Vector, max: number, temperature: number): number[] {
  return logits.map((z) => (z - max) / temperature);
}

/** Σ_{i ≠ at} e^{sᵢ} for shifted exponents s (the term at `at` is e^0 = 1). */
function restSum(s: readonly number[], at: number): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) if (i !== at) sum += Math.exp(s[i]);
  return sum;
}

/** Softmax with temperature, $\operatorname{softmax}(z)_i = e^{z_i/T} / \sum_j e^{z_j/T}$; −Infinity logits get 0. */
export function softmax(logits: Vector, temperature = 1): number[] {
  const { max, at } = maxOfLogits('softmax', 'logits', logits);
  checkPositive('softmax', 'temperature', temperature);
  // One exponential per logit: e^{s_i} is stored, then divided by the total.
  const n = logits.length;
  const e = new Array<number>(n);
  let rest = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.exp((logits[i] - max) / temperature);
    e[i] = x;
    if (i !== at) rest += x;
  }
  const total = 1 + rest;
  for (let i = 0; i < n; i++) e[i] /= total;
  return e;
}

/** Log-softmax with temperature, $z_i/T - \log\sum_j e^{z_j/T}$, computed without forming the softmax. */
export function logSoftmax(logits: Vector, temperature = 1): number[] {
  const { max, at } = maxOfLogits('logSoftmax', 'logits', logits);
  checkPositive('logSoftmax', 'temperature', temperature);
  const s = shifted(logits, max, temperature);
  const logTotal = Math.log1p(restSum(s, at));
  return s.map((v) => v - logTotal);
}

/** Log-sum-exp, $\log\sum_i e^{v_i}$, stable for any finite values; −Infinity entries contribute 0. */
export function logSumExp(values: Vector): number {
  const { max, at } = maxOfLogits('logSumExp', 'values', values);
  const s = shifted(values, max, 1);
  return max + Math.log1p(restSum(s, at));
}
