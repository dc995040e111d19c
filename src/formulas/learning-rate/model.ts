import type { LearningRateSchedule, OptimizerSchedule } from '../../math';
import { memoLast } from '../../ui/card/memoLast';
import { resolveSchedule, scheduledRate } from '../../math/schedules';
import type { ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import type { Problem } from '../optimization/problems';
import { runOptimizer, type Run } from '../optimization/run';
import { stepsParams } from '../optimization/params';

/** The schedules of the contract, in the order of their choice control. */
export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine', 'warmup-cosine'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/** The card's params: curvature L, three learning rates, the start, a schedule, steps and the step shown. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'L',
    tex: 'L',
    label: { en: 'curvature of the quadratic', 'zh-TW': '二次函數的曲率' },
    slot: 4,
    min: 0.5,
    max: 10,
    step: 0.1,
    default: 2,
  },
  {
    kind: 'scalar',
    name: 'lr1',
    tex: '\\eta_1',
    label: { en: 'learning rate 1 (too small)', 'zh-TW': '學習率 1（太小）' },
    slot: 1,
    min: 0.001,
    max: 3,
    step: 0.001,
    default: 0.05,
    scale: 'log',
  },
  {
    kind: 'scalar',
    name: 'lr2',
    tex: '\\eta_2',
    label: { en: 'learning rate 2 (about right)', 'zh-TW': '學習率 2（剛好）' },
    slot: 2,
    min: 0.001,
    max: 3,
    step: 0.001,
    default: 0.4,
    scale: 'log',
    // the rate another page used arrives as the middle one, to compare with a smaller and a larger
    shares: 'learning-rate',
  },
  {
    kind: 'scalar',
    name: 'lr3',
    tex: '\\eta_3',
    label: { en: 'learning rate 3 (too large)', 'zh-TW': '學習率 3（太大）' },
    slot: 5,
    min: 0.001,
    max: 3,
    step: 0.001,
    default: 1.05,
    scale: 'log',
  },
  {
    kind: 'scalar',
    name: 'x0',
    tex: '\\theta_0',
    label: { en: 'start θ₀', 'zh-TW': '起點 θ₀' },
    slot: 3,
    min: -4,
    max: 4,
    step: 0.01,
    default: 3,
  },
  {
    kind: 'choice',
    name: 'sched',
    tex: '\\eta_k',
    label: { en: 'learning-rate schedule', 'zh-TW': '學習率排程' },
    options: [
      { value: 0, label: { en: 'constant', 'zh-TW': '固定' } },
      { value: 1, label: { en: 'step decay', 'zh-TW': '階梯衰減' } },
      { value: 2, label: { en: 'exponential decay', 'zh-TW': '指數衰減' } },
      { value: 3, label: { en: 'cosine', 'zh-TW': '餘弦' } },
      { value: 4, label: { en: 'warm-up, then cosine', 'zh-TW': '暖身後餘弦' } },
    ],
    default: 0,
  },
  {
    kind: 'scalar',
    name: 'gamma',
    tex: '\\gamma',
    label: {
      en: 'decay factor γ every s steps (step, exponential)',
      'zh-TW': '每 s 步的衰減因子 γ（階梯、指數）',
    },
    slot: 6,
    min: 0.05,
    max: 1,
    step: 0.01,
    default: 0.5,
  },
  {
    kind: 'scalar',
    name: 's',
    tex: 's',
    label: {
      en: 'steps between decays s (step, exponential)',
      'zh-TW': '兩次衰減間的步數 s（階梯、指數）',
    },
    slot: 6,
    min: 1,
    max: 100,
    step: 1,
    default: 10,
    integer: true,
  },
  {
    kind: 'scalar',
    name: 'warm',
    tex: 'w',
    label: { en: 'warm-up steps', 'zh-TW': '暖身步數' },
    slot: 7,
    min: 0,
    max: 100,
    step: 1,
    default: 8,
    integer: true,
  },
  ...stepsParams(40, 40),
]);

export type LrValues = ValuesOf<typeof PARAMS>;

/** How plain gradient descent at a constant rate behaves on a quadratic of curvature L. */
export type Regime = 'slow' | 'good' | 'one-step' | 'oscillates' | 'edge' | 'diverges';

/** The regime of η on curvature L: each step multiplies θ by 1 − ηL. */
export function regime(lr: number, L: number): Regime {
  const q = lr * L;
  const tol = 1e-9;
  if (Math.abs(q - 1) < tol) return 'one-step';
  // a step that keeps 70% of the distance or more is slow; below that, it slides straight in
  if (q < 1) return q <= 0.3 ? 'slow' : 'good';
  if (Math.abs(q - 2) < tol) return 'edge';
  return q < 2 ? 'oscillates' : 'diverges';
}

/** One of the three runs. */
export interface LrRun {
  /** Which of the three (1, 2, 3): its param name is `lr${index}`. */
  index: 1 | 2 | 3;
  lr: number;
  /** The constant-rate regime of this η on L. */
  regime: Regime;
  /** 1 − ηL, the factor of one constant-rate step. */
  factor: number;
  run: Run;
  /** The step shown (at most the run's last finite step). */
  k: number;
  theta: number;
  /** η_k, the scheduled rate of the step from θ_k, and 1 − η_k L. */
  rateK: number;
  factorK: number;
  /** θ_{k+1} = (1 − η_k L) θ_k, or null when not finite. */
  next: number | null;
  /** L(θ_j) − L* = Lθ_j²/2 of every step. */
  gaps: number[];
  /** The scheduled rate of every step 0 … n − 1 (the whole schedule, known in advance). */
  rates: number[];
}

export interface LrResult {
  problem: Problem;
  L: number;
  start: number;
  startClamped: boolean;
  schedule: ScheduleName;
  /** The schedule as the optimizer config carries it (null: constant). */
  config: OptimizerSchedule | null;
  runs: [LrRun, LrRun, LrRun];
  /** 2/L: the stability threshold; 1/L: past it, steps overshoot and oscillate. */
  threshold: number;
  oscillation: number;
}

const WINDOW: readonly [number, number] = [-4, 4];

/** The quadratic Lθ²/2 of curvature L, drawn over θ ∈ [−4, 4]. */
export function quadratic(L: number): Problem {
  return {
    id: `quadratic-${L}`,
    label: { en: `quadratic Lθ²/2 with L = ${L}`, 'zh-TW': `二次函數 Lθ²/2，L = ${L}` },
    dim: 1,
    f: ([x]) => 0.5 * L * x * x,
    grad: ([x]) => [L * x],
    x: WINDOW,
    y: [-0.4 * L, 8.6 * L],
    fMin: 0,
    argMin: [0],
    curvature: L,
  };
}

/** `quadratic`, the same object while L stays (the curve is sampled once per curvature). */
const quadraticOf = memoLast(quadratic);

/** The schedule of the values, as `minimize` takes it (without lr); null for constant. */
export function scheduleOf(values: LrValues): OptimizerSchedule | null {
  const n = Math.max(1, Math.round(values.n));
  const s = Math.max(1, Math.round(values.s));
  switch (SCHEDULES[Math.round(values.sched)] ?? 'constant') {
    case 'step':
      return { name: 'step', stepSize: s, gamma: values.gamma };
    case 'exponential':
      // the same decay over s steps as the step schedule, spread evenly over each step
      return { name: 'exponential', gamma: values.gamma ** (1 / s) };
    case 'cosine':
      return { name: 'cosine', tMax: n };
    case 'warmup-cosine':
      return {
        name: 'warmup-cosine',
        warmupSteps: Math.min(n - 1, Math.round(values.warm)),
        tMax: n,
      };
    default:
      return null;
  }
}

/** Runs gradient descent at the three rates, with the chosen schedule, on Lθ²/2 from θ₀. */
export function computeLr(values: LrValues): LrResult {
  const L = values.L;
  const problem = quadraticOf(L);
  const start = Math.max(WINDOW[0], Math.min(WINDOW[1], values.x0));
  const config = scheduleOf(values);
  const schedule = SCHEDULES[Math.round(values.sched)] ?? 'constant';
  const n = Math.round(values.n);
  const one = (index: 1 | 2 | 3, lr: number): LrRun => {
    const run = runOptimizer(
      config ? { name: 'sgd', lr, schedule: config } : { name: 'sgd', lr },
      (p) => problem.grad(p),
      [start],
      n,
      { loss: problem.f },
    );
    const k = Math.max(0, Math.min(run.points.length - 1, Math.round(values.k)));
    // the schedule checked once, then read per step (learningRate would check it at every call)
    const resolved = config
      ? resolveSchedule('learning-rate', 'schedule', { ...config, lr } as LearningRateSchedule)
      : null;
    const rateAt = (t: number) => (resolved ? scheduledRate(resolved, t) : lr);
    const rates = Array.from({ length: n }, (_, t) => rateAt(t));
    const theta = run.points[k][0];
    const rateK = rateAt(k);
    const factorK = 1 - rateK * L;
    const next = factorK * theta;
    return {
      index,
      lr,
      regime: regime(lr, L),
      factor: 1 - lr * L,
      run,
      k,
      theta,
      rateK,
      factorK,
      next: Number.isFinite(next) ? next : null,
      gaps: run.losses,
      rates,
    };
  };
  return {
    problem,
    L,
    start,
    startClamped: start !== values.x0,
    schedule,
    config,
    runs: [one(1, values.lr1), one(2, values.lr2), one(3, values.lr3)],
    threshold: 2 / L,
    oscillation: 1 / L,
  };
}
