import {
  createRandom,
  mlpPredict,
  mlpTrainer,
  normalSample,
  softmax,
  softmaxCrossEntropy,
} from '../../math';
import type {
  DenseLayer,
  MlpActivation,
  MlpTrainer,
  OptimizerConfig,
  TrainedLayer,
} from '../../math';
import { DATASETS, EXTENT, makeDataset } from './data';
import type { Dataset } from './data';

/** The optimizers offered (those of `minimize`), by choice value. */
export const OPTIMIZERS = [
  'sgd',
  'sgd-momentum',
  'adagrad',
  'rmsprop',
  'adam',
  // added later: after the first five, so that links keep their choice
  'sgd-nesterov',
  'adamw',
] as const;
export type OptimizerKey = (typeof OPTIMIZERS)[number];

/** The optimizer config of a choice and a learning rate. */
export function optimizerConfig(key: OptimizerKey, lr: number): OptimizerConfig {
  if (key === 'sgd-momentum') return { name: 'sgd', lr, momentum: 0.9 };
  if (key === 'sgd-nesterov') return { name: 'sgd', lr, momentum: 0.9, nesterov: true };
  if (key === 'adamw') return { name: 'adamw', lr, weightDecay: 0.01 };
  return { name: key, lr };
}

/** Everything that fixes a training run, and the step to show. */
export interface TrainingInput {
  data: number;
  classes: 2 | 3;
  noise: number;
  trainShare: number;
  /** Neurons of each hidden layer. */
  hidden: number[];
  activation: MlpActivation;
  optimizer: OptimizerKey;
  lr: number;
  seed: number;
  step: number;
}

/** Cells along each side of the decision-region grid. */
export const GRID = 40;

/** What the worker answers for an input. */
export interface TrainingOutput {
  /** The step shown: the input's, or the last step before the run diverged. */
  step: number;
  /** Mean cross-entropy on the training and the test points at steps 0 … step. */
  trainLoss: number[];
  testLoss: number[];
  /** Share of training and test points classified right at `step`. */
  trainAccuracy: number;
  testAccuracy: number;
  /** The network at `step`. */
  layers: TrainedLayer[];
  /**
   * The decision regions: GRID rows (row 0 at the bottom, x₂ = −EXTENT) of GRID cells,
   * each the winning class plus its probability (class + p, p ∈ [1/K, 1]).
   */
  regions: number[][];
  /** The step at which the loss or a weight became infinite, or null. */
  divergedAt: number | null;
}

/** The seed of the starting weights: another stream than the data's. */
const initSeed = (seed: number) => (seed ^ 0x9e3779b9) >>> 0;

/**
 * The starting network for a seed: weights drawn from N(0, 1/fan-in) (twice that for
 * ReLU, He's rule), biases 0; K outputs (the logits).
 */
export function initialLayers(
  hidden: readonly number[],
  classes: number,
  activation: MlpActivation,
  seed: number,
): DenseLayer[] {
  const random = createRandom(initSeed(seed));
  const sizes = [2, ...hidden, classes];
  const layers: DenseLayer[] = [];
  for (let k = 0; k + 1 < sizes.length; k++) {
    const fanIn = sizes[k];
    const gain = activation === 'relu' && k + 2 < sizes.length ? 2 : 1;
    const sd = Math.sqrt(gain / fanIn);
    const W = Array.from({ length: sizes[k + 1] }, () =>
      Array.from({ length: fanIn }, () => normalSample(random, 0, sd)),
    );
    layers.push({ W, b: new Array<number>(sizes[k + 1]).fill(0) });
  }
  return layers;
}

/** The data set of an input. */
export function datasetOf(
  input: Pick<TrainingInput, 'data' | 'classes' | 'noise' | 'trainShare' | 'seed'>,
): Dataset {
  return makeDataset(
    DATASETS[input.data],
    input.classes,
    input.noise,
    input.trainShare,
    input.seed,
  );
}

/** Mean cross-entropy and accuracy of a network on some points. */
export function evaluate(
  layers: readonly DenseLayer[],
  points: readonly (readonly number[])[],
  labels: readonly number[],
  activation: MlpActivation,
): { loss: number; accuracy: number } {
  let loss = 0;
  let right = 0;
  points.forEach((x, i) => {
    const out = mlpPredict(layers, x, activation);
    loss += softmaxCrossEntropy(out, labels[i]);
    if (argmax(out) === labels[i]) right++;
  });
  return { loss: loss / points.length, accuracy: right / points.length };
}

function argmax(v: readonly number[]): number {
  let at = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[at]) at = i;
  return at;
}

/** Centre of cell i of GRID along an axis over [−EXTENT, EXTENT]. */
export const cellCentre = (i: number) => -EXTENT + ((i + 0.5) * 2 * EXTENT) / GRID;

/** The decision regions of a network (see `TrainingOutput.regions`). */
export function regionsOf(layers: readonly DenseLayer[], activation: MlpActivation): number[][] {
  return Array.from({ length: GRID }, (_, r) =>
    Array.from({ length: GRID }, (_, c) => {
      const p = softmax(mlpPredict(layers, [cellCentre(c), cellCentre(r)], activation));
      const k = argmax(p);
      return k + p[k];
    }),
  );
}

/** Steps between the saved copies a step back restarts from. */
const CHECKPOINT_EVERY = 50;

interface Run {
  key: string;
  trainer: MlpTrainer;
  checkpoints: Map<number, MlpTrainer>;
  trainLoss: number[];
  testLoss: number[];
  divergedAt: number | null;
  test: { points: [number, number][]; labels: number[] };
}

/**
 * A training session for the worker: answers an input by advancing the run it already has
 * (the same network, data and optimizer) to the step asked for, from the nearest saved copy
 * when the step is earlier, or by starting afresh. The answer depends on the input alone:
 * a run resumed gives the numbers of a run trained from step 0 (`mlpTrainer`).
 */
export function createTrainingSession(): (input: TrainingInput) => TrainingOutput {
  let run: Run | null = null;
  return (input) => {
    const { step: _step, ...rest } = input;
    const key = JSON.stringify(rest);
    if (run === null || run.key !== key) run = startRun(input, key);
    const r = run;
    const target = Math.max(0, Math.floor(input.step));
    if (target < r.trainer.step) {
      const from = Math.floor(target / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
      r.trainer = r.checkpoints.get(from)!.clone();
    }
    while (
      r.trainer.step < target &&
      (r.divergedAt === null || r.trainer.step + 1 < r.divergedAt)
    ) {
      const t = r.trainer.step;
      const before = r.trainer.clone();
      try {
        const loss = r.trainer.advance();
        const testLoss = evaluate(
          r.trainer.layers(),
          r.test.points,
          r.test.labels,
          input.activation,
        ).loss;
        if (!Number.isFinite(testLoss)) throw new RangeError('test loss overflowed');
        if (r.trainLoss.length === t + 1) {
          r.trainLoss.push(loss);
          r.testLoss.push(testLoss);
        }
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        // the step that overflowed is undone: the run stays at its last finite step
        r.trainer = before;
        r.divergedAt = t + 1;
        break;
      }
      if (r.trainer.step % CHECKPOINT_EVERY === 0 && !r.checkpoints.has(r.trainer.step)) {
        r.checkpoints.set(r.trainer.step, r.trainer.clone());
      }
    }
    const shown = r.trainer.step;
    const layers = r.trainer.layers();
    const data = datasetOf(input);
    const train = evaluate(
      layers,
      data.points.slice(0, data.trainCount),
      data.labels.slice(0, data.trainCount),
      input.activation,
    );
    const test = evaluate(layers, r.test.points, r.test.labels, input.activation);
    return {
      step: shown,
      trainLoss: r.trainLoss.slice(0, shown + 1),
      testLoss: r.testLoss.slice(0, shown + 1),
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      layers,
      regions: regionsOf(layers, input.activation),
      divergedAt: r.divergedAt !== null && target >= r.divergedAt ? r.divergedAt : null,
    };
  };
}

function startRun(input: TrainingInput, key: string): Run {
  const data = datasetOf(input);
  const n = data.trainCount;
  const layers = initialLayers(input.hidden, input.classes, input.activation, input.seed);
  const trainer = mlpTrainer(
    layers,
    data.points.slice(0, n),
    data.labels.slice(0, n),
    { activation: input.activation, loss: 'softmax-cross-entropy' },
    optimizerConfig(input.optimizer, input.lr),
  );
  const test = { points: data.points.slice(n), labels: data.labels.slice(n) };
  return {
    key,
    trainer,
    checkpoints: new Map([[0, trainer.clone()]]),
    trainLoss: [trainer.loss],
    testLoss: [evaluate(layers, test.points, test.labels, input.activation).loss],
    divergedAt: null,
    test,
  };
}
