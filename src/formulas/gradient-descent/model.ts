import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { CURVES, SURFACES, pick, problemOptions, type Problem } from '../optimization/problems';
import { clamp, runOptimizer, type Run } from '../optimization/run';
import { lrParam, startParams, stepsParams } from '../optimization/params';

/** The card's params: 1-D or 2-D, the landscape, η, the start θ₀, the number of steps and the step shown. */
export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'dim',
    tex: 'd',
    label: { en: 'dimensions', 'zh-TW': '維度' },
    options: [
      { value: 1, label: { en: '1-D: a loss curve', 'zh-TW': '一維：損失曲線' } },
      { value: 2, label: { en: '2-D: a loss surface', 'zh-TW': '二維：損失曲面' } },
    ],
    default: 1,
  },
  {
    kind: 'choice',
    name: 'curve',
    tex: 'L',
    label: { en: '1-D curve', 'zh-TW': '一維曲線' },
    options: problemOptions(CURVES),
    default: 0,
    activeWhen: { param: 'dim', value: 1 },
  },
  {
    kind: 'choice',
    name: 'surface',
    tex: 'L',
    label: { en: '2-D surface', 'zh-TW': '二維曲面' },
    options: problemOptions(SURFACES),
    default: 0,
    activeWhen: { param: 'dim', value: 2 },
  },
  lrParam(0.0001, 3, 0.0001, 0.2),
  ...startParams(4, 3, 2, { en: ' (2-D)', 'zh-TW': '（二維）' }).map((p) =>
    p.name === 'y0' ? { ...p, activeWhen: { param: 'dim', value: 2 } as const } : p,
  ),
  ...stepsParams(40, 8, { slot: 1 }),
]);

/** The card's values. */
export type GdValues = ValuesOf<typeof PARAMS>;

/** Everything the gradient-descent card shows for one setting. */
export interface GdResult {
  problem: Problem;
  /** The start actually used: θ₀ clamped into the landscape's window. */
  start: number[];
  /** The start was outside the window and was moved to its edge. */
  startClamped: boolean;
  lr: number;
  run: Run;
  /** The step shown: the time control's step, at most the run's last finite step. */
  k: number;
  theta: number[];
  loss: number;
  grad: number[];
  /** θ_{k+1} = θ_k − η∇L(θ_k), or null when it is not finite. */
  next: number[] | null;
  /** L(θ_j) − L* for every step of the run, for the log chart. */
  gaps: number[];
  /** 2/L at the minimum: the largest η for which plain gradient descent settles there. */
  threshold: number;
}

/** Runs plain gradient descent θ ← θ − η∇L(θ) on the chosen landscape from θ₀ for n steps. */
export function computeGd(values: GdValues): GdResult {
  const problem = values.dim === 2 ? pick(SURFACES, values.surface) : pick(CURVES, values.curve);
  const raw = problem.dim === 2 ? [values.x0, values.y0] : [values.x0];
  const start = raw.map((v, i) => clamp(v, i === 0 ? problem.x : problem.y));
  const startClamped = start.some((v, i) => v !== raw[i]);
  const lr = values.lr;
  const run = runOptimizer({ name: 'sgd', lr }, (p) => problem.grad(p), start, values.n, {
    loss: problem.f,
    saddles: problem.saddles,
  });
  const k = Math.max(0, Math.min(run.points.length - 1, Math.round(values.k)));
  const theta = run.points[k];
  const grad = run.grads[k];
  const step = theta.map((t, i) => t - lr * grad[i]);
  const next = step.every(Number.isFinite) ? step : null;
  return {
    problem,
    start,
    startClamped,
    lr,
    run,
    k,
    theta,
    loss: run.losses[k],
    grad,
    next,
    gaps: run.losses.map((l) => l - problem.fMin),
    threshold: 2 / problem.curvature,
  };
}
