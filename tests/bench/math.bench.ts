/**
 * src/math against TensorFlow.js (tfjs-core 4.22 on its pure-JavaScript CPU
 * backend, float32) on the workloads the cards run. Each describe group holds
 * one bench per side, so vitest's summary prints the ratio.
 *
 * Both sides start from the same inputs, already in their native form (nested
 * number[] for ours, float32 typed arrays for TensorFlow.js, wrapped into
 * tensors inside the timed function), and end with numbers readable from
 * JavaScript: TensorFlow.js results are downloaded with dataSync() and every
 * tensor is released by tf.tidy or dispose. Before any timing, each pair runs
 * once and must agree within float32 tolerance, and TensorFlow.js must leak no
 * tensor; otherwise this file throws.
 *
 * Run with `npm run bench:math`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients; the full @tensorflow/tfjs package imports this file.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { bench, describe } from 'vitest';
import {
  matmul,
  minimize,
  mlpForwardBackward,
  mlpTrain,
  scaledDotProductAttention,
  softmax,
  transformerBlock,
} from '../../src/math';
import type { TransformerBlockParams } from '../../src/math';
import { randomMatrix, randomVector, rosenbrockGradient, seededRandom, toFloat32 } from './inputs';
import { assertParity } from './parity';
import type { Numbers } from './parity';

// Production mode: no debug checks, and no console advice to install tfjs-node.
tf.enableProdMode();
await tf.setBackend('cpu');
await tf.ready();

/** Timing of every bench: 1 s of samples after 200 ms of warm-up. */
const timing = { time: 1000, warmupTime: 200 };

/** Keeps each result observable so no engine can drop the work. */
const sink = { value: 0 };
const keep = (values: ArrayLike<number>): void => {
  sink.value += values[values.length - 1] ?? 0;
};

/**
 * Runs `compute` inside tf.tidy and downloads its results with dataSync().
 * The arrays are handed out of the tidy scope by closure, not returned from
 * it: tidy walks every element of what it returns looking for tensors, which
 * for a 50,257-element Float32Array costs more than the softmax itself.
 */
function download(compute: () => tf.Tensor[]): Float32Array[] {
  let values: Float32Array[] = [];
  tf.tidy(() => {
    values = compute().map((t) => t.dataSync() as Float32Array);
  });
  return values;
}

/** Runs a TensorFlow.js function once and throws if it leaves tensors behind. */
function assertNoLeak<T>(what: string, run: () => T): T {
  const before = tf.memory().numTensors;
  const result = run();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(`${what}: TensorFlow.js left ${after - before} tensor(s) allocated`);
  }
  return result;
}

/** Runs both sides once, untimed, and throws unless they agree and TensorFlow.js does not leak. */
function checkParity(
  what: string,
  ours: () => Numbers,
  theirs: () => Numbers,
  tolerance: { rel: number; abs: number },
): void {
  assertParity(what, ours(), assertNoLeak(what, theirs), tolerance);
}

const random = seededRandom(20_240_611);

// 1. softmax over GPT-2's vocabulary of 50,257 logits.
const VOCAB = 50_257;
const logits = randomVector(random, VOCAB, 10);
const logits32 = toFloat32(logits);

const oursSoftmax = (): number[] => softmax(logits);
const tfSoftmax = (): Float32Array => download(() => [tf.softmax(tf.tensor1d(logits32))])[0];

checkParity('softmax', oursSoftmax, tfSoftmax, { rel: 1e-4, abs: 1e-10 });

describe(`softmax over ${VOCAB.toLocaleString('en')} logits`, () => {
  bench('src/math', () => keep(oursSoftmax()), timing);
  bench('tfjs-cpu', () => keep(tfSoftmax()), timing);
});

// 2. matmul of two 128×128 matrices.
const N = 128;
const A = randomMatrix(random, N, N);
const B = randomMatrix(random, N, N);
const A32 = toFloat32(A);
const B32 = toFloat32(B);

const oursMatmul = (): number[][] => matmul(A, B);
const tfMatmul = (): Float32Array =>
  download(() => [tf.matMul(tf.tensor2d(A32, [N, N]), tf.tensor2d(B32, [N, N]))])[0];

checkParity('matmul', oursMatmul, tfMatmul, { rel: 1e-4, abs: 1e-4 });

describe('matmul 128×128 · 128×128', () => {
  bench('src/math', () => keep(oursMatmul()[N - 1]), timing);
  bench('tfjs-cpu', () => keep(tfMatmul()), timing);
});

// 3. attention over 128 tokens with d_k = d_v = 64.
const TOKENS = 128;
const D_K = 64;
const Q = randomMatrix(random, TOKENS, D_K);
const K = randomMatrix(random, TOKENS, D_K);
const V = randomMatrix(random, TOKENS, D_K);
const Q32 = toFloat32(Q);
const K32 = toFloat32(K);
const V32 = toFloat32(V);

const oursAttention = (): number[][] => {
  const { scores, weights, output } = scaledDotProductAttention(Q, K, V);
  return [scores.flat(), weights.flat(), output.flat()];
};
/** scores = QKᵀ/√d_k, weights = softmax(scores), output = weights·V; all three downloaded, as ours returns all three. */
const tfAttention = (): Float32Array[] =>
  download(() => {
    const q = tf.tensor2d(Q32, [TOKENS, D_K]);
    const k = tf.tensor2d(K32, [TOKENS, D_K]);
    const v = tf.tensor2d(V32, [TOKENS, D_K]);
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(D_K));
    const weights = tf.softmax(scores);
    const output = tf.matMul(weights, v);
    return [scores, weights, output];
  });

checkParity('attention', oursAttention, tfAttention, { rel: 1e-4, abs: 1e-5 });

describe(`attention, ${TOKENS} tokens, d_k = ${D_K}`, () => {
  // The flattening in oursAttention is for the parity check only; the bench times the call alone.
  bench('src/math', () => keep(scaledDotProductAttention(Q, K, V).output[TOKENS - 1]), timing);
  bench('tfjs-cpu', () => keep(tfAttention()[2]), timing);
});

// 4. 200 Adam steps on the Rosenbrock function from (−1.2, 1), the analytic gradient on both sides.
const ADAM_STEPS = 200;
const ADAM_LR = 0.01;
const START = [-1.2, 1];

const oursAdam = (): number[][] =>
  minimize({ name: 'adam', lr: ADAM_LR }, rosenbrockGradient, START, ADAM_STEPS);
/**
 * The same trajectory with tf.train.adam: each step reads the point, evaluates
 * the same JavaScript gradient and applies it. tf's default eps is
 * backend.epsilon() = 1e-7, so eps is set to PyTorch's 1e-8 as ours uses.
 */
const tfAdam = (): number[][] => {
  // tidy frees the initial tensor; the variable, untracked by tidy, lives until disposed.
  const p = tf.tidy(() => tf.variable(tf.tensor1d(START)));
  const optimizer = tf.train.adam(ADAM_LR, 0.9, 0.999, 1e-8);
  const trajectory: number[][] = [START.slice()];
  let point: Float32Array = p.dataSync() as Float32Array;
  for (let t = 0; t < ADAM_STEPS; t++) {
    const g = rosenbrockGradient(point);
    tf.tidy(() => optimizer.applyGradients([{ name: p.name, tensor: tf.tensor1d(g) }]));
    point = p.dataSync() as Float32Array;
    trajectory.push([point[0], point[1]]);
  }
  optimizer.dispose();
  p.dispose();
  return trajectory;
};

checkParity('adam', oursAdam, tfAdam, { rel: 1e-3, abs: 1e-4 });

describe(`${ADAM_STEPS} Adam steps on Rosenbrock`, () => {
  bench('src/math', () => keep(oursAdam()[ADAM_STEPS]), timing);
  bench('tfjs-cpu', () => keep(tfAdam()[ADAM_STEPS]), timing);
});

// 5. one forward and backward pass through a 2-16-16-3 tanh network, softmax cross-entropy loss.
const SIZES = [2, 16, 16, 3];
const layers = SIZES.slice(1).map((out, k) => ({
  W: randomMatrix(random, out, SIZES[k], 1 / Math.sqrt(SIZES[k])),
  b: randomVector(random, out, 0.1),
}));
const x = [0.5, -0.3];
const TARGET = 2;
const params32 = layers.flatMap(({ W, b }) => [
  { values: toFloat32(W), shape: [W.length, W[0].length] },
  { values: toFloat32(b), shape: [b.length] },
]);
const x32 = toFloat32(x);
const oneHot32 = Float32Array.from({ length: SIZES[SIZES.length - 1] }, (_, i) =>
  i === TARGET ? 1 : 0,
);

const oursMlp = (): number[][] => {
  const { loss, grads } = mlpForwardBackward(layers, x, TARGET, {
    activation: 'tanh',
    loss: 'softmax-cross-entropy',
  });
  return [[loss], ...grads.flatMap(({ W, b }) => [W.flat(), [...b]])];
};
/** The loss of the same network as a function of its parameters [W1, b1, W2, b2, W3, b3]. */
const tfLossAndGrads = tf.valueAndGrads((...params: tf.Tensor[]): tf.Tensor => {
  let a: tf.Tensor = tf.tensor2d(x32, [1, x32.length]);
  for (let k = 0; k < layers.length; k++) {
    const z = tf.add(tf.matMul(a, params[2 * k], false, true), params[2 * k + 1]);
    a = k < layers.length - 1 ? tf.tanh(z) : z;
  }
  return tf.losses.softmaxCrossEntropy(tf.tensor2d(oneHot32, [1, oneHot32.length]), a);
});
const tfMlp = (): Float32Array[] =>
  download(() => {
    const params = params32.map(({ values, shape }) => tf.tensor(values, shape));
    const { value, grads } = tfLossAndGrads(params);
    return [value, ...grads];
  });

checkParity('mlp', oursMlp, tfMlp, { rel: 1e-4, abs: 1e-6 });

describe('forward + backward, 2-16-16-3 tanh network', () => {
  bench(
    'src/math',
    () =>
      keep(
        mlpForwardBackward(layers, x, TARGET, {
          activation: 'tanh',
          loss: 'softmax-cross-entropy',
        }).grads[0].b,
      ),
    timing,
  );
  bench('tfjs-cpu', () => keep(tfMlp()[1]), timing);
});

// 6. full-batch training of a 2-16-16-2 tanh network on 200 points, 100 Adam steps, softmax cross-entropy.
const TRAIN_SIZES = [2, 16, 16, 2];
const TRAIN_POINTS = 200;
const TRAIN_STEPS = 100;
const TRAIN_LR = 0.01;
const trainLayers = TRAIN_SIZES.slice(1).map((out, k) => ({
  W: randomMatrix(random, out, TRAIN_SIZES[k], 1 / Math.sqrt(TRAIN_SIZES[k])),
  b: randomVector(random, out, 0.1),
}));
const points = randomMatrix(random, TRAIN_POINTS, 2);
/** Class 1 in the first and third quadrants, class 0 in the others (XOR of the signs). */
const labels = points.map(([a, b]) => (a * b > 0 ? 1 : 0));
const trainParams32 = trainLayers.flatMap(({ W, b }) => [
  { values: toFloat32(W), shape: [W.length, W[0].length] },
  { values: toFloat32(b), shape: [b.length] },
]);
const points32 = toFloat32(points);
const labels32 = Float32Array.from(labels.flatMap((y) => (y === 1 ? [0, 1] : [1, 0])));

const oursTrain = (): number[][] => {
  const { layers: trained, losses } = mlpTrain(
    trainLayers,
    points,
    labels,
    { activation: 'tanh', loss: 'softmax-cross-entropy' },
    { name: 'adam', lr: TRAIN_LR },
    TRAIN_STEPS,
  );
  return [losses, ...trained.flatMap(({ W, b }) => [W.flat(), b])];
};
/**
 * The same training with tf.train.adam (eps set to PyTorch's 1e-8) on
 * tf.variable parameters: each step's minimize returns the loss before the
 * update, downloaded as ours records it; tf.losses.softmaxCrossEntropy's
 * default reduction is the mean over the 200 examples.
 */
const tfTrain = (): Float32Array[] => {
  const vars = trainParams32.map(({ values, shape }) =>
    tf.tidy(() => tf.variable(tf.tensor(values, shape))),
  );
  const xs = tf.tensor2d(points32, [TRAIN_POINTS, 2]);
  const ys = tf.tensor2d(labels32, [TRAIN_POINTS, 2]);
  const lossOf = (): tf.Scalar => {
    let a: tf.Tensor = xs;
    for (let k = 0; k < 3; k++) {
      const z = tf.add(tf.matMul(a, vars[2 * k], false, true), vars[2 * k + 1]);
      a = k < 2 ? tf.tanh(z) : z;
    }
    return tf.losses.softmaxCrossEntropy(ys, a) as tf.Scalar;
  };
  const optimizer = tf.train.adam(TRAIN_LR, 0.9, 0.999, 1e-8);
  const losses = new Float32Array(TRAIN_STEPS + 1);
  for (let t = 0; t < TRAIN_STEPS; t++) {
    const cost = optimizer.minimize(lossOf, true, vars);
    losses[t] = (cost as tf.Scalar).dataSync()[0];
    cost?.dispose();
  }
  const last = tf.tidy(lossOf);
  losses[TRAIN_STEPS] = last.dataSync()[0];
  last.dispose();
  const params = vars.map((v) => v.dataSync() as Float32Array);
  optimizer.dispose();
  for (const v of vars) v.dispose();
  xs.dispose();
  ys.dispose();
  return [losses, ...params];
};

checkParity('mlpTrain', oursTrain, tfTrain, { rel: 1e-3, abs: 1e-3 });

describe(`mlpTrain, 2-16-16-2 tanh network, ${TRAIN_POINTS} points, ${TRAIN_STEPS} Adam steps`, () => {
  bench('src/math', () => keep(oursTrain()[0]), timing);
  bench('tfjs-cpu', () => keep(tfTrain()[0]), timing);
});

// 7. one pre-LN transformer block (GPT-2) on 64 tokens, d_model 64, 4 heads, d_ff 256, causal.
const BLOCK_TOKENS = 64;
const D_MODEL = 64;
const HEADS = 4;
const D_FF = 256;
const EPS = 1e-5;
const linearInit = (out: number, inSize: number) => ({
  W: randomMatrix(random, out, inSize, 1 / Math.sqrt(inSize)),
  b: randomVector(random, out, 0.02),
});
const q = linearInit(D_MODEL, D_MODEL);
const k = linearInit(D_MODEL, D_MODEL);
const v = linearInit(D_MODEL, D_MODEL);
const o = linearInit(D_MODEL, D_MODEL);
const up = linearInit(D_FF, D_MODEL);
const down = linearInit(D_MODEL, D_FF);
const layerNormInit = () => ({
  gamma: randomVector(random, D_MODEL, 0.1).map((g) => 1 + g),
  beta: randomVector(random, D_MODEL, 0.1),
});
const blockLn1 = layerNormInit();
const blockLn2 = layerNormInit();
const blockParams: TransformerBlockParams = {
  ln1: blockLn1,
  attn: { Wq: q.W, Wk: k.W, Wv: v.W, Wo: o.W, bq: q.b, bk: k.b, bv: v.b, bo: o.b },
  ln2: blockLn2,
  ffn: { W1: up.W, b1: up.b, W2: down.W, b2: down.b },
};
const blockX = randomMatrix(random, BLOCK_TOKENS, D_MODEL);
const blockX32 = toFloat32(blockX);
const block32 = {
  g1: toFloat32(blockLn1.gamma),
  be1: toFloat32(blockLn1.beta),
  g2: toFloat32(blockLn2.gamma),
  be2: toFloat32(blockLn2.beta),
  Wq: toFloat32(q.W),
  Wk: toFloat32(k.W),
  Wv: toFloat32(v.W),
  Wo: toFloat32(o.W),
  bq: toFloat32(q.b),
  bk: toFloat32(k.b),
  bv: toFloat32(v.b),
  bo: toFloat32(o.b),
  W1: toFloat32(up.W),
  b1: toFloat32(up.b),
  W2: toFloat32(down.W),
  b2: toFloat32(down.b),
};

const oursBlock = (): number[][] => transformerBlock(blockX, blockParams, { heads: HEADS }).output;
/**
 * The same block from TensorFlow.js ops: layer norm by tf.moments, X Wᵀ + b by
 * matMul(…, transposeB), the heads as a [h, n, d/h] batch, the causal mask as
 * −1e9 added above the diagonal before tf.softmax, GELU as x(1 + erf(x/√2))/2.
 */
const tfBlock = (): Float32Array =>
  download(() => {
    const n = BLOCK_TOKENS;
    const dh = D_MODEL / HEADS;
    const t = (values: Float32Array, shape: number[]) => tf.tensor(values, shape);
    const x = t(blockX32, [n, D_MODEL]);
    const layerNorm = (a: tf.Tensor, g: Float32Array, b: Float32Array) => {
      const { mean, variance } = tf.moments(a, -1, true);
      const normalized = tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, EPS)));
      return tf.add(tf.mul(normalized, t(g, [D_MODEL])), t(b, [D_MODEL]));
    };
    const linear = (a: tf.Tensor, W: Float32Array, b: Float32Array, out: number, inSize: number) =>
      tf.add(tf.matMul(a, t(W, [out, inSize]), false, true), t(b, [out]));
    const split = (a: tf.Tensor) => tf.transpose(tf.reshape(a, [n, HEADS, dh]), [1, 0, 2]);
    const ln1 = layerNorm(x, block32.g1, block32.be1);
    const qh = split(linear(ln1, block32.Wq, block32.bq, D_MODEL, D_MODEL));
    const kh = split(linear(ln1, block32.Wk, block32.bk, D_MODEL, D_MODEL));
    const vh = split(linear(ln1, block32.Wv, block32.bv, D_MODEL, D_MODEL));
    const scores = tf.div(tf.matMul(qh, kh, false, true), Math.sqrt(dh));
    const visible = tf.linalg.bandPart(tf.ones([n, n]), -1, 0);
    const mask = tf.mul(tf.sub(1, visible), -1e9);
    const weights = tf.softmax(tf.add(scores, mask));
    const heads = tf.matMul(weights, vh);
    const concat = tf.reshape(tf.transpose(heads, [1, 0, 2]), [n, D_MODEL]);
    const residual1 = tf.add(x, linear(concat, block32.Wo, block32.bo, D_MODEL, D_MODEL));
    const ln2 = layerNorm(residual1, block32.g2, block32.be2);
    const hidden = linear(ln2, block32.W1, block32.b1, D_FF, D_MODEL);
    const gelu = tf.mul(tf.mul(hidden, 0.5), tf.add(1, tf.erf(tf.div(hidden, Math.SQRT2))));
    return [tf.add(residual1, linear(gelu, block32.W2, block32.b2, D_MODEL, D_FF))];
  })[0];

checkParity('transformerBlock', oursBlock, tfBlock, { rel: 1e-4, abs: 1e-4 });

describe(`transformer block, ${BLOCK_TOKENS} tokens, d_model ${D_MODEL}, ${HEADS} heads, d_ff ${D_FF}`, () => {
  bench('src/math', () => keep(oursBlock()[BLOCK_TOKENS - 1]), timing);
  bench('tfjs-cpu', () => keep(tfBlock()), timing);
});
