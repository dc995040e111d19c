import { mse } from '../../math';
import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)])
    .join('');
}

/** The card's params: the number of samples n, the targets y and the predictions ŷ. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'n',
    tex: 'n',
    label: { en: 'number of samples', 'zh-TW': '樣本數' },
    slot: 3,
    min: 5,
    max: 8,
    step: 1,
    default: 6,
    integer: true,
  },
  {
    kind: 'vector',
    name: 'y',
    tex: 'y',
    label: { en: 'targets', 'zh-TW': '目標值' },
    slot: 1,
    min: 0,
    max: 10,
    step: 0.1,
    default: [2, 3.5, 5, 4.2, 6.5, 7.8, 7, 9],
    length: { param: 'n' },
    itemLabel: (i) => `y${subscript(i + 1)}`,
  },
  {
    kind: 'vector',
    name: 'yhat',
    tex: '\\hat y',
    label: { en: 'predictions', 'zh-TW': '預測值' },
    slot: 2,
    min: 0,
    max: 10,
    step: 0.1,
    default: [2.6, 3, 5.8, 4, 5.2, 8.1, 8.4, 8.5],
    length: { param: 'n' },
    itemLabel: (i) => `ŷ${subscript(i + 1)}`,
  },
]);

/** The card's values: `{ n: number; y: number[]; yhat: number[] }`. */
export type MseValues = ValuesOf<typeof PARAMS>;

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
export function computeMse(values: MseValues): MseResult {
  const n = Math.round(values.n);
  const y = values.y.slice(0, n);
  const yhat = values.yhat.slice(0, n);
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
