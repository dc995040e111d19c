import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mlpForwardBackward,
  type DenseLayer,
  type MlpActivation,
  type MlpLoss,
} from '../../src/math/backprop';
import { expectAllClose, expectClose } from '../helpers/asserts';

interface Layer {
  W: number[][];
  b: number[];
}

const phi: Record<MlpActivation, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  relu: (z) => (z > 0 ? z : 0),
};

/** Forward pass written independently of src/math: returns the pre-activations and the loss. */
function referenceForward(
  layers: Layer[],
  x: number[],
  target: number[] | number,
  activation: MlpActivation,
  loss: MlpLoss,
): { zs: number[][]; loss: number } {
  let a = x;
  const zs: number[][] = [];
  layers.forEach(({ W, b }, k) => {
    const z = W.map((row, r) => row.reduce((s, w, c) => s + w * a[c], b[r]));
    zs.push(z);
    a = k === layers.length - 1 ? z : z.map(phi[activation]);
  });
  if (loss === 'mse') {
    const y = target as number[];
    return { zs, loss: a.reduce((s, o, i) => s + (o - y[i]) ** 2, 0) / a.length };
  }
  const max = Math.max(...a);
  const lse = max + Math.log(a.reduce((s, o) => s + Math.exp(o - max), 0));
  return { zs, loss: lse - a[target as number] };
}

const weight = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const vector = (n: number) => fc.array(weight, { minLength: n, maxLength: n });
const network = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 })
  .chain((sizes) =>
    fc.tuple(
      fc.constant(sizes),
      fc.tuple(
        ...sizes.slice(1).map((out, k) =>
          fc.record({
            W: fc.array(vector(sizes[k]), { minLength: out, maxLength: out }),
            b: vector(out),
          }),
        ),
      ),
      vector(sizes[0]),
      vector(sizes[sizes.length - 1]),
      fc.nat(),
    ),
  );

describe('mlpForwardBackward', () => {
  it('mlpForwardBackward of a 1-1-1 sigmoid network with mse matches the hand-derived chain rule', () => {
    const [w1, b1, w2, b2, x, y] = [0.5, 0.1, -1.5, 0.2, 2, 1];
    const z1 = w1 * x + b1; // 1.1
    const a1 = 1 / (1 + Math.exp(-z1));
    const out = w2 * a1 + b2;
    const dOut = 2 * (out - y); // d(out − y)²/d out, n = 1
    const dz1 = dOut * w2 * a1 * (1 - a1);
    const r = mlpForwardBackward(
      [
        { W: [[w1]], b: [b1] },
        { W: [[w2]], b: [b2] },
      ],
      [x],
      [y],
      { activation: 'sigmoid', loss: 'mse' },
    );
    expectAllClose(r.activations, [[x], [a1], [out]]);
    expectAllClose(r.output, [out]);
    expectClose(r.loss, (out - y) ** 2);
    expectAllClose(r.grads[1].W, [[dOut * a1]]);
    expectAllClose(r.grads[1].b, [dOut]);
    expectAllClose(r.grads[0].W, [[dz1 * x]]);
    expectAllClose(r.grads[0].b, [dz1]);
  });

  it('mlpForwardBackward of a 1-1-1 tanh network: ∂L/∂w₁ = 2(out − y)·w₂·(1 − tanh²z₁)·x', () => {
    const [w1, b1, w2, b2, x, y] = [-0.7, 0.3, 2, -0.1, 1.5, 0.25];
    const z1 = w1 * x + b1;
    const a1 = Math.tanh(z1);
    const out = w2 * a1 + b2;
    const dz1 = 2 * (out - y) * w2 * (1 - a1 * a1);
    const r = mlpForwardBackward(
      [
        { W: [[w1]], b: [b1] },
        { W: [[w2]], b: [b2] },
      ],
      [x],
      [y],
      { activation: 'tanh', loss: 'mse' },
    );
    expectAllClose(r.grads[0].W, [[dz1 * x]]);
    expectAllClose(r.grads[0].b, [dz1]);
  });

  it('mlpForwardBackward with one linear layer and softmax cross-entropy: ∂L/∂b = softmax − onehot', () => {
    const W = [
      [1, 0],
      [0, 1],
      [1, -1],
    ];
    const b = [0, 0.5, -0.5];
    const x = [2, 1];
    const logits = [2, 1.5, 0.5];
    const e = logits.map(Math.exp);
    const z = e[0] + e[1] + e[2];
    const p = e.map((v) => v / z);
    const r = mlpForwardBackward([{ W, b }], x, 1, {
      activation: 'relu',
      loss: 'softmax-cross-entropy',
    });
    expectAllClose(r.output, logits);
    expectClose(r.loss, Math.log(z) - 1.5);
    expectAllClose(r.grads[0].b, [p[0], p[1] - 1, p[2]]);
    expectAllClose(r.grads[0].W, [
      [2 * p[0], p[0]],
      [2 * (p[1] - 1), p[1] - 1],
      [2 * p[2], p[2]],
    ]);
  });

  it('mlpForwardBackward applies relu on hidden layers with relu′(0) = 0 and keeps the last layer linear', () => {
    // Hidden pre-activations [−1, 0, 2]: relu gives [0, 0, 2]; the output −3 stays negative.
    const layers: DenseLayer[] = [
      { W: [[-1], [0], [2]], b: [0, 0, 0] },
      { W: [[1, 1, -1.5]], b: [0] },
    ];
    const r = mlpForwardBackward(layers, [1], [0], { activation: 'relu', loss: 'mse' });
    expect(r.activations).toEqual([[1], [0, 0, 2], [-3]]);
    // dL/dout = 2·(−3) = −6; hidden deltas = W₂ᵀ·(−6) ⊙ relu′(z) = [−6·0, −6·0, 9·1].
    expectAllClose(r.grads[1].W, [[0, 0, -12]]);
    expectAllClose(r.grads[0].b, [0, 0, 9]);
    expectAllClose(r.grads[0].W, [[0], [0], [9]]);
  });

  it('mlpForwardBackward mse averages over the outputs: dL/dout = 2(out − y)/n', () => {
    const r = mlpForwardBackward(
      [
        {
          W: [
            [1, 0],
            [0, 1],
          ],
          b: [0, 0],
        },
      ],
      [3, -1],
      [1, 1],
      { activation: 'tanh', loss: 'mse' },
    );
    expect(r.loss).toBe((4 + 4) / 2);
    expect(r.grads[0].b).toEqual([2, -2]);
  });

  it.each([
    ['sigmoid', 'mse'],
    ['tanh', 'mse'],
    ['relu', 'mse'],
    ['sigmoid', 'softmax-cross-entropy'],
    ['tanh', 'softmax-cross-entropy'],
    ['relu', 'softmax-cross-entropy'],
  ] as const)(
    'mlpForwardBackward(%s, %s) gradients agree with central finite differences',
    (activation, loss) => {
      fc.assert(
        fc.property(network, ([sizes, layers, x, y, classSeed]) => {
          const target = loss === 'mse' ? y : classSeed % sizes[sizes.length - 1];
          const ref = referenceForward(layers, x, target, activation, loss);
          if (activation === 'relu') {
            // Keep every hidden pre-activation away from the kink at 0.
            fc.pre(ref.zs.slice(0, -1).every((z) => z.every((v) => Math.abs(v) > 1e-2)));
          }
          const r = mlpForwardBackward(layers, x, target, { activation, loss });
          expectClose(r.loss, ref.loss, { rel: 1e-12, abs: 1e-14 });
          const h = 1e-6;
          const lossAt = (mutate: (ls: Layer[]) => void): number => {
            const copy = layers.map((l) => ({ W: l.W.map((row) => [...row]), b: [...l.b] }));
            mutate(copy);
            return referenceForward(copy, x, target, activation, loss).loss;
          };
          layers.forEach((layer, k) => {
            layer.W.forEach((row, i) =>
              row.forEach((_, j) => {
                const up = lossAt((ls) => (ls[k].W[i][j] += h));
                const down = lossAt((ls) => (ls[k].W[i][j] -= h));
                expectClose(r.grads[k].W[i][j], (up - down) / (2 * h), { rel: 1e-5, abs: 1e-8 });
              }),
            );
            layer.b.forEach((_, i) => {
              const up = lossAt((ls) => (ls[k].b[i] += h));
              const down = lossAt((ls) => (ls[k].b[i] -= h));
              expectClose(r.grads[k].b[i], (up - down) / (2 * h), { rel: 1e-5, abs: 1e-8 });
            });
          });
        }),
        { numRuns: 60 },
      );
    },
  );

  it('mlpForwardBackward returns activations of every layer and gradients shaped like the layers', () => {
    const layers: DenseLayer[] = [
      {
        W: [
          [0.1, 0.2, 0.3],
          [0.4, 0.5, 0.6],
        ],
        b: [0, 0],
      },
      {
        W: [
          [1, -1],
          [0.5, 0.5],
          [2, 0],
          [0, 2],
        ],
        b: [0, 0, 0, 0],
      },
      { W: [[1, 1, 1, 1]], b: [0] },
    ];
    const r = mlpForwardBackward(layers, [1, 2, 3], [0], { activation: 'sigmoid', loss: 'mse' });
    expect(r.activations.map((a) => a.length)).toEqual([3, 2, 4, 1]);
    expect(r.activations[0]).toEqual([1, 2, 3]);
    expect(r.output).toEqual(r.activations[3]);
    expect(r.grads.map((g) => [g.W.length, g.W[0].length, g.b.length])).toEqual([
      [2, 3, 2],
      [4, 2, 4],
      [1, 4, 1],
    ]);
  });
});

describe('bad input', () => {
  const layers: DenseLayer[] = [
    { W: [[1, 2]], b: [0] },
    { W: [[1], [2]], b: [0, 0] },
  ];
  const opts = { activation: 'tanh', loss: 'mse' } as const;

  it('mlpForwardBackward rejects empty or non-array layers naming layers', () => {
    expect(() => mlpForwardBackward([], [1], [1], opts)).toThrow(RangeError);
    expect(() => mlpForwardBackward([], [1], [1], opts)).toThrow(
      /mlpForwardBackward: layers must be a non-empty array/,
    );
    const notLayer = [null] as unknown as DenseLayer[];
    expect(() => mlpForwardBackward(notLayer, [1], [1], opts)).toThrow(
      /mlpForwardBackward: layers\[0\]/,
    );
  });

  it('mlpForwardBackward rejects W with the wrong number of columns or ragged rows, naming layers[k].W', () => {
    expect(() => mlpForwardBackward(layers, [1, 2, 3], [1, 1], opts)).toThrow(RangeError);
    expect(() => mlpForwardBackward(layers, [1, 2, 3], [1, 1], opts)).toThrow(
      /mlpForwardBackward: layers\[0\]\.W must have 3 columns/,
    );
    const badSecond: DenseLayer[] = [layers[0], { W: [[1, 1]], b: [0] }];
    expect(() => mlpForwardBackward(badSecond, [1, 2], [1], opts)).toThrow(
      /layers\[1\]\.W must have 1 columns/,
    );
    const ragged: DenseLayer[] = [{ W: [[1, 2], [3]], b: [0, 0] }];
    expect(() => mlpForwardBackward(ragged, [1, 2], [1, 1], opts)).toThrow(/layers\[0\]\.W\[1\]/);
    const empty: DenseLayer[] = [{ W: [], b: [] }];
    expect(() => mlpForwardBackward(empty, [1], [1], opts)).toThrow(/layers\[0\]\.W/);
  });

  it('mlpForwardBackward rejects b of the wrong length naming layers[k].b', () => {
    const bad: DenseLayer[] = [layers[0], { W: [[1], [2]], b: [0] }];
    expect(() => mlpForwardBackward(bad, [1, 2], [1, 1], opts)).toThrow(
      /mlpForwardBackward: layers\[1\]\.b must have 2 entries/,
    );
  });

  it('mlpForwardBackward rejects NaN and infinities in W, b and x, naming them', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => mlpForwardBackward([{ W: [[bad]], b: [0] }], [1], [1], opts)).toThrow(
        /layers\[0\]\.W\[0\]\[0\]/,
      );
      expect(() => mlpForwardBackward([{ W: [[1]], b: [bad] }], [1], [1], opts)).toThrow(
        /layers\[0\]\.b\[0\]/,
      );
      expect(() => mlpForwardBackward([{ W: [[1]], b: [0] }], [bad], [1], opts)).toThrow(
        /mlpForwardBackward: x\[0\]/,
      );
    }
    expect(() => mlpForwardBackward([{ W: [[1]], b: [0] }], [], [1], opts)).toThrow(
      /mlpForwardBackward: x must not be empty/,
    );
  });

  it('mlpForwardBackward rejects unknown activation and loss names', () => {
    const gelu = { activation: 'gelu', loss: 'mse' } as unknown as typeof opts;
    expect(() => mlpForwardBackward(layers, [1, 2], [1, 1], gelu)).toThrow(RangeError);
    expect(() => mlpForwardBackward(layers, [1, 2], [1, 1], gelu)).toThrow(
      /mlpForwardBackward: options\.activation must be one of/,
    );
    const hinge = { activation: 'relu', loss: 'hinge' } as unknown as typeof opts;
    expect(() => mlpForwardBackward(layers, [1, 2], [1, 1], hinge)).toThrow(
      /mlpForwardBackward: options\.loss must be one of/,
    );
    const proto = { activation: 'toString', loss: 'mse' } as unknown as typeof opts;
    expect(() => mlpForwardBackward(layers, [1, 2], [1, 1], proto)).toThrow(/options\.activation/);
  });

  it('mlpForwardBackward rejects an mse target of the wrong length, non-finite or not a vector', () => {
    expect(() => mlpForwardBackward(layers, [1, 2], [1], opts)).toThrow(
      /mlpForwardBackward: target must have 2 entries/,
    );
    expect(() => mlpForwardBackward(layers, [1, 2], [1, NaN], opts)).toThrow(
      /mlpForwardBackward: target\[1\]/,
    );
    expect(() => mlpForwardBackward(layers, [1, 2], [1, Infinity], opts)).toThrow(/target\[1\]/);
    expect(() => mlpForwardBackward(layers, [1, 2], 0, opts)).toThrow(
      /mlpForwardBackward: target must be a vector/,
    );
  });

  it('mlpForwardBackward rejects a class index outside 0…n−1 or not an integer', () => {
    const ce = { activation: 'relu', loss: 'softmax-cross-entropy' } as const;
    for (const bad of [-1, 2, 0.5, NaN, Infinity]) {
      expect(() => mlpForwardBackward(layers, [1, 2], bad, ce)).toThrow(RangeError);
      expect(() => mlpForwardBackward(layers, [1, 2], bad, ce)).toThrow(
        /mlpForwardBackward: target must be an integer in 0…1/,
      );
    }
    expect(() => mlpForwardBackward(layers, [1, 2], [1, 0], ce)).toThrow(
      /mlpForwardBackward: target/,
    );
  });
});
