import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSoftmax, logSumExp, softmax } from '../../src/math/softmax';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

const logit = fc.double({ min: -1000, max: 1000, noNaN: true });
const logits = fc.array(logit, { minLength: 1, maxLength: 12 });
const temperature = fc.double({ min: 0.01, max: 100, noNaN: true });

/** Naive softmax e^{zᵢ}/Σe^{zⱼ}, valid only while no exponential overflows. */
function naiveSoftmax(z: readonly number[]): number[] {
  const e = z.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

describe('softmax', () => {
  it('softmax(z) on hand-derived cases: [0, 0], [ln 1, ln 2, ln 3], T = 1/2', () => {
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
    expectAllClose(softmax([0, Math.LN2, Math.log(3)]), [1 / 6, 2 / 6, 3 / 6], { rel: 1e-15 });
    // (ln 2)/(1/2) = ln 4, so the weights are 1 : 4
    expectAllClose(softmax([0, Math.LN2], 0.5), [0.2, 0.8], { rel: 1e-15 });
    // T = 2 halves the log-odds: ln 9 / 2 = ln 3, so 1 : 3
    expectAllClose(softmax([0, Math.log(9)], 2), [0.25, 0.75], { rel: 1e-15 });
    expect(softmax([42])).toEqual([1]);
  });

  it('softmax(z) equals the naive formula for logits in [−50, 50]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (z) => {
          expectAllClose(softmax(z), naiveSoftmax(z), { rel: 1e-12, abs: 1e-300 });
        },
      ),
    );
  });

  it('softmax(z, T) sums to 1 for logits up to ±1e3, each entry in [0, 1]', () => {
    fc.assert(
      fc.property(logits, temperature, (z, T) => {
        const p = softmax(z, T);
        expect(p).toHaveLength(z.length);
        expectClose(
          p.reduce((a, b) => a + b, 0),
          1,
          { rel: 1e-14 },
        );
        for (const v of p) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('softmax(z + c) = softmax(z) for any constant c', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (z, c) => {
        expectAllClose(softmax(z.map((v) => v + c)), softmax(z), { rel: 1e-9, abs: 1e-12 });
      }),
    );
  });

  it('softmax(z, T) → one-hot of the argmax as T → 0', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (z) => {
          const argmax = z.indexOf(Math.max(...z));
          // gaps are ≥ 1, so at T = 1e-3 every other weight is at most e^{-1000}, i.e. 0
          expect(softmax(z, 1e-3)).toEqual(z.map((_, i) => (i === argmax ? 1 : 0)));
        },
      ),
    );
  });

  it('softmax(z, T) → uniform as T → ∞', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const n = z.length;
        expectAllClose(softmax(z, 1e15), new Array<number>(n).fill(1 / n), { rel: 1e-9, abs: 0 });
      }),
    );
  });

  it('softmax at logits ±1000 stays finite and exact', () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(softmax([-1000, -1000, -1000, -1000])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(softmax([1000, -1000])).toEqual([1, 0]);
    expect(softmax([-1000, 0])).toEqual([0, 1]);
    // e^{-1}/(1 + e^{-1}) for a gap of exactly 1
    expectAllClose(softmax([1000, 999]), [1 / (1 + Math.exp(-1)), 1 / (1 + Math.E)], {
      rel: 1e-15,
    });
    expectAllClose(softmax([1e300, 1e300 - 1e284]), [1, 0]);
  });

  it('softmax(z, T) with T = 1e-3 and logits near 1000 is finite and correct', () => {
    const d = 1000 - 999.999; // the gap the doubles actually hold
    const p = softmax([1000, 999.999], 1e-3);
    expectAllClose(p, [1 / (1 + Math.exp(-d / 1e-3)), 1 / (1 + Math.exp(d / 1e-3))], {
      rel: 1e-12,
    });
    expect(softmax([1000, 0], 1e-3)).toEqual([1, 0]);
    expect(softmax([1000, 1000], 1e-300)).toEqual([0.5, 0.5]);
  });

  it('softmax treats −Infinity logits as a mask with weight exactly 0', () => {
    const p = softmax([-Infinity, 0, Math.log(3), -Infinity]);
    expect(p[0]).toBe(0);
    expect(p[3]).toBe(0);
    expectAllClose(p, [0, 0.25, 0.75, 0], { rel: 1e-15 });
    expect(softmax([-Infinity, -1000])).toEqual([0, 1]);
    expect(softmax([5, -Infinity], 0.01)).toEqual([1, 0]);
  });
});

describe('logSoftmax', () => {
  it('logSoftmax(z) on hand-derived cases', () => {
    expectAllClose(logSoftmax([0, 0]), [-Math.LN2, -Math.LN2], { rel: 1e-15 });
    expectAllClose(
      logSoftmax([0, Math.LN2, Math.log(3)]),
      [-Math.log(6), -Math.log(3), -Math.LN2],
      {
        rel: 1e-15,
      },
    );
    expectAllClose(logSoftmax([0, Math.LN2], 0.5), [Math.log(0.2), Math.log(0.8)], { rel: 1e-15 });
  });

  it('logSoftmax(z) equals the log of the naive softmax for logits in [−50, 50]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (z) => {
          expectAllClose(logSoftmax(z), naiveSoftmax(z).map(Math.log), { rel: 1e-12, abs: 1e-13 });
        },
      ),
    );
  });

  it('logSoftmax differences are the scaled logit differences, and exp(logSoftmax) = softmax', () => {
    fc.assert(
      fc.property(logits, temperature, (z, T) => {
        const l = logSoftmax(z, T);
        const p = softmax(z, T);
        const scale = Math.max(1, Math.max(...z.map(Math.abs)) / T); // size of the entries of l
        for (let i = 0; i < z.length; i++) {
          expectClose(l[i] - l[0], (z[i] - z[0]) / T, { rel: 1e-12, abs: 1e-14 * scale });
          expectClose(Math.exp(l[i]), p[i], { rel: 1e-12, abs: 1e-300 });
        }
      }),
    );
  });

  it('logSoftmax at logits ±1000 is finite: [1000, −1000] gives [−0, −2000]', () => {
    const l = logSoftmax([1000, -1000]);
    expect(l[0]).toBeCloseTo(0, 15);
    expect(l[1]).toBe(-2000);
    expectAllClose(logSoftmax([1000, 1000, 1000]), [-Math.log(3), -Math.log(3), -Math.log(3)], {
      rel: 1e-15,
    });
    expectAllClose(logSoftmax([1000, 0], 1e-3), [0, -1e6]);
  });

  it('logSoftmax keeps tiny probabilities: [0, 40] gives log(1 + e^{-40}) ≈ e^{-40}', () => {
    const l = logSoftmax([0, 40]);
    expectClose(l[0], -40 - Math.exp(-40), { rel: 1e-15 });
    // log(1/(1 + e^{-40})) = −e^{-40} + e^{-80}/2 − …
    expectClose(l[1], -Math.exp(-40), { rel: 1e-15, abs: 0 });
  });

  it('logSoftmax gives exactly −Infinity for masked logits', () => {
    const l = logSoftmax([-Infinity, 0, 0]);
    expect(l[0]).toBe(-Infinity);
    expectAllClose(l, [-Infinity, -Math.LN2, -Math.LN2], { rel: 1e-15 });
  });
});

describe('logSumExp', () => {
  it('logSumExp on hand-derived cases', () => {
    expect(logSumExp([0])).toBe(0);
    expectClose(logSumExp([0, 0, 0]), Math.log(3), { rel: 1e-15 });
    expectClose(logSumExp([Math.LN2, Math.log(3)]), Math.log(5), { rel: 1e-15 });
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, { rel: 1e-15 });
    expectClose(logSumExp([-1000, -1000]), -1000 + Math.LN2, { rel: 1e-15 });
    expect(logSumExp([1000, -1000])).toBe(1000);
    expect(logSumExp([1e308, 1e308])).toBe(1e308);
    expectClose(logSumExp([-1e-20, 0]), Math.LN2 - 0.5e-20, { rel: 1e-15 });
  });

  it('logSumExp(v) equals the naive log Σ e^{vᵢ} where nothing overflows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -300, max: 300, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (v) => {
          const naive = Math.log(v.reduce((a, x) => a + Math.exp(x), 0));
          expectClose(logSumExp(v), naive, { rel: 1e-13, abs: 1e-13 });
        },
      ),
    );
  });

  it('logSumExp(v + c) = logSumExp(v) + c', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (v, c) => {
        expectClose(logSumExp(v.map((x) => x + c)), logSumExp(v) + c, { rel: 1e-12, abs: 1e-11 });
      }),
    );
  });

  it('max(v) ≤ logSumExp(v) ≤ max(v) + log n', () => {
    fc.assert(
      fc.property(logits, (v) => {
        const m = Math.max(...v);
        const l = logSumExp(v);
        expect(l).toBeGreaterThanOrEqual(m);
        expect(l).toBeLessThanOrEqual(m + Math.log(v.length) + 1e-12 * Math.max(1, Math.abs(m)));
      }),
    );
  });

  it('logSumExp ignores −Infinity entries', () => {
    expect(logSumExp([-Infinity, 5])).toBe(5);
    expectClose(logSumExp([-Infinity, 0, 0, -Infinity]), Math.LN2, { rel: 1e-15 });
  });
});

describe('softmax, logSoftmax and logSumExp reject bad input', () => {
  const calls = [
    ['softmax', 'logits', (v: number[]) => softmax(v)],
    ['logSoftmax', 'logits', (v: number[]) => logSoftmax(v)],
    ['logSumExp', 'values', (v: number[]) => logSumExp(v)],
  ] as const;

  it.each(calls)('%s rejects an empty %s', (name, param, f) => {
    expectRangeError(() => f([]), new RegExp(`^${name}: ${param} must not be empty`));
  });

  it.each(calls)(
    '%s rejects NaN and +Infinity entries of %s, naming the index',
    (name, param, f) => {
      expectRangeError(() => f([0, NaN]), new RegExp(`^${name}: ${param}\\[1\\] must be a number`));
      expectRangeError(
        () => f([Infinity, 0]),
        new RegExp(`^${name}: ${param}\\[0\\] must not be \\+Infinity`),
      );
    },
  );

  it.each(calls)('%s rejects %s that are all −Infinity', (name, param, f) => {
    expectRangeError(
      () => f([-Infinity, -Infinity]),
      new RegExp(`^${name}: ${param} must have at least one finite`),
    );
  });

  it.each([
    ['softmax', softmax],
    ['logSoftmax', logSoftmax],
  ] as const)('%s rejects a temperature ≤ 0, NaN or infinite', (name, f) => {
    for (const T of [0, -0, -1, NaN, Infinity, -Infinity]) {
      expectRangeError(() => f([1, 2], T), new RegExp(`^${name}: temperature must be > 0`));
    }
  });
});
