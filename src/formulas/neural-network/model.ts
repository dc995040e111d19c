import { ACTIVATIONS } from '../../math';
import type { DenseLayer, MlpActivation } from '../../math';
import type { Bilingual, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { DATASETS, EXTENT } from './data';
import type { Dataset, DatasetKind } from './data';
import { OPTIMIZERS, datasetOf, initialLayers } from './train';
import type { OptimizerKey, TrainingInput } from './train';

/** The activations offered, by choice value. */
export const ACTIVATION_KEYS: readonly MlpActivation[] = ['sigmoid', 'tanh', 'relu'];
const ACTIVATION_LABELS: readonly Bilingual[] = [
  { en: 'sigmoid', 'zh-TW': 'Sigmoid 函數' },
  { en: 'tanh', 'zh-TW': 'tanh 函數' },
  { en: 'ReLU', 'zh-TW': 'ReLU 函數' },
];

/** The truth tables of the challenge, by choice value. */
export const GATES = ['and', 'or', 'xor'] as const;
export type Gate = (typeof GATES)[number];
/** The four inputs of a truth table. */
export const CORNERS: readonly [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
/** The target of a gate at an input of 0s and 1s. */
export function gateTarget(gate: Gate, [a, b]: readonly [number, number]): 0 | 1 {
  const x = a === 1;
  const y = b === 1;
  const out = gate === 'and' ? x && y : gate === 'or' ? x || y : x !== y;
  return out ? 1 : 0;
}

/** The last training step the time control reaches. */
export const MAX_STEPS = 1000;
/** Cells along each side of the neuron's output heatmap. */
export const NEURON_GRID = 40;
/** The neuron's plane shows [−NEURON_SPAN, NEURON_SPAN]². */
export const NEURON_SPAN = 1.5;

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** A non-negative integer as Unicode subscripts. */
export const sub = (k: number) =>
  String(k)
    .split('')
    .map((d) => SUB[Number(d)])
    .join('');

/** The card's params: the neuron's, then the network's. */
export const PARAMS = defineParams([
  {
    kind: 'vector',
    name: 'x',
    tex: 'x',
    label: { en: 'inputs', 'zh-TW': '輸入' },
    slot: 1,
    min: -1.5,
    max: 1.5,
    step: 0.1,
    default: [1, 1],
    length: 2,
    itemLabel: (i) => `x${sub(i + 1)}`,
  },
  {
    kind: 'vector',
    name: 'w',
    tex: 'w',
    label: { en: 'weights', 'zh-TW': '權重' },
    slot: 2,
    min: -5,
    max: 5,
    step: 0.1,
    default: [1, 1],
    length: 2,
    itemLabel: (i) => `w${sub(i + 1)}`,
  },
  {
    kind: 'scalar',
    name: 'b',
    tex: 'b',
    label: { en: 'bias', 'zh-TW': '偏差' },
    slot: 3,
    min: -5,
    max: 5,
    step: 0.1,
    default: -0.5,
  },
  {
    kind: 'choice',
    name: 'f',
    tex: 'f',
    label: { en: 'activation of the neuron', 'zh-TW': '神經元的激活函數' },
    slot: 4,
    options: ACTIVATION_LABELS.map((label, value) => ({ value, label })),
    default: 0,
  },
  {
    kind: 'choice',
    name: 'gate',
    tex: '\\text{gate}',
    label: { en: 'truth table to match', 'zh-TW': '要做出的真值表' },
    options: [
      { value: 0, label: { en: 'AND', 'zh-TW': 'AND（且）' } },
      { value: 1, label: { en: 'OR', 'zh-TW': 'OR（或）' } },
      { value: 2, label: { en: 'XOR', 'zh-TW': 'XOR（互斥或）' } },
    ],
    default: 0,
  },
  {
    kind: 'choice',
    name: 'data',
    tex: '\\mathcal{D}',
    label: { en: 'data set', 'zh-TW': '資料集' },
    options: [
      { value: 0, label: { en: 'circle', 'zh-TW': '同心圓' } },
      { value: 1, label: { en: 'XOR', 'zh-TW': 'XOR（四象限）' } },
      { value: 2, label: { en: 'spirals', 'zh-TW': '螺旋' } },
      { value: 3, label: { en: 'moons', 'zh-TW': '雙月' } },
    ],
    default: 0,
  },
  {
    kind: 'choice',
    name: 'K',
    tex: 'K',
    label: { en: 'classes', 'zh-TW': '類別數' },
    options: [
      { value: 2, label: { en: '2 classes', 'zh-TW': '2 類' } },
      { value: 3, label: { en: '3 classes', 'zh-TW': '3 類' } },
    ],
    default: 2,
  },
  {
    kind: 'scalar',
    name: 'noise',
    tex: '\\text{noise}',
    label: { en: 'noise (standard deviation)', 'zh-TW': '雜訊（標準差）' },
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0.1,
  },
  {
    kind: 'scalar',
    name: 'split',
    tex: '\\rho',
    label: { en: 'share of points for training', 'zh-TW': '用於訓練的資料比例' },
    min: 0.1,
    max: 0.9,
    step: 0.05,
    default: 0.5,
  },
  {
    kind: 'scalar',
    name: 'L',
    tex: 'L',
    label: { en: 'hidden layers', 'zh-TW': '隱藏層數' },
    slot: 5,
    min: 1,
    max: 3,
    step: 1,
    default: 2,
    integer: true,
  },
  {
    kind: 'vector',
    name: 'h',
    tex: 'n',
    label: { en: 'neurons per hidden layer', 'zh-TW': '每個隱藏層的神經元數' },
    slot: 5,
    min: 1,
    max: 8,
    step: 1,
    default: [4, 4, 4],
    length: { param: 'L' },
    itemLabel: (i) => `n${sub(i + 1)}`,
  },
  {
    kind: 'choice',
    name: 'g',
    tex: 'g',
    label: { en: 'activation of the hidden layers', 'zh-TW': '隱藏層的激活函數' },
    options: ACTIVATION_LABELS.map((label, value) => ({ value, label })),
    default: 1,
  },
  {
    kind: 'choice',
    name: 'opt',
    tex: '\\text{opt}',
    label: { en: 'optimizer', 'zh-TW': '優化器' },
    options: [
      { value: 0, label: { en: 'SGD', 'zh-TW': '梯度下降（SGD）' } },
      { value: 1, label: { en: 'SGD with momentum 0.9', 'zh-TW': 'SGD 加動量 0.9' } },
      { value: 2, label: { en: 'AdaGrad', 'zh-TW': 'AdaGrad' } },
      { value: 3, label: { en: 'RMSprop', 'zh-TW': 'RMSprop' } },
      { value: 4, label: { en: 'Adam', 'zh-TW': 'Adam' } },
      { value: 5, label: { en: 'Nesterov momentum 0.9', 'zh-TW': 'Nesterov 動量 0.9' } },
      { value: 6, label: { en: 'AdamW, weight decay 0.01', 'zh-TW': 'AdamW，權重衰減 0.01' } },
    ],
    default: 4,
  },
  {
    kind: 'scalar',
    name: 'lr',
    tex: '\\eta',
    label: { en: 'learning rate', 'zh-TW': '學習率' },
    shares: 'learning-rate',
    slot: 6,
    min: 0.001,
    max: 3,
    step: 0.001,
    default: 0.03,
    scale: 'log',
  },
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed of the data and the starting weights', 'zh-TW': '資料與初始權重的種子' },
    default: 1,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'training step', 'zh-TW': '訓練步數' },
    max: MAX_STEPS,
    default: 0,
    speeds: [5, 10, 30, 60],
    speed: 30,
  },
]);

/** The card's values. */
export type NeuralNetworkValues = ValuesOf<typeof PARAMS>;

/** One row of the truth table: the input, the gate's target, the neuron's z and output. */
export interface TruthRow {
  x: [number, number];
  target: 0 | 1;
  z: number;
  y: number;
  /** The neuron's answer: 1 where z > 0 (the side of the boundary w points to). */
  fires: 0 | 1;
}

/** What the card computes on the main thread: the neuron, the data set and the run to train. */
export interface NeuralNetworkResult {
  activation: MlpActivation;
  /** The neuron at the current input: z = w·x + b and y = f(z). */
  z: number;
  y: number;
  /** The neuron's output over its plane: NEURON_GRID rows from the bottom. */
  grid: number[][];
  /** The output range the heatmap's colours span: [0, 1] for sigmoid, [−1, 1] tanh, [0, max] ReLU. */
  range: [number, number];
  gate: Gate;
  truth: TruthRow[];
  /** How many of the four rows the neuron gets right. */
  correct: number;
  /** Both weights 0: no boundary line, the output is f(b) everywhere. */
  flat: boolean;
  dataset: Dataset;
  datasetKind: DatasetKind;
  /** The input the worker trains on (without the step, memoized by the plot). */
  training: Omit<TrainingInput, 'step'>;
  step: number;
  /** Layer sizes, input first: 2, the hidden sizes, K. */
  sizes: number[];
  /** Number of weights and biases of the network. */
  parameterCount: number;
  /** The starting network (drawn before the worker's first answer). */
  initial: DenseLayer[];
  optimizer: OptimizerKey;
}

/** The neuron's output at z for an activation. */
export const neuronOutput = (activation: MlpActivation, z: number) => ACTIVATIONS[activation].f(z);

/** The page's compute: the neuron's numbers, and the data set and network the worker trains. */
export function computeNeuralNetwork(v: NeuralNetworkValues): NeuralNetworkResult {
  const activation = ACTIVATION_KEYS[v.f] ?? 'sigmoid';
  const [w1, w2] = v.w;
  const f = ACTIVATIONS[activation].f;
  const zAt = (a: number, c: number) => w1 * a + w2 * c + v.b;
  const z = zAt(v.x[0], v.x[1]);
  const centre = (i: number) => -NEURON_SPAN + ((i + 0.5) * 2 * NEURON_SPAN) / NEURON_GRID;
  const grid = Array.from({ length: NEURON_GRID }, (_, r) =>
    Array.from({ length: NEURON_GRID }, (_, c) => f(zAt(centre(c), centre(r)))),
  );
  // ReLU's largest output on the plane, at a corner of the square
  const reluMax = Math.max(
    1,
    ...[-1, 1].flatMap((sx) => [-1, 1].map((sy) => zAt(sx * NEURON_SPAN, sy * NEURON_SPAN))),
  );
  const range: [number, number] =
    activation === 'sigmoid' ? [0, 1] : activation === 'tanh' ? [-1, 1] : [0, reluMax];
  const gate = GATES[v.gate] ?? 'and';
  const truth: TruthRow[] = CORNERS.map((x) => {
    const zc = zAt(x[0], x[1]);
    return { x: [x[0], x[1]], target: gateTarget(gate, x), z: zc, y: f(zc), fires: zc > 0 ? 1 : 0 };
  });
  const classes = v.K === 3 ? 3 : 2;
  const hidden = v.h.slice(0, v.L).map((n) => Math.max(1, Math.min(8, Math.round(n))));
  const g = ACTIVATION_KEYS[v.g] ?? 'tanh';
  const optimizer = OPTIMIZERS[v.opt] ?? 'adam';
  const training = {
    data: v.data,
    classes,
    noise: v.noise,
    trainShare: v.split,
    hidden,
    activation: g,
    optimizer,
    lr: v.lr,
    seed: v.s,
  } as const;
  const sizes = [2, ...hidden, classes];
  let parameterCount = 0;
  for (let k = 0; k + 1 < sizes.length; k++) parameterCount += sizes[k + 1] * (sizes[k] + 1);
  return {
    activation,
    z,
    y: f(z),
    grid,
    range,
    gate,
    truth,
    correct: truth.filter((r) => r.fires === r.target).length,
    flat: w1 === 0 && w2 === 0,
    dataset: datasetOf(training),
    datasetKind: DATASETS[v.data] ?? 'circle',
    training: { ...training, hidden: [...hidden] },
    step: v.t,
    sizes,
    parameterCount,
    initial: initialLayers(hidden, classes, g, v.s),
    optimizer,
  };
}

/** The extent of the data plane. */
export const DATA_EXTENT = EXTENT;
