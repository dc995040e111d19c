import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, dot, matmul, norm, transpose } from '../../src/math/linalg';
import { expectAllClose, expectClose } from '../helpers/asserts';

const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const wide = fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true });
const vec = (arb: fc.Arbitrary<number>, min = 1, max = 8) =>
  fc.array(arb, { minLength: min, maxLength: max });
const intMatrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });

/** Reference product by the textbook triple loop. */
function naiveMatmul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0].map((_, j) => row.reduce((s, a, l) => s + a * B[l][j], 0)));
}

function naiveTranspose(A: number[][]): number[][] {
  return A[0].map((_, j) => A.map((row) => row[j]));
}

describe('dot', () => {
  it('dot([1, 2, 3], [4, 5, 6]) is 32', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
  });

  it('dot(a, b) equals the plain sum of products for moderate values', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) => fc.tuple(vec(moderate, n, n), vec(moderate, n, n))),
        ([a, b]) => {
          let s = 0;
          for (let i = 0; i < a.length; i++) s += a[i] * b[i];
          expectClose(dot(a, b), s, { rel: 1e-9, abs: 1e-6 });
        },
      ),
    );
  });

  it('dot stays finite when a partial sum overflows but the result does not', () => {
    expectClose(dot([1e308, 1e308, -1e308], [1, 1, 1]), 1e308);
    expectClose(dot([1e200, 1e200], [1e100, -1e100]), 0);
  });

  it('dot of 1e200-sized vectors that cancel is exact', () => {
    expect(dot([1e200, 3], [1e-200, 1])).toBe(4);
  });
});

describe('norm', () => {
  it('norm([3, 4]) is 5 and norm([5, 12]) is 13', () => {
    expect(norm([3, 4])).toBe(5);
    expect(norm([5, 12])).toBe(13);
  });

  it('norm of a Pythagorean triple scaled by 1e±200 is exact', () => {
    expectClose(norm([3e200, 4e200]), 5e200, { rel: 1e-15 });
    expectClose(norm([3e-200, 4e-200]), 5e-200, { rel: 1e-15, abs: 0 });
    expectClose(norm([-8e250, 15e250]), 17e250, { rel: 1e-15 });
  });

  it('norm([1e200, 1e200]) is √2·1e200 and norm([1e-200, 1e-200]) is √2·1e-200', () => {
    expectClose(norm([1e200, 1e200]), Math.SQRT2 * 1e200, { rel: 1e-15 });
    expectClose(norm([1e-200, 1e-200]), Math.SQRT2 * 1e-200, { rel: 1e-15, abs: 0 });
  });

  it('norm of the largest double and of a subnormal', () => {
    expect(norm([Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
    expect(norm([-Number.MIN_VALUE])).toBe(Number.MIN_VALUE);
    expect(norm([0, 0, 0])).toBe(0);
  });

  it('norm(a) agrees with Math.hypot over values up to ±1e300', () => {
    fc.assert(
      fc.property(vec(wide), (a) => {
        expectClose(norm(a), Math.hypot(...a), { rel: 1e-13, abs: 0 });
      }),
    );
  });
});

describe('cosineSimilarity', () => {
  it('cosineSimilarity of parallel, antiparallel and orthogonal vectors is 1, −1, 0', () => {
    expectClose(cosineSimilarity([1, 2, 3], [2, 4, 6]), 1, { rel: 1e-15 });
    expectClose(cosineSimilarity([1, 2, 3], [-0.5, -1, -1.5]), -1, { rel: 1e-15 });
    expectClose(cosineSimilarity([1, 2, 0], [-2, 1, 5]), 0);
  });

  it('cosineSimilarity of [1, 0] and [1, 1] is 1/√2', () => {
    expectClose(cosineSimilarity([1, 0], [1, 1]), Math.SQRT1_2);
  });

  it('cosineSimilarity is 0 when either vector is all zeros', () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
    expect(cosineSimilarity([3, -1], [0, 0])).toBe(0);
    expect(cosineSimilarity([0], [0])).toBe(0);
  });

  it('cosineSimilarity works for components near 1e±200', () => {
    expectClose(cosineSimilarity([1e200, 0], [1e-200, 1e-200]), Math.SQRT1_2);
    expectClose(cosineSimilarity([3e200, 4e200], [4e-200, 3e-200]), 24 / 25);
    expectClose(cosineSimilarity([1e300, 1e300], [1e300, 1e300]), 1, { rel: 1e-15 });
  });

  it('cosineSimilarity(a, b) stays within [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(vec(wide, n, n), vec(wide, n, n))),
        ([a, b]) => {
          const c = cosineSimilarity(a, b);
          expect(c).toBeGreaterThanOrEqual(-1);
          expect(c).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('cosineSimilarity(a, a) is exactly clamped to 1 and (a, −a) to −1', () => {
    fc.assert(
      fc.property(vec(wide), (a) => {
        fc.pre(a.some((x) => x !== 0));
        const c = cosineSimilarity(a, a);
        expect(c).toBeLessThanOrEqual(1);
        expectClose(c, 1, { rel: 1e-14 });
        expectClose(
          cosineSimilarity(
            a,
            a.map((x) => -x),
          ),
          -1,
          { rel: 1e-14 },
        );
      }),
    );
  });

  it('cosineSimilarity agrees with a·b / (hypot(a)·hypot(b)) for moderate values', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              vec(fc.integer({ min: -50, max: 50 }), n, n),
              vec(fc.integer({ min: -50, max: 50 }), n, n),
            ),
          ),
        ([a, b]) => {
          fc.pre(a.some((x) => x !== 0) && b.some((x) => x !== 0));
          let ab = 0;
          for (let i = 0; i < a.length; i++) ab += a[i] * b[i];
          expectClose(cosineSimilarity(a, b), ab / (Math.hypot(...a) * Math.hypot(...b)), {
            rel: 1e-12,
            abs: 1e-14,
          });
        },
      ),
    );
  });
});

describe('matmul and transpose', () => {
  it('matmul of a 2×3 and a 3×2 matrix matches the hand-computed product', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const B = [
      [7, 8],
      [9, 10],
      [11, 12],
    ];
    // 1·7+2·9+3·11 = 58, 1·8+2·10+3·12 = 64, 4·7+5·9+6·11 = 139, 4·8+5·10+6·12 = 154
    expect(matmul(A, B)).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('matmul of a row and a column is their dot product, of a column and a row the outer product', () => {
    expect(matmul([[1, -2]], [[3], [4]])).toEqual([[-5]]);
    expect(matmul([[1], [-2]], [[3, 4]])).toEqual([
      [3, 4],
      [-6, -8],
    ]);
  });

  it('transpose of a 2×3 matrix', () => {
    expect(
      transpose([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('matmul(A, B) matches the triple loop on integer matrices', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 1, max: 4 }),
            fc.integer({ min: 1, max: 4 }),
            fc.integer({ min: 1, max: 4 }),
          )
          .chain(([n, k, m]) => fc.tuple(intMatrix(n, k), intMatrix(k, m))),
        ([A, B]) => {
          expect(matmul(A, B)).toEqual(naiveMatmul(A, B));
        },
      ),
    );
  });

  it('(AB)ᵀ = BᵀAᵀ', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 1, max: 4 }),
            fc.integer({ min: 1, max: 4 }),
            fc.integer({ min: 1, max: 4 }),
          )
          .chain(([n, k, m]) => fc.tuple(intMatrix(n, k), intMatrix(k, m))),
        ([A, B]) => {
          const left = transpose(matmul(A, B));
          const right = matmul(transpose(B), transpose(A));
          expect(left).toEqual(right);
          expect(left).toEqual(naiveTranspose(naiveMatmul(A, B)));
        },
      ),
    );
  });

  it('transpose(transpose(A)) is A', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
          .chain(([r, c]) => intMatrix(r, c)),
        (A) => {
          expect(transpose(transpose(A))).toEqual(A);
          expect(transpose(A)).toEqual(naiveTranspose(A));
        },
      ),
    );
  });

  it('matmul keeps large entries finite when the exact product is representable', () => {
    expectAllClose(matmul([[1e200, 1e200]], [[1e100], [-1e100]]), [[0]]);
    expectAllClose(matmul([[1e200]], [[1e-200]]), [[1]]);
  });
});

describe('bad input', () => {
  it('dot, norm and cosineSimilarity reject empty vectors naming the parameter', () => {
    expect(() => dot([], [])).toThrow(RangeError);
    expect(() => dot([], [])).toThrow(/dot: a must not be empty/);
    expect(() => dot([1], [])).toThrow(/dot: b must not be empty/);
    expect(() => norm([])).toThrow(/norm: a must not be empty/);
    expect(() => cosineSimilarity([], [1])).toThrow(/cosineSimilarity: a must not be empty/);
    expect(() => cosineSimilarity([1], [])).toThrow(/cosineSimilarity: b must not be empty/);
  });

  it('dot and cosineSimilarity reject mismatched lengths naming b', () => {
    expect(() => dot([1, 2], [1])).toThrow(RangeError);
    expect(() => dot([1, 2], [1])).toThrow(/dot: b must have the same length as a/);
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(
      /cosineSimilarity: b must have the same length as a/,
    );
  });

  it.each([NaN, Infinity, -Infinity])('dot, norm and cosineSimilarity reject %s', (bad) => {
    expect(() => dot([1, bad], [1, 2])).toThrow(RangeError);
    expect(() => dot([1, bad], [1, 2])).toThrow(/dot: a\[1\]/);
    expect(() => dot([1, 2], [bad, 2])).toThrow(/dot: b\[0\]/);
    expect(() => norm([bad])).toThrow(/norm: a\[0\]/);
    expect(() => cosineSimilarity([bad], [1])).toThrow(/cosineSimilarity: a\[0\]/);
    expect(() => cosineSimilarity([1], [bad])).toThrow(/cosineSimilarity: b\[0\]/);
  });

  it('matmul rejects shapes that do not chain, naming B', () => {
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(RangeError);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(/matmul: B must have 2 rows/);
  });

  it('matmul and transpose reject empty, ragged and non-finite matrices', () => {
    expect(() => matmul([], [[1]])).toThrow(/matmul: A must have at least one row/);
    expect(() => matmul([[1]], [[]])).toThrow(/matmul: B must have at least one column/);
    expect(() => matmul([[1, 2], [3]], [[1], [2]])).toThrow(/matmul: A\[1\]/);
    expect(() => matmul([[NaN]], [[1]])).toThrow(/matmul: A\[0\]\[0\]/);
    expect(() => matmul([[1]], [[Infinity]])).toThrow(/matmul: B\[0\]\[0\]/);
    expect(() => matmul([[1]], [[-Infinity]])).toThrow(RangeError);
    expect(() => transpose([])).toThrow(/transpose: A must have at least one row/);
    expect(() => transpose([[1], [2, 3]])).toThrow(/transpose: A\[1\]/);
    expect(() => transpose([[NaN]])).toThrow(/transpose: A\[0\]\[0\]/);
  });
});
