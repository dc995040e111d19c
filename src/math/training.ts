import { MLP_ACTIVATIONS, MLP_LOSSES } from './backprop';
import type { DenseLayer, MlpActivation, MlpOptions } from './backprop';
import { mse, softmaxCrossEntropy } from './losses';
import { initialOptimizerState, resolveOptimizer, stepResolved } from './optimizers';
import type { MutableOptimizerState, OptimizerConfig, ResolvedOptimizer } from './optimizers';
import type { Matrix, Vector } from './types';
import {
  checkCount,
  checkDenseLayers,
  checkIndex,
  checkLength,
  checkMatrix,
  checkOneOf,
  checkVector,
  fail,
} from './validate';

/**
 * Using and training the fully connected network of `mlpForwardBackward`: its
 * prediction for one input, and full-batch training by any optimizer of
 * `minimize` on the mean loss over a data set.
 *
 * Training works on one flat parameter vector, every layer's W row by row and
 * then its b, in layer order; the forward and backward passes read it in place,
 * accumulate the gradient into one reused array, and the optimizer
 * (`stepResolved`, the rules of `minimize`) updates it in place, so a step
 * allocates nothing.
 */

/** A trained dense layer: `W` is out×in, `b` has one entry per row of W. */
export interface TrainedLayer {
  W: number[][];
  b: number[];
}

/** What `mlpTrain` returns. */
export interface MlpTrainResult {
  /** The layers after the last step (new arrays; the input layers are untouched). */
  layers: TrainedLayer[];
  /** steps + 1 mean losses: losses[k] before step k, losses[steps] after the last step. */
  losses: number[];
}

type Unary = (x: number) => number;

/**
 * The hidden activations and their derivatives with the formulas of
 * activations.ts (the ones `mlpForwardBackward` uses), without the per-call
 * finiteness check: training checks its loss and gradient once per step.
 */
const UNCHECKED: Record<MlpActivation, { f: Unary; df: Unary }> = {
  sigmoid: {
    f: (x) => {
      if (x >= 0) return 1 / (1 + Math.exp(-x));
      const e = Math.exp(x);
      return e / (1 + e);
    },
    df: (x) => {
      const e = Math.exp(-Math.abs(x));
      const d = 1 + e;
      return e / (d * d);
    },
  },
  tanh: {
    f: (x) => Math.tanh(x),
    df: (x) => {
      const e = Math.exp(-2 * Math.abs(x));
      const d = 1 + e;
      return (4 * e) / (d * d);
    },
  },
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
};

/** True when every entry is a finite number. */
function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Network output for input x: $a^{(0)} = x$, $a^{(k+1)} = \phi\!\left(W^{(k)} a^{(k)} + b^{(k)}\right)$, the last layer linear ($\phi = \mathrm{id}$). */
export function mlpPredict(
  layers: readonly DenseLayer[],
  x: Vector,
  activation: MlpActivation,
): number[] {
  const fn = 'mlpPredict';
  checkVector(fn, 'x', x);
  checkOneOf(fn, 'activation', activation, MLP_ACTIVATIONS);
  checkDenseLayers(fn, layers, x.length, 'x');
  const f = UNCHECKED[activation].f;
  const last = layers.length - 1;
  let a: Vector = x;
  for (let k = 0; k <= last; k++) {
    const { W, b } = layers[k];
    const z = new Array<number>(W.length);
    for (let r = 0; r < W.length; r++) {
      const row = W[r];
      let s = b[r];
      for (let c = 0; c < row.length; c++) s += row[c] * a[c];
      z[r] = k === last ? s : f(s);
    }
    a = z;
  }
  if (!allFinite(a)) fail(fn, 'layers', 'and x give a non-finite output (an overflow)');
  return a as number[];
}

/** Layer sizes and where each layer's W starts in the flat parameter vector. */
interface Plan {
  /** sizes[0] is the input size, sizes[k + 1] the output size of layer k. */
  sizes: number[];
  /** offsets[k]: index of W_k[0][0]; b_k follows W_k at offsets[k] + out·in. */
  offsets: number[];
  /** The number of parameters. */
  count: number;
}

function planOf(layers: readonly DenseLayer[], inputSize: number): Plan {
  const sizes = [inputSize];
  const offsets: number[] = [];
  let count = 0;
  for (const { W } of layers) {
    offsets.push(count);
    count += W.length * sizes[sizes.length - 1] + W.length;
    sizes.push(W.length);
  }
  return { sizes, offsets, count };
}

function flatten(layers: readonly DenseLayer[], plan: Plan): number[] {
  const p = new Array<number>(plan.count);
  let i = 0;
  for (const { W, b } of layers) {
    for (const row of W) for (const w of row) p[i++] = w;
    for (const bi of b) p[i++] = bi;
  }
  return p;
}

function unflatten(p: readonly number[], plan: Plan): TrainedLayer[] {
  const layers: TrainedLayer[] = [];
  for (let k = 0; k < plan.offsets.length; k++) {
    const inSize = plan.sizes[k];
    const outSize = plan.sizes[k + 1];
    const at = plan.offsets[k];
    const W: number[][] = [];
    for (let r = 0; r < outSize; r++) W.push(p.slice(at + r * inSize, at + (r + 1) * inSize));
    const bAt = at + outSize * inSize;
    layers.push({ W, b: p.slice(bAt, bAt + outSize) });
  }
  return layers;
}

/** Reusable per-layer buffers of one forward and backward pass. */
interface Scratch {
  /** z[k], the pre-activation of layer k. */
  z: number[][];
  /** a[k + 1], the activation of hidden layer k (a[0] is the input itself, unused here). */
  a: number[][];
  /** delta[k] = ∂L/∂z[k]. */
  delta: number[][];
}

function scratchOf(plan: Plan): Scratch {
  const layerSizes = plan.sizes.slice(1);
  const zeros = (): number[][] => layerSizes.map((n) => new Array<number>(n).fill(0));
  return { z: zeros(), a: [[], ...zeros()], delta: zeros() };
}

/** Runs the forward pass of one example on the flat parameters p; returns the output z[last]. */
function forward(p: readonly number[], plan: Plan, f: Unary, x: Vector, s: Scratch): number[] {
  const { sizes, offsets } = plan;
  const last = offsets.length - 1;
  let a: Vector = x;
  for (let k = 0; k <= last; k++) {
    const inSize = sizes[k];
    const outSize = sizes[k + 1];
    const at = offsets[k];
    const bAt = at + outSize * inSize;
    const z = s.z[k];
    for (let r = 0; r < outSize; r++) {
      const row = at + r * inSize;
      let sum = p[bAt + r];
      for (let c = 0; c < inSize; c++) sum += p[row + c] * a[c];
      z[r] = sum;
    }
    if (k < last) {
      const h = s.a[k + 1];
      for (let r = 0; r < outSize; r++) h[r] = f(z[r]);
      a = h;
    }
  }
  return s.z[last];
}

/** The example's loss, and ∂L/∂output into s.delta[last]; NaN when the output is not finite. */
function lossAndOutputDelta(
  out: number[],
  target: Vector | number,
  mseLoss: boolean,
  s: Scratch,
): number {
  if (!allFinite(out)) return NaN;
  const d = s.delta[s.delta.length - 1];
  const n = out.length;
  if (mseLoss) {
    const y = target as Vector;
    for (let i = 0; i < n; i++) d[i] = (2 * (out[i] - y[i])) / n;
    return mse(y, out);
  }
  // softmax(out) − onehot(target), the softmax computed as src/math/softmax.ts does.
  const index = target as number;
  let max = -Infinity;
  let at = -1;
  for (let i = 0; i < n; i++) {
    if (out[i] > max) {
      max = out[i];
      at = i;
    }
  }
  let rest = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(out[i] - max);
    d[i] = e;
    if (i !== at) rest += e;
  }
  const total = 1 + rest;
  for (let i = 0; i < n; i++) d[i] = d[i] / total - (i === index ? 1 : 0);
  return softmaxCrossEntropy(out, index);
}

/** Backward pass of one example (after `forward`), adding ∂L/∂p into grad. */
function backward(
  p: readonly number[],
  plan: Plan,
  df: Unary,
  x: Vector,
  s: Scratch,
  grad: number[],
): void {
  const { sizes, offsets } = plan;
  for (let k = offsets.length - 1; k >= 0; k--) {
    const inSize = sizes[k];
    const outSize = sizes[k + 1];
    const at = offsets[k];
    const bAt = at + outSize * inSize;
    const d = s.delta[k];
    const a: Vector = k === 0 ? x : s.a[k];
    const prev = k > 0 ? s.delta[k - 1] : null;
    if (prev !== null) prev.fill(0);
    for (let r = 0; r < outSize; r++) {
      const dr = d[r];
      const row = at + r * inSize;
      grad[bAt + r] += dr;
      for (let c = 0; c < inSize; c++) grad[row + c] += dr * a[c];
      if (prev !== null) for (let c = 0; c < inSize; c++) prev[c] += p[row + c] * dr;
    }
    if (prev !== null) {
      const z = s.z[k - 1];
      for (let c = 0; c < inSize; c++) prev[c] *= df(z[c]);
    }
  }
}

/** A full-batch training run that advances one step at a time (`mlpTrainer`). */
export interface MlpTrainer {
  /** Steps taken so far. */
  readonly step: number;
  /** The mean loss at the current parameters (before the next step). */
  readonly loss: number;
  /** Takes one optimizer step; returns the mean loss after it. */
  advance(): number;
  /** The current layers (new arrays). */
  layers(): TrainedLayer[];
  /** An independent copy: parameters, optimizer buffers and step count. */
  clone(): MlpTrainer;
}

interface TrainerCore {
  fn: string;
  inputs: Matrix;
  targets: readonly (Vector | number)[];
  mseLoss: boolean;
  f: Unary;
  df: Unary;
  plan: Plan;
  resolved: ResolvedOptimizer;
}

/** Checks `mlpTrain`'s arguments (errors name `fn`) and builds what its steps share. */
function trainerCore(
  fn: string,
  layers: readonly DenseLayer[],
  inputs: Matrix,
  targets: readonly (Vector | number)[],
  options: MlpOptions,
  optimizer: OptimizerConfig,
): TrainerCore {
  const [count, inputSize] = checkMatrix(fn, 'inputs', inputs);
  if (options === null || typeof options !== 'object') {
    fail(fn, 'options', `must be an object { activation, loss }, got ${String(options)}`);
  }
  const { activation, loss } = options;
  checkOneOf(fn, 'options.activation', activation, MLP_ACTIVATIONS);
  checkOneOf(fn, 'options.loss', loss, MLP_LOSSES);
  const outputSize = checkDenseLayers(fn, layers, inputSize, 'inputs[i]');
  if (!Array.isArray(targets) || targets.length !== count) {
    fail(
      fn,
      'targets',
      `must be an array of ${count} targets (one per row of inputs), got ${Array.isArray(targets) ? `${targets.length}` : String(targets)}`,
    );
  }
  const mseLoss = loss === 'mse';
  for (let i = 0; i < count; i++) {
    const t = targets[i];
    if (mseLoss) {
      if (!Array.isArray(t)) fail(fn, `targets[${i}]`, 'must be a vector for the mse loss');
      checkLength(fn, `targets[${i}]`, t, outputSize, "the network's output size");
    } else {
      checkIndex(fn, `targets[${i}]`, t as number, outputSize);
    }
  }
  const resolved = resolveOptimizer(optimizer, fn, 'optimizer');
  const { f, df } = UNCHECKED[activation];
  return { fn, inputs, targets, mseLoss, f, df, plan: planOf(layers, inputSize), resolved };
}

/**
 * The mean loss at `params`, and when `grad` is given its gradient (the mean over the
 * examples) written into it; throws when either is not finite (`step` names when).
 */
function meanLossAndGrad(
  c: TrainerCore,
  params: readonly number[],
  s: Scratch,
  grad: number[] | null,
  step: number,
): number {
  const { inputs, targets } = c;
  const count = inputs.length;
  const diverged = (what: string): never =>
    step === 0
      ? fail(c.fn, 'layers', `give a non-finite ${what} on inputs before the first step`)
      : fail(c.fn, 'optimizer', `diverged: a non-finite ${what} after step ${step - 1}`);
  if (grad !== null) grad.fill(0);
  let total = 0;
  for (let n = 0; n < count; n++) {
    const x = inputs[n];
    const out = forward(params, c.plan, c.f, x, s);
    total += lossAndOutputDelta(out, targets[n], c.mseLoss, s);
    if (grad !== null) backward(params, c.plan, c.df, x, s, grad);
  }
  const meanLoss = total / count;
  if (!Number.isFinite(meanLoss)) diverged('loss');
  if (grad !== null) {
    for (let i = 0; i < grad.length; i++) grad[i] /= count;
    if (!allFinite(grad)) diverged('gradient');
  }
  return meanLoss;
}

function makeTrainer(
  c: TrainerCore,
  params: number[],
  state: MutableOptimizerState,
  loss: number,
): MlpTrainer {
  const s = scratchOf(c.plan);
  const grad = new Array<number>(c.plan.count).fill(0);
  let current = loss;
  const trainer: MlpTrainer = {
    get step() {
      return state.t;
    },
    get loss() {
      return current;
    },
    advance() {
      const t = state.t;
      meanLossAndGrad(c, params, s, grad, t);
      stepResolved(c.resolved, params, grad, state);
      if (!allFinite(params)) {
        fail(c.fn, 'optimizer', `diverged: a non-finite parameter after step ${t}`);
      }
      current = meanLossAndGrad(c, params, s, null, t + 1);
      return current;
    },
    layers: () => unflatten(params, c.plan),
    clone: () =>
      makeTrainer(
        c,
        params.slice(),
        {
          t: state.t,
          first: state.first === null ? null : state.first.slice(),
          second: state.second.slice(),
        },
        current,
      ),
  };
  return trainer;
}

/**
 * The training of `mlpTrain` one step at a time: `advance()` takes the next step of the
 * same optimizer (its buffers kept between steps), so k advances give `mlpTrain`'s layers
 * and losses after k steps. Same arguments and errors as `mlpTrain`, without `steps`.
 */
export function mlpTrainer(
  layers: readonly DenseLayer[],
  inputs: Matrix,
  targets: readonly (Vector | number)[],
  options: MlpOptions,
  optimizer: OptimizerConfig,
): MlpTrainer {
  const c = trainerCore('mlpTrainer', layers, inputs, targets, options, optimizer);
  const params = flatten(layers, c.plan);
  const loss = meanLossAndGrad(c, params, scratchOf(c.plan), null, 0);
  return makeTrainer(c, params, initialOptimizerState(c.plan.count), loss);
}

/** Full-batch training: $L(\theta) = \frac1N \sum_{n=1}^{N} \ell\big(f_\theta(x_n), y_n\big)$, each step $\theta \leftarrow \mathrm{step}\big(\theta, \nabla_\theta L\big)$ of the `minimize` optimizer; returns the trained layers and the steps + 1 losses. */
export function mlpTrain(
  layers: readonly DenseLayer[],
  inputs: Matrix,
  targets: readonly (Vector | number)[],
  options: MlpOptions,
  optimizer: OptimizerConfig,
  steps: number,
): MlpTrainResult {
  const fn = 'mlpTrain';
  const c = trainerCore(fn, layers, inputs, targets, options, optimizer);
  checkCount(fn, 'steps', steps);
  const s = scratchOf(c.plan);
  const params = flatten(layers, c.plan);
  const state = initialOptimizerState(c.plan.count);
  const grad = new Array<number>(c.plan.count).fill(0);
  const losses: number[] = [];
  for (let step = 0; step <= steps; step++) {
    const training = step < steps;
    losses.push(meanLossAndGrad(c, params, s, training ? grad : null, step));
    if (!training) break;
    stepResolved(c.resolved, params, grad, state);
    if (!allFinite(params))
      fail(fn, 'optimizer', `diverged: a non-finite parameter after step ${step}`);
  }
  return { layers: unflatten(params, c.plan), losses };
}
