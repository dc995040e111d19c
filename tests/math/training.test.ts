import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mlpForwardBackward,
  type DenseLayer,
  type MlpActivation,
  type MlpLoss,
  type MlpOptions,
} from '../../src/math/backprop';
import { minimize, type OptimizerConfig } from '../../src/math/optimizers';
import { mlpPredict, mlpTrain, mlpTrainer } from '../../src/math/training';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

interface Layer {
  W: number[][];
  b: number[];
}

/** The parameters in a fixed order (each layer's W row by row, then its b), written for the tests. */
const flat = (layers: readonly Layer[]): number[] =>
  layers.flatMap(({ W, b }) => [...W.flat(), ...b]);

/** The inverse of `flat` for the shapes of `like`. */
function unflat(p: readonly number[], like: readonly Layer[]): Layer[] {
  let i = 0;
  const take = (n: number): number[] => p.slice(i, (i += n));
  return like.map(({ W, b }) => ({ W: W.map((row) => take(row.length)), b: take(b.length) }));
}

/** Mean loss and mean gradient over the data set, from mlpForwardBackward one example at a time. */
function meanLossAndGradient(
  layers: readonly Layer[],
  inputs: number[][],
  targets: (number[] | number)[],
  options: MlpOptions,
): { loss: number; grad: number[] } {
  let loss = 0;
  const grad = new Array<number>(flat(layers).length).fill(0);
  inputs.forEach((x, n) => {
    const r = mlpForwardBackward(layers, x, targets[n], options);
    loss += r.loss;
    flat(r.grads).forEach((g, i) => (grad[i] += g));
  });
  return { loss: loss / inputs.length, grad: grad.map((g) => g / inputs.length) };
}

const weight = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const vector = (n: number) => fc.array(weight, { minLength: n, maxLength: n });
/** A random network with 1–3 layers of 1–3 units, a data set of 1–4 examples, targets for both losses. */
const problem = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
    fc.integer({ min: 1, max: 4 }),
  )
  .chain(([sizes, count]) =>
    fc.record({
      layers: fc.tuple(
        ...sizes.slice(1).map((out, k) =>
          fc.record({
            W: fc.array(vector(sizes[k]), { minLength: out, maxLength: out }),
            b: vector(out),
          }),
        ),
      ),
      inputs: fc.array(vector(sizes[0]), { minLength: count, maxLength: count }),
      vectorTargets: fc.array(vector(sizes[sizes.length - 1]), {
        minLength: count,
        maxLength: count,
      }),
      classTargets: fc.array(fc.integer({ min: 0, max: sizes[sizes.length - 1] - 1 }), {
        minLength: count,
        maxLength: count,
      }),
    }),
  );

const activations: MlpActivation[] = ['sigmoid', 'tanh', 'relu'];
const lossNames: MlpLoss[] = ['mse', 'softmax-cross-entropy'];

describe('mlpPredict', () => {
  it('mlpPredict of a 1-2-1 tanh network matches the hand computation', () => {
    const layers = [
      { W: [[0.5], [-1]], b: [0.1, 0.2] },
      { W: [[2, 3]], b: [-0.5] },
    ];
    const h = [Math.tanh(0.5 * 2 + 0.1), Math.tanh(-1 * 2 + 0.2)];
    expectAllClose(mlpPredict(layers, [2], 'tanh'), [2 * h[0] + 3 * h[1] - 0.5]);
  });

  it('mlpPredict keeps the last layer linear and applies relu on hidden layers', () => {
    const layers = [
      { W: [[1], [-1]], b: [0, 0] },
      { W: [[-1, -1]], b: [0] },
    ];
    // hidden relu([3, −3]) = [3, 0], output −3 (not clipped to 0).
    expect(mlpPredict(layers, [3], 'relu')).toEqual([-3]);
  });

  it('mlpPredict equals mlpForwardBackward output for every activation', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom(...activations), ({ layers, inputs }, activation) => {
        for (const x of inputs) {
          const expected = mlpForwardBackward(layers, x, 0, {
            activation,
            loss: 'softmax-cross-entropy',
          }).output;
          expectAllClose(mlpPredict(layers, x, activation), expected, { rel: 1e-15, abs: 0 });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('mlpPredict stays finite for large finite weights whose output is representable', () => {
    const layers = [
      { W: [[1e200]], b: [0] },
      { W: [[1e100]], b: [0] },
    ];
    // tanh(1e200) = 1, so the output is 1e100.
    expect(mlpPredict(layers, [1], 'tanh')).toEqual([1e100]);
  });

  it('mlpPredict rejects bad layers, x and activation names, naming them', () => {
    const layers = [{ W: [[1, 2]], b: [0] }];
    expectRangeError(() => mlpPredict([], [1, 2], 'tanh'), /mlpPredict: layers must be/);
    expectRangeError(
      () => mlpPredict(layers, [1], 'tanh'),
      /mlpPredict: layers\[0\]\.W must have 1 columns/,
    );
    expectRangeError(
      () => mlpPredict([{ W: [[1, 2]], b: [0, 1] }], [1, 2], 'tanh'),
      /mlpPredict: layers\[0\]\.b must have 1 entries/,
    );
    expectRangeError(
      () => mlpPredict([{ W: [[1, NaN]], b: [0] }], [1, 2], 'tanh'),
      /mlpPredict: layers\[0\]\.W\[0\]\[1\]/,
    );
    expectRangeError(() => mlpPredict(layers, [], 'tanh'), /mlpPredict: x must not be empty/);
    expectRangeError(() => mlpPredict(layers, [1, Infinity], 'tanh'), /mlpPredict: x\[1\]/);
    expectRangeError(
      () => mlpPredict(layers, [1, 2], 'gelu' as MlpActivation),
      /mlpPredict: activation must be one of sigmoid, tanh, relu, got "gelu"/,
    );
    expectRangeError(
      () =>
        mlpPredict(
          [
            { W: [[1e300]], b: [0] },
            { W: [[1e300]], b: [0] },
          ],
          [1e300],
          'relu',
        ),
      /mlpPredict: layers and x give a non-finite output/,
    );
  });
});

describe('mlpTrain', () => {
  it.each(lossNames)(
    'mlpTrain(%s) losses equal the mean mlpForwardBackward loss along an SGD replay written in the test',
    (loss) => {
      fc.assert(
        fc.property(
          problem,
          fc.constantFrom(...activations),
          fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          fc.integer({ min: 1, max: 5 }),
          ({ layers, inputs, vectorTargets, classTargets }, activation, lr, steps) => {
            const targets = loss === 'mse' ? vectorTargets : classTargets;
            const options = { activation, loss };
            const r = mlpTrain(layers, inputs, targets, options, { name: 'sgd', lr }, steps);
            expect(r.losses).toHaveLength(steps + 1);
            let current: Layer[] = layers;
            for (let k = 0; k <= steps; k++) {
              const { loss: mean, grad } = meanLossAndGradient(current, inputs, targets, options);
              expectClose(r.losses[k], mean, { rel: 1e-12, abs: 1e-14 });
              if (k < steps)
                current = unflat(
                  flat(current).map((p, i) => p - lr * grad[i]),
                  current,
                );
            }
            expectAllClose(flat(r.layers), flat(current), { rel: 1e-10, abs: 1e-12 });
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it.each(lossNames)(
    'mlpTrain(%s) steps along the numerically differentiated mean loss: (θ₀ − θ₁)/lr ≈ ∇L by central differences',
    (loss) => {
      /** The mean loss, forward only, written here: tanh hidden layers, a linear last layer. */
      const meanLoss = (ls: Layer[], inputs: number[][], targets: (number[] | number)[]): number =>
        inputs.reduce((sum, x, n) => {
          let a = x;
          ls.forEach(({ W, b }, k) => {
            const z = W.map((row, r) => row.reduce((s, w, c) => s + w * a[c], b[r]));
            a = k === ls.length - 1 ? z : z.map(Math.tanh);
          });
          const t = targets[n];
          if (typeof t !== 'number')
            return sum + a.reduce((s, o, i) => s + (o - t[i]) ** 2, 0) / a.length;
          const lse = Math.log(a.reduce((s, o) => s + Math.exp(o), 0));
          return sum + lse - a[t];
        }, 0) / inputs.length;
      fc.assert(
        fc.property(problem, ({ layers, inputs, vectorTargets, classTargets }) => {
          const targets = loss === 'mse' ? vectorTargets : classTargets;
          const lr = 0.1;
          const r = mlpTrain(
            layers,
            inputs,
            targets,
            { activation: 'tanh', loss },
            { name: 'sgd', lr },
            1,
          );
          const theta = flat(layers);
          const stepGrad = flat(r.layers).map((p, i) => (theta[i] - p) / lr);
          const h = 1e-6;
          theta.forEach((_, i) => {
            const at = (delta: number) =>
              meanLoss(
                unflat(
                  theta.map((p, j) => (j === i ? p + delta : p)),
                  layers,
                ),
                inputs,
                targets,
              );
            expectClose(stepGrad[i], (at(h) - at(-h)) / (2 * h), { rel: 1e-5, abs: 1e-7 });
          });
          expectClose(r.losses[0], meanLoss(layers, inputs, targets), { rel: 1e-12, abs: 1e-14 });
        }),
        { numRuns: 60 },
      );
    },
  );

  it('mlpTrain with an exponential schedule steps with lr·γᵏ at step k (an SGD replay written in the test)', () => {
    fc.assert(
      fc.property(problem, ({ layers, inputs, vectorTargets }) => {
        const options = { activation: 'sigmoid', loss: 'mse' } as const;
        const [lr, gamma, steps] = [0.3, 0.5, 4];
        const r = mlpTrain(
          layers,
          inputs,
          vectorTargets,
          options,
          { name: 'sgd', lr, schedule: { name: 'exponential', gamma } },
          steps,
        );
        let p = flat(layers);
        for (let k = 0; k < steps; k++) {
          const { grad } = meanLossAndGradient(unflat(p, layers), inputs, vectorTargets, options);
          p = p.map((pi, i) => pi - lr * gamma ** k * grad[i]);
        }
        expectAllClose(flat(r.layers), p, { rel: 1e-10, abs: 1e-12 });
      }),
      { numRuns: 40 },
    );
  });

  it('mlpTrain with SGD at a small rate decreases the loss step by step (smooth activations)', () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom<MlpActivation>('sigmoid', 'tanh'),
        fc.constantFrom(...lossNames),
        ({ layers, inputs, vectorTargets, classTargets }, activation, loss) => {
          const targets = loss === 'mse' ? vectorTargets : classTargets;
          const options = { activation, loss };
          const { grad } = meanLossAndGradient(layers, inputs, targets, options);
          const gradNorm = Math.hypot(...grad);
          fc.pre(gradNorm > 1e-3);
          const { losses } = mlpTrain(
            layers,
            inputs,
            targets,
            options,
            { name: 'sgd', lr: 1e-3 },
            20,
          );
          for (let k = 0; k < 20; k++) expect(losses[k + 1]).toBeLessThanOrEqual(losses[k] + 1e-15);
          // The first-order decrease lr·‖∇L‖² per step, to within a half.
          expect(losses[0] - losses[1]).toBeGreaterThan(0.5 * 1e-3 * gradNorm ** 2);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('mlpTrain learns XOR with a 2-4-2 tanh network and Adam (the loss falls below 0.05)', () => {
    const inputs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const targets = [0, 1, 1, 0];
    const layers = [
      {
        W: [
          [0.5, -0.4],
          [0.3, 0.8],
          [-0.7, 0.2],
          [0.6, 0.6],
        ],
        b: [0, 0, 0, 0],
      },
      {
        W: [
          [0.4, -0.5, 0.3, 0.2],
          [-0.3, 0.6, -0.2, 0.1],
        ],
        b: [0, 0],
      },
    ];
    const { losses, layers: trained } = mlpTrain(
      layers,
      inputs,
      targets,
      { activation: 'tanh', loss: 'softmax-cross-entropy' },
      { name: 'adam', lr: 0.05 },
      300,
    );
    expect(losses[300]).toBeLessThan(0.05);
    inputs.forEach((x, n) => {
      const out = mlpPredict(trained, x, 'tanh');
      expect(out.indexOf(Math.max(...out))).toBe(targets[n]);
    });
  });

  it.each<[string, OptimizerConfig]>([
    [
      'sgd with momentum and weight decay',
      { name: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0.01 },
    ],
    ['adagrad', { name: 'adagrad', lr: 0.1 }],
    ['rmsprop', { name: 'rmsprop', lr: 0.01, alpha: 0.9 }],
    ['adam', { name: 'adam', lr: 0.02, beta1: 0.8, weightDecay: 0.001 }],
    ['sgd with nesterov momentum', { name: 'sgd', lr: 0.05, momentum: 0.8, nesterov: true }],
    ['adamw', { name: 'adamw', lr: 0.02, weightDecay: 0.1 }],
    [
      'adam with a warmup-cosine schedule',
      {
        name: 'adam',
        lr: 0.05,
        schedule: { name: 'warmup-cosine', warmupSteps: 2, tMax: 5, etaMin: 0.001 },
      },
    ],
    [
      'sgd with a step schedule',
      { name: 'sgd', lr: 0.2, schedule: { name: 'step', stepSize: 2, gamma: 0.5 } },
    ],
  ])('mlpTrain with %s follows minimize on the flattened parameters', (_, config) => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom(...activations),
        ({ layers, inputs, vectorTargets }, activation) => {
          const options = { activation, loss: 'mse' } as const;
          const steps = 6;
          const r = mlpTrain(layers, inputs, vectorTargets, options, config, steps);
          const trajectory = minimize(
            config,
            (p) => meanLossAndGradient(unflat(p, layers), inputs, vectorTargets, options).grad,
            flat(layers),
            steps,
          );
          trajectory.forEach((p, k) =>
            expectClose(
              r.losses[k],
              meanLossAndGradient(unflat(p, layers), inputs, vectorTargets, options).loss,
              {
                rel: 1e-9,
                abs: 1e-12,
              },
            ),
          );
          expectAllClose(flat(r.layers), trajectory[steps], { rel: 1e-9, abs: 1e-12 });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('mlpTrain does not mutate its input layers and returns plain arrays shaped like them', () => {
    const layers = [
      {
        W: [
          [0.2, -0.1],
          [0.4, 0.3],
        ],
        b: [0.1, -0.2],
      },
      { W: [[1, -1]], b: [0] },
    ];
    const copy = structuredClone(layers);
    const r = mlpTrain(
      layers,
      [
        [1, 2],
        [-1, 0.5],
      ],
      [[1], [0]],
      { activation: 'sigmoid', loss: 'mse' },
      { name: 'sgd', lr: 0.1 },
      3,
    );
    expect(layers).toEqual(copy);
    expect(r.layers.map(({ W, b }) => [W.length, W[0].length, b.length])).toEqual([
      [2, 2, 2],
      [1, 2, 1],
    ]);
    expect(Array.isArray(r.layers[0].W[0])).toBe(true);
    expect(r.layers[0].W).not.toBe(layers[0].W);
  });

  describe('bad input', () => {
    const layers: DenseLayer[] = [
      { W: [[1, 2]], b: [0] },
      { W: [[1], [2]], b: [0, 0] },
    ];
    const inputs = [
      [1, 2],
      [3, 4],
    ];
    const vt = [
      [1, 0],
      [0, 1],
    ];
    const ct = [0, 1];
    const mse = { activation: 'tanh', loss: 'mse' } as const;
    const ce = { activation: 'relu', loss: 'softmax-cross-entropy' } as const;
    const sgd = { name: 'sgd', lr: 0.1 } as const;

    it('mlpTrain rejects bad layers naming layers, layers[k].W or layers[k].b', () => {
      expectRangeError(
        () => mlpTrain([], inputs, vt, mse, sgd, 1),
        /mlpTrain: layers must be a non-empty array/,
      );
      expectRangeError(
        () => mlpTrain([{ W: [[1, 2, 3]], b: [0] }], inputs, [[1], [0]], mse, sgd, 1),
        /mlpTrain: layers\[0\]\.W must have 2 columns \(the size of inputs\[i\]\)/,
      );
      expectRangeError(
        () => mlpTrain([layers[0], { W: [[1], [2]], b: [0] }], inputs, vt, mse, sgd, 1),
        /mlpTrain: layers\[1\]\.b must have 2 entries/,
      );
      expectRangeError(
        () => mlpTrain([{ W: [[1, NaN]], b: [0] }], inputs, [[1], [0]], mse, sgd, 1),
        /mlpTrain: layers\[0\]\.W\[0\]\[1\]/,
      );
    });

    it('mlpTrain rejects empty, ragged or non-finite inputs naming inputs', () => {
      expectRangeError(
        () => mlpTrain(layers, [], [], mse, sgd, 1),
        /mlpTrain: inputs must have at least one row/,
      );
      expectRangeError(
        () => mlpTrain(layers, [[1, 2], [3]], vt, mse, sgd, 1),
        /mlpTrain: inputs\[1\]/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            [
              [1, 2],
              [3, NaN],
            ],
            vt,
            mse,
            sgd,
            1,
          ),
        /mlpTrain: inputs\[1\]\[1\]/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            [
              [1, 2],
              [-Infinity, 0],
            ],
            vt,
            mse,
            sgd,
            1,
          ),
        /mlpTrain: inputs\[1\]\[0\]/,
      );
    });

    it('mlpTrain rejects targets of the wrong count, length, value or kind naming targets', () => {
      expectRangeError(
        () => mlpTrain(layers, inputs, [[1, 0]], mse, sgd, 1),
        /mlpTrain: targets must be an array of 2 targets/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, [[1, 0], [1]], mse, sgd, 1),
        /mlpTrain: targets\[1\] must have 2 entries/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            [
              [1, 0],
              [1, NaN],
            ],
            mse,
            sgd,
            1,
          ),
        /mlpTrain: targets\[1\]\[1\]/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, ct, mse, sgd, 1),
        /mlpTrain: targets\[0\] must be a vector/,
      );
      for (const bad of [-1, 2, 0.5, NaN]) {
        expectRangeError(
          () => mlpTrain(layers, inputs, [0, bad], ce, sgd, 1),
          /mlpTrain: targets\[1\] must be an integer in 0…1/,
        );
      }
      expectRangeError(() => mlpTrain(layers, inputs, vt, ce, sgd, 1), /mlpTrain: targets\[0\]/);
    });

    it('mlpTrain rejects unknown activation and loss names naming options', () => {
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            vt,
            { activation: 'gelu', loss: 'mse' } as unknown as MlpOptions,
            sgd,
            1,
          ),
        /mlpTrain: options\.activation must be one of/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            vt,
            { activation: 'tanh', loss: 'hinge' } as unknown as MlpOptions,
            sgd,
            1,
          ),
        /mlpTrain: options\.loss must be one of/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, null as unknown as MlpOptions, sgd, 1),
        /mlpTrain: options must be an object/,
      );
    });

    it('mlpTrain rejects a bad optimizer config naming optimizer and its field', () => {
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            vt,
            mse,
            { name: 'lbfgs', lr: 1 } as unknown as OptimizerConfig,
            1,
          ),
        /mlpTrain: optimizer\.name must be one of/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, { name: 'adam', lr: 0 }, 1),
        /mlpTrain: optimizer\.lr/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, { name: 'adam', lr: 0.1, beta1: 1 }, 1),
        /mlpTrain: optimizer\.beta1/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, { name: 'sgd', lr: 0.1, momentum: -1 }, 1),
        /mlpTrain: optimizer\.momentum/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, null as unknown as OptimizerConfig, 1),
        /mlpTrain: optimizer/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, { name: 'sgd', lr: 0.1, nesterov: true }, 1),
        /mlpTrain: optimizer\.nesterov/,
      );
      expectRangeError(
        () => mlpTrain(layers, inputs, vt, mse, { name: 'adamw', lr: 0.1, weightDecay: -1 }, 1),
        /mlpTrain: optimizer\.weightDecay/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            vt,
            mse,
            { name: 'adam', lr: 0.1, schedule: { name: 'cosine', tMax: 0 } },
            1,
          ),
        /mlpTrain: optimizer\.schedule\.tMax/,
      );
      expectRangeError(
        () =>
          mlpTrain(
            layers,
            inputs,
            vt,
            mse,
            { name: 'adam', lr: 0.1, schedule: { name: 'cyclic' } } as unknown as OptimizerConfig,
            1,
          ),
        /mlpTrain: optimizer\.schedule\.name/,
      );
    });

    it('mlpTrain rejects steps that are not a positive integer', () => {
      for (const bad of [0, -1, 1.5, NaN, Infinity]) {
        expectRangeError(
          () => mlpTrain(layers, inputs, vt, mse, sgd, bad),
          /mlpTrain: steps must be a positive integer/,
        );
      }
    });

    it('mlpTrain reports a diverging optimizer (a non-finite loss) naming optimizer', () => {
      // Plain SGD at a huge rate on mse: the weights grow without bound until the loss overflows.
      const linear = [{ W: [[1]], b: [0] }];
      expectRangeError(
        () => mlpTrain(linear, [[10]], [[0]], mse, { name: 'sgd', lr: 1e6 }, 200),
        /mlpTrain: optimizer diverged/,
      );
    });
  });
});

describe('mlpTrainer', () => {
  const configs: OptimizerConfig[] = [
    { name: 'sgd', lr: 0.1, momentum: 0.9 },
    { name: 'adagrad', lr: 0.1 },
    { name: 'rmsprop', lr: 0.01 },
    { name: 'adam', lr: 0.05 },
    { name: 'adamw', lr: 0.05 },
  ];
  it('mlpTrainer: k advances give mlpTrain(k)’s losses and layers for every optimizer (buffers kept between steps)', () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom(...activations),
        fc.constantFrom(...lossNames),
        fc.constantFrom(...configs),
        fc.integer({ min: 1, max: 6 }),
        ({ layers, inputs, vectorTargets, classTargets }, activation, loss, config, steps) => {
          const targets = loss === 'mse' ? vectorTargets : classTargets;
          const options = { activation, loss };
          const whole = mlpTrain(layers, inputs, targets, options, config, steps);
          const t = mlpTrainer(layers, inputs, targets, options, config);
          const losses = [t.loss];
          for (let k = 0; k < steps; k++) losses.push(t.advance());
          expect(t.step).toBe(steps);
          expectAllClose(losses, whole.losses, { rel: 1e-12, abs: 1e-14 });
          expectAllClose(flat(t.layers()), flat(whole.layers), { rel: 1e-12, abs: 1e-14 });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('mlpTrainer: a clone continues as the original would, and advancing it leaves the original alone', () => {
    const layers = [
      {
        W: [
          [0.5, -0.3],
          [0.2, 0.8],
        ],
        b: [0.1, -0.1],
      },
      { W: [[1, -1]], b: [0] },
    ];
    const inputs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const targets = [[0], [1], [1], [0]];
    const options = { activation: 'tanh', loss: 'mse' } as const;
    const t = mlpTrainer(layers, inputs, targets, options, { name: 'adam', lr: 0.1 });
    for (let k = 0; k < 3; k++) t.advance();
    const c = t.clone();
    const before = flat(t.layers());
    for (let k = 0; k < 4; k++) c.advance();
    expect(flat(t.layers())).toEqual(before);
    for (let k = 0; k < 4; k++) t.advance();
    expect(flat(c.layers())).toEqual(flat(t.layers()));
    expect(c.loss).toBe(t.loss);
    expect(mlpTrain(layers, inputs, targets, options, { name: 'adam', lr: 0.1 }, 7).losses[7]).toBe(
      t.loss,
    );
  });

  it('mlpTrainer: bad input throws a RangeError naming mlpTrainer and the parameter', () => {
    const layers = [{ W: [[1, 1]], b: [0] }];
    expectRangeError(
      () =>
        mlpTrainer(layers, [[1, 2]], [[1]], { activation: 'tanh', loss: 'mse' }, {
          name: 'x',
        } as never),
      /mlpTrainer: optimizer/,
    );
    expectRangeError(
      () =>
        mlpTrainer(
          layers,
          [[1, 2]],
          [[1], [2]],
          { activation: 'tanh', loss: 'mse' },
          { name: 'sgd', lr: 1 },
        ),
      /mlpTrainer: targets/,
    );
    const t = mlpTrainer(
      [{ W: [[1, 1]], b: [0] }],
      [[1e100, 1e100]],
      [[0]],
      { activation: 'tanh', loss: 'mse' },
      { name: 'sgd', lr: 1e10 },
    );
    expectRangeError(() => t.advance(), /mlpTrainer: optimizer diverged/);
  });
});
