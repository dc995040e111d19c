import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledDotProductAttention } from '../../src/math/attention';
import {
  feedForward,
  multiHeadAttention,
  transformerBlock,
  type AttentionWeights,
  type FeedForwardWeights,
  type TransformerBlockParams,
} from '../../src/math/transformer';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/*
 * Naive references written for these tests, independent of src/math: plain
 * loops for X Wᵀ + b, softmax, attention, layer norm and the block; GELU from
 * its erf with the known values Φ(1) = 0.8413447460685429 checked below.
 */

type M = number[][];

/** X Wᵀ + b by triple loop. */
const lin = (X: M, W: M, b?: number[]): M =>
  X.map((x) => W.map((w, j) => w.reduce((s, wc, c) => s + wc * x[c], 0) + (b ? b[j] : 0)));

/** softmax over the visible entries, 0 on the hidden ones. */
function maskedSoftmax(row: number[], visible: boolean[]): number[] {
  const max = Math.max(...row.filter((_, j) => visible[j]));
  const e = row.map((s, j) => (visible[j] ? Math.exp(s - max) : 0));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** Multi-head attention by loops: each head on its column block, then concat Woᵀ + bo. */
function naiveMha(X: M, w: AttentionWeights, h: number, causal: boolean): { concat: M; output: M } {
  const Q = lin(X, w.Wq as M, w.bq as number[]);
  const K = lin(X, w.Wk as M, w.bk as number[]);
  const V = lin(X, w.Wv as M, w.bv as number[]);
  const n = X.length;
  const d = X[0].length;
  const dh = d / h;
  const concat: M = X.map(() => new Array<number>(d).fill(0));
  for (let head = 0; head < h; head++) {
    const lo = head * dh;
    for (let i = 0; i < n; i++) {
      const scores: number[] = [];
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let c = lo; c < lo + dh; c++) s += Q[i][c] * K[j][c];
        scores.push(s / Math.sqrt(dh));
      }
      const p = maskedSoftmax(
        scores,
        scores.map((_, j) => !causal || j <= i),
      );
      for (let c = lo; c < lo + dh; c++) {
        for (let j = 0; j < n; j++) concat[i][c] += p[j] * V[j][c];
      }
    }
  }
  return { concat, output: lin(concat, w.Wo as M, w.bo as number[]) };
}

/** erf by its Maclaurin series (|x| ≲ 3 here), for GELU(x) = x(1 + erf(x/√2))/2. */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
const geluRef = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));

function naiveLayerNorm(
  x: number[],
  gamma?: readonly number[],
  beta?: readonly number[],
  eps = 1e-5,
) {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
  return x.map(
    (v, i) =>
      ((v - mean) / Math.sqrt(variance + eps)) * (gamma ? gamma[i] : 1) + (beta ? beta[i] : 0),
  );
}

function naiveBlock(X: M, p: TransformerBlockParams, h: number, causal: boolean, eps = 1e-5): M {
  const ln1 = X.map((x) => naiveLayerNorm(x, p.ln1.gamma, p.ln1.beta, eps));
  const att = naiveMha(ln1, p.attn, h, causal).output;
  const r1 = X.map((x, i) => x.map((v, j) => v + att[i][j]));
  const ln2 = r1.map((x) => naiveLayerNorm(x, p.ln2.gamma, p.ln2.beta, eps));
  const hidden = lin(ln2, p.ffn.W1 as M, p.ffn.b1 as number[]).map((row) => row.map(geluRef));
  const f = lin(hidden, p.ffn.W2 as M, p.ffn.b2 as number[]);
  return r1.map((x, i) => x.map((v, j) => v + f[i][j]));
}

const entry = fc.double({ min: -1, max: 1, noNaN: true });
const mat = (rows: number, cols: number) =>
  fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
const vec = (n: number) => fc.array(entry, { minLength: n, maxLength: n });
const attnWeights = (d: number, biases: boolean) =>
  fc.record({
    Wq: mat(d, d),
    Wk: mat(d, d),
    Wv: mat(d, d),
    Wo: mat(d, d),
    ...(biases ? { bq: vec(d), bk: vec(d), bv: vec(d), bo: vec(d) } : {}),
  }) as fc.Arbitrary<AttentionWeights>;

/** n tokens, d = h·dh, a heads count h that divides d, X and attention weights. */
const mhaCase = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.boolean(),
  )
  .chain(([n, h, dh, biases]) =>
    fc.record({ h: fc.constant(h), X: mat(n, h * dh), w: attnWeights(h * dh, biases) }),
  );

const blockCase = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 6 }),
  )
  .chain(([n, h, dh, dff]) => {
    const d = h * dh;
    return fc.record({
      h: fc.constant(h),
      X: mat(n, d),
      params: fc.record({
        ln1: fc.record({ gamma: vec(d), beta: vec(d) }),
        attn: attnWeights(d, true),
        ln2: fc.record({ gamma: vec(d), beta: vec(d) }),
        ffn: fc.record({ W1: mat(dff, d), b1: vec(dff), W2: mat(d, dff), b2: vec(d) }),
      }) as fc.Arbitrary<TransformerBlockParams>,
    });
  });

const I2 = [
  [1, 0],
  [0, 1],
];

describe('multiHeadAttention', () => {
  it('multiHeadAttention with identity weights and one head is the 2-token hand case', () => {
    const X = [
      [1, 0],
      [0, 1],
    ];
    // scores = XXᵀ/√2 = I/√2: each row softmax([a, 0]) = [σ(a), 1 − σ(a)], a = 1/√2; output = weights·X.
    const a = Math.SQRT1_2;
    const p = 1 / (1 + Math.exp(-a));
    const r = multiHeadAttention(X, { Wq: I2, Wk: I2, Wv: I2, Wo: I2 }, { heads: 1 });
    expectAllClose(r.output, [
      [p, 1 - p],
      [1 - p, p],
    ]);
    expect(r.heads).toHaveLength(1);
    expectAllClose(r.concat, r.output);
  });

  it('multiHeadAttention applies W out×in as X Wᵀ + b (an asymmetric Wv and Wo, biases)', () => {
    // One token: attention weight 1, so output = ((x Wvᵀ + bv) Woᵀ) + bo.
    const x = [[1, 2]];
    const Wv = [
      [0, 1],
      [0, 0],
    ]; // x Wvᵀ = [x₁, 0] = [2, 0]
    const Wo = [
      [1, 0],
      [3, 0],
    ]; // [v₀, 3v₀]
    const r = multiHeadAttention(
      x,
      { Wq: I2, Wk: I2, Wv, Wo, bv: [1, 0], bo: [0, 10] },
      { heads: 2 },
    );
    // v = [3, 0]; head 0 sees column 0 (3), head 1 column 1 (0): concat [3, 0]; output [3, 9 + 10].
    expectAllClose(r.concat, [[3, 0]]);
    expectAllClose(r.output, [[3, 19]]);
  });

  it('multiHeadAttention matches a naive loop implementation (fast-check, causal or not)', () => {
    fc.assert(
      fc.property(mhaCase, fc.boolean(), ({ h, X, w }, causal) => {
        const r = multiHeadAttention(X, w, { heads: h, causal });
        const ref = naiveMha(X, w, h, causal);
        expectAllClose(r.concat, ref.concat, { rel: 1e-9, abs: 1e-12 });
        expectAllClose(r.output, ref.output, { rel: 1e-9, abs: 1e-12 });
        expect(r.heads).toHaveLength(h);
      }),
      { numRuns: 150 },
    );
  });

  it('multiHeadAttention with one head equals scaledDotProductAttention on the projected Q, K, V, then Wo', () => {
    fc.assert(
      fc.property(
        mhaCase.filter(({ h }) => h === 1),
        fc.boolean(),
        ({ X, w }, causal) => {
          const Q = lin(X, w.Wq as M, w.bq as number[]);
          const K = lin(X, w.Wk as M, w.bk as number[]);
          const V = lin(X, w.Wv as M, w.bv as number[]);
          const sdpa = scaledDotProductAttention(Q, K, V, { causal });
          const r = multiHeadAttention(X, w, { heads: 1, causal });
          expectAllClose(r.heads[0].scores, sdpa.scores, { rel: 1e-9, abs: 1e-12 });
          expectAllClose(r.heads[0].weights, sdpa.weights, { rel: 1e-9, abs: 1e-12 });
          expectAllClose(r.concat, sdpa.output, { rel: 1e-9, abs: 1e-12 });
          expectAllClose(r.output, lin(sdpa.output, w.Wo as M, w.bo as number[]), {
            rel: 1e-9,
            abs: 1e-12,
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('multiHeadAttention with heads = d is attention on each column alone (d_k = 1, scores qᵢkⱼ)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (n, d, causal) =>
          fc.assert(
            fc.property(mat(n, d), attnWeights(d, true), (X, w) => {
              const Q = lin(X, w.Wq as M, w.bq as number[]);
              const K = lin(X, w.Wk as M, w.bk as number[]);
              const V = lin(X, w.Wv as M, w.bv as number[]);
              const r = multiHeadAttention(X, w, { heads: d, causal });
              for (let c = 0; c < d; c++) {
                for (let i = 0; i < n; i++) {
                  const p = maskedSoftmax(
                    K.map((k) => Q[i][c] * k[c]),
                    K.map((_, j) => !causal || j <= i),
                  );
                  const expected = p.reduce((s, pj, j) => s + pj * V[j][c], 0);
                  expectClose(r.concat[i][c], expected, { rel: 1e-9, abs: 1e-12 });
                  expectClose(r.heads[c].output[i][0], expected, { rel: 1e-9, abs: 1e-12 });
                }
              }
            }),
            { numRuns: 5 },
          ),
      ),
      { numRuns: 30 },
    );
  });

  it('multiHeadAttention with causal: changing a later token leaves the earlier outputs unchanged', () => {
    fc.assert(
      fc.property(
        mhaCase.filter(({ X }) => X.length >= 2),
        fc.nat(),
        vec(9),
        ({ h, X, w }, at, replacement) => {
          const t = 1 + (at % (X.length - 1));
          const changed = X.map((row, i) => (i === t ? row.map((_, j) => replacement[j]) : row));
          const a = multiHeadAttention(X, w, { heads: h, causal: true }).output;
          const b = multiHeadAttention(changed, w, { heads: h, causal: true }).output;
          expect(b.slice(0, t)).toEqual(a.slice(0, t));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('multiHeadAttention rejects bad X, weights and options naming the parameter', () => {
    const w = { Wq: I2, Wk: I2, Wv: I2, Wo: I2 };
    const X = [
      [1, 2],
      [3, 4],
    ];
    expectRangeError(
      () => multiHeadAttention([], w, { heads: 1 }),
      /multiHeadAttention: X must have at least one row/,
    );
    expectRangeError(
      () => multiHeadAttention([[1, 2], [3]], w, { heads: 1 }),
      /multiHeadAttention: X\[1\]/,
    );
    expectRangeError(
      () => multiHeadAttention([[1, NaN]], w, { heads: 1 }),
      /multiHeadAttention: X\[0\]\[1\]/,
    );
    expectRangeError(
      () => multiHeadAttention([[1, Infinity]], w, { heads: 1 }),
      /multiHeadAttention: X\[0\]\[1\]/,
    );
    expectRangeError(
      () => multiHeadAttention(X, null as unknown as AttentionWeights, { heads: 1 }),
      /multiHeadAttention: weights must be an object/,
    );
    for (const name of ['Wq', 'Wk', 'Wv', 'Wo'] as const) {
      expectRangeError(
        () =>
          multiHeadAttention(
            X,
            {
              ...w,
              [name]: [
                [1, 0, 0],
                [0, 1, 0],
              ],
            },
            { heads: 1 },
          ),
        new RegExp(`multiHeadAttention: weights\\.${name} must be 2×2`),
      );
      expectRangeError(
        () =>
          multiHeadAttention(X, { ...w, [name]: undefined } as unknown as AttentionWeights, {
            heads: 1,
          }),
        new RegExp(`multiHeadAttention: weights\\.${name} must be an array`),
      );
      expectRangeError(
        () =>
          multiHeadAttention(
            X,
            {
              ...w,
              [name]: [
                [1, NaN],
                [0, 1],
              ],
            },
            { heads: 1 },
          ),
        new RegExp(`multiHeadAttention: weights\\.${name}\\[0\\]\\[1\\]`),
      );
    }
    for (const name of ['bq', 'bk', 'bv', 'bo'] as const) {
      expectRangeError(
        () => multiHeadAttention(X, { ...w, [name]: [1, 2, 3] }, { heads: 1 }),
        new RegExp(`multiHeadAttention: weights\\.${name} must have 2 entries`),
      );
      expectRangeError(
        () => multiHeadAttention(X, { ...w, [name]: [1, NaN] }, { heads: 1 }),
        new RegExp(`multiHeadAttention: weights\\.${name}\\[1\\]`),
      );
    }
    expectRangeError(
      () => multiHeadAttention(X, w, { heads: 3 }),
      /multiHeadAttention: options\.heads must divide d = 2/,
    );
    for (const bad of [0, -1, 1.5, NaN]) {
      expectRangeError(
        () => multiHeadAttention(X, w, { heads: bad }),
        /multiHeadAttention: options\.heads must be a positive integer/,
      );
    }
    expectRangeError(
      () => multiHeadAttention(X, w, { heads: 1, causal: 'yes' as unknown as boolean }),
      /multiHeadAttention: options\.causal must be a boolean/,
    );
    expectRangeError(
      () => multiHeadAttention(X, w, undefined as unknown as { heads: number }),
      /multiHeadAttention: options must be an object/,
    );
    // Finite inputs whose projection overflows.
    expectRangeError(
      () =>
        multiHeadAttention(
          [[1e300, 1e300]],
          {
            ...w,
            Wq: [
              [1e300, 0],
              [0, 1],
            ],
          },
          { heads: 1 },
        ),
      /multiHeadAttention: weights\.Wq and its input give a non-finite value/,
    );
    expectRangeError(
      () => multiHeadAttention([[1e200, 1e200]], w, { heads: 1 }),
      /multiHeadAttention: weights\.Wq and weights\.Wk give a non-finite score/,
    );
  });
});

describe('feedForward', () => {
  it('feedForward of a hand case: hidden [0, 1, −1], GELU = [0, Φ(1), −Φ(−1)]', () => {
    const X = [[1, 0]];
    const W1 = [
      [0, 0],
      [1, 0],
      [-1, 0],
    ];
    const W2 = [
      [1, 1, 1],
      [0, 2, 0],
    ];
    const phi1 = 0.8413447460685429; // Φ(1)
    const r = feedForward(X, { W1, b1: [0, 0, 0], W2, b2: [0.5, 0] });
    expectAllClose(r.hidden, [[0, 1, -1]]);
    expectAllClose(r.activated, [[0, phi1, -(1 - phi1)]]);
    expectAllClose(r.output, [[phi1 - (1 - phi1) + 0.5, 2 * phi1]]);
  });

  it('feedForward matches X W1ᵀ + b1, GELU from an erf series, then W2ᵀ + b2 (fast-check)', () => {
    const ffCase = fc
      .tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
      )
      .chain(([n, d, dff]) =>
        fc.record({
          X: mat(n, d),
          w: fc.record({ W1: mat(dff, d), b1: vec(dff), W2: mat(d, dff), b2: vec(d) }),
        }),
      );
    fc.assert(
      fc.property(ffCase, ({ X, w }) => {
        const r = feedForward(X, w);
        const hidden = lin(X, w.W1, w.b1);
        const activated = hidden.map((row) => row.map(geluRef));
        expectAllClose(r.hidden, hidden, { rel: 1e-12, abs: 1e-15 });
        expectAllClose(r.activated, activated, { rel: 1e-12, abs: 1e-15 });
        expectAllClose(r.output, lin(activated, w.W2, w.b2), { rel: 1e-9, abs: 1e-12 });
      }),
      { numRuns: 100 },
    );
  });

  it('feedForward rejects bad X and weights naming the parameter', () => {
    const w: FeedForwardWeights = { W1: [[1, 0]], b1: [0], W2: [[1], [2]], b2: [0, 0] };
    const X = [[1, 2]];
    expectRangeError(() => feedForward([], w), /feedForward: X must have at least one row/);
    expectRangeError(() => feedForward([[NaN, 1]], w), /feedForward: X\[0\]\[0\]/);
    expectRangeError(
      () => feedForward(X, null as unknown as FeedForwardWeights),
      /feedForward: weights must be an object/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, W1: [[1, 0, 0]] }),
      /feedForward: weights\.W1 must have d = 2 columns/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, W1: [] }),
      /feedForward: weights\.W1 must have at least one row/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, b1: [0, 0] }),
      /feedForward: weights\.b1 must have 1 entries/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, b1: [Infinity] }),
      /feedForward: weights\.b1\[0\]/,
    );
    expectRangeError(
      () =>
        feedForward(X, {
          ...w,
          W2: [
            [1, 2],
            [3, 4],
          ],
        }),
      /feedForward: weights\.W2 must be 2×1/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, W2: [[1]] }),
      /feedForward: weights\.W2 must be 2×1/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, b2: [0] }),
      /feedForward: weights\.b2 must have 2 entries/,
    );
    expectRangeError(
      () => feedForward(X, { ...w, b2: undefined } as unknown as FeedForwardWeights),
      /feedForward: weights\.b2/,
    );
    expectRangeError(
      () => feedForward([[1e300, 1e300]], { ...w, W1: [[1e300, 0]] }),
      /feedForward: weights\.W1 and its input give a non-finite value/,
    );
  });
});

describe('transformerBlock', () => {
  const zeros = (r: number, c: number): M =>
    Array.from({ length: r }, () => new Array<number>(c).fill(0));
  const zeroParams = (d: number, dff: number): TransformerBlockParams => ({
    ln1: { gamma: new Array<number>(d).fill(0), beta: new Array<number>(d).fill(0) },
    attn: { Wq: zeros(d, d), Wk: zeros(d, d), Wv: zeros(d, d), Wo: zeros(d, d) },
    ln2: { gamma: new Array<number>(d).fill(0), beta: new Array<number>(d).fill(0) },
    ffn: {
      W1: zeros(dff, d),
      b1: new Array<number>(dff).fill(0),
      W2: zeros(d, dff),
      b2: new Array<number>(d).fill(0),
    },
  });

  it('transformerBlock with all weights zero and γ = 0 is the identity: output === X', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (n, h, dh, dff, causal) => {
          const d = h * dh;
          // Entries built as k/8 with k ≠ 0, so X + 0 is X bit for bit (no −0 to become +0).
          const X = Array.from({ length: n }, (_, i) =>
            Array.from({ length: d }, (_, j) => (i * d + j + 1) / 8),
          );
          const r = transformerBlock(X, zeroParams(d, dff), { heads: h, causal });
          expect(r.output).toEqual(X);
          expect(r.residual1).toEqual(X);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('transformerBlock matches a naive pre-LN block written in the test (fast-check)', () => {
    fc.assert(
      fc.property(blockCase, fc.boolean(), ({ h, X, params }, causal) => {
        const r = transformerBlock(X, params, { heads: h, causal });
        // The normalised deviations of nearly constant rows are ill-conditioned; keep rows with spread.
        fc.pre(X.every((row) => row.length === 1 || Math.max(...row) - Math.min(...row) > 1e-3));
        expectAllClose(r.output, naiveBlock(X, params, h, causal), { rel: 1e-8, abs: 1e-10 });
      }),
      { numRuns: 150 },
    );
  });

  it('transformerBlock returns each stage: ln1, attention on ln1, residual1 = X + attention, ln2, ffn on ln2, output', () => {
    fc.assert(
      fc.property(blockCase, ({ h, X, params }) => {
        const r = transformerBlock(X, params, { heads: h, eps: 1e-3 });
        expectAllClose(
          r.ln1,
          X.map((x) => naiveLayerNorm(x, params.ln1.gamma, params.ln1.beta, 1e-3)),
          { rel: 1e-9, abs: 1e-11 },
        );
        expectAllClose(
          r.attention.output,
          multiHeadAttention(r.ln1, params.attn, { heads: h, causal: true }).output,
          { rel: 0, abs: 0 },
        );
        expectAllClose(
          r.residual1,
          X.map((x, i) => x.map((v, j) => v + r.attention.output[i][j])),
          { rel: 0, abs: 0 },
        );
        expectAllClose(
          r.ln2,
          r.residual1.map((x) => naiveLayerNorm(x, params.ln2.gamma, params.ln2.beta, 1e-3)),
          { rel: 1e-9, abs: 1e-11 },
        );
        expectAllClose(r.ffn.output, feedForward(r.ln2, params.ffn).output, { rel: 0, abs: 0 });
        expectAllClose(
          r.output,
          r.residual1.map((x, i) => x.map((v, j) => v + r.ffn.output[i][j])),
          { rel: 0, abs: 0 },
        );
      }),
      { numRuns: 50 },
    );
  });

  it('transformerBlock is causal by default: changing a later token leaves the earlier outputs unchanged', () => {
    fc.assert(
      fc.property(
        blockCase.filter(({ X }) => X.length >= 2),
        fc.nat(),
        vec(9),
        ({ h, X, params }, at, replacement) => {
          const t = 1 + (at % (X.length - 1));
          const changed = X.map((row, i) => (i === t ? row.map((_, j) => replacement[j]) : row));
          const a = transformerBlock(X, params, { heads: h });
          const b = transformerBlock(changed, params, { heads: h });
          expect(b.output.slice(0, t)).toEqual(a.output.slice(0, t));
          expect(a.output).toEqual(transformerBlock(X, params, { heads: h, causal: true }).output);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('transformerBlock without the causal mask lets the first token see a later one', () => {
    const p = zeroParams(2, 1);
    p.attn = { Wq: I2, Wk: I2, Wv: I2, Wo: I2 };
    p.ln1 = {};
    const X = [
      [1, -1],
      [-1, 1],
    ];
    const causal = transformerBlock(X, p, { heads: 1 });
    const open = transformerBlock(X, p, { heads: 1, causal: false });
    expect(causal.attention.heads[0].weights[0]).toEqual([1, 0]);
    expect(open.output[0]).not.toEqual(causal.output[0]);
  });

  it('transformerBlock rejects bad X, params and options naming the parameter', () => {
    const d = 2;
    const p = zeroParams(d, 3);
    const X = [[1, 2]];
    expectRangeError(
      () => transformerBlock([], p, { heads: 1 }),
      /transformerBlock: X must have at least one row/,
    );
    expectRangeError(
      () => transformerBlock([[1, NaN]], p, { heads: 1 }),
      /transformerBlock: X\[0\]\[1\]/,
    );
    expectRangeError(
      () => transformerBlock(X, null as unknown as TransformerBlockParams, { heads: 1 }),
      /transformerBlock: params must be an object/,
    );
    for (const ln of ['ln1', 'ln2'] as const) {
      expectRangeError(
        () =>
          transformerBlock(X, { ...p, [ln]: undefined } as unknown as TransformerBlockParams, {
            heads: 1,
          }),
        new RegExp(`transformerBlock: params\\.${ln} must be an object`),
      );
      expectRangeError(
        () => transformerBlock(X, { ...p, [ln]: { gamma: [1] } }, { heads: 1 }),
        new RegExp(`transformerBlock: params\\.${ln}\\.gamma must have 2 entries`),
      );
      expectRangeError(
        () => transformerBlock(X, { ...p, [ln]: { beta: [1, NaN] } }, { heads: 1 }),
        new RegExp(`transformerBlock: params\\.${ln}\\.beta\\[1\\]`),
      );
    }
    expectRangeError(
      () => transformerBlock(X, { ...p, attn: { ...p.attn, Wk: zeros(3, 2) } }, { heads: 1 }),
      /transformerBlock: params\.attn\.Wk must be 2×2/,
    );
    expectRangeError(
      () => transformerBlock(X, { ...p, attn: { ...p.attn, bo: [0] } }, { heads: 1 }),
      /transformerBlock: params\.attn\.bo must have 2 entries/,
    );
    expectRangeError(
      () => transformerBlock(X, { ...p, ffn: { ...p.ffn, W1: zeros(3, 1) } }, { heads: 1 }),
      /transformerBlock: params\.ffn\.W1 must have d = 2 columns/,
    );
    expectRangeError(
      () => transformerBlock(X, { ...p, ffn: { ...p.ffn, W2: zeros(2, 2) } }, { heads: 1 }),
      /transformerBlock: params\.ffn\.W2 must be 2×3/,
    );
    expectRangeError(
      () => transformerBlock(X, { ...p, ffn: { ...p.ffn, b2: [0] } }, { heads: 1 }),
      /transformerBlock: params\.ffn\.b2 must have 2 entries/,
    );
    expectRangeError(
      () => transformerBlock(X, p, { heads: 3 }),
      /transformerBlock: options\.heads must divide d = 2/,
    );
    expectRangeError(
      () => transformerBlock(X, p, { heads: 0 }),
      /transformerBlock: options\.heads must be a positive integer/,
    );
    expectRangeError(
      () => transformerBlock(X, p, { heads: 1, causal: 1 as unknown as boolean }),
      /transformerBlock: options\.causal must be a boolean/,
    );
    for (const eps of [0, -1, NaN, Infinity]) {
      expectRangeError(
        () => transformerBlock(X, p, { heads: 1, eps }),
        /transformerBlock: options\.eps must be > 0/,
      );
    }
    expectRangeError(
      () => transformerBlock(X, p, null as unknown as { heads: number }),
      /transformerBlock: options must be an object/,
    );
    // A residual that overflows: X near the largest double plus a large attention output.
    const big = { ...p, ln1: {}, attn: { ...p.attn, bo: [1.7e308, 0] } };
    expectRangeError(
      () => transformerBlock([[1.7e308, 0]], big, { heads: 1 }),
      /transformerBlock: X plus the attention output overflows at \[0\]\[0\]/,
    );
  });
});
