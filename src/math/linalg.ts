import type { Matrix, Vector } from './types';
import { checkMatrix, checkSameLength, checkVector, fail } from './validate';

/**
 * Vectors and matrices: dot product, L2 norm, cosine similarity, matrix
 * product and transpose. Sums that could overflow or underflow are computed on
 * values scaled by a power of two near the largest |component| (the idea of
 * LAPACK's dnrm2), which is exact for every component in the normal range.
 */

/** Largest exponent used for scaling: 2^±1000 stays finite and normal. */
const MAX_SCALE_EXPONENT = 1000;

/** The exponent k, with 2^k near `maxAbs` (> 0), clamped to ±1000. */
function scaleExponent(maxAbs: number): number {
  const k = Math.floor(Math.log2(maxAbs));
  return Math.max(-MAX_SCALE_EXPONENT, Math.min(MAX_SCALE_EXPONENT, k));
}

/** The largest |v_i|. */
function maxAbs(v: Vector): number {
  let m = 0;
  for (const x of v) {
    const a = Math.abs(x);
    if (a > m) m = a;
  }
  return m;
}

/** Sum of squares without overflow or underflow: Σ v_i² = sum · 4^exponent. */
function scaledSumOfSquares(v: Vector): { sum: number; exponent: number } {
  const m = maxAbs(v);
  if (m === 0) return { sum: 0, exponent: 0 };
  const k = scaleExponent(m);
  const s = 2 ** -k;
  let sum = 0;
  for (const x of v) {
    const y = x * s;
    sum += y * y;
  }
  return { sum, exponent: k };
}

/** Dot product without range checks (for callers that validated already); rescales when the plain sum overflows. */
export function dotUnchecked(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  if (Number.isFinite(sum)) return sum;
  // A partial sum or a product overflowed: redo the sum on scaled values.
  const ma = maxAbs(a);
  const mb = maxAbs(b);
  const ka = scaleExponent(ma);
  const kb = scaleExponent(mb);
  const sa = 2 ** -ka;
  const sb = 2 ** -kb;
  let scaled = 0;
  for (let i = 0; i < a.length; i++) scaled += a[i] * sa * (b[i] * sb);
  // Apply the smaller factor first so that no intermediate overflows early.
  return scaled * 2 ** Math.min(ka, kb) * 2 ** Math.max(ka, kb);
}

/** Dot product: $a \cdot b = \sum_i a_i b_i$. */
export function dot(a: Vector, b: Vector): number {
  checkVector('dot', 'a', a);
  checkVector('dot', 'b', b);
  checkSameLength('dot', 'a', a, 'b', b);
  return dotUnchecked(a, b);
}

/** Euclidean (L2) norm: $\|a\|_2 = \sqrt{\sum_i a_i^2}$. */
export function norm(a: Vector): number {
  checkVector('norm', 'a', a);
  const { sum, exponent } = scaledSumOfSquares(a);
  return Math.sqrt(sum) * 2 ** exponent;
}

/** Cosine similarity: $\cos\theta = \frac{a \cdot b}{\|a\|\,\|b\|}$, 0 when either vector is all zeros. */
export function cosineSimilarity(a: Vector, b: Vector): number {
  checkVector('cosineSimilarity', 'a', a);
  checkVector('cosineSimilarity', 'b', b);
  checkSameLength('cosineSimilarity', 'a', a, 'b', b);
  const ma = maxAbs(a);
  const mb = maxAbs(b);
  if (ma === 0 || mb === 0) return 0;
  // The cosine is invariant under positive scaling: work on a/2^ka and b/2^kb.
  const sa = 2 ** -scaleExponent(ma);
  const sb = 2 ** -scaleExponent(mb);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] * sa;
    const y = b[i] * sb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  const c = ab / (Math.sqrt(aa) * Math.sqrt(bb));
  return Math.max(-1, Math.min(1, c));
}

/** Matrix product of an n×k and a k×m matrix: $(AB)_{ij} = \sum_l A_{il} B_{lj}$. */
export function matmul(A: Matrix, B: Matrix): number[][] {
  const [n, k] = checkMatrix('matmul', 'A', A);
  const [kb, m] = checkMatrix('matmul', 'B', B);
  if (kb !== k) {
    fail('matmul', 'B', `must have ${k} rows (the columns of A), got ${kb}`);
  }
  const Bt = transposeUnchecked(B, kb, m);
  const C: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) row.push(dotUnchecked(A[i], Bt[j]));
    C.push(row);
  }
  return C;
}

function transposeUnchecked(A: Matrix, rows: number, cols: number): number[][] {
  const T: number[][] = [];
  for (let j = 0; j < cols; j++) {
    const row: number[] = [];
    for (let i = 0; i < rows; i++) row.push(A[i][j]);
    T.push(row);
  }
  return T;
}

/** Transpose: $(A^\top)_{ij} = A_{ji}$. */
export function transpose(A: Matrix): number[][] {
  const [rows, cols] = checkMatrix('transpose', 'A', A);
  return transposeUnchecked(A, rows, cols);
}
