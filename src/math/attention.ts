import { dotUnchecked } from './linalg';
import { softmax } from './softmax';
import type { Matrix, Vector } from './types';
import {
  checkCount,
  checkMatrix,
  checkPositive,
  checkSameLength,
  checkVector,
  fail,
} from './validate';

/**
 * The transformer's building blocks: scaled dot-product attention, layer
 * normalization and the sinusoidal positional encoding of "Attention Is All
 * You Need".
 */

/** Options of `scaledDotProductAttention`. */
export interface AttentionOptions {
  /** Hide key j from query i when j > i (a decoder's causal mask). */
  causal?: boolean;
  /** An n×m matrix of booleans; `mask[i][j] === false` hides key j from query i. */
  mask?: readonly (readonly boolean[])[];
}

/** What `scaledDotProductAttention` returns. */
export interface AttentionResult {
  /** QKᵀ/√d_k, n×m, before any mask. */
  scores: number[][];
  /** Row-wise softmax of the masked scores, n×m; hidden keys get exactly 0. */
  weights: number[][];
  /** weights·V, n×d_v. */
  output: number[][];
}

/** Scaled dot-product attention: $\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}} + M\right) V$, with M = −∞ on hidden keys. */
export function scaledDotProductAttention(
  Q: Matrix,
  K: Matrix,
  V: Matrix,
  options: AttentionOptions = {},
): AttentionResult {
  const fn = 'scaledDotProductAttention';
  const [n, dk] = checkMatrix(fn, 'Q', Q);
  const [m, dkK] = checkMatrix(fn, 'K', K);
  const [mV, dv] = checkMatrix(fn, 'V', V);
  if (dkK !== dk) fail(fn, 'K', `must have ${dk} columns (d_k, the columns of Q), got ${dkK}`);
  if (mV !== m) fail(fn, 'V', `must have ${m} rows (one per key, the rows of K), got ${mV}`);
  if (options === null || typeof options !== 'object') {
    fail(fn, 'options', `must be an object, got ${String(options)}`);
  }
  const { causal = false, mask } = options;
  if (typeof causal !== 'boolean') {
    fail(fn, 'options.causal', `must be a boolean, got ${String(causal)}`);
  }
  if (mask !== undefined) {
    if (!Array.isArray(mask) || mask.length !== n) {
      fail(fn, 'options.mask', `must be an array of ${n} rows (one per query)`);
    }
    for (let i = 0; i < n; i++) {
      const row = mask[i];
      if (!Array.isArray(row) || row.length !== m) {
        fail(fn, `options.mask[${i}]`, `must be an array of ${m} booleans (one per key)`);
      }
      for (let j = 0; j < m; j++) {
        if (typeof row[j] !== 'boolean') {
          fail(fn, `options.mask[${i}][${j}]`, `must be a boolean, got ${String(row[j])}`);
        }
      }
    }
  }

  const scale = Math.sqrt(dk);
  const scores: number[][] = [];
  const weights: number[][] = [];
  const output: number[][] = [];
  for (let i = 0; i < n; i++) {
    const scoreRow: number[] = [];
    const masked: number[] = [];
    let visible = 0;
    for (let j = 0; j < m; j++) {
      // Q and K are validated above; the dot product rescales when a partial sum overflows.
      const s = dotUnchecked(Q[i], K[j]) / scale;
      scoreRow.push(s);
      const hidden = (causal && j > i) || (mask !== undefined && mask[i][j] === false);
      masked.push(hidden ? -Infinity : s);
      if (!hidden) visible++;
    }
    if (visible === 0) {
      fail(
        fn,
        causal ? 'options.mask (with options.causal)' : 'options.mask',
        `hides every key from query ${i}`,
      );
    }
    for (let j = 0; j < m; j++) {
      if (!Number.isFinite(scoreRow[j])) {
        fail(fn, 'Q', `and K give a non-finite score at [${i}][${j}]`);
      }
    }
    const w = softmax(masked);
    const out = new Array<number>(dv).fill(0);
    for (let j = 0; j < m; j++) {
      if (w[j] === 0) continue;
      for (let c = 0; c < dv; c++) out[c] += w[j] * V[j][c];
    }
    scores.push(scoreRow);
    weights.push(w);
    output.push(out);
  }
  return { scores, weights, output };
}

/** Layer normalization: $y_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}\,\gamma_i + \beta_i$ with $\mu = \frac1n\sum_i x_i$, $\sigma^2 = \frac1n\sum_i (x_i - \mu)^2$. */
export function layerNorm(x: Vector, gamma?: Vector, beta?: Vector, eps = 1e-5): number[] {
  const fn = 'layerNorm';
  checkVector(fn, 'x', x);
  if (gamma !== undefined) {
    checkVector(fn, 'gamma', gamma);
    checkSameLength(fn, 'x', x, 'gamma', gamma);
  }
  if (beta !== undefined) {
    checkVector(fn, 'beta', beta);
    checkSameLength(fn, 'x', x, 'beta', beta);
  }
  checkPositive(fn, 'eps', eps);
  const n = x.length;

  // Work on y = x·2^−k, k the exponent of max|x|: exact for normal values, and
  // neither the mean nor the squared deviations can overflow or underflow.
  let maxAbs = 0;
  for (const xi of x) maxAbs = Math.max(maxAbs, Math.abs(xi));
  const k = maxAbs === 0 ? 0 : Math.max(-1000, Math.min(1000, Math.floor(Math.log2(maxAbs))));
  const s = 2 ** -k;
  const y = x.map((xi) => xi * s);

  // Corrected two-pass mean and variance (Chan, Golub & LeVeque).
  let sum = 0;
  for (const yi of y) sum += yi;
  let mean = sum / n;
  let correction = 0;
  for (const yi of y) correction += yi - mean;
  mean += correction / n;
  const d = y.map((yi) => yi - mean);
  let sq = 0;
  for (const di of d) sq += di * di;
  const variance = sq / n;

  // √(var_y + eps·s²) is √(var_x + eps)·s; when eps·s² overflows (tiny x, so
  // var_x ≪ eps) divide by s first instead.
  const epsScaled = eps * s * s;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let normalized: number;
    if (d[i] === 0) normalized = 0;
    else if (Number.isFinite(epsScaled)) normalized = d[i] / Math.sqrt(variance + epsScaled);
    else normalized = d[i] / s / Math.sqrt(variance / s / s + eps);
    const g = gamma === undefined ? 1 : gamma[i];
    const b = beta === undefined ? 0 : beta[i];
    out.push(normalized * g + b);
  }
  return out;
}

/** Sinusoidal positional encoding: $PE_{p,2i} = \sin\!\left(p / 10000^{2i/d}\right)$, $PE_{p,2i+1} = \cos\!\left(p / 10000^{2i/d}\right)$, p = 0 … positions−1. */
export function sinusoidalPositionalEncoding(positions: number, dModel: number): number[][] {
  checkCount('sinusoidalPositionalEncoding', 'positions', positions);
  checkCount('sinusoidalPositionalEncoding', 'dModel', dModel);
  const PE: number[][] = [];
  for (let pos = 0; pos < positions; pos++) {
    const row: number[] = [];
    for (let c = 0; c < dModel; c++) {
      const i2 = c - (c % 2);
      const angle = pos / Math.pow(10000, i2 / dModel);
      row.push(c % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    PE.push(row);
  }
  return PE;
}
