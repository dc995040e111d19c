import {
  reluDerivative,
  relu,
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
} from './activations';
import { mse, softmaxCrossEntropy } from './losses';
import { softmax } from './softmax';
import type { Matrix, Vector } from './types';
import { checkDenseLayers, checkIndex, checkOneOf, checkVector, fail } from './validate';

/**
 * One forward and one backward pass of a fully connected network (a
 * multi-layer perceptron): z = Wa + b per layer, the activation on hidden
 * layers, the last layer linear, then the chain rule back to every W and b.
 */

/** One dense layer: `W` is out×in, the layer computes z = Wa + b. */
export interface DenseLayer {
  W: Matrix;
  b: Vector;
}

/** Hidden-layer activations `mlpForwardBackward` knows. */
export type MlpActivation = 'sigmoid' | 'tanh' | 'relu';

/** Losses `mlpForwardBackward` knows. */
export type MlpLoss = 'mse' | 'softmax-cross-entropy';

/** Options of `mlpForwardBackward`. */
export interface MlpOptions {
  activation: MlpActivation;
  loss: MlpLoss;
}

/** The gradient of the loss with respect to one layer's parameters. */
export interface LayerGradient {
  W: number[][];
  b: number[];
}

/** What `mlpForwardBackward` returns. */
export interface MlpResult {
  /** activations[0] is x, activations[k + 1] the output of layers[k]. */
  activations: number[][];
  /** The last layer's (linear) output: predictions for 'mse', logits for 'softmax-cross-entropy'. */
  output: number[];
  /** The loss value. */
  loss: number;
  /** grads[k] = { W: ∂L/∂W_k, b: ∂L/∂b_k }. */
  grads: LayerGradient[];
}

const HIDDEN_ACTIVATIONS: Record<
  MlpActivation,
  { f: (x: number) => number; df: (x: number) => number }
> = {
  sigmoid: { f: sigmoid, df: sigmoidDerivative },
  tanh: { f: tanh, df: tanhDerivative },
  relu: { f: relu, df: reluDerivative },
};

/** The activation names `mlpForwardBackward` knows. */
export const MLP_ACTIVATIONS: readonly MlpActivation[] = ['sigmoid', 'tanh', 'relu'];

/** The loss names `mlpForwardBackward` knows. */
export const MLP_LOSSES: readonly MlpLoss[] = ['mse', 'softmax-cross-entropy'];

/** Forward and backward pass of an MLP: $z^{(k)} = W^{(k)} a^{(k)} + b^{(k)}$, $\delta^{(k-1)} = \left(W^{(k)\top}\delta^{(k)}\right) \odot \phi'(z^{(k-1)})$, $\frac{\partial L}{\partial W^{(k)}} = \delta^{(k)} a^{(k)\top}$, $\frac{\partial L}{\partial b^{(k)}} = \delta^{(k)}$. */
export function mlpForwardBackward(
  layers: readonly DenseLayer[],
  x: Vector,
  target: Vector | number,
  options: MlpOptions,
): MlpResult {
  const fn = 'mlpForwardBackward';
  if (!Array.isArray(layers) || layers.length === 0) {
    fail(fn, 'layers', 'must be a non-empty array of { W, b } layers');
  }
  checkVector(fn, 'x', x);
  if (options === null || typeof options !== 'object') {
    fail(fn, 'options', `must be an object { activation, loss }, got ${String(options)}`);
  }
  const { activation, loss } = options;
  checkOneOf(fn, 'options.activation', activation, MLP_ACTIVATIONS);
  checkOneOf(fn, 'options.loss', loss, MLP_LOSSES);
  const size = checkDenseLayers(fn, layers, x.length, 'x');
  if (loss === 'mse') {
    if (!Array.isArray(target)) fail(fn, 'target', 'must be a vector for the mse loss');
    checkVector(fn, 'target', target);
    if (target.length !== size) {
      fail(
        fn,
        'target',
        `must have ${size} entries (the network's output size), got ${target.length}`,
      );
    }
  } else {
    checkIndex(fn, 'target', target as number, size);
  }

  const act = HIDDEN_ACTIVATIONS[activation];
  const last = layers.length - 1;
  const activations: number[][] = [x.slice()];
  const preActivations: number[][] = [];
  for (let k = 0; k <= last; k++) {
    const { W, b }: DenseLayer = layers[k];
    const a = activations[k];
    const z = W.map((row, r) => {
      let s = b[r];
      for (let c = 0; c < row.length; c++) s += row[c] * a[c];
      return s;
    });
    preActivations.push(z);
    activations.push(k === last ? z.slice() : z.map(act.f));
  }
  const output = activations[last + 1];

  let lossValue: number;
  let delta: number[];
  if (loss === 'mse') {
    const y = target as Vector;
    lossValue = mse(y, output);
    delta = output.map((o, i) => (2 * (o - y[i])) / output.length);
  } else {
    const index = target as number;
    lossValue = softmaxCrossEntropy(output, index);
    delta = softmax(output).map((p, i) => (i === index ? p - 1 : p));
  }

  const grads: LayerGradient[] = new Array<LayerGradient>(layers.length);
  for (let k = last; k >= 0; k--) {
    const a = activations[k];
    const d = delta;
    grads[k] = { W: d.map((di) => a.map((aj) => di * aj)), b: d.slice() };
    if (k > 0) {
      const W = layers[k].W;
      const zPrev = preActivations[k - 1];
      delta = zPrev.map((z, j) => {
        let s = 0;
        for (let r = 0; r < d.length; r++) s += W[r][j] * d[r];
        return s * act.df(z);
      });
    }
  }
  return { activations, output, loss: lossValue, grads };
}
