import { checkCount, checkNonNegative, checkPositive, fail } from './validate';

/**
 * Learning-rate schedules with the conventions of PyTorch's `lr_scheduler`:
 * step 0 is the first update and uses the base rate (constant, step,
 * exponential, cosine) or the first warm-up rate. Unlike PyTorch's
 * `CosineAnnealingLR`, which swings back up after `T_max`, the cosine stays at
 * `etaMin` from `tMax` on.
 */

/** The same rate at every step. */
export interface ConstantSchedule {
  name: 'constant';
  /** Base learning rate, > 0. */
  lr: number;
}

/** Multiplies the rate by γ every `stepSize` steps (PyTorch's `StepLR`). */
export interface StepSchedule {
  name: 'step';
  /** Base learning rate, > 0. */
  lr: number;
  /** Steps between two decays, a positive integer. */
  stepSize: number;
  /** Factor applied at each decay, > 0; default 0.1. */
  gamma?: number;
}

/** Multiplies the rate by γ every step (PyTorch's `ExponentialLR`). */
export interface ExponentialSchedule {
  name: 'exponential';
  /** Base learning rate, > 0. */
  lr: number;
  /** Factor applied at each step, > 0. */
  gamma: number;
}

/** Half a cosine from lr down to etaMin over tMax steps (PyTorch's `CosineAnnealingLR`), then etaMin. */
export interface CosineSchedule {
  name: 'cosine';
  /** Base learning rate, > 0. */
  lr: number;
  /** Steps from lr to etaMin, a positive integer. */
  tMax: number;
  /** Final rate, in [0, lr]; default 0. */
  etaMin?: number;
}

/** A linear warm-up to lr over warmupSteps steps, then the cosine down to etaMin at step tMax. */
export interface WarmupCosineSchedule {
  name: 'warmup-cosine';
  /** Peak learning rate, > 0. */
  lr: number;
  /** Warm-up steps, an integer in 0 … tMax − 1. */
  warmupSteps: number;
  /** The step at which the rate reaches etaMin, a positive integer. */
  tMax: number;
  /** Final rate, in [0, lr]; default 0. */
  etaMin?: number;
}

/** A learning-rate schedule, told apart by `name`. */
export type LearningRateSchedule =
  ConstantSchedule | StepSchedule | ExponentialSchedule | CosineSchedule | WarmupCosineSchedule;

type WithoutLr<T> = T extends unknown ? Omit<T, 'lr'> : never;

/** A schedule as an optimizer config carries it: without `lr`, which comes from the config. */
export type OptimizerSchedule = WithoutLr<LearningRateSchedule>;

/** The names of the schedules `learningRate` knows. */
export const SCHEDULE_NAMES = [
  'constant',
  'step',
  'exponential',
  'cosine',
  'warmup-cosine',
] as const;

/** A schedule with every default filled in, checked; read by `scheduledRate`. */
export type ResolvedSchedule =
  | { readonly name: 'constant'; readonly lr: number }
  | {
      readonly name: 'step';
      readonly lr: number;
      readonly stepSize: number;
      readonly gamma: number;
    }
  | { readonly name: 'exponential'; readonly lr: number; readonly gamma: number }
  | {
      readonly name: 'cosine' | 'warmup-cosine';
      readonly lr: number;
      readonly warmupSteps: number;
      readonly tMax: number;
      readonly etaMin: number;
    };

function checkEtaMin(fn: string, param: string, etaMin: number, lr: number): void {
  checkNonNegative(fn, param, etaMin);
  if (etaMin > lr) fail(fn, param, `must be <= lr (${lr}), got ${etaMin}`);
}

/** Checks `schedule` and fills in its defaults; `param` names it in errors (e.g. `config.schedule`): $\eta_t$ is then `scheduledRate(resolved, t)`. */
export function resolveSchedule(
  fn: string,
  param: string,
  schedule: LearningRateSchedule,
): ResolvedSchedule {
  if (schedule === null || typeof schedule !== 'object') {
    fail(fn, param, `must be a schedule object, got ${String(schedule)}`);
  }
  const name: unknown = schedule.name;
  if (typeof name !== 'string' || !(SCHEDULE_NAMES as readonly string[]).includes(name)) {
    fail(
      fn,
      `${param}.name`,
      `must be one of ${SCHEDULE_NAMES.join(', ')}, got ${JSON.stringify(name) ?? String(name)}`,
    );
  }
  const lr = schedule.lr;
  checkPositive(fn, `${param}.lr`, lr);
  switch (schedule.name) {
    case 'constant':
      return { name: 'constant', lr };
    case 'step': {
      const gamma = schedule.gamma ?? 0.1;
      checkCount(fn, `${param}.stepSize`, schedule.stepSize);
      checkPositive(fn, `${param}.gamma`, gamma);
      return { name: 'step', lr, stepSize: schedule.stepSize, gamma };
    }
    case 'exponential':
      checkPositive(fn, `${param}.gamma`, schedule.gamma);
      return { name: 'exponential', lr, gamma: schedule.gamma };
    case 'cosine': {
      const etaMin = schedule.etaMin ?? 0;
      checkCount(fn, `${param}.tMax`, schedule.tMax);
      checkEtaMin(fn, `${param}.etaMin`, etaMin, lr);
      return { name: 'cosine', lr, warmupSteps: 0, tMax: schedule.tMax, etaMin };
    }
    case 'warmup-cosine': {
      const etaMin = schedule.etaMin ?? 0;
      const { tMax, warmupSteps } = schedule;
      checkCount(fn, `${param}.tMax`, tMax);
      if (
        typeof warmupSteps !== 'number' ||
        !Number.isInteger(warmupSteps) ||
        warmupSteps < 0 ||
        warmupSteps >= tMax
      ) {
        fail(
          fn,
          `${param}.warmupSteps`,
          `must be an integer in 0…${tMax - 1} (below tMax), got ${String(warmupSteps)}`,
        );
      }
      checkEtaMin(fn, `${param}.etaMin`, etaMin, lr);
      return { name: 'warmup-cosine', lr, warmupSteps, tMax, etaMin };
    }
  }
}

/** lr·γ^k without spurious overflow or underflow of γ^k when the product is representable. */
function decayed(lr: number, gamma: number, k: number): number {
  const r = lr * Math.pow(gamma, k);
  if (r !== 0 && Number.isFinite(r)) return r;
  return Math.exp(Math.log(lr) + k * Math.log(gamma));
}

/** The rate of a checked schedule at an integer step t ≥ 0, without checks, e.g. cosine: $\eta_{min} + (\eta - \eta_{min}) \sin^2\!\big(\tfrac{\pi (T - t)}{2T}\big)$. */
export function scheduledRate(s: ResolvedSchedule, t: number): number {
  switch (s.name) {
    case 'constant':
      return s.lr;
    case 'step':
      return decayed(s.lr, s.gamma, Math.floor(t / s.stepSize));
    case 'exponential':
      return decayed(s.lr, s.gamma, t);
    case 'cosine':
    case 'warmup-cosine': {
      if (t < s.warmupSteps) return (s.lr * (t + 1)) / s.warmupSteps;
      if (t >= s.tMax) return s.etaMin;
      // (1 + cos(π u/T))/2 = sin²(π (T − u)/(2T)): no cancellation as u nears T.
      const period = s.tMax - s.warmupSteps;
      const left = s.tMax - t;
      const sine = Math.sin((Math.PI * left) / (2 * period));
      return s.etaMin + (s.lr - s.etaMin) * sine * sine;
    }
  }
}

/** The learning rate at step t (0 for the first update), e.g. cosine: $\eta_t = \eta_{min} + \tfrac{1}{2}(\eta - \eta_{min})\big(1 + \cos\tfrac{\pi t}{T_{max}}\big)$. */
export function learningRate(schedule: LearningRateSchedule, step: number): number {
  const fn = 'learningRate';
  const s = resolveSchedule(fn, 'schedule', schedule);
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
    fail(fn, 'step', `must be an integer >= 0, got ${String(step)}`);
  }
  return scheduledRate(s, step);
}
