import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lasso, polynomialFeatures, ridgeRegression } from '../../src/math/regression';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/*
 * References independent of src/math/regression.ts: closed forms for one
 * feature and for orthogonal designs, the normal equations solved exactly in
 * rational arithmetic (BigInt fractions of the exact float inputs), and a
 * brute-force lasso that tries every sign pattern and keeps the one passing
 * the KKT conditions.
 */

type Frac = [bigint, bigint];

const babs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function frac(n: bigint, d: bigint): Frac {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}
const add = (a: Frac, b: Frac): Frac => frac(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Frac, b: Frac): Frac => frac(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Frac, b: Frac): Frac => frac(a[0] * b[0], a[1] * b[1]);
const div = (a: Frac, b: Frac): Frac => frac(a[0] * b[1], a[1] * b[0]);

/** The exact rational value of a double. */
function exact(x: number): Frac {
  let m = x;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e += 1n;
  }
  return frac(BigInt(m), 2n ** e);
}

const bitLength = (a: bigint): number => babs(a).toString(2).length;

/** A fraction rounded to a double (to about 1 ulp). */
function toNumber([n, d]: Frac): number {
  if (n === 0n) return 0;
  const k = bitLength(d) - bitLength(n) + 64;
  const q = k >= 0 ? (n << BigInt(k)) / d : n / (d << BigInt(-k));
  return Number(q) * 2 ** -k;
}

/** Solves A w = b exactly by Gauss–Jordan elimination; null when A is singular. */
function solveExact(A: Frac[][], b: Frac[]): Frac[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    const pivot = M.findIndex((row, i) => i >= k && row[k][0] !== 0n);
    if (pivot < 0) return null;
    [M[k], M[pivot]] = [M[pivot], M[k]];
    for (let i = 0; i < n; i++) {
      if (i === k || M[i][k][0] === 0n) continue;
      const f = div(M[i][k], M[k][k]);
      for (let j = k; j <= n; j++) M[i][j] = sub(M[i][j], mul(f, M[k][j]));
    }
  }
  return M.map((row, i) => toNumber(div(row[n], row[i]))) as unknown as Frac[];
}

/** Ridge by the normal equations (XᵀX + λD) w = Xᵀy, exact; D = I, or I without (0, 0) with an intercept. */
function ridgeExact(
  X: number[][],
  y: number[],
  lambda: number,
  intercept = false,
): number[] | null {
  const d = X[0].length;
  const Xf = X.map((row) => row.map(exact));
  const yf = y.map(exact);
  const lf = exact(lambda);
  const zero: Frac = [0n, 1n];
  const A: Frac[][] = [];
  const b: Frac[] = [];
  for (let j = 0; j < d; j++) {
    const row: Frac[] = [];
    for (let k = 0; k < d; k++) {
      let s = zero;
      for (let i = 0; i < X.length; i++) s = add(s, mul(Xf[i][j], Xf[i][k]));
      if (j === k && !(intercept && j === 0)) s = add(s, lf);
      row.push(s);
    }
    A.push(row);
    let t = zero;
    for (let i = 0; i < X.length; i++) t = add(t, mul(Xf[i][j], yf[i]));
    b.push(t);
  }
  return solveExact(A, b) as unknown as number[] | null;
}

/** Plain float Gaussian elimination with partial pivoting, for the brute-force lasso. */
function gaussSolve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    if (Math.abs(M[p][k]) < 1e-12) return null;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k] / M[k][k];
      for (let j = k; j <= n; j++) M[i][j] -= f * M[k][j];
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = M[k][n];
    for (let j = k + 1; j < n; j++) s -= M[k][j] * w[j];
    w[k] = s / M[k][k];
  }
  return w;
}

/** (1/n) Xᵀ(y − Xw): the lasso's smooth-part negative gradient. */
function correlations(X: number[][], y: number[], w: number[]): number[] {
  const n = X.length;
  const r = y.map((yi, i) => yi - X[i].reduce((s, x, j) => s + x * w[j], 0));
  return X[0].map((_, j) => X.reduce((s, row, i) => s + row[j] * r[i], 0) / n);
}

/** Brute-force lasso: every sign pattern in {−1, 0, 1}^d, solved on its support, checked against KKT. */
function bruteLasso(X: number[][], y: number[], lambda: number, intercept = false): number[] {
  const n = X.length;
  const d = X[0].length;
  const patterns: number[][] = [[]];
  for (let j = 0; j < d; j++) {
    const choices = intercept && j === 0 ? [2] : [-1, 0, 1];
    const next: number[][] = [];
    for (const p of patterns) for (const c of choices) next.push([...p, c]);
    patterns.splice(0, patterns.length, ...next);
  }
  for (const signs of patterns) {
    const S = signs.map((s, j) => (s !== 0 ? j : -1)).filter((j) => j >= 0);
    const A = S.map((j) => S.map((k) => X.reduce((s, row) => s + row[j] * row[k], 0) / n));
    const b = S.map(
      (j) =>
        X.reduce((s, row, i) => s + row[j] * y[i], 0) / n -
        (signs[j] === 2 ? 0 : lambda * signs[j]),
    );
    const wS = S.length === 0 ? [] : gaussSolve(A, b);
    if (wS === null) continue;
    const w = new Array<number>(d).fill(0);
    S.forEach((j, k) => (w[j] = wS[k]));
    if (S.some((j, k) => signs[j] !== 2 && Math.sign(wS[k]) !== signs[j])) continue;
    const c = correlations(X, y, w);
    if (signs.every((s, j) => s !== 0 || Math.abs(c[j]) <= lambda * (1 + 1e-9) + 1e-12)) return w;
  }
  throw new Error('bruteLasso: no pattern passed');
}

/** Sylvester's Hadamard matrix of order 2^k: entries ±1, orthogonal columns with ‖x_j‖² = n, first column all ones. */
function hadamard(k: number): number[][] {
  let H = [[1]];
  for (let i = 0; i < k; i++) {
    H = [...H.map((r) => [...r, ...r]), ...H.map((r) => [...r, ...r.map((x) => -x)])];
  }
  return H;
}

const soft = (rho: number, l: number): number => Math.sign(rho) * Math.max(Math.abs(rho) - l, 0);

const normOf = (w: number[]): number => Math.sqrt(w.reduce((s, x) => s + x * x, 0));

/** n×d matrices with small-integer entries (full column rank with high probability; tests filter). */
const designArb = (minN: number, maxN: number, minD: number, maxD: number) =>
  fc
    .tuple(fc.integer({ min: minD, max: maxD }), fc.integer({ min: minN, max: maxN }))
    .chain(([d, n]) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: d, maxLength: d }), {
          minLength: n,
          maxLength: n,
        }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
      ),
    );

describe('polynomialFeatures', () => {
  it('polynomialFeatures([2, −1, 0.5], 3) is the rows [1, x, x², x³]', () => {
    expect(polynomialFeatures([2, -1, 0.5], 3)).toEqual([
      [1, 2, 4, 8],
      [1, -1, 1, -1],
      [1, 0.5, 0.25, 0.125],
    ]);
    expect(polynomialFeatures([7, 0], 0)).toEqual([[1], [1]]);
    expect(polynomialFeatures([0], 2)).toEqual([[1, 0, 0]]);
  });

  it('polynomialFeatures rows are x^k to 1e-15 relative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 9 }),
        (x, degree) => {
          const F = polynomialFeatures(x, degree);
          expect(F).toHaveLength(x.length);
          x.forEach((xi, i) => {
            let p = 1;
            for (let k = 0; k <= degree; k++) {
              expectClose(F[i][k], p, { rel: 1e-14, abs: 0 });
              p *= xi;
            }
          });
        },
      ),
    );
  });

  it('polynomialFeatures rejects an empty or non-finite x, naming x, and a bad degree, naming degree', () => {
    expectRangeError(() => polynomialFeatures([], 2), /polynomialFeatures: x must not be empty/);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRangeError(() => polynomialFeatures([1, bad], 2), /polynomialFeatures: x\[1\]/);
    }
    for (const degree of [-1, 1.5, NaN, Infinity]) {
      expectRangeError(
        () => polynomialFeatures([1], degree),
        /polynomialFeatures: degree must be an integer >= 0/,
      );
    }
  });
});

describe('ridgeRegression', () => {
  it('ridgeRegression with one feature is Σxy / (Σx² + λ)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -10, max: 10, noNaN: true }),
            fc.double({ min: -10, max: 10, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        (pairs, lambda) => {
          const X = pairs.map(([x]) => [x]);
          const y = pairs.map(([, v]) => v);
          const sxy = pairs.reduce((s, [x, v]) => s + x * v, 0);
          const sxx = pairs.reduce((s, [x]) => s + x * x, 0);
          const [w] = ridgeRegression(X, y, lambda);
          expectClose(w, sxy / (sxx + lambda), { rel: 1e-9, abs: 1e-12 * (Math.abs(sxy) + 1) });
        },
      ),
    );
  });

  it('ridgeRegression with an intercept and one feature: slope Sxy/(Sxx + λ) on centered data, w₀ = ȳ − slope·x̄', () => {
    const x = [0, 1, 2, 3, 4, 6];
    const y = [1, 3, 2, 5, 4, 9];
    const lambda = 2.5;
    const n = x.length;
    const xm = x.reduce((a, b) => a + b) / n;
    const ym = y.reduce((a, b) => a + b) / n;
    const sxy = x.reduce((s, xi, i) => s + (xi - xm) * (y[i] - ym), 0);
    const sxx = x.reduce((s, xi) => s + (xi - xm) ** 2, 0);
    const slope = sxy / (sxx + lambda);
    const w = ridgeRegression(polynomialFeatures(x, 1), y, lambda, { intercept: true });
    expectAllClose(w, [ym - slope * xm, slope]);
  });

  it('ridgeRegression matches the normal equations solved exactly, with and without an intercept', () => {
    fc.assert(
      fc.property(
        designArb(2, 8, 1, 4),
        fc.integer({ min: 0, max: 40 }).map((k) => k / 8),
        fc.boolean(),
        ([X, y], lambda, intercept) => {
          const Xi = intercept ? X.map((row) => [1, ...row]) : X;
          const expected = ridgeExact(Xi, y, lambda, intercept);
          if (expected === null) return; // singular at λ = 0: covered by the bad-input test
          let w: number[];
          try {
            w = ridgeRegression(Xi, y, lambda, { intercept });
          } catch (e) {
            // Only a (numerically) rank-deficient λ = 0 problem may refuse.
            expect(lambda).toBe(0);
            expect((e as Error).message).toMatch(/X is rank-deficient/);
            return;
          }
          const scale = Math.max(...expected.map(Math.abs), 1);
          expectAllClose(w, expected, { rel: 1e-9, abs: 1e-11 * scale });
        },
      ),
    );
  });

  it('ridgeRegression on degree-9 polynomial features of 21 points in [−1, 1] matches the exact solve to 1e-9', () => {
    const x = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
    const y = x.map((t) => Math.sin(3 * t) + 0.1 * Math.cos(17 * t));
    const X = polynomialFeatures(x, 9);
    for (const [lambda, intercept] of [
      [0, false],
      [1e-8, false],
      [1e-3, true],
      [1, true],
    ] as const) {
      const expected = ridgeExact(X, y, lambda, intercept);
      expect(expected).not.toBeNull();
      expectAllClose(ridgeRegression(X, y, lambda, { intercept }), expected as number[], {
        rel: 1e-9,
        abs: 1e-10,
      });
    }
  });

  it('ridgeRegression on degree-9 features of x in [0, 3] (cond ≈ 1e8) stays within 1e-7 of the exact solve', () => {
    const x = Array.from({ length: 16 }, (_, i) => (3 * i) / 15);
    const y = x.map((t) => Math.exp(-t) * Math.sin(2 * t));
    const X = polynomialFeatures(x, 9);
    const expected = ridgeExact(X, y, 0) as number[];
    const w = ridgeRegression(X, y, 0);
    expectAllClose(w, expected, { rel: 1e-7, abs: 1e-9 * Math.max(...expected.map(Math.abs)) });
  });

  it('ridgeRegression solves its gradient equation Xᵀ(y − Xw) = λw', () => {
    fc.assert(
      fc.property(
        designArb(1, 8, 1, 5),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        ([X, y], lambda) => {
          const w = ridgeRegression(X, y, lambda);
          const n = X.length;
          const r = y.map((yi, i) => yi - X[i].reduce((s, x, j) => s + x * w[j], 0));
          const g = w.map((_, j) => X.reduce((s, row, i) => s + row[j] * r[i], 0));
          const scale =
            X.flat().reduce((s, v) => s + Math.abs(v), 0) * (Math.max(...y.map(Math.abs)) + 1) + n;
          w.forEach((wj, j) => expectClose(g[j], lambda * wj, { rel: 1e-9, abs: 1e-12 * scale }));
        },
      ),
    );
  });

  it('ridgeRegression approaches least squares as λ → 0', () => {
    fc.assert(
      fc.property(designArb(5, 9, 1, 3), ([X, y]) => {
        const ls = ridgeExact(X, y, 0);
        if (ls === null) return;
        const scale = Math.max(...ls.map(Math.abs), 1);
        let previous = Infinity;
        for (const lambda of [1e-2, 1e-4, 1e-6, 1e-8]) {
          const w = ridgeRegression(X, y, lambda);
          const gap = Math.max(...w.map((wj, j) => Math.abs(wj - ls[j])));
          expect(gap).toBeLessThanOrEqual(previous + 1e-12 * scale);
          previous = gap;
        }
        expect(previous).toBeLessThanOrEqual(1e-6 * scale);
      }),
    );
  });

  it("ridgeRegression's ‖w‖ falls as λ grows", () => {
    fc.assert(
      fc.property(
        designArb(1, 8, 1, 4),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        ([X, y], lambda, factor) => {
          const small = normOf(ridgeRegression(X, y, lambda));
          const large = normOf(ridgeRegression(X, y, lambda * factor));
          // where the exact ‖w‖ is 0 (Xᵀy = 0) both are rounding residues of ~1e-17
          expect(large).toBeLessThanOrEqual(small * (1 + 1e-12) + 1e-14);
          if (small > 1e-9) expect(large).toBeLessThan(small);
        },
      ),
    );
  });

  it('ridgeRegression(sX, sy, λ) = ridgeRegression(X, y, λ/s²) for s = 1e100, without overflow', () => {
    const X = [
      [1, 2],
      [3, -1],
      [0.5, 4],
      [2, 2],
    ];
    const y = [1, -2, 3, 0.5];
    const s = 1e100;
    const big = ridgeRegression(
      X.map((r) => r.map((v) => v * s)),
      y.map((v) => v * s),
      0.7 * s * s,
    );
    expectAllClose(big, ridgeRegression(X, y, 0.7), { rel: 1e-12 });
  });

  it('ridgeRegression rejects bad input, naming the parameter', () => {
    const X = [
      [1, 2],
      [1, 3],
      [1, 5],
    ];
    const y = [1, 2, 3];
    for (const lambda of [NaN, -1, -1e-300, Infinity]) {
      expectRangeError(() => ridgeRegression(X, y, lambda), /ridgeRegression: lambda must be/);
    }
    expectRangeError(
      () => ridgeRegression(X, [1, 2], 1),
      /ridgeRegression: y must have one entry per row of X \(3\)/,
    );
    expectRangeError(
      () => ridgeRegression([], [], 1),
      /ridgeRegression: X must have at least one row/,
    );
    expectRangeError(
      () => ridgeRegression([[]], [1], 1),
      /ridgeRegression: X must have at least one column/,
    );
    expectRangeError(() => ridgeRegression([[1, 2], [3]], [1, 2], 1), /ridgeRegression: X\[1\]/);
    expectRangeError(() => ridgeRegression([[1, NaN]], [1], 1), /ridgeRegression: X\[0\]\[1\]/);
    expectRangeError(() => ridgeRegression(X, [1, Infinity, 2], 1), /ridgeRegression: y\[1\]/);
    // λ = 0 with dependent columns, or fewer rows than columns.
    expectRangeError(
      () =>
        ridgeRegression(
          [
            [1, 2],
            [2, 4],
            [3, 6],
          ],
          y,
          0,
        ),
      /ridgeRegression: X is rank-deficient .* lambda must be > 0/,
    );
    expectRangeError(
      () => ridgeRegression([[1, 2, 3]], [1], 0),
      /ridgeRegression: X is rank-deficient/,
    );
    // The same problems are fine with λ > 0.
    expect(ridgeRegression([[1, 2, 3]], [1], 0.5)).toHaveLength(3);
    expectRangeError(
      () =>
        ridgeRegression(
          [
            [1, 2],
            [0.5, 3],
          ],
          [1, 2],
          1,
          { intercept: true },
        ),
      /ridgeRegression: X\[1\]\[0\] must be 1 \(the intercept column\)/,
    );
    expectRangeError(
      () => ridgeRegression(X, y, 1, { intercept: 'yes' as unknown as boolean }),
      /ridgeRegression: options\.intercept must be a boolean/,
    );
  });
});

describe('lasso', () => {
  it('lasso on an orthogonal design (‖x_j‖² = n) is the soft-thresholded least squares S(x_jᵀy/n, λ), zeros exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((k) =>
          fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
            minLength: 2 ** k,
            maxLength: 2 ** k,
          }),
        ),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.boolean(),
        (y, lambda, intercept) => {
          const X = hadamard(Math.log2(y.length));
          const n = y.length;
          const w = lasso(X, y, lambda, { intercept });
          X[0].forEach((_, j) => {
            const rho = X.reduce((s, row, i) => s + row[j] * y[i], 0) / n;
            const expected = intercept && j === 0 ? rho : soft(rho, lambda);
            // Zero strictly inside the threshold must be exact; on it (λ = 0, ρ = 0), or within
            // the rounding of ρ itself (about 1e-14 here, a subnormal λ), 1 ulp may be left. The
            // intercept is not thresholded: a zero there is a mean, close like any other value
            // (fast-check found y = ±5e-323, whose intercept came out −0).
            const thresholded = !(intercept && j === 0);
            if (thresholded && expected === 0 && Math.abs(rho) + 1e-12 < lambda * (1 - 1e-9))
              expect(w[j]).toBe(0);
            else expectClose(w[j], expected, { rel: 1e-9, abs: 1e-12 });
          });
        },
      ),
      { examples: [[[5e-323, -5e-323], 1.0000000010000002e-12, true]] },
    );
  });

  it("lasso's non-zero count never rises with λ on an orthogonal design", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 8, maxLength: 8 }),
        // λ = 0, or a λ above the rounding of ρ itself (~1e-14 here): below it, a weight whose
        // exact value is 0 may keep a 1-ulp residue (found by fast-check: λ = 2.5e-323)
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 6, noNaN: true })), {
          minLength: 2,
          maxLength: 6,
        }),
        (y, lambdas) => {
          const X = hadamard(3).map((row) => row.slice(1)); // 7 orthogonal ±1 columns, no ones column
          const counts = [...lambdas]
            .sort((a, b) => a - b)
            .map((l) => lasso(X, y, l).filter((v) => v !== 0).length);
          for (let i = 1; i < counts.length; i++)
            expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
        },
      ),
    );
  });

  it('lasso meets its KKT conditions: x_jᵀr/n = λ·sign(w_j) on the support, |x_jᵀr/n| ≤ λ off it', () => {
    fc.assert(
      fc.property(
        designArb(3, 10, 1, 5),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.boolean(),
        ([X0, y], lambda, intercept) => {
          const X = intercept ? X0.map((row) => [1, ...row]) : X0;
          const w = lasso(X, y, lambda, { intercept });
          const c = correlations(X, y, w);
          const scale = (Math.max(...y.map(Math.abs)) + 1) * 10;
          w.forEach((wj, j) => {
            if (intercept && j === 0) expectClose(c[j], 0, { abs: 1e-9 * scale });
            else if (wj !== 0)
              expectClose(c[j], lambda * Math.sign(wj), { rel: 1e-7, abs: 1e-9 * scale });
            else expect(Math.abs(c[j])).toBeLessThanOrEqual(lambda * (1 + 1e-7));
          });
        },
      ),
    );
  });

  it('lasso reaches the KKT point on a wide design (6 columns, 4 rows) where plain CD is slow', () => {
    // Found by fast-check: 10000 sweeps of coordinate descent alone end 5% off.
    const X = [
      [1, 0, 0, 0, 0, -5],
      [1, 0, 0, -5, 0, -1],
      [1, -5, 0, 0, 0, -5],
      [1, 0, 0, -1, 3, -3],
    ];
    const y = [-8, 0, -9, 0];
    const w = lasso(X, y, 0.01, { intercept: true });
    const c = correlations(X, y, w);
    expect(w.filter((v) => v !== 0).length).toBeLessThanOrEqual(4);
    w.forEach((wj, j) => {
      if (j === 0) expectClose(c[0], 0, { abs: 1e-12 });
      else if (wj !== 0) expectClose(c[j], 0.01 * Math.sign(wj), { rel: 1e-9 });
      else expect(Math.abs(c[j])).toBeLessThanOrEqual(0.01 * (1 + 1e-9));
    });
  });

  it('lasso with maxIterations: 1 still returns the exact minimizer once it is certified by KKT', () => {
    const X = [
      [1, 2, 0.5],
      [3, -1, 1],
      [0.5, 4, -2],
      [2, 2, 1],
      [-1, 0, 3],
      [1, 1, 1],
    ];
    const y = [1, -2, 3, 0.5, 2, 1];
    for (const lambda of [0.01, 0.1, 0.5, 1]) {
      const expected = bruteLasso(X, y, lambda);
      const w = lasso(X, y, lambda, { maxIterations: 1 });
      expected.forEach((e, j) => {
        if (e === 0) expect(w[j]).toBe(0);
        else expectClose(w[j], e, { rel: 1e-9 });
      });
    }
  });

  it('lasso matches a brute-force search over sign patterns: zeros exactly 0, the rest within 1e-7', () => {
    fc.assert(
      fc.property(
        designArb(4, 9, 1, 4),
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.boolean(),
        ([X0, y], lambda, intercept) => {
          const X = intercept ? X0.map((row) => [1, ...row]) : X0;
          // A unique solution needs full column rank.
          if (ridgeExact(X, y, 0, intercept) === null) return;
          const w = lasso(X, y, lambda, { intercept });
          const expected = bruteLasso(X, y, lambda, intercept);
          const c = correlations(X, y, expected);
          expected.forEach((e, j) => {
            // A coordinate on its threshold, within the 1e-7 the other weights are held to, is 0
            // but fragile: skip the exact-zero claim there (fast-check: |c| 1e-9 below λ = 1.4)
            const boundary = e === 0 && Math.abs(Math.abs(c[j]) - lambda) < 1e-7 * lambda;
            // the intercept is never thresholded: a zero there is ȳ − x̄·w in floating point
            // (fast-check: 7e-16 where y sums to 0)
            const unpenalized = intercept && j === 0;
            if (e === 0 && !boundary && !unpenalized) expect(w[j]).toBe(0);
            else expectClose(w[j], e, { rel: 1e-7, abs: 1e-9 });
          });
        },
      ),
      {
        examples: [
          [
            [
              [[0], [0], [0], [6], [0], [-6]],
              [10, -10, -1, 20, -20, 1],
            ],
            0.05,
            true,
          ],
        ],
      },
    );
  });

  it('lasso is all zeros above λ_max = max|Xᵀy|/n, and ȳ with zeros when centered with an intercept', () => {
    fc.assert(
      fc.property(
        designArb(2, 10, 1, 5),
        fc.double({ min: 1e-9, max: 3, noNaN: true }),
        ([X, y], extra) => {
          const n = X.length;
          const lmax = Math.max(
            ...X[0].map((_, j) => Math.abs(X.reduce((s, row, i) => s + row[j] * y[i], 0)) / n),
          );
          const w = lasso(X, y, lmax * (1 + extra) + 1e-12);
          expect(w.every((v) => v === 0)).toBe(true);
          const ym = y.reduce((a, b) => a + b) / n;
          const lmaxC = Math.max(
            ...X[0].map(
              (_, j) => Math.abs(X.reduce((s, row, i) => s + row[j] * (y[i] - ym), 0)) / n,
            ),
          );
          const wi = lasso(
            X.map((row) => [1, ...row]),
            y,
            lmaxC * (1 + extra) + 1e-12,
            { intercept: true },
          );
          expectClose(wi[0], ym, { rel: 1e-12, abs: 1e-12 });
          expect(wi.slice(1).every((v) => v === 0)).toBe(true);
        },
      ),
    );
  });

  it('lasso with λ = 0 on a full-rank design is least squares', () => {
    const X = polynomialFeatures([-1, -0.5, 0, 0.5, 1, 1.5], 2);
    const y = [1, 2, 0.5, 3, 4, 2];
    expectAllClose(lasso(X, y, 0), ridgeExact(X, y, 0) as number[], { rel: 1e-9 });
  });

  it('lasso(sX, sy, s·λ) = s-scaled lasso(X, y, λ)… for s = 1e150: w is unchanged, without overflow', () => {
    // (1/2n)‖sy − sXw‖² + sλ'‖w‖₁ with λ' = sλ is s²·(the original objective).
    const X = [
      [1, 2, 0],
      [3, -1, 1],
      [0.5, 4, -2],
      [2, 2, 1],
      [-1, 0, 3],
    ];
    const y = [1, -2, 3, 0.5, 2];
    const s = 1e150;
    const big = lasso(
      X.map((r) => r.map((v) => v * s)),
      y.map((v) => v * s),
      0.3 * s * s,
    );
    const w = lasso(X, y, 0.3);
    expectAllClose(big, w, { rel: 1e-9 });
    expect(big.map((v) => v === 0)).toEqual(w.map((v) => v === 0));
  });

  it('lasso rejects bad input, naming the parameter', () => {
    const X = [
      [1, 2],
      [1, 3],
      [1, 5],
    ];
    const y = [1, 2, 3];
    for (const lambda of [NaN, -1, Infinity]) {
      expectRangeError(() => lasso(X, y, lambda), /lasso: lambda must be/);
    }
    expectRangeError(() => lasso(X, [1], 1), /lasso: y must have one entry per row of X \(3\)/);
    expectRangeError(() => lasso(X, [], 1), /lasso: y must not be empty/);
    expectRangeError(() => lasso([], [], 1), /lasso: X must have at least one row/);
    expectRangeError(() => lasso([[1], [2, 3]], [1, 2], 1), /lasso: X\[1\]/);
    expectRangeError(() => lasso([[-Infinity]], [1], 1), /lasso: X\[0\]\[0\]/);
    expectRangeError(() => lasso(X, [1, NaN, 2], 1), /lasso: y\[1\]/);
    expectRangeError(
      () =>
        lasso(
          [
            [2, 1],
            [1, 1],
          ],
          [1, 2],
          1,
          { intercept: true },
        ),
      /lasso: X\[0\]\[0\] must be 1/,
    );
    for (const maxIterations of [0, -1, 2.5, NaN]) {
      expectRangeError(
        () => lasso(X, y, 1, { maxIterations }),
        /lasso: options\.maxIterations must be a positive integer/,
      );
    }
    for (const tolerance of [0, -1e-9, NaN, Infinity]) {
      expectRangeError(
        () => lasso(X, y, 1, { tolerance }),
        /lasso: options\.tolerance must be > 0/,
      );
    }
    expectRangeError(
      () => lasso(X, y, 1, { intercept: 1 as unknown as boolean }),
      /lasso: options\.intercept must be a boolean/,
    );
  });
});
