import { createRandom, mlpForwardBackward, normalSample } from '../../math';
import type { DenseLayer, MlpActivation } from '../../math';
import { ACTIVATIONS } from '../../math';
import type { Bilingual, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** The hidden activations offered, by choice value. */
export const ACTIVATION_KEYS: readonly MlpActivation[] = ['sigmoid', 'tanh', 'relu'];

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** A positive integer as Unicode subscripts. */
export const sub = (k: number) =>
  String(k)
    .split('')
    .map((d) => SUB[Number(d)])
    .join('');

/** One trainable number of the small network: a weight W[row][col] or a bias b[row] of a layer. */
export interface ParamRef {
  /** 0: input → hidden, 1: hidden → output. */
  layer: 0 | 1;
  kind: 'W' | 'b';
  row: number;
  col: number;
}

/**
 * Every weight and bias of the 2-3-2 network, the 2-2-1 network's nine first: an index
 * of this list names the same parameter in both shapes.
 */
export const PARAM_REFS: readonly ParamRef[] = [
  { layer: 0, kind: 'W', row: 0, col: 0 },
  { layer: 0, kind: 'W', row: 0, col: 1 },
  { layer: 0, kind: 'W', row: 1, col: 0 },
  { layer: 0, kind: 'W', row: 1, col: 1 },
  { layer: 0, kind: 'b', row: 0, col: 0 },
  { layer: 0, kind: 'b', row: 1, col: 0 },
  { layer: 1, kind: 'W', row: 0, col: 0 },
  { layer: 1, kind: 'W', row: 0, col: 1 },
  { layer: 1, kind: 'b', row: 0, col: 0 },
  { layer: 0, kind: 'W', row: 2, col: 0 },
  { layer: 0, kind: 'W', row: 2, col: 1 },
  { layer: 0, kind: 'b', row: 2, col: 0 },
  { layer: 1, kind: 'W', row: 0, col: 2 },
  { layer: 1, kind: 'W', row: 1, col: 0 },
  { layer: 1, kind: 'W', row: 1, col: 1 },
  { layer: 1, kind: 'W', row: 1, col: 2 },
  { layer: 1, kind: 'b', row: 1, col: 0 },
];

/** Number of parameters of each shape (2-2-1: 9, 2-3-2: 17). */
export const PARAM_COUNT = { 1: 9, 2: 17 } as const;

/** The plain-text name of a parameter: w⁽¹⁾ as "w¹₁₂", a bias as "b²₁". */
export function paramName(ref: ParamRef): string {
  const sup = ref.layer === 0 ? '¹' : '²';
  return ref.kind === 'W'
    ? `w${sup}${sub(ref.row + 1)}${sub(ref.col + 1)}`
    : `b${sup}${sub(ref.row + 1)}`;
}

/** The TeX name of a parameter: w^{(1)}_{12}, b^{(2)}_{1}. */
export function paramTex(ref: ParamRef): string {
  const l = ref.layer + 1;
  return ref.kind === 'W'
    ? `w^{(${l})}_{${ref.row + 1}${ref.col + 1}}`
    : `b^{(${l})}_{${ref.row + 1}}`;
}

/** What each step of the time control shows. */
export const PHASES: readonly Bilingual[] = [
  { en: 'the input', 'zh-TW': '輸入' },
  { en: 'forward: the hidden layer', 'zh-TW': '前向：隱藏層' },
  { en: 'forward: the output layer', 'zh-TW': '前向：輸出層' },
  { en: 'the loss', 'zh-TW': '損失' },
  { en: 'backward: the output layer', 'zh-TW': '反向：輸出層' },
  { en: 'backward: the hidden layer', 'zh-TW': '反向：隱藏層' },
  { en: 'the update', 'zh-TW': '更新參數' },
];
export const LAST_PHASE = PHASES.length - 1;

/** The card's params. */
export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'net',
    tex: 'm',
    label: { en: 'network shape', 'zh-TW': '網路形狀' },
    options: [
      { value: 1, label: { en: '2-2-1 (one output)', 'zh-TW': '2-2-1（一個輸出）' } },
      { value: 2, label: { en: '2-3-2 (two outputs)', 'zh-TW': '2-3-2（兩個輸出）' } },
    ],
    default: 1,
  },
  {
    kind: 'vector',
    name: 'x',
    tex: 'x',
    label: { en: 'input', 'zh-TW': '輸入' },
    slot: 1,
    min: -2,
    max: 2,
    step: 0.1,
    default: [1, -0.5],
    length: 2,
    itemLabel: (i) => `x${sub(i + 1)}`,
  },
  {
    kind: 'vector',
    name: 'y',
    tex: 'y',
    label: { en: 'target', 'zh-TW': '目標值' },
    slot: 2,
    min: -2,
    max: 2,
    step: 0.1,
    default: [1, -0.5],
    length: { param: 'net' },
    itemLabel: (i) => `y${sub(i + 1)}`,
  },
  {
    kind: 'choice',
    name: 'act',
    tex: 'f',
    label: { en: 'activation of the hidden layers', 'zh-TW': '隱藏層的激活函數' },
    options: [
      { value: 0, label: { en: 'sigmoid', 'zh-TW': 'Sigmoid 函數' } },
      { value: 1, label: { en: 'tanh', 'zh-TW': 'tanh 函數' } },
      { value: 2, label: { en: 'ReLU', 'zh-TW': 'ReLU 函數' } },
    ],
    default: 0,
  },
  {
    kind: 'scalar',
    name: 'lr',
    tex: '\\eta',
    label: { en: 'learning rate', 'zh-TW': '學習率' },
    slot: 3,
    min: 0.01,
    max: 10,
    step: 0.01,
    default: 0.5,
    shares: 'learning-rate',
    scale: 'log',
  },
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed of the starting weights', 'zh-TW': '初始權重的種子' },
    default: 1,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'step of the training step', 'zh-TW': '訓練步驟的進度' },
    max: LAST_PHASE,
    default: LAST_PHASE,
    speeds: [0.5, 1, 2],
    speed: 1,
  },
  {
    kind: 'choice',
    name: 'sel',
    tex: 'w',
    label: { en: 'selected parameter', 'zh-TW': '選取的參數' },
    slot: 5,
    inPlot: true,
    options: PARAM_REFS.map((ref, i) => ({
      value: i,
      label: { en: paramName(ref), 'zh-TW': paramName(ref) },
    })),
    default: 0,
  },
  {
    kind: 'scalar',
    name: 'L',
    tex: 'L_{\\text{deep}}',
    label: { en: 'hidden layers of the deep network', 'zh-TW': '深層網路的隱藏層數' },
    slot: 4,
    min: 1,
    max: 8,
    step: 1,
    default: 6,
    integer: true,
  },
]);

/** The card's values. */
export type BackpropValues = ValuesOf<typeof PARAMS>;

/** The starting weights and biases of a shape, drawn from the seed and rounded to 0.01. */
export function initialLayers(outputs: 1 | 2, seed: number): DenseLayer[] {
  const random = createRandom(seed);
  const hidden = outputs === 1 ? 2 : 3;
  const draw = () => Math.round(200 * random() - 100) / 100;
  const matrix = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, draw));
  const W1 = matrix(hidden, 2);
  const b1 = Array.from({ length: hidden }, draw);
  const W2 = matrix(outputs, hidden);
  const b2 = Array.from({ length: outputs }, draw);
  return [
    { W: W1, b: b1 },
    { W: W2, b: b2 },
  ];
}

/** Reads a parameter of a network. */
export function readParam(layers: readonly DenseLayer[], ref: ParamRef): number {
  const l = layers[ref.layer];
  return ref.kind === 'W' ? l.W[ref.row][ref.col] : l.b[ref.row];
}

/** A copy of a network with one parameter replaced. */
export function withParam(layers: readonly DenseLayer[], ref: ParamRef, v: number): DenseLayer[] {
  return layers.map((l, k) => {
    if (k !== ref.layer) return l;
    if (ref.kind === 'W')
      return {
        W: l.W.map((row, r) => (r === ref.row ? row.map((w, c) => (c === ref.col ? v : w)) : row)),
        b: l.b,
      };
    return { W: l.W, b: l.b.map((b, r) => (r === ref.row ? v : b)) };
  });
}

/** The chain rule for one parameter, with the current numbers. */
export interface ChainRule {
  ref: ParamRef;
  /** Its index in PARAM_REFS. */
  index: number;
  value: number;
  /** ∂L/∂a of the activation the parameter feeds (an output ŷⱼ or a hidden aᵢ). */
  dLda: number;
  /** For a hidden parameter: the paths through each output, ∂L/∂ŷⱼ · w²ⱼᵢ. */
  paths: { dLdy: number; w: number }[];
  /** ∂a/∂z: 1 for the linear output, f′(zᵢ) for a hidden neuron. */
  dadz: number;
  /** ∂z/∂w: the input the weight multiplies (1 for a bias). */
  dzdw: number;
  /** The product, the library's gradient. */
  grad: number;
  /** The central finite difference (L(w + h) − L(w − h)) / 2h. */
  finiteDiff: number;
  /** After the update w − η ∂L/∂w. */
  updated: number;
}

/** One layer's gradients in the deep sigmoid (or tanh, ReLU) network. */
export interface DeepLayer {
  /** Mean |∂L/∂W| over the layer's weights. */
  meanGrad: number;
}

/** Everything the backpropagation card shows. */
export interface BackpropResult {
  outputs: 1 | 2;
  hidden: number;
  activation: MlpActivation;
  x: number[];
  y: number[];
  lr: number;
  step: number;
  layers: DenseLayer[];
  /** z = W¹x + b¹ of the hidden layer, a its activation, ŷ the output. */
  z1: number[];
  a1: number[];
  yhat: number[];
  loss: number;
  /** ∂L/∂ŷⱼ = (2/m)(ŷⱼ − yⱼ). */
  dLdy: number[];
  /** δ of the hidden layer: ∂L/∂zᵢ = (Σⱼ ∂L/∂ŷⱼ w²ⱼᵢ) f′(zᵢ). */
  delta1: number[];
  /** The library's gradients, one { W, b } per layer. */
  grads: { W: number[][]; b: number[] }[];
  /** The layers after one step of gradient descent, and the loss they give. */
  updated: DenseLayer[];
  lossAfter: number;
  /** Every parameter of this shape, in PARAM_REFS order, with its chain rule. */
  params: ChainRule[];
  /** The selected parameter (the first when the selection names none of this shape). */
  selected: ChainRule;
  /** The largest |library gradient − finite difference| over all parameters. */
  maxFdGap: number;
  /** The deep network: its layers' mean gradients, input side first. */
  deep: DeepLayer[];
  /** Mean gradient of the first layer over that of the last. */
  deepRatio: number;
}

/** Step of the central finite difference. */
export const FD_H = 1e-5;

function lossOf(layers: DenseLayer[], x: number[], y: number[], activation: MlpActivation) {
  return mlpForwardBackward(layers, x, y, { activation, loss: 'mse' }).loss;
}

/**
 * The deep network: `depth` hidden layers of 2 neurons and one output. Each hidden layer's
 * W is the identity plus N(0, 0.3²) noise from the seed and its biases 0.1, so a signal
 * (and a ReLU neuron) survives many layers and only the activation's slope decides
 * whether the gradient fades.
 */
export function deepLayers(depth: number, seed: number): DenseLayer[] {
  const random = createRandom((seed + 0x9e3779b9) >>> 0);
  const noise = () => 0.3 * normalSample(random);
  const layers: DenseLayer[] = [];
  for (let k = 0; k < depth; k++) {
    layers.push({
      W: [
        [1 + noise(), noise()],
        [noise(), 1 + noise()],
      ],
      b: [0.1, 0.1],
    });
  }
  layers.push({ W: [[1 + noise(), 1 + noise()]], b: [0] });
  return layers;
}

/** Reads net (outputs), x, y, act, lr, s (seed), t (step), sel (parameter) and L (deep layers). */
export function computeBackprop(values: BackpropValues): BackpropResult {
  const outputs: 1 | 2 = values.net === 2 ? 2 : 1;
  const hidden = outputs === 1 ? 2 : 3;
  const activation = ACTIVATION_KEYS[values.act] ?? 'sigmoid';
  const fd = ACTIVATIONS[activation].df;
  const x = values.x.slice(0, 2);
  const y = values.y.slice(0, outputs);
  const layers = initialLayers(outputs, values.s);
  const fb = mlpForwardBackward(layers, x, y, { activation, loss: 'mse' });
  const [L1, L2] = layers;
  const z1 = L1.W.map((row, i) => row[0] * x[0] + row[1] * x[1] + L1.b[i]);
  const a1 = fb.activations[1].slice();
  const yhat = fb.output.slice();
  const dLdy = yhat.map((v, j) => (2 / outputs) * (v - y[j]));
  const delta1 = z1.map((z, i) => dLdy.reduce((s, g, j) => s + g * L2.W[j][i], 0) * fd(z));
  const grads = fb.grads.map((g) => ({ W: g.W.map((r) => r.slice()), b: g.b.slice() }));
  const lr = values.lr;
  const updated = layers.map((l, k) => ({
    W: l.W.map((row, r) => row.map((w, c) => w - lr * grads[k].W[r][c])),
    b: l.b.map((b, r) => b - lr * grads[k].b[r]),
  }));
  const lossAfter = lossOf(updated, x, y, activation);
  const count = PARAM_COUNT[outputs];
  const params: ChainRule[] = PARAM_REFS.slice(0, count).map((ref, index) => {
    const value = readParam(layers, ref);
    const grad =
      ref.kind === 'W' ? grads[ref.layer].W[ref.row][ref.col] : grads[ref.layer].b[ref.row];
    const plus = lossOf(withParam(layers, ref, value + FD_H), x, y, activation);
    const minus = lossOf(withParam(layers, ref, value - FD_H), x, y, activation);
    const dzdw = ref.kind === 'b' ? 1 : ref.layer === 0 ? x[ref.col] : a1[ref.col];
    let dLda: number;
    let dadz: number;
    let paths: { dLdy: number; w: number }[] = [];
    if (ref.layer === 1) {
      dLda = dLdy[ref.row];
      dadz = 1;
    } else {
      paths = dLdy.map((g, j) => ({ dLdy: g, w: L2.W[j][ref.row] }));
      dLda = paths.reduce((s, p) => s + p.dLdy * p.w, 0);
      dadz = fd(z1[ref.row]);
    }
    return {
      ref,
      index,
      value,
      dLda,
      paths,
      dadz,
      dzdw,
      grad,
      finiteDiff: (plus - minus) / (2 * FD_H),
      updated: value - lr * grad,
    };
  });
  const sel =
    Number.isInteger(values.sel) && values.sel >= 0 && values.sel < count ? values.sel : 0;
  const depth = Math.max(1, Math.min(8, Math.round(values.L)));
  const deepNet = deepLayers(depth, values.s);
  const deepFb = mlpForwardBackward(deepNet, x, [y[0]], { activation, loss: 'mse' });
  const deep = deepFb.grads.map((g) => {
    const all = g.W.flat();
    return { meanGrad: all.reduce((s, v) => s + Math.abs(v), 0) / all.length };
  });
  const first = deep[0].meanGrad;
  const last = deep[deep.length - 1].meanGrad;
  return {
    outputs,
    hidden,
    activation,
    x,
    y,
    lr,
    step: Math.max(0, Math.min(LAST_PHASE, Math.round(values.t))),
    layers,
    z1,
    a1,
    yhat,
    loss: fb.loss,
    dLdy,
    delta1,
    grads,
    updated,
    lossAfter,
    params,
    selected: params[sel],
    maxFdGap: Math.max(...params.map((p) => Math.abs(p.grad - p.finiteDiff))),
    deep,
    deepRatio: last > 0 ? first / last : 0,
  };
}
