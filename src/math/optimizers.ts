import type { Vector } from './types';
import { checkCount, checkNonNegative, checkPositive, checkVector, fail } from './validate';

/**
 * Gradient-descent optimizers with the update rules of their papers and the
 * defaults and conventions of PyTorch's `torch.optim` (SGD without dampening
 * or Nesterov, Adagrad without lr decay and a zero initial accumulator,
 * RMSprop neither centered nor with momentum, Adam without AMSGrad). Weight
 * decay is the L2 kind, added to the gradient: g ← ∇f(p) + wd·p.
 */

/** Stochastic gradient descent, optionally with heavy-ball momentum. */
export interface SgdConfig {
  name: 'sgd';
  /** Learning rate, > 0. */
  lr: number;
  /** Momentum μ ≥ 0; default 0 (plain gradient descent). */
  momentum?: number;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** Adagrad (Duchi, Hazan & Singer, 2011). */
export interface AdagradConfig {
  name: 'adagrad';
  /** Learning rate, > 0. */
  lr: number;
  /** Added to √s, > 0; default 1e-10. */
  eps?: number;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** RMSprop (Hinton, 2012). */
export interface RmspropConfig {
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
export interface AdamConfig {
  name: 'adam';
  /** Learning rate, > 0. */
  lr: number;
  /** Decay of the first moment, β₁ ∈ [0, 1); default 0.9. */
  beta1?: number;
  /** Decay of the second moment, β₂ ∈ [0, 1); default 0.999. */
  beta2?: number;
  /** Added to √v̂, > 0; default 1e-8. */
  eps?: number;
  /** L2 weight decay ≥ 0; default 0. */
  weightDecay?: number;
}

/** An optimizer and its hyper-parameters, told apart by `name`. */
export type OptimizerConfig = SgdConfig | AdagradConfig | RmspropConfig | AdamConfig;

/** The names of the optimizers `minimize` knows. */
export const OPTIMIZER_NAMES = ['sgd', 'adagrad', 'rmsprop', 'adam'] as const;

/** An optimizer's running state after t steps: the step count and its per-coordinate buffers. */
export interface OptimizerState {
  /** Number of steps taken so far. */
  readonly t: number;
  /** First-moment buffer: SGD's momentum v or Adam's m; null before the first step of SGD with momentum. */
  readonly first: readonly number[] | null;
  /** Second-moment buffer: Adagrad's sum s, RMSprop's average s or Adam's v. */
  readonly second: readonly number[];
}

/** A config with every default filled in, checked. */
type Resolved =
  | { name: 'sgd'; lr: number; momentum: number; weightDecay: number }
  | { name: 'adagrad'; lr: number; eps: number; weightDecay: number }
  | { name: 'rmsprop'; lr: number; alpha: number; eps: number; weightDecay: number }
  | { name: 'adam'; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number };

function checkFraction(fn: string, param: string, x: number, allowOne: boolean): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || (allowOne ? x > 1 : x >= 1)) {
    fail(fn, param, `must be in [0, 1${allowOne ? ']' : ')'}, got ${String(x)}`);
  }
}

function resolveConfig(fn: string, config: OptimizerConfig): Resolved {
  if (config === null || typeof config !== 'object') {
    fail(fn, 'config', `must be an optimizer config object, got ${String(config)}`);
  }
  const name: unknown = config.name;
  if (typeof name !== 'string' || !(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
    fail(
      fn,
      'config.name',
      `must be one of ${OPTIMIZER_NAMES.join(', ')}, got ${JSON.stringify(name) ?? String(name)}`,
    );
  }
  checkPositive(fn, 'config.lr', config.lr);
  const weightDecay = config.weightDecay ?? 0;
  checkNonNegative(fn, 'config.weightDecay', weightDecay);
  switch (config.name) {
    case 'sgd': {
      const momentum = config.momentum ?? 0;
      checkNonNegative(fn, 'config.momentum', momentum);
      return { name: 'sgd', lr: config.lr, momentum, weightDecay };
    }
    case 'adagrad': {
      const eps = config.eps ?? 1e-10;
      checkPositive(fn, 'config.eps', eps);
      return { name: 'adagrad', lr: config.lr, eps, weightDecay };
    }
    case 'rmsprop': {
      const alpha = config.alpha ?? 0.99;
      const eps = config.eps ?? 1e-8;
      checkFraction(fn, 'config.alpha', alpha, true);
      checkPositive(fn, 'config.eps', eps);
      return { name: 'rmsprop', lr: config.lr, alpha, eps, weightDecay };
    }
    case 'adam': {
      const beta1 = config.beta1 ?? 0.9;
      const beta2 = config.beta2 ?? 0.999;
      const eps = config.eps ?? 1e-8;
      checkFraction(fn, 'config.beta1', beta1, false);
      checkFraction(fn, 'config.beta2', beta2, false);
      checkPositive(fn, 'config.eps', eps);
      return { name: 'adam', lr: config.lr, beta1, beta2, eps, weightDecay };
    }
  }
}

/** One update without checks; returns the new point and state. */
function stepUnchecked(
  c: Resolved,
  p: Vector,
  grad: Vector,
  state: OptimizerState,
): { point: number[]; state: OptimizerState } {
  const n = p.length;
  const t = state.t + 1;
  const g = p.map((pi, i) => grad[i] + c.weightDecay * pi);
  const point = new Array<number>(n);
  switch (c.name) {
    case 'sgd': {
      if (c.momentum === 0) {
        for (let i = 0; i < n; i++) point[i] = p[i] - c.lr * g[i];
        return { point, state: { t, first: null, second: state.second } };
      }
      // v starts as the first g (PyTorch's buffer initialisation), then v ← μv + g.
      const prev = state.first;
      const v = prev === null ? g : g.map((gi, i) => c.momentum * prev[i] + gi);
      for (let i = 0; i < n; i++) point[i] = p[i] - c.lr * v[i];
      return { point, state: { t, first: v, second: state.second } };
    }
    case 'adagrad': {
      const s = state.second.map((si, i) => si + g[i] * g[i]);
      for (let i = 0; i < n; i++) point[i] = p[i] - (c.lr * g[i]) / (Math.sqrt(s[i]) + c.eps);
      return { point, state: { t, first: null, second: s } };
    }
    case 'rmsprop': {
      const s = state.second.map((si, i) => c.alpha * si + (1 - c.alpha) * g[i] * g[i]);
      for (let i = 0; i < n; i++) point[i] = p[i] - (c.lr * g[i]) / (Math.sqrt(s[i]) + c.eps);
      return { point, state: { t, first: null, second: s } };
    }
    case 'adam': {
      const prevM = state.first ?? new Array<number>(n).fill(0);
      const m = prevM.map((mi, i) => c.beta1 * mi + (1 - c.beta1) * g[i]);
      const v = state.second.map((vi, i) => c.beta2 * vi + (1 - c.beta2) * g[i] * g[i]);
      const bc1 = 1 - Math.pow(c.beta1, t);
      const bc2 = 1 - Math.pow(c.beta2, t);
      for (let i = 0; i < n; i++) {
        const mHat = m[i] / bc1;
        const vHat = v[i] / bc2;
        point[i] = p[i] - (c.lr * mHat) / (Math.sqrt(vHat) + c.eps);
      }
      return { point, state: { t, first: m, second: v } };
    }
  }
}

/** The state of an optimizer before its first step over `dim` coordinates: $t = 0$, $m = v = s = 0$. */
export function initialOptimizerState(dim: number): OptimizerState {
  checkCount('initialOptimizerState', 'dim', dim);
  return { t: 0, first: null, second: new Array<number>(dim).fill(0) };
}

/** One optimizer step from point p with gradient g, e.g. Adam: $p \leftarrow p - \eta\,\hat m / (\sqrt{\hat v} + \epsilon)$; returns the new point and state. */
export function optimizerStep(
  config: OptimizerConfig,
  point: Vector,
  grad: Vector,
  state: OptimizerState,
): { point: number[]; state: OptimizerState } {
  const fn = 'optimizerStep';
  const c = resolveConfig(fn, config);
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
  return stepUnchecked(c, point, grad, state);
}

/** Runs `steps` optimizer steps from `start` on ∇f = `gradient`, e.g. SGD: $p_{t+1} = p_t - \eta\,\nabla f(p_t)$; returns the steps + 1 points $p_0 \dots p_{steps}$. */
export function minimize(
  config: OptimizerConfig,
  gradient: (p: readonly number[]) => Vector,
  start: Vector,
  steps: number,
): number[][] {
  const fn = 'minimize';
  const c = resolveConfig(fn, config);
  if (typeof gradient !== 'function') {
    fail(fn, 'gradient', `must be a function, got ${typeof gradient}`);
  }
  checkVector(fn, 'start', start);
  checkCount(fn, 'steps', steps);
  const n = start.length;
  const trajectory: number[][] = [start.slice()];
  let state: OptimizerState = { t: 0, first: null, second: new Array<number>(n).fill(0) };
  let p = start.slice();
  for (let step = 0; step < steps; step++) {
    const g = gradient(p.slice());
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
    const next = stepUnchecked(c, p, g, state);
    p = next.point;
    state = next.state;
    trajectory.push(p.slice());
  }
  return trajectory;
}
