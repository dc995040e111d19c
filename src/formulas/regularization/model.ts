import { polynomialFeatures } from '../../math';
import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { N_TRAIN, drawData } from './data';
import { LAMBDA_MAX, LAMBDA_MIN, fitAt, penaltyOf, trainY, type PenaltyKind } from './fit';
import { geometryAt, type GeometryResult } from './geometry';

/** The most a point can be moved from its drawn position, either way. */
export const OFFSET_MAX = 2.5;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** k written with subscript digits: 12 → ₁₂. */
export function subscript(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)])
    .join('');
}

/** The card's params: the penalty, λ, the degree, the seed of the data, and how far each point was moved. */
export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'penalty',
    tex: 'R',
    label: { en: 'penalty', 'zh-TW': '懲罰項' },
    slot: 5,
    options: [
      { value: 2, label: { en: 'L2 (ridge): λ Σ w²', 'zh-TW': 'L2（嶺迴歸）：λ Σ w²' } },
      { value: 1, label: { en: 'L1 (lasso): λ Σ |w|', 'zh-TW': 'L1（Lasso）：λ Σ |w|' } },
    ],
    default: 2,
  },
  {
    kind: 'scalar',
    name: 'lambda',
    tex: '\\lambda',
    label: { en: 'regularization strength', 'zh-TW': '正則化強度' },
    slot: 2,
    min: LAMBDA_MIN,
    max: LAMBDA_MAX,
    step: 0.001,
    default: 0.001,
    scale: 'log',
  },
  {
    kind: 'scalar',
    name: 'degree',
    tex: 'd',
    label: { en: 'polynomial degree', 'zh-TW': '多項式次數' },
    slot: 3,
    min: 1,
    max: 9,
    step: 1,
    default: 9,
    integer: true,
  },
  {
    kind: 'seed',
    name: 'seed',
    tex: 's',
    label: { en: 'seed of the noisy points', 'zh-TW': '雜訊資料點的種子' },
    default: 2,
  },
  {
    kind: 'vector',
    name: 'moved',
    tex: '\\Delta y',
    label: {
      en: 'points moved up or down (drag them on the fit)',
      'zh-TW': '資料點的上下移動量（也可在圖上拖曳）',
    },
    slot: 4,
    min: -OFFSET_MAX,
    max: OFFSET_MAX,
    step: 0.01,
    default: Array.from({ length: N_TRAIN }, () => 0),
    length: N_TRAIN,
    itemLabel: (i) => `Δy${subscript(i + 1)}`,
  },
]);

/** The card's values: `{ penalty; lambda; degree; seed; moved }`. */
export type RegularizationValues = ValuesOf<typeof PARAMS>;

/** Everything the regularization card shows at one setting. */
export interface RegularizationResult {
  kind: PenaltyKind;
  lambda: number;
  degree: number;
  seed: number;
  /** Training x, their drawn y, the offsets and the y fitted (drawn + offset). */
  x: number[];
  y0: number[];
  offsets: number[];
  y: number[];
  /** The held-out points. */
  testX: number[];
  testY: number[];
  /** The weights w₀ … w_d (w₀ the unpenalized intercept). */
  w: number[];
  /** The fitted values at the training x. */
  fitted: number[];
  /** Training MSE, the penalty λR(w) and their sum J(w). */
  train: number;
  penalty: number;
  objective: number;
  /** R(w) itself, Σ|w_k| or Σ w_k² over k ≥ 1. */
  size: number;
  /** MSE on the held-out points. */
  test: number;
  /** How many of w₁ … w_d are exactly 0. */
  zeros: number;
  /** The two-weight picture at the same λ. */
  geometry: GeometryResult;
}

/** The penalty kind a value names (anything else reads as L2). */
export function kindOf(v: number): PenaltyKind {
  return v === 1 ? 1 : 2;
}

/** Reads the card's values and fits the polynomial at the current λ. */
export function computeRegularization(values: RegularizationValues): RegularizationResult {
  const kind = kindOf(values.penalty);
  const degree = Math.round(values.degree);
  const { lambda, seed } = values;
  const data = drawData(seed);
  const offsets = Array.from({ length: N_TRAIN }, (_, i) => values.moved[i] ?? 0);
  const y = trainY(data, offsets);
  const X = polynomialFeatures(data.x, degree);
  const Xtest = polynomialFeatures(data.testX, degree);
  const f = fitAt(kind, data, X, Xtest, y, lambda);
  const penalty = penaltyOf(kind, f.w, lambda);
  const size = penaltyOf(kind, f.w, 1);
  let zeros = 0;
  for (let k = 1; k < f.w.length; k++) if (f.w[k] === 0) zeros++;
  return {
    kind,
    lambda,
    degree,
    seed,
    x: data.x,
    y0: data.y0,
    offsets,
    y,
    testX: data.testX,
    testY: data.testY,
    w: f.w,
    fitted: X.map((row) => row.reduce((s, v, k) => s + v * f.w[k], 0)),
    train: f.train,
    penalty,
    objective: f.train + penalty,
    size,
    test: f.test,
    zeros,
    geometry: geometryAt(lambda),
  };
}
