import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { memoLast } from '../../ui/card/memoLast';
import type { Problem } from '../optimization/problems';
import { gapsOf, runOptimizer, shownStep, startIn, type Run } from '../optimization/run';
import { N_POINTS, batchGrad, dataProblem, lineData, minibatches, type LineData } from './data';
import { lrParam, stepsParams } from '../optimization/params';

/** The card's params: seed, batch size, η, momentum μ, Nesterov, the plain-GD comparison, start, steps, step. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'B',
    tex: 'B',
    label: { en: 'batch size', 'zh-TW': '批次大小' },
    slot: 5,
    min: 1,
    max: N_POINTS,
    step: 1,
    default: 4,
    integer: true,
  },
  lrParam(0.001, 1, 0.001, 0.05),
  {
    kind: 'scalar',
    name: 'mu',
    tex: '\\mu',
    label: { en: 'momentum', 'zh-TW': '動量' },
    slot: 6,
    min: 0,
    max: 0.99,
    step: 0.01,
    default: 0,
  },
  {
    kind: 'toggle',
    name: 'nesterov',
    tex: '\\text{N}',
    label: { en: 'Nesterov momentum', 'zh-TW': 'Nesterov 動量' },
    default: false,
  },
  {
    kind: 'toggle',
    name: 'plain',
    tex: '\\text{GD}',
    label: { en: 'plain full-batch GD beside it', 'zh-TW': '並列一般的全批次梯度下降' },
    default: true,
  },
  {
    kind: 'seed',
    name: 'seed',
    tex: 's',
    label: { en: 'seed of the data and the batches', 'zh-TW': '資料與批次的種子' },
    default: 7,
  },
  {
    kind: 'scalar',
    name: 'w0',
    tex: 'w_0',
    label: { en: 'start slope w₀', 'zh-TW': '起點斜率 w₀' },
    slot: 3,
    min: -1.5,
    max: 4.5,
    step: 0.01,
    default: -1,
  },
  {
    kind: 'scalar',
    name: 'b0',
    tex: 'b_0',
    label: { en: 'start intercept b₀', 'zh-TW': '起點截距 b₀' },
    slot: 3,
    min: -5,
    max: 4,
    step: 0.01,
    default: 3,
  },
  ...stepsParams(80, 20, { slot: 1 }),
]);

export type SgdValues = ValuesOf<typeof PARAMS>;

export interface SgdResult {
  data: LineData;
  problem: Problem;
  B: number;
  lr: number;
  mu: number;
  /** Nesterov as used: only with momentum μ > 0. */
  nesterov: boolean;
  /** The switch was on with μ = 0, where Nesterov means nothing. */
  nesterovIgnored: boolean;
  start: number[];
  /** The minibatch of every step (indices into the data). */
  batches: number[][];
  /** The SGD run (one step further than n, so step n has its next step too). */
  run: Run;
  /** Plain full-batch gradient descent at the same η from the same start, or null. */
  plain: Run | null;
  k: number;
  theta: number[];
  /** The batch of step k, its gradient g_B and the full-batch gradient ∇L at θ_k. */
  batch: number[];
  batchGrad: number[];
  fullGrad: number[];
  /** The velocity before step k (v_k, null at the first step) and after it (v_{k+1}, null without momentum). */
  velocity: number[] | null;
  velocityNext: number[] | null;
  /** θ_{k+1}, or null when the run stopped at θ_k. */
  next: number[] | null;
  /** Full-batch L − L* of every step, for SGD and plain GD. */
  gaps: number[];
  plainGaps: number[] | null;
  /** The angle between g_B and ∇L at θ_k in degrees, and |g_B − ∇L| / |∇L|. */
  angle: number;
  noise: number;
}

/** The seed's data and loss, the same objects while only other values change (the contour is drawn once a seed). */
const lossOf = memoLast((seed: number) => {
  const data = lineData(seed);
  return { data, problem: dataProblem(data) };
});

/** Runs minibatch SGD (with momentum / Nesterov) and plain GD on the line-fit loss of the seeded data. */
export function computeSgd(values: SgdValues): SgdResult {
  const { data, problem } = lossOf(values.seed);
  const B = Math.max(1, Math.min(N_POINTS, Math.round(values.B)));
  const n = Math.round(values.n);
  const { lr, mu } = values;
  const nesterov = values.nesterov && mu > 0;
  const start = startIn(problem, values.w0, values.b0);
  // one batch per point of the run: steps 0 … n + 1 (the last point's gradient too)
  const batches = minibatches(values.seed, B, n + 2);
  const config =
    mu > 0 ? { name: 'sgd' as const, lr, momentum: mu, nesterov } : { name: 'sgd' as const, lr };
  const run = runOptimizer(
    config,
    (p, k) => batchGrad(data, batches[k], p[0], p[1]),
    start,
    n + 1,
    {
      loss: problem.f,
      record: mu > 0,
    },
  );
  const plain = values.plain
    ? runOptimizer({ name: 'sgd', lr }, (p) => problem.grad(p), start, n, { loss: problem.f })
    : null;
  const k = shownStep(values.k, n, run);
  const theta = run.points[k];
  const g = run.grads[k];
  const full = problem.grad(theta);
  const dot = g[0] * full[0] + g[1] * full[1];
  const ng = Math.hypot(g[0], g[1]);
  const nf = Math.hypot(full[0], full[1]);
  const cos = ng > 0 && nf > 0 ? Math.max(-1, Math.min(1, dot / (ng * nf))) : 1;
  return {
    data,
    problem,
    B,
    lr,
    mu,
    nesterov,
    nesterovIgnored: values.nesterov && mu === 0,
    start,
    batches,
    run,
    plain,
    k,
    theta,
    batch: batches[k],
    batchGrad: g,
    fullGrad: full,
    velocity: mu > 0 && k > 0 ? (run.first[k - 1] ?? null) : null,
    velocityNext: mu > 0 ? (run.first[k] ?? null) : null,
    next: run.points[k + 1] ?? null,
    gaps: gapsOf(run, problem.fMin).slice(0, n + 1),
    plainGaps: plain ? gapsOf(plain, problem.fMin) : null,
    angle: (Math.acos(cos) * 180) / Math.PI,
    noise: nf > 0 ? Math.hypot(g[0] - full[0], g[1] - full[1]) / nf : 0,
  };
}
