import { l1Penalty, l2Penalty, lasso, mse, polynomialFeatures, ridgeRegression } from '../../math';
import { drawData, type DataSet } from './data';

/** Which penalty the fit uses: 1 for L1 (the lasso), 2 for L2 (ridge). */
export type PenaltyKind = 1 | 2;

/** The page's objective for `kind`: $J(w) = \frac1n\|y - Xw\|^2 + \lambda R(w)$, R = Σ|w_k| or Σ w_k² over k ≥ 1. */
export function penaltyOf(kind: PenaltyKind, w: readonly number[], lambda: number): number {
  const penalized = w.slice(1);
  if (penalized.length === 0) return 0;
  return kind === 1 ? l1Penalty(penalized, lambda) : l2Penalty(penalized, lambda);
}

/**
 * The weights w₀…w_d minimizing $\frac1n\|y - Xw\|^2 + \lambda R(w)$ with the
 * intercept w₀ unpenalized: L2 by the exact ridge solve (the library's objective
 * ‖y − Xw‖² + λ′‖w‖² with λ′ = nλ), L1 by the lasso's coordinate descent (its
 * objective (1/2n)‖y − Xw‖² + λ′‖w‖₁ with λ′ = λ/2).
 */
export function fitWeights(
  kind: PenaltyKind,
  X: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
): number[] {
  const n = y.length;
  return kind === 1
    ? lasso(X, y, lambda / 2, { intercept: true })
    : ridgeRegression(X, y, n * lambda, { intercept: true });
}

/** The polynomial Σ w_k x^k at x (Horner). */
export function polyValue(w: readonly number[], x: number): number {
  let s = 0;
  for (let k = w.length - 1; k >= 0; k--) s = s * x + w[k];
  return s;
}

/** The training points after the reader's moves: the seed's draw plus each point's offset. */
export function trainY(data: DataSet, offsets: readonly number[]): number[] {
  return data.y0.map((v, i) => v + (offsets[i] ?? 0));
}

/** One fit and its errors. */
export interface FitOutcome {
  w: number[];
  /** Training MSE, (1/n)‖y − Xw‖². */
  train: number;
  /** MSE on the held-out points. */
  test: number;
}

/** Fits at one λ and measures the training and held-out MSE. */
export function fitAt(
  kind: PenaltyKind,
  data: DataSet,
  X: readonly (readonly number[])[],
  Xtest: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
): FitOutcome {
  const w = fitWeights(kind, X, y, lambda);
  const train = mse(
    y,
    X.map((row) => row.reduce((s, v, k) => s + v * w[k], 0)),
  );
  const test = mse(
    data.testY,
    Xtest.map((row) => row.reduce((s, v, k) => s + v * w[k], 0)),
  );
  return { w, train, test };
}

/** The λ grid of the paths: 10^−8 … 10^1, ten points a decade. */
export const LAMBDA_MIN = 1e-8;
export const LAMBDA_MAX = 10;
export const PATH_LAMBDAS: readonly number[] = Array.from(
  { length: 91 },
  (_, k) => 10 ** (-8 + k / 10),
);

/** What the paths over λ depend on (everything but λ itself). */
export interface PathInput {
  kind: PenaltyKind;
  degree: number;
  seed: number;
  offsets: readonly number[];
}

/** Weights and errors at every λ of the grid. */
export interface FitPaths {
  lambdas: number[];
  /** weights[j][k]: w_k at lambdas[j]. */
  weights: number[][];
  train: number[];
  test: number[];
  /** Index into lambdas of the smallest held-out error. */
  best: number;
}

/** The coefficient path and the training and held-out error over the λ grid (run in a worker). */
export function fitPaths(input: PathInput | null): FitPaths | null {
  if (!input) return null;
  const data = drawData(input.seed);
  const X = polynomialFeatures(data.x, input.degree);
  const Xtest = polynomialFeatures(data.testX, input.degree);
  const y = trainY(data, input.offsets);
  const weights: number[][] = [];
  const train: number[] = [];
  const test: number[] = [];
  let best = 0;
  PATH_LAMBDAS.forEach((lambda, j) => {
    const f = fitAt(input.kind, data, X, Xtest, y, lambda);
    weights.push(f.w);
    train.push(f.train);
    test.push(f.test);
    if (f.test < test[best]) best = j;
  });
  return { lambdas: [...PATH_LAMBDAS], weights, train, test, best };
}
