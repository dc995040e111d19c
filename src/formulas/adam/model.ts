import type { MutableOptimizerState } from '../../math';
import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { SURFACES, pick, problemOptions, type Problem } from '../optimization/problems';
import { gapsOf, runOptimizer, shownStep, startIn, type Run } from '../optimization/run';
import { lrParam, startParams, stepsParams } from '../optimization/params';

/** The card's params: surface, η, β₁, β₂, ε, bias correction, AdamW and its decay, start, steps, step. */
export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'surface',
    tex: 'L',
    label: { en: 'loss surface', 'zh-TW': '損失曲面' },
    options: problemOptions(SURFACES),
    default: 1,
  },
  lrParam(0.001, 1, 0.001, 0.1),
  {
    kind: 'scalar',
    name: 'b1',
    tex: '\\beta_1',
    label: { en: 'first-moment decay β₁', 'zh-TW': '一階動差衰減 β₁' },
    slot: 6,
    min: 0,
    max: 0.999,
    step: 0.001,
    default: 0.9,
  },
  {
    kind: 'scalar',
    name: 'b2',
    tex: '\\beta_2',
    label: { en: 'second-moment decay β₂', 'zh-TW': '二階動差衰減 β₂' },
    slot: 7,
    min: 0,
    max: 0.9999,
    step: 0.0001,
    default: 0.999,
  },
  {
    kind: 'scalar',
    name: 'le',
    tex: '\\log_{10}\\epsilon',
    label: { en: 'ε added to √v̂, as a power of ten', 'zh-TW': '加到 √v̂ 的 ε（10 的次方）' },
    slot: 8,
    min: -10,
    max: 0,
    step: 1,
    default: -8,
    integer: true,
  },
  {
    kind: 'toggle',
    name: 'bias',
    tex: '\\hat m',
    label: { en: 'bias correction', 'zh-TW': '偏差修正' },
    default: true,
  },
  {
    kind: 'toggle',
    name: 'adamw',
    tex: '\\lambda',
    label: { en: 'AdamW: decoupled weight decay', 'zh-TW': 'AdamW：解耦的權重衰減' },
    default: false,
  },
  {
    kind: 'scalar',
    name: 'wd',
    tex: '\\lambda',
    label: { en: 'weight decay λ (AdamW)', 'zh-TW': '權重衰減 λ（AdamW）' },
    slot: 5,
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.1,
  },
  ...startParams(4, -2.5, 2),
  ...stepsParams(60, 3, { slot: 1 }),
]);

export type AdamValues = ValuesOf<typeof PARAMS>;

/** The numbers of one Adam step, per coordinate. */
export interface AdamStep {
  /** The step number t = k + 1 of the bias corrections. */
  t: number;
  g: number[];
  m: number[];
  v: number[];
  /** m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ), or m and v themselves without bias correction. */
  mHat: number[];
  vHat: number[];
  /** The Adam step lr·m̂/(√v̂ + ε) of each coordinate (AdamW's decay comes on top). */
  delta: number[];
}

export interface AdamResult {
  problem: Problem;
  lr: number;
  b1: number;
  b2: number;
  eps: number;
  bias: boolean;
  adamw: boolean;
  wd: number;
  start: number[];
  startClamped: boolean;
  /** The run, one step past n, so step n has its numbers too. */
  run: Run;
  k: number;
  theta: number[];
  /** The step from θ_k, or null when the run stopped at θ_k. */
  step: AdamStep | null;
  next: number[] | null;
  gaps: number[];
  /** |lr·m̂/(√v̂ + ε)| of each coordinate at every step (n entries). */
  effective: [number[], number[]];
  /** Plain gradient descent at the same η on the same surface, for comparison of the losses. */
  plainGaps: number[];
}

/**
 * Adam without bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², then
 * p ← p(1 − lr·λ) − lr·m/(√v + ε) (λ = 0 for Adam). What Kingma and Ba's correction
 * repairs: m and v start at 0, so their first values are too small by 1 − βᵗ.
 */
export function uncorrectedStep(b1: number, b2: number, eps: number, decay: number) {
  return (p: number[], g: readonly number[], state: MutableOptimizerState, lr: number) => {
    if (state.first === null) state.first = new Array<number>(p.length).fill(0);
    const m = state.first;
    const v = state.second;
    for (let i = 0; i < p.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      p[i] = p[i] * (1 - lr * decay) - (lr * m[i]) / (Math.sqrt(v[i]) + eps);
    }
    state.t += 1;
  };
}

/** Runs Adam (or AdamW, with or without bias correction) on the chosen surface from θ₀. */
export function computeAdam(values: AdamValues): AdamResult {
  const problem = pick(SURFACES, values.surface);
  const raw = [values.x0, values.y0];
  const start = startIn(problem, raw[0], raw[1]);
  const { lr, b1, b2, bias, adamw } = values;
  const eps = 10 ** Math.round(values.le);
  const wd = adamw ? values.wd : 0;
  const n = Math.round(values.n);
  const config = adamw
    ? { name: 'adamw' as const, lr, beta1: b1, beta2: b2, eps, weightDecay: wd }
    : { name: 'adam' as const, lr, beta1: b1, beta2: b2, eps };
  const run = runOptimizer(config, (p) => problem.grad(p), start, n + 1, {
    loss: problem.f,
    saddles: problem.saddles,
    record: true,
    step: bias ? undefined : uncorrectedStep(b1, b2, eps, wd),
  });
  const plain = runOptimizer({ name: 'sgd', lr }, (p) => problem.grad(p), start, n, {
    loss: problem.f,
  });
  const k = shownStep(values.k, n, run);
  const stepAt = (j: number): AdamStep | null => {
    const m = run.first[j];
    const v = run.second[j];
    if (!m || !v) return null;
    const t = j + 1;
    const c1 = bias ? 1 - b1 ** t : 1;
    const c2 = bias ? 1 - b2 ** t : 1;
    const mHat = m.map((x) => x / c1);
    const vHat = v.map((x) => x / c2);
    return {
      t,
      g: run.grads[j],
      m,
      v,
      mHat,
      vHat,
      delta: mHat.map((x, i) => (lr * x) / (Math.sqrt(vHat[i]) + eps)),
    };
  };
  const effective: [number[], number[]] = [[], []];
  for (let j = 0; j < Math.min(n, run.first.length); j++) {
    const s = stepAt(j)!;
    effective[0].push(Math.abs(s.delta[0]));
    effective[1].push(Math.abs(s.delta[1]));
  }
  return {
    problem,
    lr,
    b1,
    b2,
    eps,
    bias,
    adamw,
    wd,
    start,
    startClamped: start.some((s, i) => s !== raw[i]),
    run,
    k,
    theta: run.points[k],
    step: stepAt(k),
    next: run.points[k + 1] ?? null,
    gaps: gapsOf(run, problem.fMin).slice(0, n + 1),
    effective,
    plainGaps: gapsOf(plain, problem.fMin),
  };
}
