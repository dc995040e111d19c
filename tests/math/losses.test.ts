import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, mse, softmaxCrossEntropy } from '../../src/math/losses';
import { expectClose, expectRangeError } from '../helpers/asserts';

const logitsWithTarget = fc
  .array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 })
  .chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: z.length - 1 })));

describe('softmaxCrossEntropy', () => {
  it('softmaxCrossEntropy(z, t) on hand-derived cases', () => {
    expectClose(softmaxCrossEntropy([0, 0], 0), Math.LN2, { rel: 1e-15 });
    // softmax([ln 1, ln 2, ln 3]) = [1/6, 1/3, 1/2]
    expectClose(softmaxCrossEntropy([0, Math.LN2, Math.log(3)], 2), Math.LN2, { rel: 1e-15 });
    expectClose(softmaxCrossEntropy([0, Math.LN2, Math.log(3)], 0), Math.log(6), { rel: 1e-15 });
    expect(softmaxCrossEntropy([7], 0)).toBe(0);
  });

  it('softmaxCrossEntropy(z, t) equals −log of the naive softmax for logits in [−50, 50]', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 })
          .chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: z.length - 1 }))),
        ([z, t]) => {
          const total = z.reduce((a, v) => a + Math.exp(v), 0);
          const naive = -Math.log(Math.exp(z[t]) / total);
          expectClose(softmaxCrossEntropy(z, t), naive, { rel: 1e-12, abs: 1e-13 });
        },
      ),
    );
  });

  it('softmaxCrossEntropy(z, t) is ≥ 0, finite, and shift-invariant for logits up to ±1e3', () => {
    fc.assert(
      fc.property(
        logitsWithTarget,
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        ([z, t], c) => {
          const loss = softmaxCrossEntropy(z, t);
          expect(loss).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(loss)).toBe(true);
          expectClose(
            softmaxCrossEntropy(
              z.map((v) => v + c),
              t,
            ),
            loss,
            { rel: 1e-9, abs: 1e-11 },
          );
        },
      ),
    );
  });

  it('softmaxCrossEntropy at logits ±1000 is exact', () => {
    expect(softmaxCrossEntropy([1000, -1000], 1)).toBe(2000);
    expect(softmaxCrossEntropy([1000, 0], 1)).toBe(1000);
    expect(softmaxCrossEntropy([1000, 0], 0)).toBe(0); // log(1 + e^{-1000}), below the smallest double
    expectClose(softmaxCrossEntropy([-1000, -1000], 0), Math.LN2, { rel: 1e-15 });
    expectClose(softmaxCrossEntropy([1000, 1000, 1000], 2), Math.log(3), { rel: 1e-15 });
  });

  it('softmaxCrossEntropy keeps a tiny loss: [0, 30] at the argmax gives log(1 + e^{-30})', () => {
    const e = Math.exp(-30);
    expectClose(softmaxCrossEntropy([0, 30], 1), e * (1 - e / 2), { rel: 1e-15, abs: 0 });
    expectClose(softmaxCrossEntropy([0, 30], 0), 30 + e * (1 - e / 2), { rel: 1e-15 });
  });

  it('softmaxCrossEntropy ignores −Infinity (masked) non-target logits', () => {
    expectClose(softmaxCrossEntropy([-Infinity, 0, 0], 1), Math.LN2, { rel: 1e-15 });
    expect(softmaxCrossEntropy([-Infinity, 5, -Infinity], 1)).toBe(0);
  });
});

describe('binaryCrossEntropy', () => {
  it('binaryCrossEntropy(y, p) on hand-derived cases', () => {
    expectClose(binaryCrossEntropy(1, 0.5), Math.LN2, { rel: 1e-15 });
    expectClose(binaryCrossEntropy(0, 0.5), Math.LN2, { rel: 1e-15 });
    expectClose(binaryCrossEntropy(0.5, 0.5), Math.LN2, { rel: 1e-15 });
    expectClose(binaryCrossEntropy(1, 0.25), Math.log(4), { rel: 1e-15 });
    expectClose(binaryCrossEntropy(0.25, 0.75), -(0.25 * Math.log(0.75) + 0.75 * Math.log(0.25)), {
      rel: 1e-15,
    });
  });

  it('binaryCrossEntropy uses 0·log 0 = 0 at the corners', () => {
    expect(binaryCrossEntropy(1, 1)).toBe(0);
    expect(binaryCrossEntropy(0, 0)).toBe(0);
  });

  it('binaryCrossEntropy is Infinity where y > 0 and p = 0, or y < 1 and p = 1 (no clamping)', () => {
    expect(binaryCrossEntropy(1, 0)).toBe(Infinity);
    expect(binaryCrossEntropy(0.3, 0)).toBe(Infinity);
    expect(binaryCrossEntropy(0, 1)).toBe(Infinity);
    expect(binaryCrossEntropy(0.3, 1)).toBe(Infinity);
    expect(binaryCrossEntropy(1e-300, 0)).toBe(Infinity);
  });

  it('binaryCrossEntropy stays accurate for p near 0 or 1', () => {
    // −log(1 − p) = p + p²/2 + …
    expectClose(binaryCrossEntropy(0, 1e-20), 1e-20, { rel: 1e-15, abs: 0 });
    expectClose(binaryCrossEntropy(0, 1e-8), 1e-8 + 0.5e-16, { rel: 1e-15, abs: 0 });
    const eps = 2 ** -53;
    expectClose(binaryCrossEntropy(1, 1 - eps), eps + (eps * eps) / 2, { rel: 1e-15, abs: 0 });
  });

  it('binaryCrossEntropy(y, p) = crossEntropy([y, 1 − y], [p, 1 − p]) computed by hand', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (y, p) => {
          const expected = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
          expectClose(binaryCrossEntropy(y, p), expected, { rel: 1e-9, abs: 1e-12 });
        },
      ),
    );
  });
});

describe('mse', () => {
  it('mse(target, predicted) on hand-derived cases', () => {
    expect(mse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(mse([0, 0], [3, 4])).toBe(12.5);
    expect(mse([1], [-1])).toBe(4);
    expectClose(mse([0.1, 0.2], [0.3, 0.5]), (0.04 + 0.09) / 2, { rel: 1e-14 });
  });

  it('mse is symmetric, ≥ 0, and equals the naive mean of squares', () => {
    const pair = fc
      .integer({ min: 1, max: 10 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const naive = a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length;
        expect(mse(a, b)).toBe(mse(b, a));
        expect(mse(a, b)).toBeGreaterThanOrEqual(0);
        expectClose(mse(a, b), naive, { rel: 1e-12 });
      }),
    );
  });

  it('mse stays finite when the sum of squares overflows but the mean does not', () => {
    const big = new Array<number>(4).fill(1e154);
    expectClose(mse(big, [0, 0, 0, 0]), 1e308, { rel: 1e-14 });
    expect(mse([1e200], [-1e200])).toBe(Infinity); // 4e400 is not representable
    expect(mse([1.5e308], [-1.5e308])).toBe(Infinity);
  });
});

describe('losses reject bad input', () => {
  it('softmaxCrossEntropy rejects empty, NaN or +Infinity logits', () => {
    expectRangeError(
      () => softmaxCrossEntropy([], 0),
      /^softmaxCrossEntropy: logits must not be empty/,
    );
    expectRangeError(
      () => softmaxCrossEntropy([0, NaN], 0),
      /^softmaxCrossEntropy: logits\[1\] must be a number/,
    );
    expectRangeError(
      () => softmaxCrossEntropy([Infinity, 0], 1),
      /^softmaxCrossEntropy: logits\[0\] must not be \+Infinity/,
    );
  });

  it('softmaxCrossEntropy rejects a −Infinity (masked) logit at the target', () => {
    expectRangeError(
      () => softmaxCrossEntropy([-Infinity, 0], 0),
      /^softmaxCrossEntropy: logits\[0\] must be finite at targetIndex/,
    );
  });

  it('softmaxCrossEntropy rejects a targetIndex outside 0…n−1 or not an integer', () => {
    for (const t of [-1, 3, 1.5, NaN, Infinity]) {
      expectRangeError(
        () => softmaxCrossEntropy([0, 1, 2], t),
        /^softmaxCrossEntropy: targetIndex must be an integer in 0…2/,
      );
    }
  });

  it('binaryCrossEntropy rejects y or p outside [0, 1], NaN or infinite', () => {
    for (const bad of [-0.1, 1.1, NaN, Infinity, -Infinity]) {
      expectRangeError(
        () => binaryCrossEntropy(bad, 0.5),
        /^binaryCrossEntropy: y must be a probability/,
      );
      expectRangeError(
        () => binaryCrossEntropy(0.5, bad),
        /^binaryCrossEntropy: p must be a probability/,
      );
    }
  });

  it('mse rejects empty, non-finite or mismatched vectors', () => {
    expectRangeError(() => mse([], []), /^mse: target must not be empty/);
    expectRangeError(() => mse([1], []), /^mse: predicted must not be empty/);
    expectRangeError(() => mse([1, 2], [1]), /^mse: predicted must have the same length as target/);
    expectRangeError(() => mse([NaN], [1]), /^mse: target\[0\] must be a number/);
    expectRangeError(() => mse([1], [Infinity]), /^mse: predicted\[0\] must not be \+Infinity/);
    expectRangeError(() => mse([-Infinity], [1]), /^mse: target\[0\] must not be -Infinity/);
  });
});
