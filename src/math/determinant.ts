import type { Matrix } from './types';
import { checkMatrix, fail } from './validate';

/**
 * The determinant of a square matrix by LU factorisation with partial
 * pivoting. Rows and columns are first scaled by powers of two (exact) so
 * that their largest entries lie in [1, 2), and the product of the pivots is
 * kept as a mantissa and a power of two: entries near 1e±200 neither overflow
 * nor underflow, and the result is finite whenever det A is representable.
 */

/** Past 2^500 the running product of pivot mantissas (each in about [1, 2)) is renormalised. */
const RENORMALISE_EXPONENT = 500;

/** x·2^e without an intermediate overflow or underflow of 2^e. */
function timesPowerOfTwo(x: number, e: number): number {
  let y = x;
  let k = e;
  while (k > 1000) {
    y *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    y *= 2 ** -1000;
    k += 1000;
  }
  return y * 2 ** k;
}

/** Determinant, $\det A = (-1)^{s} \prod_i U_{ii}$ from $PA = LU$ with partial pivoting ($s$ the number of row swaps). */
export function determinant(A: Matrix): number {
  const [n, cols] = checkMatrix('determinant', 'A', A);
  if (cols !== n) fail('determinant', 'A', `must be square, got ${n}×${cols}`);

  // Equilibrate by powers of two: row i by 2^−r_i, so that its largest entry
  // lies in [1, 2), then column j by 2^−c_j (c_j ≤ 0), so that its largest
  // entry does too. The exponents are found from the entries' own exponents
  // and each entry is scaled once, so no entry underflows on the way (as
  // 1e-200 under 1e200 would, scaled by its column first and then its row).
  // det A = 2^exponent · det U.
  const log2Abs = (x: number): number => Math.floor(Math.log2(Math.abs(x)));
  const rowExp = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (const x of A[i]) m = Math.max(m, Math.abs(x));
    if (m === 0) return 0; // a zero row
    rowExp[i] = log2Abs(m);
  }
  const colExp = new Array<number>(n).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const row = A[i];
    for (let j = 0; j < n; j++) {
      if (row[j] !== 0) colExp[j] = Math.max(colExp[j], log2Abs(row[j]) - rowExp[i]);
    }
  }
  let exponent = 0;
  for (let i = 0; i < n; i++) exponent += rowExp[i];
  for (let j = 0; j < n; j++) {
    if (colExp[j] === -Infinity) return 0; // a zero column
    exponent += colExp[j];
  }

  // One working copy, row-major: U[i * n + j].
  const U = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = A[i];
    for (let j = 0; j < n; j++) {
      U[i * n + j] = row[j] === 0 ? 0 : timesPowerOfTwo(row[j], -(rowExp[i] + colExp[j]));
    }
  }

  let mantissa = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(U[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(U[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return 0; // exactly singular
    if (p !== k) {
      for (let j = k; j < n; j++) {
        const t = U[k * n + j];
        U[k * n + j] = U[p * n + j];
        U[p * n + j] = t;
      }
      mantissa = -mantissa;
    }
    const pivot = U[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = U[i * n + k] / pivot;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) U[i * n + j] -= l * U[k * n + j];
    }
    // Multiply by the pivot's mantissa and carry its power of two apart.
    const e = Math.floor(Math.log2(Math.abs(pivot)));
    mantissa *= timesPowerOfTwo(pivot, -e);
    exponent += e;
    if (Math.abs(mantissa) >= 2 ** RENORMALISE_EXPONENT) {
      mantissa *= 2 ** -RENORMALISE_EXPONENT;
      exponent += RENORMALISE_EXPONENT;
    }
  }
  return timesPowerOfTwo(mantissa, exponent);
}
