import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  layerNorm,
  scaledDotProductAttention,
  sinusoidalPositionalEncoding,
} from '../../src/math/attention';
import { expectAllClose, expectClose } from '../helpers/asserts';

const entry = fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true });
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });

/** Random Q (n×d), K (m×d), V (m×dv). */
const qkv = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 4 }),
  )
  .chain(([n, m, d, dv]) => fc.tuple(matrix(n, d), matrix(m, d), matrix(m, dv)));

describe('scaledDotProductAttention', () => {
  it('scaledDotProductAttention of a 2-token case matches the hand computation', () => {
    const Q = [
      [1, 0],
      [0, 1],
    ];
    const K = [
      [1, 0],
      [0, 1],
    ];
    const V = [
      [1, 2],
      [3, 4],
    ];
    // scores = I/√2; a row [a, 0] has softmax [σ(a), 1 − σ(a)] with σ(a) = 1/(1 + e^−a).
    const a = Math.SQRT1_2;
    const p = 1 / (1 + Math.exp(-a));
    const q = 1 / (1 + Math.exp(a));
    const { scores, weights, output } = scaledDotProductAttention(Q, K, V);
    expectAllClose(scores, [
      [a, 0],
      [0, a],
    ]);
    expectAllClose(weights, [
      [p, q],
      [q, p],
    ]);
    expectAllClose(output, [
      [p * 1 + q * 3, p * 2 + q * 4],
      [q * 1 + p * 3, q * 2 + p * 4],
    ]);
  });

  it('scaledDotProductAttention with causal: query 0 sees only key 0, scores stay unmasked', () => {
    const Q = [[2], [1]];
    const K = [[1], [3]];
    const V = [
      [10, 0],
      [0, 10],
    ];
    const { scores, weights, output } = scaledDotProductAttention(Q, K, V, { causal: true });
    // d_k = 1: scores = QKᵀ = [[2, 6], [1, 3]], the masked entry [0][1] included.
    expect(scores).toEqual([
      [2, 6],
      [1, 3],
    ]);
    expect(weights[0]).toEqual([1, 0]);
    expectAllClose(output[0], [10, 0]);
    // Row 1: softmax([1, 3]) = [1/(1 + e²), e²/(1 + e²)].
    const w0 = 1 / (1 + Math.exp(2));
    expectAllClose(weights[1], [w0, 1 - w0]);
    expectAllClose(output[1], [10 * w0, 10 * (1 - w0)]);
  });

  it('scaledDotProductAttention combines an explicit mask with the causal mask', () => {
    const Q = [[0], [0], [1]];
    const K = [[1], [2], [3]];
    const V = [[1], [2], [4]];
    const mask = [
      [true, true, true],
      [false, true, true],
      [false, true, true],
    ];
    const { scores, weights, output } = scaledDotProductAttention(Q, K, V, { causal: true, mask });
    expect(scores).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [1, 2, 3],
    ]);
    // Row 0: causal leaves key 0. Row 1: mask hides 0, causal hides 2, leaving key 1.
    expect(weights[0]).toEqual([1, 0, 0]);
    expect(weights[1]).toEqual([0, 1, 0]);
    // Row 2: keys 1 and 2 with scores 2 and 3: softmax = [1/(1 + e), e/(1 + e)].
    const w1 = 1 / (1 + Math.E);
    expect(weights[2][0]).toBe(0);
    expectAllClose(weights[2], [0, w1, 1 - w1]);
    expectAllClose(output, [[1], [2], [2 * w1 + 4 * (1 - w1)]]);
  });

  it('scaledDotProductAttention: mask[i][j] === false alone hides a key', () => {
    const { weights } = scaledDotProductAttention([[1], [1]], [[1], [1]], [[1], [2]], {
      mask: [
        [true, false],
        [true, true],
      ],
    });
    expect(weights).toEqual([
      [1, 0],
      [0.5, 0.5],
    ]);
  });

  it('scaledDotProductAttention scores are QKᵀ/√d_k and output is weights·V', () => {
    fc.assert(
      fc.property(qkv, ([Q, K, V]) => {
        const { scores, weights, output } = scaledDotProductAttention(Q, K, V);
        const dk = Q[0].length;
        const expectedScores = Q.map((q) =>
          K.map((k) => q.reduce((s, qc, c) => s + qc * k[c], 0) / Math.sqrt(dk)),
        );
        expectAllClose(scores, expectedScores, { rel: 1e-12, abs: 1e-12 });
        // Softmax by the textbook formula (scores are small here, no overflow).
        const expectedWeights = scores.map((row) => {
          const e = row.map(Math.exp);
          const z = e.reduce((s, x) => s + x, 0);
          return e.map((x) => x / z);
        });
        expectAllClose(weights, expectedWeights, { rel: 1e-12, abs: 1e-15 });
        const expectedOutput = weights.map((w) =>
          V[0].map((_, c) => w.reduce((s, wj, j) => s + wj * V[j][c], 0)),
        );
        expectAllClose(output, expectedOutput, { rel: 1e-12, abs: 1e-12 });
      }),
    );
  });

  it('scaledDotProductAttention weight rows sum to 1, with or without masks', () => {
    fc.assert(
      fc.property(
        qkv,
        fc.boolean(),
        fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
          minLength: 5,
          maxLength: 5,
        }),
        ([Q, K, V], causal, rawMask) => {
          // Keep key 0 visible so that no query row is fully hidden.
          const mask = Q.map((_, i) => K.map((_, j) => j === 0 || rawMask[i][j]));
          const { weights } = scaledDotProductAttention(Q, K, V, { causal, mask });
          for (let i = 0; i < weights.length; i++) {
            const sum = weights[i].reduce((s, w) => s + w, 0);
            expectClose(sum, 1, { rel: 1e-14 });
            for (let j = 0; j < weights[i].length; j++) {
              expect(weights[i][j]).toBeGreaterThanOrEqual(0);
              if (!mask[i][j]) expect(weights[i][j]).toBe(0);
            }
          }
        },
      ),
    );
  });

  it('scaledDotProductAttention causal weights above the diagonal are exactly 0', () => {
    fc.assert(
      fc.property(qkv, ([Q, K, V]) => {
        const { weights } = scaledDotProductAttention(Q, K, V, { causal: true });
        for (let i = 0; i < weights.length; i++) {
          for (let j = i + 1; j < weights[i].length; j++) {
            expect(Object.is(weights[i][j], 0)).toBe(true);
          }
        }
      }),
    );
  });

  it('scaledDotProductAttention keeps scores finite when a partial sum of q·k overflows', () => {
    // q·k = 1e308 + 1e308 − 1e308 = 1e308, over √3; the first key takes all the weight.
    const { scores, weights, output } = scaledDotProductAttention(
      [[1e308, 1e308, -1e308]],
      [
        [1, 1, 1],
        [0, 0, 0],
      ],
      [[1], [2]],
    );
    expectAllClose(scores, [[1e308 / Math.sqrt(3), 0]]);
    expect(weights).toEqual([[1, 0]]);
    expect(output).toEqual([[1]]);
  });

  it('scaledDotProductAttention stays finite for scores of ±1e4', () => {
    const { weights, output } = scaledDotProductAttention([[100]], [[100], [-100]], [[1], [2]]);
    expect(weights[0]).toEqual([1, 0]);
    expect(output[0]).toEqual([1]);
  });
});

/** Reference layer norm by the textbook two-pass formula. */
function naiveLayerNorm(x: number[], eps: number): number[] {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return x.map((v) => (v - mean) / Math.sqrt(variance + eps));
}

describe('layerNorm', () => {
  const xs = fc.array(fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), {
    minLength: 2,
    maxLength: 12,
  });

  it('layerNorm output has mean 0 and variance var/(var + eps) = 1/(1 + eps/var)', () => {
    fc.assert(
      fc.property(xs, fc.constantFrom(1e-5, 1e-3, 0.1, 1), (x, eps) => {
        const n = x.length;
        const mean = x.reduce((s, v) => s + v, 0) / n;
        const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
        fc.pre(variance > 1e-6);
        const y = layerNorm(x, undefined, undefined, eps);
        const yMean = y.reduce((s, v) => s + v, 0) / n;
        const yVar = y.reduce((s, v) => s + (v - yMean) ** 2, 0) / n;
        expectClose(yMean, 0, { abs: 1e-12 });
        expectClose(yVar, 1 / (1 + eps / variance), { rel: 1e-9 });
      }),
    );
  });

  it('layerNorm matches the textbook formula', () => {
    fc.assert(
      fc.property(xs, (x) => {
        expectAllClose(layerNorm(x), naiveLayerNorm(x, 1e-5), { rel: 1e-9, abs: 1e-12 });
      }),
    );
  });

  it('layerNorm([1, 2, 3], γ, β) applies γ and β after normalizing', () => {
    // mean 2, biased variance 2/3: (x − 2)/√(2/3 + eps)·γ + β.
    const eps = 1e-5;
    const s = Math.sqrt(2 / 3 + eps);
    expectAllClose(layerNorm([1, 2, 3], [2, 3, 4], [1, -1, 0.5], eps), [
      (-1 / s) * 2 + 1,
      -1,
      (1 / s) * 4 + 0.5,
    ]);
    // With a negligible eps, ±1/√(2/3) = ±√1.5.
    expectAllClose(layerNorm([1, 2, 3], undefined, undefined, 1e-300), [
      -Math.sqrt(1.5),
      0,
      Math.sqrt(1.5),
    ]);
  });

  it('layerNorm uses γ = 1 and β = 0 when omitted, and gamma alone or beta alone', () => {
    const x = [0, 4];
    const s = 2 / Math.sqrt(4 + 1e-5);
    expectAllClose(layerNorm(x), [-s, s]);
    expectAllClose(layerNorm(x, [3, 3]), [-3 * s, 3 * s]);
    expectAllClose(layerNorm(x, undefined, [1, 1]), [1 - s, 1 + s]);
  });

  it('layerNorm of a constant vector is β exactly', () => {
    expect(layerNorm([0.1, 0.1, 0.1])).toEqual([0, 0, 0]);
    expect(layerNorm([7, 7], [2, 2], [1, -1])).toEqual([1, -1]);
    expect(layerNorm([1e300, 1e300, 1e300])).toEqual([0, 0, 0]);
    expect(layerNorm([5])).toEqual([0]);
  });

  it('layerNorm stays finite and accurate for entries near 1e±200 and the largest double', () => {
    expectAllClose(layerNorm([1e200, -1e200]), [1, -1]);
    expectAllClose(layerNorm([3e300, -3e300, 3e300, -3e300]), [1, -1, 1, -1]);
    // Mean −M/3, deviations 4M/3 and −2M/3, biased variance 8M²/9: ±√2 and −1/√2.
    const M = Number.MAX_VALUE;
    expectAllClose(layerNorm([M, -M, -M]), [Math.SQRT2, -Math.SQRT1_2, -Math.SQRT1_2]);
    // Tiny x: the variance 1e-400 is negligible next to eps, so y = (x − mean)/√eps.
    expectAllClose(
      layerNorm([1e-200, -1e-200]),
      [1e-200 / Math.sqrt(1e-5), -1e-200 / Math.sqrt(1e-5)],
      {
        rel: 1e-12,
        abs: 0,
      },
    );
    // A subnormal eps next to tiny x: var = 2^-1060, eps = 2^-1074, so y = ±1/√(1 + 2^-14).
    const t = 2 ** -530;
    const y = 1 / Math.sqrt(1 + 2 ** -14);
    expectAllClose(layerNorm([t, -t], undefined, undefined, 2 ** -1074), [y, -y]);
    // Likewise 1e-200 with eps = 1e-320 ≫ var = 1e-400: y = ±1e-200/1e-160 = ±1e-40.
    expectAllClose(layerNorm([1e-200, -1e-200], undefined, undefined, 1e-320), [1e-40, -1e-40], {
      rel: 1e-3,
      abs: 0,
    });
  });
});

describe('sinusoidalPositionalEncoding', () => {
  it('sinusoidalPositionalEncoding row 0 is [0, 1, 0, 1, …]', () => {
    expect(sinusoidalPositionalEncoding(1, 6)).toEqual([[0, 1, 0, 1, 0, 1]]);
    expect(sinusoidalPositionalEncoding(3, 5)[0]).toEqual([0, 1, 0, 1, 0]);
  });

  it('sinusoidalPositionalEncoding has positions rows of dModel columns', () => {
    const pe = sinusoidalPositionalEncoding(7, 3);
    expect(pe).toHaveLength(7);
    for (const row of pe) expect(row).toHaveLength(3);
  });

  it('sinusoidalPositionalEncoding PE[pos][0] = sin(pos), PE[pos][1] = cos(pos)', () => {
    const pe = sinusoidalPositionalEncoding(50, 8);
    for (let pos = 0; pos < 50; pos++) {
      expectClose(pe[pos][0], Math.sin(pos));
      expectClose(pe[pos][1], Math.cos(pos));
    }
  });

  it('sinusoidalPositionalEncoding for dModel = 4 uses wavelengths 1 and 100', () => {
    // 10000^(2/4) = 100.
    const pe = sinusoidalPositionalEncoding(20, 4);
    for (let pos = 0; pos < 20; pos++) {
      expectAllClose(pe[pos], [
        Math.sin(pos),
        Math.cos(pos),
        Math.sin(pos / 100),
        Math.cos(pos / 100),
      ]);
    }
  });

  it('sinusoidalPositionalEncoding with odd dModel ends in a sin column', () => {
    // dModel = 3: columns sin(pos), cos(pos), sin(pos / 10000^(2/3)).
    const pe = sinusoidalPositionalEncoding(10, 3);
    const f = Math.pow(10000, 2 / 3);
    for (let pos = 0; pos < 10; pos++) {
      expectAllClose(pe[pos], [Math.sin(pos), Math.cos(pos), Math.sin(pos / f)]);
    }
    expect(sinusoidalPositionalEncoding(2, 1)).toEqual([[0], [Math.sin(1)]]);
  });

  it('sinusoidalPositionalEncoding pairs (2i, 2i + 1) lie on the unit circle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 2, max: 16 }),
        (positions, d) => {
          const pe = sinusoidalPositionalEncoding(positions, d);
          for (const row of pe) {
            for (let c = 0; c + 1 < d; c += 2) {
              expectClose(row[c] ** 2 + row[c + 1] ** 2, 1, { rel: 1e-14 });
            }
          }
        },
      ),
    );
  });
});

describe('bad input', () => {
  const Q = [[1, 0]];
  const K = [
    [1, 0],
    [0, 1],
  ];
  const V = [[1], [2]];

  it('scaledDotProductAttention rejects empty, ragged and non-finite Q, K, V naming them', () => {
    expect(() => scaledDotProductAttention([], K, V)).toThrow(RangeError);
    expect(() => scaledDotProductAttention([], K, V)).toThrow(
      /scaledDotProductAttention: Q must have at least one row/,
    );
    expect(() => scaledDotProductAttention(Q, [], V)).toThrow(/scaledDotProductAttention: K/);
    expect(() => scaledDotProductAttention(Q, K, [[1], []])).toThrow(
      /scaledDotProductAttention: V\[1\]/,
    );
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => scaledDotProductAttention([[1, bad]], K, V)).toThrow(/Q\[0\]\[1\]/);
      expect(() =>
        scaledDotProductAttention(
          Q,
          [
            [1, 0],
            [bad, 1],
          ],
          V,
        ),
      ).toThrow(/K\[1\]\[0\]/);
      expect(() => scaledDotProductAttention(Q, K, [[1], [bad]])).toThrow(/V\[1\]\[0\]/);
    }
  });

  it('scaledDotProductAttention rejects mismatched shapes naming K or V', () => {
    expect(() => scaledDotProductAttention(Q, [[1], [2]], V)).toThrow(RangeError);
    expect(() => scaledDotProductAttention(Q, [[1], [2]], V)).toThrow(
      /scaledDotProductAttention: K must have 2 columns/,
    );
    expect(() => scaledDotProductAttention(Q, K, [[1]])).toThrow(
      /scaledDotProductAttention: V must have 2 rows/,
    );
  });

  it('scaledDotProductAttention rejects a mask of the wrong shape or with non-booleans', () => {
    expect(() => scaledDotProductAttention(Q, K, V, { mask: [] })).toThrow(RangeError);
    expect(() => scaledDotProductAttention(Q, K, V, { mask: [] })).toThrow(/options\.mask must be/);
    expect(() => scaledDotProductAttention(Q, K, V, { mask: [[true]] })).toThrow(
      /options\.mask\[0\]/,
    );
    const numeric = [[1, 0]] as unknown as boolean[][];
    expect(() => scaledDotProductAttention(Q, K, V, { mask: numeric })).toThrow(
      /options\.mask\[0\]\[0\] must be a boolean/,
    );
    const causal = 'yes' as unknown as boolean;
    expect(() => scaledDotProductAttention(Q, K, V, { causal })).toThrow(
      /options\.causal must be a boolean/,
    );
  });

  it('scaledDotProductAttention throws when a query row sees no key', () => {
    expect(() => scaledDotProductAttention(Q, K, V, { mask: [[false, false]] })).toThrow(
      RangeError,
    );
    expect(() => scaledDotProductAttention(Q, K, V, { mask: [[false, false]] })).toThrow(
      /options\.mask.*hides every key from query 0/,
    );
    // Causal leaves only key 0 to query 0, and the mask hides it.
    expect(() =>
      scaledDotProductAttention(Q, K, V, { causal: true, mask: [[false, true]] }),
    ).toThrow(/options\.mask \(with options\.causal\) hides every key from query 0/);
  });

  it('layerNorm rejects an empty or non-finite x naming x', () => {
    expect(() => layerNorm([])).toThrow(RangeError);
    expect(() => layerNorm([])).toThrow(/layerNorm: x must not be empty/);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => layerNorm([1, bad])).toThrow(/layerNorm: x\[1\]/);
    }
  });

  it('layerNorm rejects gamma and beta of the wrong length or non-finite', () => {
    expect(() => layerNorm([1, 2], [1])).toThrow(RangeError);
    expect(() => layerNorm([1, 2], [1])).toThrow(/layerNorm: gamma must have the same length as x/);
    expect(() => layerNorm([1, 2], undefined, [1, 2, 3])).toThrow(
      /layerNorm: beta must have the same length as x/,
    );
    expect(() => layerNorm([1, 2], [1, NaN])).toThrow(/layerNorm: gamma\[1\]/);
    expect(() => layerNorm([1, 2], [1, 1], [Infinity, 0])).toThrow(/layerNorm: beta\[0\]/);
  });

  it('layerNorm rejects eps ≤ 0, NaN or infinite, naming eps', () => {
    for (const bad of [0, -1e-5, NaN, Infinity, -Infinity]) {
      expect(() => layerNorm([1, 2], undefined, undefined, bad)).toThrow(RangeError);
      expect(() => layerNorm([1, 2], undefined, undefined, bad)).toThrow(
        /layerNorm: eps must be > 0/,
      );
    }
  });

  it('sinusoidalPositionalEncoding rejects counts that are not positive integers', () => {
    for (const bad of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => sinusoidalPositionalEncoding(bad, 4)).toThrow(RangeError);
      expect(() => sinusoidalPositionalEncoding(bad, 4)).toThrow(
        /sinusoidalPositionalEncoding: positions must be a positive integer/,
      );
      expect(() => sinusoidalPositionalEncoding(4, bad)).toThrow(
        /sinusoidalPositionalEncoding: dModel must be a positive integer/,
      );
    }
  });
});
