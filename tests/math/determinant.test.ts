import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinant } from '../../src/math/determinant';
import { matmul, transpose } from '../../src/math/linalg';
import { expectClose, expectRangeError } from '../helpers/asserts';
import { bigToNumber, exactScaled } from './exact';

/** det by cofactor (Laplace) expansion along the first row, in exact BigInt arithmetic. */
function cofactorDeterminant(M: readonly (readonly bigint[])[]): bigint {
  const n = M.length;
  if (n === 1) return M[0][0];
  let det = 0n;
  for (let j = 0; j < n; j++) {
    if (M[0][j] === 0n) continue;
    const minor = M.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = M[0][j] * cofactorDeterminant(minor);
    det += j % 2 === 0 ? term : -term;
  }
  return det;
}

/** The exact determinant of a float matrix, rounded once to a double. */
function exactDeterminant(A: readonly (readonly number[])[]): number {
  const big = A.map((row) => row.map(exactScaled));
  return bigToNumber(cofactorDeterminant(big), 1074 * A.length);
}

/** Π‖row_i‖ (Hadamard's bound on |det A|), the scale of LU's rounding error. */
function hadamard(A: readonly (readonly number[])[]): number {
  return A.reduce((p, row) => p * Math.hypot(...row), 1);
}

/** A matrix whose LU products fall into the subnormals (Π‖row_i‖ underflows to 0). */
const UNDERFLOWING = [
  [2.937364272938267e-40, 0, 0, 0, 0, 0],
  [0, -4.2799021059264055e-120, 0, -4.277295554260861e-19, 0, -4.666086301776006e-10],
  [0, 9.28930663183747e-197, 0, 0, 0, 0],
  [0, 8.403870296862275e-135, 0, 0, 0, 0],
  [0, 0, 1.1342795041937564e-33, 0, 0, 0],
  [0, 0, 0, 4.336808689942007e-19, 999.9999999999999, 0],
];

const square = (arb: fc.Arbitrary<number>, min = 1, max = 5) =>
  fc
    .integer({ min, max })
    .chain((n) =>
      fc.array(fc.array(arb, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    );
const small = fc.integer({ min: -20, max: 20 });
/**
 * Entries in [-1e3, 1e3], 0 or at least 1e-6 in size: products of up to seven stay normal, so the
 * bounds below hold as written (where products reach the subnormals, see UNDERFLOWING).
 */
const moderate = fc
  .double({ min: -1e3, max: 1e3, noNaN: true })
  .map((x) => (Math.abs(x) < 1e-6 ? 0 : x));

/**
 * LU's error is a small multiple of n·ε·Π‖row_i‖ (no pivot growth at these sizes), plus, where
 * a product falls into the subnormals (Π‖row_i‖ itself can underflow to 0), the absolute
 * rounding of each step there (at most Number.MIN_VALUE) carried by the rows' norms above 1.
 */
function expectDeterminantClose(
  actual: number,
  expected: number,
  A: readonly (readonly number[])[],
) {
  const carried = A.reduce((p, row) => p * Math.max(1, Math.hypot(...row)), 1);
  const underflow = A.length * Number.MIN_VALUE * carried;
  expectClose(actual, expected, { rel: 1e-12, abs: 1e-14 * hadamard(A) + underflow });
}

describe('determinant', () => {
  it('determinant on hand-derived cases', () => {
    expect(determinant([[5]])).toBe(5);
    expect(determinant([[-0.25]])).toBe(-0.25);
    expectClose(
      determinant([
        [1, 2],
        [3, 4],
      ]),
      -2,
      { rel: 1e-15 },
    );
    // 6(−2·7 − 5·8) − 1(4·7 − 5·2) + 1(4·8 + 2·2) = −324 − 18 + 36
    expectClose(
      determinant([
        [6, 1, 1],
        [4, -2, 5],
        [2, 8, 7],
      ]),
      -306,
      { rel: 1e-15 },
    );
    expect(
      determinant([
        [2, 0, 0],
        [0, 3, 0],
        [0, 0, 4],
      ]),
    ).toBe(24);
    expect(
      determinant([
        [0, 1],
        [1, 0],
      ]),
    ).toBe(-1);
    // a cyclic permutation of three rows is even
    expect(
      determinant([
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]),
    ).toBe(1);
  });

  it('determinant of a triangular matrix is the product of its diagonal', () => {
    fc.assert(
      fc.property(square(moderate, 1, 7), (A) => {
        const U = A.map((row, i) => row.map((x, j) => (j < i ? 0 : x)));
        // the exact product of the diagonal, rounded once
        const diag = bigToNumber(
          U.reduce((p, row, i) => p * exactScaled(row[i]), 1n),
          1074 * U.length,
        );
        // a zero on the diagonal: elimination of the transpose may leave a rounding residue,
        // the determinant of a perturbation within rounding (n·ε relative to each row), so
        // bounded by n·ε times Hadamard's bound ∏‖row‖ (or a subnormal when that underflows)
        const hadamard = U.reduce((p, row) => p * Math.hypot(...row), 1);
        // a subnormal product: below 2⁻¹⁰²² doubles keep fewer digits, and the elimination's
        // order of products may round it away to 0 (found: −5e-324 against −0)
        const tiny = diag === 0 || Math.abs(diag) < 2 ** -1022;
        const abs = tiny ? Math.max(1e-300, 16 * U.length * Number.EPSILON * hadamard) : 0;
        expectClose(determinant(U), diag, { rel: 1e-13, abs });
        expectClose(determinant(transpose(U)), diag, { rel: 1e-13, abs });
      }),
      // found by fast-check: a subnormal product rounded away to −0; det 0 where the
      // transpose's elimination leaves 1.8e-300
      {
        examples: [
          [
            [
              [3.766718755748184e-123, 0, -5.00916430911275e-91, 853.6690537923605],
              [0, -3.523515242837036e-92, 0, 0],
              [0, 0, 2.85175732832517e-86, 0],
              [0, 0, 0, 6.526836683697237e-25],
            ],
          ],
          [
            [
              [1.0726841622464501e-120, -5.165268752716426e-36, 487.67394940866336],
              [0, 0, 1.3661405496674812e-65],
              [0, 0, 7.473739408115159e-62],
            ],
          ],
        ],
      },
    );
  });

  it('determinant agrees with exact cofactor expansion on integer and real matrices', () => {
    fc.assert(
      fc.property(square(small), (A) => {
        expectDeterminantClose(determinant(A), exactDeterminant(A), A);
      }),
    );
    fc.assert(
      fc.property(square(moderate), (A) => {
        expectDeterminantClose(determinant(A), exactDeterminant(A), A);
      }),
    );
  });

  it('determinant(AB) = determinant(A)·determinant(B)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(square(small, n, n), square(small, n, n))),
        ([A, B]) => {
          const AB = matmul(A, B);
          const product = determinant(A) * determinant(B);
          expectClose(determinant(AB), product, {
            rel: 1e-12,
            abs: 1e-13 * (hadamard(AB) + hadamard(A) * hadamard(B)),
          });
        },
      ),
    );
  });

  it('determinant(Aᵀ) = determinant(A) and swapping two rows flips the sign', () => {
    fc.assert(
      fc.property(
        square(moderate, 2, 6).chain((A) =>
          fc.tuple(
            fc.constant(A),
            fc.integer({ min: 0, max: A.length - 1 }),
            fc.integer({ min: 0, max: A.length - 1 }),
          ),
        ),
        ([A, i, j]) => {
          fc.pre(i !== j);
          const d = determinant(A);
          expectDeterminantClose(determinant(transpose(A)), d, A);
          const swapped = A.map((row, k) => (k === i ? A[j] : k === j ? A[i] : row));
          expectDeterminantClose(determinant(swapped), -d, A);
        },
      ),
      // a singular matrix of subnormal products, once found: det 0 here, −5e-324 transposed
      { examples: [[[UNDERFLOWING, 1, 0]]] },
    );
  });

  it('determinant(2^k A) is 2^{kn} determinant(A), bit for bit', () => {
    fc.assert(
      fc.property(square(moderate), fc.integer({ min: -60, max: 60 }), (A, k) => {
        const scaled = A.map((row) => row.map((x) => x * 2 ** k));
        fc.pre(scaled.every((row, r) => row.every((x, c) => x * 2 ** -k === A[r][c])));
        const d = determinant(A);
        fc.pre(Number.isFinite(d * 2 ** (k * A.length)) && Math.abs(d) > 1e-250);
        expect(determinant(scaled)).toBe(d * 2 ** (k * A.length));
      }),
    );
  });

  it('a singular matrix gives 0, or ~0 where rounding leaves a residue', () => {
    expect(
      determinant([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(0);
    expect(
      determinant([
        [1, 2, 3],
        [0, 0, 0],
        [7, 8, 9],
      ]),
    ).toBe(0);
    expect(
      determinant([
        [1, 0, 3],
        [4, 0, 6],
        [7, 0, 9],
      ]),
    ).toBe(0);
    const A = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    expect(Math.abs(determinant(A))).toBeLessThanOrEqual(1e-14 * hadamard(A));
    fc.assert(
      fc.property(
        square(moderate, 2, 6).chain((M) =>
          fc.tuple(fc.constant(M), fc.integer({ min: 0, max: M.length - 1 })),
        ),
        ([M, r]) => {
          // row r becomes the sum of the others: exactly singular, up to the rounding of that sum
          const S = M.map((row) => [...row]);
          S[r] = S[0].map((_, c) => S.reduce((s, row, k) => (k === r ? s : s + row[c]), 0));
          expect(Math.abs(determinant(S))).toBeLessThanOrEqual(1e-13 * hadamard(S));
          // two equal rows
          const E = M.map((row, k) => (k === r ? M[(r + 1) % M.length] : row));
          expect(Math.abs(determinant(E))).toBeLessThanOrEqual(1e-13 * hadamard(E));
        },
      ),
    );
  });

  it('determinant stays finite and exact for entries near 1e±200 when det A is representable', () => {
    const cases = [
      [
        [1e200, 1e200],
        [1e-200, 2e-200],
      ],
      [
        [1e200, 1e-200],
        [1e200, 2e-200],
      ],
      [
        [1e200, 0, 0],
        [0, 1e200, 0],
        [0, 0, 1e-300],
      ],
      [
        [3e200, 1e-200, 5],
        [2e200, -4e-200, 7],
        [1e200, 2e-200, -1],
      ],
      [
        [1e-300, 2e-300],
        [3e300, 1e300],
      ],
    ];
    for (const A of [...cases, ...cases.map(transpose)]) {
      const exact = exactDeterminant(A);
      expect(Number.isFinite(exact) && exact !== 0).toBe(true);
      expectClose(determinant(A), exact, { rel: 1e-13, abs: 0 });
    }
    expectClose(determinant(cases[0]), 1, { rel: 1e-15 });
    expectClose(determinant(cases[2]), 1e100, { rel: 1e-15 });
  });

  it('determinant of c·A for c = 1e±100 is c^n·det A (exact reference), whenever representable', () => {
    fc.assert(
      fc.property(square(small, 1, 3), fc.constantFrom(1e100, 1e-100, 1e150, 1e-150), (A, c) => {
        const scaled = A.map((row) => row.map((x) => x * c));
        const exact = exactDeterminant(scaled);
        fc.pre(Number.isFinite(exact) && Math.abs(exact) > 1e-300);
        expectDeterminantClose(determinant(scaled), exact, scaled);
      }),
    );
  });

  it('determinant carries the product of the pivots past the range of a double and back', () => {
    // upper triangular, ones above the diagonal, diagonal 2^−10 ×110 then 2^10 ×110: det = 1,
    // but the running product of the pivots reaches 2^−1100 on the way
    const n = 220;
    const U = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j > i ? 1 : j < i ? 0 : i < 110 ? 2 ** -10 : 2 ** 10)),
    );
    expect(determinant(U)).toBe(1);
    // lower bidiagonal, diagonal ½ and ones below: det = 2^−1050, a subnormal; pivoting swaps
    // every row, and the last pivot is ±2^−1050
    const m = 1050;
    const L = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => (j === i ? 0.5 : j === i - 1 ? 1 : 0)),
    );
    expect(determinant(L)).toBe(2 ** -1050);
    expect(determinant(L.map((row) => row.map((x) => x * 4)))).toBe(2 ** 1050);
  });

  it('determinant overflows to ±Infinity or underflows to 0 only when det A is not representable', () => {
    expect(
      determinant([
        [1e300, 0],
        [0, 1e300],
      ]),
    ).toBe(Infinity);
    expect(
      determinant([
        [0, 1e300],
        [1e300, 0],
      ]),
    ).toBe(-Infinity);
    expect(
      determinant([
        [1e-300, 0],
        [0, 1e-300],
      ]),
    ).toBe(0);
  });

  it('determinant throws a RangeError naming A for a non-square, empty, ragged or non-finite matrix', () => {
    expectRangeError(() => determinant([[1, 2]]), /^determinant: A must be square, got 1×2/);
    expectRangeError(() => determinant([[1], [2]]), /^determinant: A must be square, got 2×1/);
    expectRangeError(() => determinant([]), /^determinant: A must have at least one row/);
    expectRangeError(() => determinant([[]]), /^determinant: A must have at least one column/);
    expectRangeError(() => determinant([[1, 2], [3]]), /^determinant: A\[1\] must have 2 columns/);
    expectRangeError(
      () =>
        determinant([
          [1, NaN],
          [3, 4],
        ]),
      /^determinant: A\[0\]\[1\] must be a number/,
    );
    expectRangeError(
      () =>
        determinant([
          [1, 2],
          [Infinity, 4],
        ]),
      /^determinant: A\[1\]\[0\] must not be \+Infinity/,
    );
    expectRangeError(
      () =>
        determinant([
          [1, 2],
          [3, -Infinity],
        ]),
      /^determinant: A\[1\]\[1\] must not be -Infinity/,
    );
  });
});
