import { resolveSchedule, scheduledRate } from './schedules';
import type { LearningRateSchedule, OptimizerSchedule, ResolvedSchedule } from './schedules';
import type { Vector } from './types';
import { checkCount, checkNonNegative, checkPositive, checkVector, fail } from './validate';

/**
 * Gradient-descent optimizers with the update rules of their papers and the
 * defaults and conventions of PyTorch's `torch.optim` (SGD without dampening,
 * Adagrad without lr decay and a zero initial accumulator, RMSprop neither
 * centered nor with momentum, Adam and AdamW without AMSGrad). Weight decay is
 * the L2 kind, added to the gradient (g ← ∇f(p) + wd·p), except for AdamW,
 * which decays the weights directly (p ← p − lr·wd·p). A config's optional
 * `schedule` sets the rate of step k (k = 0 first) to
 * `learningRate({ ...schedule, lr: config.lr }, k)`; the weight decay of AdamW
 * uses that scheduled rate too, as PyTorch's does.
 */

/** What every optimizer config may carry. */
export interface ScheduledConfig {
  /** Learning-rate schedule without `lr` (the config's `lr` is its base rate); default constant. */
  schedule?: OptimizerSchedule;
}

/** Stochastic gradient descent, optionally with heavy-ball or Nesterov momentum. */
export interface SgdConfig extends ScheduledConfig {
  name: 'sgd';
  /** Learning rate, > 0. */
  lr: number;
  /** Momentum μ ≥ 0; default 0 (plain gradient descent). */
  momentum?: number;
  /** Nesterov momentum: step along g + μv instead of v; needs momentum > 0; default false. */
  nesterov?: boolean;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** Adagrad (Duchi, Hazan & Singer, 2011). */
export interface AdagradConfig extends ScheduledConfig {
  name: 'adagrad';
  /** Learning rate, > 0. */
  lr: number;
  /** Added to √s, > 0; default 1e-10. */
  eps?: number;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** RMSprop (Hinton, 2012). */
export interface RmspropConfig extends ScheduledConfig {
  name: 'rmsprop';
  /** Learning rate, > 0. */
  lr: number;
  /** Smoothing constant α ∈ [0, 1]; default 0.99. */
  alpha?: number;
  /** Added to √s, > 0; default 1e-8. */
  eps?: number;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** Adam (Kingma & Ba, 2015). */
export interface AdamConfig extends ScheduledConfig {
  name: 'adam';
  /** Learning rate, > 0. */
  lr: number;
  /** Decay of the first moment, β₁ ∈ [0, 1); default 0.9. */
  beta1?: number;
  /** Decay of the second moment, β₂ ∈ [0, 1); default 0.999. */
  beta2?: number;
  /** Added to √v̂, > 0; default 1e-8. */
  eps?: number;
  /** L2 weight decay ≥ 0, added to the gradient; default 0. */
  weightDecay?: number;
}

/** AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay. */
export interface AdamwConfig extends ScheduledConfig {
  name: 'adamw';
  /** Learning rate, > 0. */
  lr: number;
  /** Decay of the first moment, β₁ ∈ [0, 1); default 0.9. */
  beta1?: number;
  /** Decay of the second moment, β₂ ∈ [0, 1); default 0.999. */
  beta2?: number;
  /** Added to √v̂, > 0; default 1e-8. */
  eps?: number;
  /** Decoupled weight decay ≥ 0, p ← p − lr·wd·p before the Adam step; default 0.01. */
  weightDecay?: number;
}

/** An optimizer and its hyper-parameters, told apart by `name`. */
export type OptimizerConfig = SgdConfig | AdagradConfig | RmspropConfig | AdamConfig | AdamwConfig;

/** The names of the optimizers `minimize` knows. */
export const OPTIMIZER_NAMES = ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const;

/** An optimizer's running state after t steps: the step count and its per-coordinate buffers. */
export interface OptimizerState {
  /** Number of steps taken so far; the next step is step k = t of the schedule. */
  readonly t: number;
  /** First-moment buffer: SGD's momentum v or Adam's m; null before the first step that uses one. */
  readonly first: readonly number[] | null;
  /** Second-moment buffer: Adagrad's sum s, RMSprop's average s or Adam's v. */
  readonly second: readonly number[];
}

/** An optimizer state that `stepResolved` updates in place; `initialOptimizerState` returns one. */
export interface MutableOptimizerState {
  /** Number of steps taken so far. */
  t: number;
  /** First-moment buffer, allocated by the first step that needs it. */
  first: number[] | null;
  /** Second-moment buffer, one entry a coordinate. */
  second: number[];
}

/** A checked optimizer config with every default filled in, from `resolveOptimizer`. */
export type ResolvedOptimizer = {
  readonly lr: number;
  readonly schedule: ResolvedSchedule | null;
} & (
  | {
      readonly name: 'sgd';
      readonly momentum: number;
      readonly nesterov: boolean;
      readonly weightDecay: number;
    }
  | { readonly name: 'adagrad'; readonly eps: number; readonly weightDecay: number }
  | {
      readonly name: 'rmsprop';
      readonly alpha: number;
      readonly eps: number;
      readonly weightDecay: number;
    }
  | {
      readonly name: 'adam' | 'adamw';
      readonly beta1: number;
      readonly beta2: number;
      readonly eps: number;
      readonly weightDecay: number;
    }
);

function checkFraction(fn: string, param: string, x: number, allowOne: boolean): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || (allowOne ? x > 1 : x >= 1)) {
    fail(fn, param, `must be in [0, 1${allowOne ? ']' : ')'}, got ${String(x)}`);
  }
}

/** Checks an optimizer config and fills in its defaults, e.g. Adam's $\beta_1 = 0.9$; errors name `fn` and `param` (`mlpTrain: optimizer.lr …`). */
export function resolveOptimizer(
  config: OptimizerConfig,
  fn = 'resolveOptimizer',
  param = 'config',
): ResolvedOptimizer {
  if (config === null || typeof config !== 'object') {
    fail(fn, param, `must be an optimizer config object, got ${String(config)}`);
  }
  const name: unknown = config.name;
  if (typeof name !== 'string' || !(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
    fail(
      fn,
      `${param}.name`,
      `must be one of ${OPTIMIZER_NAMES.join(', ')}, got ${JSON.stringify(name) ?? String(name)}`,
    );
  }
  const lr = config.lr;
  checkPositive(fn, `${param}.lr`, lr);
  const given: unknown = config.schedule;
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    fail(fn, `${param}.schedule`, `must be a schedule object, got ${String(given)}`);
  }
  // The contract's { ...schedule, lr: config.lr }: an lr inside the schedule is overridden.
  const schedule =
    config.schedule === undefined
      ? null
      : resolveSchedule(fn, `${param}.schedule`, {
          ...config.schedule,
          lr,
        } as LearningRateSchedule);
  const base = { lr, schedule };
  const weightDecay = config.weightDecay ?? (config.name === 'adamw' ? 0.01 : 0);
  checkNonNegative(fn, `${param}.weightDecay`, weightDecay);
  switch (config.name) {
    case 'sgd': {
      const momentum = config.momentum ?? 0;
      const nesterov = config.nesterov ?? false;
      checkNonNegative(fn, `${param}.momentum`, momentum);
      if (typeof nesterov !== 'boolean') {
        fail(fn, `${param}.nesterov`, `must be a boolean, got ${String(nesterov)}`);
      }
      if (nesterov && momentum === 0) {
        fail(fn, `${param}.nesterov`, 'needs momentum > 0, got momentum 0');
      }
      return { ...base, name: 'sgd', momentum, nesterov, weightDecay };
    }
    case 'adagrad': {
      const eps = config.eps ?? 1e-10;
      checkPositive(fn, `${param}.eps`, eps);
      return { ...base, name: 'adagrad', eps, weightDecay };
    }
    case 'rmsprop': {
      const alpha = config.alpha ?? 0.99;
      const eps = config.eps ?? 1e-8;
      checkFraction(fn, `${param}.alpha`, alpha, true);
      checkPositive(fn, `${param}.eps`, eps);
      return { ...base, name: 'rmsprop', alpha, eps, weightDecay };
    }
    case 'adam':
    case 'adamw': {
      const beta1 = config.beta1 ?? 0.9;
      const beta2 = config.beta2 ?? 0.999;
      const eps = config.eps ?? 1e-8;
      checkFraction(fn, `${param}.beta1`, beta1, false);
      checkFraction(fn, `${param}.beta2`, beta2, false);
      checkPositive(fn, `${param}.eps`, eps);
      return { ...base, name: config.name, beta1, beta2, eps, weightDecay };
    }
  }
}

/**
 * One step in place, without checks: overwrites `point` and the buffers of
 * `state` and increments `state.t`, e.g. SGD: $p \leftarrow p - \eta_t\,(\nabla + wd\,p)$.
 * `point`, `grad` and `state.second` must have the same length and `grad` must
 * be finite; `grad` is only read. For callers that step many times (`minimize`,
 * training loops over a flattened parameter vector); `optimizerStep` is the
 * checked, copying form.
 */
export function stepResolved(
  c: ResolvedOptimizer,
  point: number[],
  grad: Vector,
  state: MutableOptimizerState,
): void {
  const n = point.length;
  const lr = c.schedule === null ? c.lr : scheduledRate(c.schedule, state.t);
  state.t += 1;
  const t = state.t;
  const second = state.second;
  switch (c.name) {
    case 'sgd': {
      const wd = c.weightDecay;
      if (c.momentum === 0) {
        for (let i = 0; i < n; i++) point[i] -= lr * (grad[i] + wd * point[i]);
        return;
      }
      const mu = c.momentum;
      let v = state.first;
      // PyTorch's buffer starts as a copy of the first g, then v ← μv + g.
      const fresh = v === null;
      if (v === null) {
        v = new Array<number>(n);
        state.first = v;
      }
      for (let i = 0; i < n; i++) {
        const g = grad[i] + wd * point[i];
        const vi = fresh ? g : mu * v[i] + g;
        v[i] = vi;
        point[i] -= lr * (c.nesterov ? g + mu * vi : vi);
      }
      return;
    }
    case 'adagrad': {
      const wd = c.weightDecay;
      for (let i = 0; i < n; i++) {
        const g = grad[i] + wd * point[i];
        const s = second[i] + g * g;
        second[i] = s;
        point[i] -= (lr * g) / (Math.sqrt(s) + c.eps);
      }
      return;
    }
    case 'rmsprop': {
      const { alpha, weightDecay: wd } = c;
      for (let i = 0; i < n; i++) {
        const g = grad[i] + wd * point[i];
        const s = alpha * second[i] + (1 - alpha) * g * g;
        second[i] = s;
        point[i] -= (lr * g) / (Math.sqrt(s) + c.eps);
      }
      return;
    }
    case 'adam':
    case 'adamw': {
      const { beta1, beta2, eps } = c;
      let m = state.first;
      if (m === null) {
        m = new Array<number>(n).fill(0);
        state.first = m;
      }
      const bc1 = 1 - Math.pow(beta1, t);
      const bc2 = 1 - Math.pow(beta2, t);
      // Adam adds the L2 term to the gradient; AdamW decays p itself by (1 − lr·wd) first.
      const l2 = c.name === 'adam' ? c.weightDecay : 0;
      const shrink = c.name === 'adamw' ? 1 - lr * c.weightDecay : 1;
      for (let i = 0; i < n; i++) {
        const g = grad[i] + l2 * point[i];
        const mi = beta1 * m[i] + (1 - beta1) * g;
        const vi = beta2 * second[i] + (1 - beta2) * g * g;
        m[i] = mi;
        second[i] = vi;
        point[i] = point[i] * shrink - (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
      }
      return;
    }
  }
}

/** The state of an optimizer before its first step over `dim` coordinates: $t = 0$, $m = v = s = 0$. */
export function initialOptimizerState(dim: number): MutableOptimizerState {
  checkCount('initialOptimizerState', 'dim', dim);
  return { t: 0, first: null, second: new Array<number>(dim).fill(0) };
}

/** One optimizer step from point p with gradient g, e.g. Adam: $p \leftarrow p - \eta_t\,\hat m / (\sqrt{\hat v} + \epsilon)$; returns the new point and state, leaving its arguments unchanged. */
export function optimizerStep(
  config: OptimizerConfig,
  point: Vector,
  grad: Vector,
  state: OptimizerState,
): { point: number[]; state: OptimizerState } {
  const fn = 'optimizerStep';
  const c = resolveOptimizer(config, fn);
  checkVector(fn, 'point', point);
  checkVector(fn, 'grad', grad);
  if (grad.length !== point.length) {
    fail(fn, 'grad', `must have the length of point (${point.length}), got ${grad.length}`);
  }
  if (
    state === null ||
    typeof state !== 'object' ||
    !Number.isInteger(state.t) ||
    state.t < 0 ||
    !Array.isArray(state.second) ||
    state.second.length !== point.length ||
    (state.first !== null && (!Array.isArray(state.first) || state.first.length !== point.length))
  ) {
    fail(fn, 'state', `must be an optimizer state over ${point.length} coordinates`);
  }
  const next: MutableOptimizerState = {
    t: state.t,
    first: state.first === null ? null : state.first.slice(),
    second: state.second.slice(),
  };
  const p = point.slice();
  stepResolved(c, p, grad, next);
  return { point: p, state: next };
}

/** Runs `steps` optimizer steps from `start` on ∇f = `gradient`, e.g. SGD: $p_{t+1} = p_t - \eta_t\,\nabla f(p_t)$; returns the steps + 1 points $p_0 \dots p_{steps}$. */
export function minimize(
  config: OptimizerConfig,
  gradient: (p: readonly number[]) => Vector,
  start: Vector,
  steps: number,
): number[][] {
  const fn = 'minimize';
  const c = resolveOptimizer(config, fn);
  if (typeof gradient !== 'function') {
    fail(fn, 'gradient', `must be a function, got ${typeof gradient}`);
  }
  checkVector(fn, 'start', start);
  checkCount(fn, 'steps', steps);
  const n = start.length;
  const p = start.slice();
  const trajectory: number[][] = [start.slice()];
  const state: MutableOptimizerState = { t: 0, first: null, second: new Array<number>(n).fill(0) };
  for (let step = 0; step < steps; step++) {
    // The gradient reads the trajectory's copy of p (typed read-only), so p itself stays ours.
    const g = gradient(trajectory[step]);
    if (!Array.isArray(g) || g.length !== n) {
      fail(fn, 'gradient', `must return an array of length ${n}, got ${String(g)} at step ${step}`);
    }
    for (let i = 0; i < n; i++) {
      if (typeof g[i] !== 'number' || !Number.isFinite(g[i])) {
        fail(
          fn,
          'gradient',
          `returned a non-finite value ${String(g[i])} at index ${i} on step ${step}`,
        );
      }
    }
    stepResolved(c, p, g, state);
    trajectory.push(p.slice());
  }
  return trajectory;
}
