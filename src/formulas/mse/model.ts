import { mse } from '../../math';
import type { Values } from '../../ui/card/types';

/** Everything the mean-squared-error card shows. */
export interface MseResult {
  /** Number of samples. */
  n: number;
  /** Targets yᵢ and predictions ŷᵢ (the first n entries). */
  y: number[];
  yhat: number[];
  /** Residuals yᵢ − ŷᵢ. */
  residuals: number[];
  /** Squared errors (yᵢ − ŷᵢ)², the areas of the squares. */
  squares: number[];
  /** Σ (yᵢ − ŷᵢ)². */
  sum: number;
  /** The library's mean squared error, sum / n. */
  mse: number;
  /** √MSE, the side of the mean square (root mean squared error). */
  rmse: number;
  /** Mean absolute error (1/n) Σ |yᵢ − ŷᵢ|, for comparison. */
  mae: number;
  /** Mean residual (1/n) Σ (yᵢ − ŷᵢ): the bias of the predictions. */
  bias: number;
  /** Index of the largest squared error, and its share of the sum (0 when all errors are 0). */
  largest: number;
  largestShare: number;
}

/** Reads n, y (targets) and yhat (predictions). */
export function computeMse(values: Values): MseResult {
  const n = Math.round(values.n as number);
  const y = (values.y as number[]).slice(0, n);
  const yhat = (values.yhat as number[]).slice(0, n);
  const residuals = y.map((yi, i) => yi - yhat[i]);
  const squares = residuals.map((r) => r * r);
  const sum = squares.reduce((a, b) => a + b, 0);
  const m = mse(y, yhat);
  let largest = 0;
  for (let i = 1; i < n; i++) if (squares[i] > squares[largest]) largest = i;
  return {
    n: y.length,
    y,
    yhat,
    residuals,
    squares,
    sum,
    mse: m,
    rmse: Math.sqrt(m),
    mae: residuals.reduce((a, r) => a + Math.abs(r), 0) / y.length,
    bias: residuals.reduce((a, r) => a + r, 0) / y.length,
    largest,
    largestShare: sum > 0 ? squares[largest] / sum : 0,
  };
}
