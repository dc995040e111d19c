import { initialOptimizerState, resolveOptimizer, stepResolved } from '../../math';
import type { MutableOptimizerState, OptimizerConfig } from '../../math';
import { scheduledRate } from '../../math/schedules';
import type { Problem } from './problems';

/** A coordinate past this size counts as diverged (the loss is then astronomically high). */
export const DIVERGE_BOUND = 1e6;
/** A gradient norm below this counts as zero: the run has stopped moving. */
export const STALL_GRAD = 1e-6;

/** Within this distance of a saddle, with a gradient this small, a run is said to be stuck there. */
export const SADDLE_NEAR = 0.05;

/** How a run ended. */
export type RunStatus = 'running' | 'converged' | 'saddle' | 'diverged';

/** Why a diverged run was stopped. */
export type DivergeCause = 'bound' | 'non-finite';

/** One optimizer run from a start, stopped at the last finite point if it diverges. */
export interface Run {
  /** θ₀ … θ_last: every point is finite and within DIVERGE_BOUND. */
  points: number[][];
  /** L(θ_k) for every point. */
  losses: number[];
  /** ∇L(θ_k) (as the optimizer saw it: the minibatch gradient on SGD) for every point. */
  grads: number[][];
  /** The learning rate used by step k (from θ_k to θ_{k+1}), one per step taken. */
  rates: number[];
  /** The optimizer's buffers after step k + 1 (m or v, and s or v), when recorded. */
  first: (number[] | null)[];
  second: number[][];
  status: RunStatus;
  /** The step whose result left the finite range (θ_{divergedAt} was not kept), or null. */
  divergedAt: number | null;
  cause: DivergeCause | null;
}

/** Options of `runOptimizer`. */
export interface RunOptions {
  /** Keep a copy of the optimizer's buffers after each step (Adam's m, v; AdaGrad's s). */
  record?: boolean;
  /** Points where a stalled run is said to sit at a saddle rather than a minimum. */
  saddles?: readonly (readonly number[])[];
  /** The loss; default none (losses are then NaN-free zeros, unused). */
  loss?: (p: readonly number[]) => number;
  /**
   * A rule of the page's own instead of the library's (Adam without bias correction):
   * updates `p` and `state` in place for step `state.t` (0 first), then increments `state.t`.
   */
  step?: (p: number[], g: readonly number[], state: MutableOptimizerState, lr: number) => void;
}

const finite = (v: readonly number[]) => v.every((x) => Number.isFinite(x));
const inBound = (v: readonly number[]) => v.every((x) => Math.abs(x) <= DIVERGE_BOUND);
const norm = (v: readonly number[]) => Math.hypot(...v);

/**
 * Runs `steps` steps of an optimizer from `start` with the library's update
 * (`stepResolved` of `src/math`, the rule `minimize` uses), the gradient of step k
 * being `gradient(θ_k, k)`. Unlike `minimize` it never throws on divergence: the
 * first step whose point or gradient is not finite, or leaves ±DIVERGE_BOUND, ends
 * the run there, and `status`, `divergedAt` and `cause` say so.
 */
export function runOptimizer(
  config: OptimizerConfig,
  gradient: (p: readonly number[], step: number) => number[],
  start: readonly number[],
  steps: number,
  { record = false, saddles = [], loss, step }: RunOptions = {},
): Run {
  const c = resolveOptimizer(config, 'runOptimizer');
  const n = start.length;
  const state = initialOptimizerState(n);
  const p = start.slice();
  const points: number[][] = [start.slice()];
  const losses: number[] = [loss ? loss(p) : 0];
  const grads: number[][] = [];
  const rates: number[] = [];
  const first: (number[] | null)[] = [];
  const second: number[][] = [];
  let divergedAt: number | null = null;
  let cause: DivergeCause | null = null;
  for (let k = 0; ; k++) {
    const g = gradient(points[k], k);
    if (!finite(g)) {
      divergedAt = k + 1;
      cause = 'non-finite';
      break;
    }
    grads.push(g);
    if (k >= steps) break;
    const lr = c.schedule === null ? c.lr : scheduledRate(c.schedule, k);
    if (step) step(p, g, state, lr);
    else stepResolved(c, p, g, state);
    const value = loss ? loss(p) : 0;
    if (!finite(p) || !Number.isFinite(value)) {
      divergedAt = k + 1;
      cause = 'non-finite';
      break;
    }
    if (!inBound(p)) {
      divergedAt = k + 1;
      cause = 'bound';
      break;
    }
    rates.push(lr);
    if (record) {
      first.push(state.first === null ? null : state.first.slice());
      second.push(state.second.slice());
    }
    points.push(p.slice());
    losses.push(value);
  }
  // a run cut short keeps as many gradients as points (the last one's was finite or it is cut)
  if (grads.length > points.length) grads.length = points.length;
  while (grads.length < points.length) grads.push(new Array<number>(n).fill(0));
  if (rates.length > points.length - 1) rates.length = points.length - 1;
  let status: RunStatus = 'running';
  if (divergedAt !== null) status = 'diverged';
  else {
    const last = points[points.length - 1];
    const gn = norm(grads[grads.length - 1]);
    const nearSaddle = saddles.some((s) => norm(s.map((si, i) => si - last[i])) < SADDLE_NEAR);
    if (nearSaddle && gn < SADDLE_NEAR) status = 'saddle';
    else if (gn < STALL_GRAD) status = 'converged';
  }
  return { points, losses, grads, rates, first, second, status, divergedAt, cause };
}

/** `v` clamped into the interval [lo, hi]. */
export function clamp(v: number, [lo, hi]: readonly [number, number]): number {
  return Math.max(lo, Math.min(hi, v));
}

/** The start (x, y) clamped into a surface's window. */
export function startIn(problem: Problem, x: number, y: number): number[] {
  return [clamp(x, problem.x), clamp(y, problem.y)];
}

/** L(θ_j) − L* of every point of a run, never below 0 (where rounding dips under L*). */
export function gapsOf(run: Run, fMin: number): number[] {
  return run.losses.map((l) => Math.max(0, l - fMin));
}

/** The step shown: the time control's step k, at most n and the run's last (finite) point. */
export function shownStep(k: number, n: number, run: Run): number {
  return Math.max(0, Math.min(n, run.points.length - 1, Math.round(k)));
}
