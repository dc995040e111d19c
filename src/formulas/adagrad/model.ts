import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { NARROW_BOWL, type Problem } from '../optimization/problems';
import { gapsOf, runOptimizer, shownStep, startIn, type Run } from '../optimization/run';
import { lrParam, startParams, stepsParams } from '../optimization/params';

/** AdaGrad's ε (the library's default). */
export const ADAGRAD_EPS = 1e-10;
/** RMSprop's ε (the library's default). */
export const RMSPROP_EPS = 1e-8;

/** The flat coordinate's curvature on the sparse problem. */
export const RARE_CURVATURE = 0.1;

/**
 * The sparse problem's loss θ₁²/2 + 0.1·θ₂²/2: θ₁ a frequent feature, θ₂ a rare and weak one
 * (its gradient appears only every P steps, see `gradientOf`).
 */
export const SPARSE_BOWL: Problem = {
  id: 'sparse-bowl',
  label: { en: 'bowl with a rare, weak coordinate', 'zh-TW': '有一個罕見又微弱座標的碗' },
  dim: 2,
  f: ([x, y]) => 0.5 * x * x + 0.5 * RARE_CURVATURE * y * y,
  grad: ([x, y]) => [x, RARE_CURVATURE * y],
  x: [-3, 3],
  y: [-3, 3],
  fMin: 0,
  argMin: [0, 0],
  curvature: 1,
};

export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'problem',
    tex: 'L',
    label: { en: 'problem', 'zh-TW': '問題' },
    options: [
      { value: 0, label: { en: 'one steep, one flat direction', 'zh-TW': '一個陡、一個平的方向' } },
      { value: 1, label: { en: 'a sparse gradient coordinate', 'zh-TW': '一個稀疏的梯度座標' } },
    ],
    default: 0,
  },
  lrParam(0.001, 3, 0.001, 0.5),
  {
    kind: 'scalar',
    name: 'P',
    tex: 'P',
    label: {
      en: 'sparse: θ₂’s gradient appears every P steps',
      'zh-TW': '稀疏：θ₂ 的梯度每 P 步出現一次',
    },
    slot: 5,
    min: 2,
    max: 50,
    step: 1,
    default: 10,
    integer: true,
  },
  {
    kind: 'toggle',
    name: 'rms',
    tex: '\\alpha',
    label: { en: 'RMSprop beside it', 'zh-TW': '並列 RMSprop' },
    default: false,
  },
  {
    kind: 'scalar',
    name: 'alpha',
    tex: '\\alpha',
    label: { en: 'RMSprop decay α', 'zh-TW': 'RMSprop 衰減 α' },
    slot: 6,
    min: 0,
    max: 0.999,
    step: 0.001,
    default: 0.9,
  },
  ...startParams(3, -2.5, 2),
  ...stepsParams(60, 10, { slot: 1 }),
]);

export type AdagradValues = ValuesOf<typeof PARAMS>;

/** One run with its accumulator and its effective rates per coordinate over the steps. */
export interface RateRun {
  run: Run;
  /** s of each coordinate after each step (n entries each). */
  s: [number[], number[]];
  /** η/(√s + ε) of each coordinate after each step. */
  rate: [number[], number[]];
  gaps: number[];
}

export interface AdagradResult {
  problem: Problem;
  sparse: boolean;
  P: number;
  lr: number;
  alpha: number;
  start: number[];
  ada: RateRun;
  rms: RateRun | null;
  /** Plain SGD at the same η on the same gradients, for comparison. */
  sgd: Run;
  k: number;
  theta: number[];
  /** The step from θ_k: g, s before and after, the rate and θ_{k+1} (null past the run's end). */
  g: number[];
  sBefore: number[];
  sAfter: number[] | null;
  rateK: number[] | null;
  next: number[] | null;
  /** RMSprop's own step from its θ_k, when it runs beside AdaGrad (its path is its own). */
  rmsStep: RmsStep | null;
}

/** One step of RMSprop: g, v before and after (v ← αv + (1 − α)g²), the rate and θ_{k+1}. */
export interface RmsStep {
  k: number;
  g: number[];
  vBefore: number[];
  vAfter: number[] | null;
  rate: number[] | null;
  next: number[] | null;
}

function rmsStepOf(run: Run, k: number, n: number, lr: number): RmsStep {
  const j = shownStep(k, n, run);
  const vAfter = run.second[j] ?? null;
  return {
    k: j,
    g: run.grads[j],
    vBefore: j > 0 ? run.second[j - 1] : [0, 0],
    vAfter,
    rate: vAfter ? vAfter.map((v) => lr / (Math.sqrt(v) + RMSPROP_EPS)) : null,
    next: run.points[j + 1] ?? null,
  };
}

/** The gradient of step k: the bowl's, or on the sparse problem θ₂'s part only every P-th step. */
export function gradientOf(problem: Problem, sparse: boolean, P: number) {
  return (p: readonly number[], k: number): number[] => {
    const g = problem.grad(p);
    if (sparse && k % P !== 0) g[1] = 0;
    return g;
  };
}

function rateRun(run: Run, lr: number, eps: number, n: number, fMin: number): RateRun {
  const s: [number[], number[]] = [[], []];
  const rate: [number[], number[]] = [[], []];
  for (let j = 0; j < Math.min(n, run.second.length); j++) {
    for (const i of [0, 1] as const) {
      s[i].push(run.second[j][i]);
      // a coordinate that has seen no gradient yet has no rate to speak of (drawn as a gap)
      rate[i].push(run.second[j][i] > 0 ? lr / (Math.sqrt(run.second[j][i]) + eps) : NaN);
    }
  }
  return { run, s, rate, gaps: gapsOf(run, fMin).slice(0, n + 1) };
}

/** Runs AdaGrad (and RMSprop, and plain SGD) on a bowl of one steep and one flat direction or on a sparse problem. */
export function computeAdagrad(values: AdagradValues): AdagradResult {
  const sparse = values.problem === 1;
  const problem = sparse ? SPARSE_BOWL : NARROW_BOWL;
  const P = Math.round(values.P);
  const n = Math.round(values.n);
  const { lr, alpha } = values;
  const start = startIn(problem, values.x0, values.y0);
  const grad = gradientOf(problem, sparse, P);
  const opts = { loss: problem.f, record: true };
  const adaRun = runOptimizer({ name: 'adagrad', lr }, grad, start, n + 1, opts);
  const rmsRun = values.rms
    ? runOptimizer({ name: 'rmsprop', lr, alpha }, grad, start, n + 1, opts)
    : null;
  const sgd = runOptimizer({ name: 'sgd', lr }, grad, start, n, { loss: problem.f });
  const k = shownStep(values.k, n, adaRun);
  const sAfter = adaRun.second[k] ?? null;
  return {
    problem,
    sparse,
    P,
    lr,
    alpha,
    start,
    ada: rateRun(adaRun, lr, ADAGRAD_EPS, n, problem.fMin),
    rms: rmsRun ? rateRun(rmsRun, lr, RMSPROP_EPS, n, problem.fMin) : null,
    sgd,
    k,
    theta: adaRun.points[k],
    g: adaRun.grads[k],
    sBefore: k > 0 ? adaRun.second[k - 1] : [0, 0],
    sAfter,
    rateK: sAfter ? sAfter.map((s) => lr / (Math.sqrt(s) + ADAGRAD_EPS)) : null,
    next: adaRun.points[k + 1] ?? null,
    rmsStep: rmsRun ? rmsStepOf(rmsRun, values.k, n, lr) : null,
  };
}
