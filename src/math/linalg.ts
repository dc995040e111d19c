import type { Matrix, Vector } from './types';
import { checkMatrix, checkSameLength, checkVector, fail } from './validate';

/**
 * Vectors and matrices: dot product, L2 norm, cosine similarity, the angle
 * between two vectors, projection, Euclidean distance, matrix product and
 * transpose. Sums that could overflow or underflow are computed on
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

/** The largest |v_i|, failing with "must not be the zero vector" when it is 0. */
function nonZeroMaxAbs(fn: string, param: string, v: Vector): number {
  const m = maxAbs(v);
  if (m === 0) fail(fn, param, 'must not be the zero vector');
  return m;
}

/** Dekker's splitter: x·SPLITTER splits x into hi + lo of 26 bits each, whose products are exact. */
const SPLITTER = 134217729; // 2^27 + 1

/** Angle between non-zero vectors, $\theta = \operatorname{atan2}(\|a\| \|b - \frac{a \cdot b}{a \cdot a} a\|, a \cdot b) \in [0, \pi]$, accurate when nearly parallel. */
export function angle(a: Vector, b: Vector): number {
  checkVector('angle', 'a', a);
  checkVector('angle', 'b', b);
  checkSameLength('angle', 'a', a, 'b', b);
  // The angle is invariant under positive scaling: work on a/2^ka and b/2^kb,
  // whose largest components are in [1, 2) (exact, no overflow or underflow).
  const sa = 2 ** -scaleExponent(nonZeroMaxAbs('angle', 'a', a));
  const sb = 2 ** -scaleExponent(nonZeroMaxAbs('angle', 'b', b));
  const n = a.length;
  let aa = 0;
  let ab = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] * sa;
    aa += x * x;
    ab += x * (b[i] * sb);
  }
  // r = b − c·a, the part of b orthogonal to a. For nearly parallel vectors
  // r is far smaller than b, so c·a_i is formed exactly (Dekker's product)
  // and subtracted with no rounding but that of r itself; a second pass
  // removes the component along a that the rounding of c left behind.
  const c = ab / aa;
  const cHi = SPLITTER * c - (SPLITTER * c - c);
  const cLo = c - cHi;
  const r = new Array<number>(n);
  let ar = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] * sa;
    const t = SPLITTER * x;
    const xHi = t - (t - x);
    const xLo = x - xHi;
    const hi = c * x;
    const lo = cHi * xHi - hi + cHi * xLo + cLo * xHi + cLo * xLo;
    const ri = b[i] * sb - hi - lo;
    r[i] = ri;
    ar += x * ri;
  }
  const c2 = ar / aa;
  for (let i = 0; i < n; i++) r[i] -= c2 * (a[i] * sa);
  const { sum, exponent } = scaledSumOfSquares(r);
  const orthogonal = Math.sqrt(aa) * Math.sqrt(sum) * 2 ** exponent;
  return Math.atan2(orthogonal, ab);
}

/** Projection of a onto b, $\operatorname{proj}_b a = \frac{a \cdot b}{b \cdot b}\, b$ (b = `onto`, not the zero vector). */
export function projection(a: Vector, onto: Vector): number[] {
  checkVector('projection', 'a', a);
  checkVector('projection', 'onto', onto);
  checkSameLength('projection', 'a', a, 'onto', onto);
  const mb = nonZeroMaxAbs('projection', 'onto', onto);
  const n = a.length;
  const ma = maxAbs(a);
  if (ma === 0) return new Array<number>(n).fill(0);
  // With a = 2^ka a′ and b = 2^kb b′: proj = 2^ka (a′·b′ / b′·b′) b′, every
  // intermediate of moderate size.
  const ka = scaleExponent(ma);
  const sa = 2 ** -ka;
  const sb = 2 ** -scaleExponent(mb);
  let ab = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const y = onto[i] * sb;
    ab += a[i] * sa * y;
    bb += y * y;
  }
  const c = ab / bb;
  const back = 2 ** ka;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = c * (onto[i] * sb) * back;
  return out;
}

/** Euclidean distance, $\|a - b\|_2 = \sqrt{\sum_i (a_i - b_i)^2}$, without overflow or underflow. */
export function euclideanDistance(a: Vector, b: Vector): number {
  checkVector('euclideanDistance', 'a', a);
  checkVector('euclideanDistance', 'b', b);
  checkSameLength('euclideanDistance', 'a', a, 'b', b);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m) m = d;
  }
  // A difference beyond the largest double means a distance beyond it too.
  if (m === 0 || m === Infinity) return m;
  const k = scaleExponent(m);
  const s = 2 ** -k;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] - b[i]) * s;
    sum += d * d;
  }
  return Math.sqrt(sum) * 2 ** k;
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
