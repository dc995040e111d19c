import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  angle,
  cosineSimilarity,
  dot,
  euclideanDistance,
  matmul,
  norm,
  projection,
  transpose,
} from '../../src/math/linalg';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';
import { exactScaled, isqrt } from './exact';

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

/**
 * The angle between the exact values of two float vectors, from integer
 * arithmetic: θ = atan2(√Σ_{i<j}(a_i b_j − a_j b_i)², a·b) (Lagrange's
 * identity), both arguments exact up to the final rounding to double.
 */
function exactAngle(a: readonly number[], b: readonly number[]): number {
  const A = a.map(exactScaled);
  const B = b.map(exactScaled);
  let dotAB = 0n;
  for (let i = 0; i < A.length; i++) dotAB += A[i] * B[i];
  let wedge2 = 0n;
  for (let i = 0; i < A.length; i++) {
    for (let j = i + 1; j < A.length; j++) {
      const m = A[i] * B[j] - A[j] * B[i];
      wedge2 += m * m;
    }
  }
  const y = isqrt(wedge2);
  const absDot = dotAB < 0n ? -dotAB : dotAB;
  const bits = Math.max(y.toString(2).length, absDot.toString(2).length);
  const shift = BigInt(Math.max(0, bits - 1000));
  const x = Number(absDot >> shift) * (dotAB < 0n ? -1 : 1);
  return Math.atan2(Number(y >> shift), x);
}

const nonZero = (v: readonly number[]): boolean => v.some((x) => x !== 0);
/** Moderate values without the tiny ones, whose products with a scale factor would lose bits. */
const tame = moderate.map((x) => (Math.abs(x) < 1e-100 ? 0 : x));
const pairOf = (arb: fc.Arbitrary<number>, min = 1, max = 8) =>
  fc.integer({ min, max }).chain((n) => fc.tuple(vec(arb, n, n), vec(arb, n, n)));

/** a and a vector within about `size` (relative) of ±c·a: nearly parallel or nearly opposite. */
const nearlyParallel = (sign: 1 | -1) =>
  fc
    .integer({ min: 2, max: 8 })
    .chain((n) =>
      fc.tuple(
        vec(fc.double({ min: -10, max: 10, noNaN: true }), n, n),
        vec(fc.double({ min: -1, max: 1, noNaN: true }), n, n),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom(1e-4, 1e-8, 1e-12, 1e-15),
      ),
    )
    .filter(([a]) => a.some((x) => Math.abs(x) > 1e-3))
    .map(([a, noise, c, size]) => {
      const b = a.map((x, i) => sign * c * x + size * c * noise[i] * Math.max(...a.map(Math.abs)));
      return [a, b] as const;
    });

describe('angle', () => {
  it('angle on hand-derived cases: π/2, π/4, 3π/4, π, 0 and atan2(7, 24)', () => {
    expectClose(angle([1, 0], [0, 1]), Math.PI / 2, { rel: 1e-15 });
    expectClose(angle([1, 0], [1, 1]), Math.PI / 4, { rel: 1e-15 });
    expectClose(angle([1, 0], [-1, 1]), (3 * Math.PI) / 4, { rel: 1e-15 });
    expectClose(angle([1, 2, 2], [2, 1, -2]), Math.PI / 2, { rel: 1e-15 });
    // cos = 24/25, sin = 7/25
    expectClose(angle([3, 4], [4, 3]), Math.atan2(7, 24), { rel: 1e-15 });
    expect(angle([2], [-3])).toBe(Math.PI);
    expect(angle([2], [3])).toBe(0);
    expect(angle([1, 2, 3], [2, 4, 6])).toBe(0);
  });

  it('angle([1, 0], [1, 1e-10]) is atan(1e-10) and angle([1, 0], [−1, 1e-10]) is π − atan(1e-10)', () => {
    // atan(t) = t − t³/3 + …: 1e-10 to 1e-30 relative
    expectClose(angle([1, 0], [1, 1e-10]), 1e-10, { rel: 1e-15, abs: 0 });
    expectClose(angle([1, 0], [1, 1e-100]), 1e-100, { rel: 1e-15, abs: 0 });
    expectClose(angle([1, 0], [-1, 1e-10]), Math.PI - 1e-10, { rel: 1e-15, abs: 0 });
    expectClose(angle([3, 4], [3, 4 + 1e-9]), exactAngle([3, 4], [3, 4 + 1e-9]), {
      rel: 1e-12,
      abs: 0,
    });
  });

  it('angle is accurate to 1e-9 for nearly parallel vectors (exact integer reference)', () => {
    fc.assert(
      fc.property(nearlyParallel(1), ([a, b]) => {
        fc.pre(nonZero(b));
        // an exactly parallel b whose ratio to a is not a double leaves ~ε²·‖b‖
        expectClose(angle(a, b), exactAngle(a, b), { rel: 1e-11, abs: 1e-30 });
      }),
      { numRuns: 300 },
    );
  });

  it('angle is accurate to 1e-9 for nearly opposite vectors (exact integer reference)', () => {
    fc.assert(
      fc.property(nearlyParallel(-1), ([a, b]) => {
        fc.pre(nonZero(b));
        expectClose(angle(a, b), exactAngle(a, b), { rel: 1e-15, abs: 0 });
        // and π − θ, the small supplement, is accurate too
        expectClose(Math.PI - angle(a, b), Math.PI - exactAngle(a, b), {
          rel: 1e-9,
          abs: 1e-15,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('angle agrees with the exact angle for vectors of components up to ±1e300', () => {
    fc.assert(
      fc.property(pairOf(wide), ([a, b]) => {
        fc.pre(nonZero(a) && nonZero(b));
        expectClose(angle(a, b), exactAngle(a, b), { rel: 1e-13, abs: 1e-15 });
      }),
    );
  });

  it('angle works for components near 1e±200 and 1e±300', () => {
    expectClose(angle([1e200, 1e200], [1e200, 0]), Math.PI / 4, { rel: 1e-15 });
    expectClose(angle([1e-200, 0], [1e200, 1e200]), Math.PI / 4, { rel: 1e-15 });
    expectClose(angle([1e300, 1e300], [-1e300, 1e300]), Math.PI / 2, { rel: 1e-15 });
    expectClose(angle([3e-300, 4e-300], [-4e300, 3e300]), Math.PI / 2, { rel: 1e-15 });
    expect(
      angle([Number.MAX_VALUE, Number.MAX_VALUE], [-Number.MAX_VALUE, -Number.MAX_VALUE]),
    ).toBe(Math.PI);
    expectClose(angle([Number.MIN_VALUE, 0], [0, Number.MAX_VALUE]), Math.PI / 2, { rel: 1e-15 });
  });

  it('angle(a, b) = angle(b, a), lies in [0, π], and angle(a, a) = 0, angle(a, −a) = π', () => {
    fc.assert(
      fc.property(pairOf(wide), ([a, b]) => {
        fc.pre(nonZero(a) && nonZero(b));
        const t = angle(a, b);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(Math.PI);
        expectClose(angle(b, a), t, { rel: 1e-13, abs: 1e-15 });
        expect(angle(a, a)).toBe(0);
        expect(
          angle(
            a,
            a.map((x) => -x),
          ),
        ).toBe(Math.PI);
      }),
    );
  });

  it('angle is invariant to positive scaling of either vector', () => {
    fc.assert(
      fc.property(
        pairOf(tame),
        fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
        fc.integer({ min: -900, max: 900 }),
        ([a, b], c, k) => {
          fc.pre(nonZero(a) && nonZero(b));
          const t = angle(a, b);
          // by a power of two the scaled vector is exact, so the angle is the same
          fc.pre(a.every((x) => x * 2 ** k * 2 ** -k === x));
          expect(
            angle(
              a.map((x) => x * 2 ** k),
              b,
            ),
          ).toBe(t);
          // by any c the scaled components round, which moves the angle by ~1e-16
          expectClose(
            angle(
              a,
              b.map((x) => x * c),
            ),
            t,
            { rel: 1e-9, abs: 1e-14 },
          );
        },
      ),
    );
  });

  it('angle agrees with acos of the cosine away from 0 and π', () => {
    fc.assert(
      fc.property(pairOf(fc.integer({ min: -50, max: 50 })), ([a, b]) => {
        fc.pre(nonZero(a) && nonZero(b));
        let ab = 0;
        for (let i = 0; i < a.length; i++) ab += a[i] * b[i];
        const cos = ab / (Math.hypot(...a) * Math.hypot(...b));
        fc.pre(Math.abs(cos) < 0.9);
        expectClose(angle(a, b), Math.acos(cos), { rel: 1e-14 });
      }),
    );
  });

  it('angle throws a RangeError naming a zero vector, a bad entry or mismatched lengths', () => {
    expectRangeError(() => angle([0, 0], [1, 2]), /^angle: a must not be the zero vector/);
    expectRangeError(() => angle([1, 2], [0, -0]), /^angle: b must not be the zero vector/);
    expectRangeError(() => angle([1, 2], [1]), /^angle: b must have the same length as a/);
    expectRangeError(() => angle([], [1]), /^angle: a must not be empty/);
    expectRangeError(() => angle([1, NaN], [1, 2]), /^angle: a\[1\] must be a number/);
    expectRangeError(() => angle([1, 2], [Infinity, 2]), /^angle: b\[0\] must not be \+Infinity/);
    expectRangeError(() => angle([1, 2], [-Infinity, 2]), /^angle: b\[0\] must not be -Infinity/);
  });
});

describe('projection', () => {
  it('projection on hand-derived cases', () => {
    expect(projection([3, 4], [1, 0])).toEqual([3, 0]);
    expect(projection([1, 2, 3], [1, 1, 1])).toEqual([2, 2, 2]);
    expect(projection([2, 0], [1, 1])).toEqual([1, 1]);
    expect(projection([2, 0], [-1, -1])).toEqual([1, 1]);
    expectAllClose(projection([1, 2], [2, -1]), [0, 0], { abs: 0 });
    expectAllClose(projection([0, 0], [2, -1]), [0, 0], { abs: 0 });
    expectAllClose(projection([5], [-3]), [5]);
  });

  it('projection on integer vectors equals (a·b) b_i / (b·b) computed exactly', () => {
    fc.assert(
      fc.property(pairOf(fc.integer({ min: -1000, max: 1000 })), ([a, b]) => {
        fc.pre(nonZero(b));
        // integer sums below 2^53 are exact, so this is one rounding from the exact value
        let ab = 0;
        let bb = 0;
        for (let i = 0; i < a.length; i++) {
          ab += a[i] * b[i];
          bb += b[i] * b[i];
        }
        expectAllClose(
          projection(a, b),
          b.map((x) => (ab * x) / bb),
          { rel: 1e-15, abs: 0 },
        );
      }),
    );
  });

  it('projection is idempotent, its residual is orthogonal to onto, and scaling onto changes nothing', () => {
    fc.assert(
      fc.property(pairOf(tame), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b], c) => {
        fc.pre(nonZero(b) && Math.abs(c) > 1e-6);
        const p = projection(a, b);
        const scale = Math.hypot(...a);
        expectAllClose(projection(p, b), p, { rel: 1e-12, abs: 1e-13 * scale });
        let residualDot = 0;
        for (let i = 0; i < a.length; i++) residualDot += (a[i] - p[i]) * b[i];
        expect(Math.abs(residualDot)).toBeLessThanOrEqual(1e-13 * scale * Math.hypot(...b));
        expectAllClose(
          projection(
            a,
            b.map((x) => x * c),
          ),
          p,
          { rel: 1e-12, abs: 1e-13 * scale },
        );
      }),
    );
  });

  it('projection stays finite and exact for components near 1e±200 and 1e±300', () => {
    expectAllClose(projection([1e200, 1e200], [1e200, 0]), [1e200, 0], { rel: 1e-15 });
    expectAllClose(projection([3e200, 4e200], [1e-200, 1e-200]), [3.5e200, 3.5e200], {
      rel: 1e-15,
    });
    expectAllClose(projection([1e-300, 1e-300], [1e300, 0]), [1e-300, 0], { rel: 1e-15, abs: 0 });
    expectAllClose(projection([1e300, 1e300], [1e-300, 1e-300]), [1e300, 1e300], { rel: 1e-15 });
  });

  it('projection throws a RangeError naming a zero onto, a bad entry or mismatched lengths', () => {
    expectRangeError(
      () => projection([1, 2], [0, 0]),
      /^projection: onto must not be the zero vector/,
    );
    expectRangeError(
      () => projection([1, 2], [1]),
      /^projection: onto must have the same length as a/,
    );
    expectRangeError(() => projection([], [1]), /^projection: a must not be empty/);
    expectRangeError(() => projection([1], []), /^projection: onto must not be empty/);
    expectRangeError(() => projection([NaN], [1]), /^projection: a\[0\] must be a number/);
    expectRangeError(
      () => projection([1], [Infinity]),
      /^projection: onto\[0\] must not be \+Infinity/,
    );
    expectRangeError(
      () => projection([-Infinity], [1]),
      /^projection: a\[0\] must not be -Infinity/,
    );
  });
});

describe('euclideanDistance', () => {
  it('euclideanDistance on hand-derived cases', () => {
    expect(euclideanDistance([0, 0], [3, 4])).toBe(5);
    expect(euclideanDistance([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(euclideanDistance([1, -2], [6, 10])).toBe(13);
    expect(euclideanDistance([-7], [2])).toBe(9);
  });

  it('euclideanDistance([1e200, 1e200], [−1e200, −1e200]) is 2√2·1e200', () => {
    expectClose(euclideanDistance([1e200, 1e200], [-1e200, -1e200]), 2 * Math.SQRT2 * 1e200, {
      rel: 1e-15,
    });
    expectClose(euclideanDistance([3e200, 0], [0, -4e200]), 5e200, { rel: 1e-15 });
    expectClose(euclideanDistance([1e-200, 0], [0, 1e-200]), Math.SQRT2 * 1e-200, {
      rel: 1e-15,
      abs: 0,
    });
    expect(euclideanDistance([Number.MAX_VALUE, 0], [0, 0])).toBe(Number.MAX_VALUE);
  });

  it('euclideanDistance is Infinity only when the distance exceeds the largest double', () => {
    expect(euclideanDistance([Number.MAX_VALUE], [-Number.MAX_VALUE])).toBe(Infinity);
  });

  it('euclideanDistance agrees with Math.hypot of the differences, is symmetric and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) => fc.tuple(vec(wide, n, n), vec(wide, n, n), vec(wide, n, n))),
        ([a, b, c]) => {
          const d = euclideanDistance(a, b);
          expectClose(d, Math.hypot(...a.map((x, i) => x - b[i])), { rel: 1e-13, abs: 0 });
          expect(euclideanDistance(b, a)).toBe(d);
          expect(d).toBeLessThanOrEqual(
            (euclideanDistance(a, c) + euclideanDistance(c, b)) * (1 + 1e-13),
          );
        },
      ),
    );
  });

  it('euclideanDistance throws a RangeError naming a bad entry or mismatched lengths', () => {
    expectRangeError(
      () => euclideanDistance([1, 2], [1]),
      /^euclideanDistance: b must have the same length as a/,
    );
    expectRangeError(() => euclideanDistance([], []), /^euclideanDistance: a must not be empty/);
    expectRangeError(
      () => euclideanDistance([1], [NaN]),
      /^euclideanDistance: b\[0\] must be a number/,
    );
    expectRangeError(
      () => euclideanDistance([Infinity], [1]),
      /^euclideanDistance: a\[0\] must not be \+Infinity/,
    );
    expectRangeError(
      () => euclideanDistance([1], [-Infinity]),
      /^euclideanDistance: b\[0\] must not be -Infinity/,
    );
  });
});
