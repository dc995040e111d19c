import type { Matrix, Vector } from './types';
import {
  checkCount,
  checkMatrix,
  checkNonNegative,
  checkPositive,
  checkVector,
  fail,
} from './validate';

/**
 * Regularized linear fits: polynomial features, ridge (an exact direct solve)
 * by Householder QR of the augmented system [X; √λ I], never forming XᵀX) and
 * the lasso (cyclic coordinate descent with soft thresholding, finished by an
 * exact active-set solve on the support, returned only when the lasso's
 * optimality (KKT) conditions certify it; otherwise the coordinate-descent
 * point after maxIterations sweeps is returned). Both fits scale every column of X and y by a
 * power of two (exact) near its largest |entry| and rescale the penalty to
 * match, so entries near 1e200 neither overflow nor change the result. With
 * `intercept: true` the first column of X must be all ones exactly (RangeError
 * naming X otherwise); its weight w₀ is not penalized.
 */

/** Options of `ridgeRegression`. */
export interface RidgeOptions {
  /** X's first column is all ones and its weight w₀ is not penalized; default false. */
  intercept?: boolean;
}

/** Options of `lasso`. */
export interface LassoOptions {
  /** X's first column is all ones and its weight w₀ is not penalized; default false. */
  intercept?: boolean;
  /** Most sweeps over the coordinates, a positive integer; default 10000. */
  maxIterations?: number;
  /** Stop when no sweep moves a fitted value by more than tolerance·rms(y); > 0; default 1e-12. */
  tolerance?: number;
}

/** Rows [1, xᵢ, xᵢ², …, xᵢ^degree] of a polynomial fit: $\Phi_{ik} = x_i^k$, $k = 0 \dots d$. */
export function polynomialFeatures(x: Vector, degree: number): number[][] {
  const fn = 'polynomialFeatures';
  checkVector(fn, 'x', x);
  if (typeof degree !== 'number' || !Number.isInteger(degree) || degree < 0) {
    fail(fn, 'degree', `must be an integer >= 0, got ${String(degree)}`);
  }
  return x.map((xi) => {
    const row = new Array<number>(degree + 1);
    row[0] = 1;
    for (let k = 1; k <= degree; k++) row[k] = Math.pow(xi, k);
    return row;
  });
}

/** A power of two near max |v| (1 for an all-zero v): dividing by it is exact. */
function powerOfTwoScale(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  if (m === 0) return 1;
  return 2 ** Math.max(-1000, Math.min(1000, Math.floor(Math.log2(m))));
}

/** The checked, scaled problem: columns of X / c_j, y / cy. */
interface Scaled {
  n: number;
  d: number;
  cols: number[][];
  colScale: number[];
  y: number[];
  yScale: number;
  penalized: boolean[];
}

function prepare(fn: string, X: Matrix, y: Vector, lambda: number, intercept: unknown): Scaled {
  const [n, d] = checkMatrix(fn, 'X', X);
  checkVector(fn, 'y', y);
  if (y.length !== n) fail(fn, 'y', `must have one entry per row of X (${n}), got ${y.length}`);
  if (typeof lambda !== 'number' || Number.isNaN(lambda)) {
    fail(fn, 'lambda', `must be a number >= 0, got ${String(lambda)}`);
  }
  checkNonNegative(fn, 'lambda', lambda);
  if (intercept !== undefined && typeof intercept !== 'boolean') {
    fail(fn, 'options.intercept', `must be a boolean, got ${String(intercept)}`);
  }
  if (intercept === true) {
    for (let i = 0; i < n; i++) {
      if (X[i][0] !== 1) {
        fail(
          fn,
          `X[${i}][0]`,
          `must be 1 (the intercept column) with options.intercept, got ${X[i][0]}`,
        );
      }
    }
  }
  const cols: number[][] = [];
  const colScale: number[] = [];
  for (let j = 0; j < d; j++) {
    const col = new Array<number>(n);
    for (let i = 0; i < n; i++) col[i] = X[i][j];
    const c = powerOfTwoScale(col);
    for (let i = 0; i < n; i++) col[i] /= c;
    cols.push(col);
    colScale.push(c);
  }
  const yScale = powerOfTwoScale(y);
  const ys = y.map((v) => v / yScale);
  const penalized = cols.map((_, j) => !(intercept === true && j === 0));
  return { n, d, cols, colScale, y: ys, yScale, penalized };
}

/** ‖v‖ without overflow. */
function norm2(v: ArrayLike<number>, from = 0): number {
  let m = 0;
  for (let i = from; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = from; i < v.length; i++) {
    const t = v[i] / m;
    s += t * t;
  }
  return m * Math.sqrt(s);
}

/**
 * Householder QR of the m×p matrix with columns `cols` (overwritten by R in
 * their first p rows) applied to `b` (overwritten by Qᵀb). Returns −1, or the
 * first column k that is, to rounding, in the span of the ones before it
 * (rank-deficient; k = m when there are more columns than rows).
 */
function householder(cols: number[][], b: number[], m: number): number {
  const p = cols.length;
  const tol = 1e-13 * Math.max(m, 10);
  for (let k = 0; k < p; k++) {
    const a = cols[k];
    const original = norm2(a);
    const alphaAbs = norm2(a, k);
    if (!(alphaAbs > tol * original)) return k;
    // LAPACK's dlarfg: H = I − τ v vᵀ with v₀ = 1 and |v_i| ≤ 1, so nothing overflows.
    const beta = a[k] > 0 ? -alphaAbs : alphaAbs;
    const tau = (beta - a[k]) / beta;
    const inv = 1 / (a[k] - beta);
    for (let i = k + 1; i < m; i++) a[i] *= inv;
    const reflect = (c: number[]): void => {
      let s = c[k];
      for (let i = k + 1; i < m; i++) s += a[i] * c[i];
      const f = tau * s;
      c[k] -= f;
      for (let i = k + 1; i < m; i++) c[i] -= f * a[i];
    };
    for (let j = k + 1; j < p; j++) reflect(cols[j]);
    reflect(b);
    a[k] = beta;
  }
  return -1;
}

/** Solves R w = rhs with R upper triangular in the first rows of `cols`. */
function backSubstitute(cols: number[][], rhs: ArrayLike<number>): number[] {
  const p = cols.length;
  const w = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let s = rhs[k];
    for (let j = k + 1; j < p; j++) s -= cols[j][k] * w[j];
    w[k] = s / cols[k][k];
  }
  return w;
}

/** Ridge regression, exact: $\hat w = \arg\min_w \|y - Xw\|^2 + \lambda\|w\|^2 = (X^\top X + \lambda I)^{-1} X^\top y$ ($w_0$ unpenalized with an intercept). */
export function ridgeRegression(
  X: Matrix,
  y: Vector,
  lambda: number,
  options: RidgeOptions = {},
): number[] {
  const fn = 'ridgeRegression';
  const s = prepare(fn, X, y, lambda, options?.intercept);
  const { n, d } = s;
  // Least squares on the augmented system [X; √λ D] w ≈ [y; 0], D the penalty
  // weights of the scaled columns: √λ / c_j (0 for the intercept).
  const rows = lambda === 0 ? n : n + d;
  const A = s.cols.map((col, j) => {
    const a = new Array<number>(rows).fill(0);
    for (let i = 0; i < n; i++) a[i] = col[i];
    if (lambda !== 0 && s.penalized[j]) a[n + j] = Math.sqrt(lambda) / s.colScale[j];
    return a;
  });
  const b = new Array<number>(rows).fill(0);
  for (let i = 0; i < n; i++) b[i] = s.y[i];
  if (A.some((a) => a.some((v) => !Number.isFinite(v)))) {
    fail(fn, 'lambda', `is too large for the scale of X (√λ overflows), got ${lambda}`);
  }
  if (householder(A, b, rows) >= 0) {
    fail(
      fn,
      'X',
      lambda === 0
        ? 'is rank-deficient (its columns are linearly dependent), so lambda must be > 0'
        : `is numerically rank-deficient for lambda = ${lambda}; use a larger lambda`,
    );
  }
  const u = backSubstitute(A, b);
  return u.map((uj, j) => (uj / s.colScale[j]) * s.yScale);
}

/** Soft thresholding: $S(\rho, \lambda) = \operatorname{sign}(\rho)\max(|\rho| - \lambda, 0)$. */
function softThreshold(rho: number, lambda: number): number {
  if (rho > lambda) return rho - lambda;
  if (rho < -lambda) return rho + lambda;
  return 0;
}

/** (1/n)·x_jᵀr for every column, r = y − Xw: the lasso's negative smooth gradient. */
function lassoCorrelations(s: Scaled, w: readonly number[]): number[] {
  const { n, d, cols } = s;
  const r = s.y.slice();
  for (let j = 0; j < d; j++) {
    if (w[j] === 0) continue;
    for (let i = 0; i < n; i++) r[i] -= cols[j][i] * w[j];
  }
  return cols.map((col) => {
    let c = 0;
    for (let i = 0; i < n; i++) c += col[i] * r[i];
    return c / n;
  });
}

/** The scaled lasso objective (1/2n)‖y − Xu‖² + Σ λ_j |u_j|. */
function lassoObjective(s: Scaled, w: readonly number[], lambdas: readonly number[]): number {
  const { n, d, cols } = s;
  const r = s.y.slice();
  let penalty = 0;
  for (let j = 0; j < d; j++) {
    if (w[j] === 0) continue;
    penalty += lambdas[j] * Math.abs(w[j]);
    for (let i = 0; i < n; i++) r[i] -= cols[j][i] * w[j];
  }
  let rss = 0;
  for (let i = 0; i < n; i++) rss += r[i] * r[i];
  return rss / (2 * n) + penalty;
}

/**
 * The minimizer of the lasso's quadratic on `support` with the signs `theta`
 * fixed: XᵀX w = Xᵀy − nλθ, solved with X = QR as R w = Qᵀy − R⁻ᵀ(nλθ).
 * When the support's columns are dependent, returns instead a direction δ
 * (zero off the support) with Xδ = 0 to rounding.
 */
function solveOnSupport(
  s: Scaled,
  support: readonly number[],
  theta: readonly number[],
  lambdas: readonly number[],
): { w: number[] } | { nullDirection: number[] } {
  const { n, d } = s;
  const result = new Array<number>(d).fill(0);
  if (support.length === 0) return { w: result };
  const A = support.map((j) => s.cols[j].slice());
  const qty = s.y.slice();
  const dependent = householder(A, qty, n);
  if (dependent >= 0) {
    // Column k = Σ_{i<k} x_i·(column i): δ = (x, −1) on the first k + 1 support columns.
    const k = dependent;
    const x = backSubstitute(A.slice(0, k), A[k]);
    result[support[k]] = -1;
    for (let i = 0; i < k; i++) result[support[i]] = x[i];
    return { nullDirection: result };
  }
  const p = support.length;
  const z = new Array<number>(p);
  for (let k = 0; k < p; k++) {
    const j = support[k];
    let t = n * lambdas[j] * theta[j];
    for (let i = 0; i < k; i++) t -= A[k][i] * z[i];
    z[k] = t / A[k][k];
  }
  const rhs = new Array<number>(p);
  for (let k = 0; k < p; k++) rhs[k] = qty[k] - z[k];
  const ws = backSubstitute(A, rhs);
  for (let k = 0; k < p; k++) result[support[k]] = ws[k];
  return { w: result };
}

/**
 * Moves w along a direction δ with Xδ = 0 (the fit unchanged) the way that
 * does not raise the penalty Σ λ_j θ_j w_j, a weight now 0 moving only into its
 * sign θ_j, until a non-zero penalized weight reaches 0 exactly (a pivot);
 * null when no such move exists.
 */
function dropAlongNullDirection(
  s: Scaled,
  w: readonly number[],
  theta: readonly number[],
  delta: readonly number[],
  lambdas: readonly number[],
): number[] | null {
  let slope = 0;
  let size = 0;
  for (let j = 0; j < s.d; j++) {
    slope += lambdas[j] * theta[j] * delta[j];
    size += Math.abs(lambdas[j] * delta[j]);
  }
  // A slope that is 0 but for rounding allows both ways (the objective is flat along δ).
  if (Math.abs(slope) <= 1e-12 * size) slope = 0;
  for (const sigma of [1, -1]) {
    if (sigma * slope > 0) continue;
    let allowed = true;
    let step = Infinity;
    let hit = -1;
    for (let j = 0; j < s.d; j++) {
      if (!s.penalized[j] || delta[j] === 0) continue;
      const move = sigma * delta[j];
      if (w[j] === 0) {
        if (theta[j] !== 0 && move * theta[j] < 0) allowed = false;
        continue;
      }
      if (move * w[j] < 0) {
        const t = -w[j] / move;
        if (t < step) {
          step = t;
          hit = j;
        }
      }
    }
    if (allowed && hit >= 0) {
      return w.map((v, j) => (j === hit ? 0 : v + step * sigma * delta[j]));
    }
  }
  return null;
}

/** Whether w is a lasso minimizer: x_jᵀr/n = λ_j sign(w_j) on the support, |x_jᵀr/n| ≤ λ_j off it (to rounding). */
function isOptimal(s: Scaled, w: readonly number[], lambdas: readonly number[]): boolean {
  const { n, d, cols } = s;
  const c = lassoCorrelations(s, w);
  const rms = cols.map((col) => norm2(col) / Math.sqrt(n));
  let size = norm2(s.y) / Math.sqrt(n);
  for (let j = 0; j < d; j++) size += rms[j] * Math.abs(w[j]);
  for (let j = 0; j < d; j++) {
    const slack = 1e-10 * rms[j] * size;
    if (w[j] === 0 && s.penalized[j]) {
      if (Math.abs(c[j]) > lambdas[j] * (1 + 1e-9) + slack) return false;
    } else if (Math.abs(c[j] - lambdas[j] * Math.sign(w[j])) > 1e-9 * lambdas[j] + slack) {
      return false;
    }
  }
  return true;
}

/**
 * Finishes a coordinate-descent point exactly, an active-set method after
 * feature-sign search (Lee, Battle, Raina & Ng, 2007): solve the quadratic on
 * the support with its signs fixed and move to the best point of the segment
 * (checking where a weight crosses 0); once no such move helps, add the most
 * violating zero weight; a dependent support pivots along Xδ = 0. Every move
 * lowers the objective or shrinks the support. Returns the minimizer once the
 * KKT conditions certify it, or null.
 */
function featureSign(
  s: Scaled,
  start: readonly number[],
  lambdas: readonly number[],
): number[] | null {
  const { d } = s;
  let w = start.slice();
  let value = lassoObjective(s, w, lambdas);
  const supportOf = (theta: readonly number[]): number[] => {
    const support: number[] = [];
    for (let j = 0; j < d; j++) if (theta[j] !== 0 || !s.penalized[j]) support.push(j);
    return support;
  };
  /** The best point on the segment w → target, its end or a zero crossing; null if none is lower. */
  const lineSearch = (target: readonly number[], support: readonly number[]): number[] | null => {
    let best: number[] | null = null;
    let bestValue = value - 1e-15 * Math.abs(value);
    const consider = (t: number, zeroed: number): void => {
      const u = w.map((v, j) => (j === zeroed ? 0 : v + t * (target[j] - v)));
      const f = lassoObjective(s, u, lambdas);
      if (f < bestValue) {
        best = u;
        bestValue = f;
      }
    };
    consider(1, -1);
    for (const j of support) {
      if (w[j] !== 0 && Math.sign(target[j]) !== Math.sign(w[j])) {
        const t = w[j] / (w[j] - target[j]);
        if (t > 0 && t < 1) consider(t, j);
      }
    }
    return best;
  };
  for (let iteration = 0; iteration < 6 * d + 20; iteration++) {
    const theta = w.map((v) => Math.sign(v));
    let support = supportOf(theta);
    let solved = solveOnSupport(s, support, theta, lambdas);
    if ('w' in solved && isOptimal(s, solved.w, lambdas)) return solved.w;
    let added = false;
    if ('w' in solved) {
      const moved = lineSearch(solved.w, support);
      if (moved !== null) {
        w = moved;
        value = lassoObjective(s, w, lambdas);
        continue;
      }
      // w is optimal on its support: bring in the zero weight that violates KKT most.
      const c = lassoCorrelations(s, w);
      let worst = -1;
      let excess = 0;
      for (let j = 0; j < d; j++) {
        if (w[j] !== 0 || !s.penalized[j]) continue;
        const e = Math.abs(c[j]) - lambdas[j] * (1 + 1e-9);
        if (e > excess) {
          excess = e;
          worst = j;
        }
      }
      if (worst < 0) return isOptimal(s, w, lambdas) ? w : null;
      theta[worst] = Math.sign(c[worst]);
      support = supportOf(theta);
      solved = solveOnSupport(s, support, theta, lambdas);
      added = true;
    }
    if ('nullDirection' in solved) {
      // A dependent support: pivot along Xδ = 0 without raising the objective.
      const pivoted = dropAlongNullDirection(s, w, theta, solved.nullDirection, lambdas);
      if (pivoted === null) return null;
      w = pivoted;
      value = lassoObjective(s, w, lambdas);
      continue;
    }
    if (added) {
      if (isOptimal(s, solved.w, lambdas)) return solved.w;
      const moved = lineSearch(solved.w, support);
      if (moved === null) return null;
      w = moved;
      value = lassoObjective(s, w, lambdas);
    }
  }
  return null;
}

/** Lasso by cyclic coordinate descent: $\hat w = \arg\min_w \tfrac{1}{2n}\|y - Xw\|^2 + \lambda\|w\|_1$, $w_j \leftarrow S\big(\tfrac{1}{n} x_j^\top r_{-j}, \lambda\big) / \tfrac{1}{n}\|x_j\|^2$. */
export function lasso(X: Matrix, y: Vector, lambda: number, options: LassoOptions = {}): number[] {
  const fn = 'lasso';
  const s = prepare(fn, X, y, lambda, options?.intercept);
  const maxIterations = options?.maxIterations ?? 10000;
  const tolerance = options?.tolerance ?? 1e-12;
  checkCount(fn, 'options.maxIterations', maxIterations);
  checkPositive(fn, 'options.tolerance', tolerance);
  const { n, d, cols } = s;
  // The penalty of the scaled coordinate u_j = w_j·c_j/cy is λ/(cy·c_j).
  const lambdas = cols.map((_, j) => (s.penalized[j] ? lambda / s.yScale / s.colScale[j] : 0));
  const z = cols.map((col) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += col[i] * col[i];
    return t / n;
  });
  const w = new Array<number>(d).fill(0);
  const r = s.y.slice();
  const scale = Math.max(norm2(s.y) / Math.sqrt(n), Number.MIN_VALUE);
  const unscale = (u: readonly number[]): number[] =>
    u.map((uj, j) => (uj === 0 ? 0 : (uj / s.colScale[j]) * s.yScale));
  let previous = '';
  let stable = 0;
  let tried = '';
  for (let sweep = 0; sweep < maxIterations; sweep++) {
    let maxMove = 0;
    for (let j = 0; j < d; j++) {
      if (z[j] === 0) continue;
      const col = cols[j];
      let c = 0;
      for (let i = 0; i < n; i++) c += col[i] * r[i];
      const rho = c / n + z[j] * w[j];
      const next = s.penalized[j] ? softThreshold(rho, lambdas[j]) / z[j] : rho / z[j];
      const delta = next - w[j];
      if (delta !== 0) {
        for (let i = 0; i < n; i++) r[i] -= col[i] * delta;
        w[j] = next;
        maxMove = Math.max(maxMove, Math.abs(delta) * Math.sqrt(z[j]));
      }
    }
    const pattern = w.map((v) => Math.sign(v)).join(',');
    stable = pattern === previous ? stable + 1 : 0;
    previous = pattern;
    const converged = maxMove <= tolerance * scale;
    if (converged || (stable >= 3 && pattern !== tried)) {
      tried = pattern;
      const exact = featureSign(s, w, lambdas);
      if (exact !== null) return unscale(exact);
      if (converged) break;
    }
    if (sweep % 64 === 63) {
      // Recompute the residual now and then so that rounding does not drift.
      for (let i = 0; i < n; i++) r[i] = s.y[i];
      for (let j = 0; j < d; j++) {
        if (w[j] === 0) continue;
        for (let i = 0; i < n; i++) r[i] -= cols[j][i] * w[j];
      }
    }
  }
  // Not certified by the loop above: one last exact finish from where CD ended.
  return unscale(featureSign(s, w, lambdas) ?? w);
}
