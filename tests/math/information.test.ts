import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryEntropy,
  crossEntropy,
  entropy,
  klDivergence,
  perplexity,
} from '../../src/math/information';
import { expectClose, expectRangeError } from '../helpers/asserts';

/** Arbitrary distributions of 1–10 entries, some of them exact zeros. */
const distribution = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 10,
  })
  .filter((w) => w.some((v) => v > 0))
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / total);
  });

/** Two distributions of the same length; the second has no zeros. */
const pairWithPositiveQ = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.tuple(
    distribution.filter((p) => p.length === n),
    fc
      .array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: n, maxLength: n })
      .map((w) => {
        const total = w.reduce((a, b) => a + b, 0);
        return w.map((v) => v / total);
      }),
  ),
);

describe('entropy', () => {
  it('entropy(p) on hand-derived cases, in nats and bits', () => {
    expectClose(entropy([0.5, 0.5]), Math.LN2, { rel: 1e-15 });
    expectClose(entropy([0.5, 0.5], 2), 1, { rel: 1e-15 });
    expectClose(entropy([0.25, 0.25, 0.5], 2), 1.5, { rel: 1e-15 });
    expectClose(entropy([0.25, 0.25, 0.25, 0.25], 4), 1, { rel: 1e-15 });
    expectClose(entropy(new Array<number>(10).fill(0.1), 10), 1, { rel: 1e-15 });
    expectClose(entropy([0.1, 0.9]), -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9)), { rel: 1e-15 });
  });

  it('entropy uses 0·log 0 = 0: a one-hot distribution has entropy exactly 0', () => {
    expect(entropy([1, 0, 0])).toBe(0);
    expect(entropy([0, 1], 2)).toBe(0);
    expectClose(entropy([0.5, 0, 0.5, 0]), Math.LN2, { rel: 1e-15 });
  });

  it('0 ≤ entropy(p) ≤ log n, with log n for the uniform distribution', () => {
    fc.assert(
      fc.property(distribution, (p) => {
        const h = entropy(p);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(Math.log(p.length) * (1 + 1e-12));
        expectClose(entropy(p, 2), h / Math.LN2, { rel: 1e-14 });
      }),
    );
    for (let n = 1; n <= 20; n++) {
      expectClose(entropy(new Array<number>(n).fill(1 / n)), Math.log(n), { rel: 1e-14 });
    }
  });

  it('entropy uses a distribution within 1e-6 of summing to 1 as given, unrenormalised', () => {
    const p = [0.5, 0.5 + 5e-7];
    expectClose(entropy(p), -(0.5 * Math.log(0.5) + p[1] * Math.log(p[1])), { rel: 1e-15 });
  });
});

describe('crossEntropy', () => {
  it('crossEntropy(target, predicted) on hand-derived cases', () => {
    expectClose(crossEntropy([1, 0], [0.25, 0.75]), Math.log(4), { rel: 1e-15 });
    expectClose(crossEntropy([1, 0], [0.25, 0.75], 2), 2, { rel: 1e-15 });
    expectClose(
      crossEntropy([0.5, 0.5], [0.25, 0.75]),
      -(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)),
      { rel: 1e-15 },
    );
  });

  it('crossEntropy uses 0·log ŷ = 0 and is Infinity where y > 0 and ŷ = 0', () => {
    expect(crossEntropy([1, 0], [1, 0])).toBe(0);
    expectClose(crossEntropy([0, 1], [0.5, 0.5]), Math.LN2, { rel: 1e-15 });
    expect(crossEntropy([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(crossEntropy([0, 1], [1, 0], 2)).toBe(Infinity);
  });

  it('crossEntropy(p, q) ≥ entropy(p), with equality at q = p', () => {
    fc.assert(
      fc.property(pairWithPositiveQ, ([p, q]) => {
        expect(crossEntropy(p, q)).toBeGreaterThanOrEqual(entropy(p) - 1e-14);
        expectClose(crossEntropy(p, p), entropy(p), { rel: 1e-14, abs: 1e-15 });
      }),
    );
  });
});

describe('klDivergence', () => {
  it('klDivergence(p, q) on hand-derived cases', () => {
    expectClose(klDivergence([1, 0], [0.5, 0.5]), Math.LN2, { rel: 1e-15 });
    expectClose(klDivergence([1, 0], [0.5, 0.5], 2), 1, { rel: 1e-15 });
    expectClose(klDivergence([0.5, 0.5], [0.25, 0.75]), 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), {
      rel: 1e-14,
    });
    expect(klDivergence([0.3, 0.7], [0.3, 0.7])).toBe(0);
  });

  it('klDivergence is Infinity where p > 0 and q = 0, and skips p = 0', () => {
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expectClose(klDivergence([0, 1], [0.75, 0.25]), Math.log(4), { rel: 1e-15 });
    expect(klDivergence([0, 1], [1, 0])).toBe(Infinity);
  });

  it('klDivergence of nearly equal distributions keeps its relative accuracy', () => {
    // p = [1/2 + e, 1/2 − e] (both exact), q = uniform, u = 2e:
    // KL = ½[(1+u)ln(1+u) + (1−u)ln(1−u)] = Σ_{k≥1} u^{2k} / (2k(2k−1))
    for (const target of [1e-3, 1e-4, 1e-5]) {
      const e = 0.5 + target - 0.5;
      const u = 2 * e;
      let series = 0;
      for (let k = 1; k <= 10; k++) series += u ** (2 * k) / (2 * k * (2 * k - 1));
      expectClose(klDivergence([0.5 + e, 0.5 - e], [0.5, 0.5]), series, { rel: 1e-9, abs: 0 });
    }
  });

  it('klDivergence stays finite when p/q overflows: KL([1 − 1e-320, 1e-320] ‖ [1e-320, 1 − 1e-320])', () => {
    const tiny = 1e-320;
    // ≈ 1·ln(1/1e-320) + 1e-320·ln(1e-320) ≈ 320 ln 10 (p/q itself would overflow to Infinity)
    expectClose(klDivergence([1 - tiny, tiny], [tiny, 1 - tiny]), -Math.log(tiny), { rel: 1e-12 });
  });

  it('klDivergence(p, q) ≥ 0 (up to rounding), and = 0 at q = p', () => {
    fc.assert(
      fc.property(pairWithPositiveQ, ([p, q]) => {
        expect(klDivergence(p, q)).toBeGreaterThanOrEqual(-1e-14);
        expect(Math.abs(klDivergence(p, p))).toBe(0);
      }),
    );
  });

  it('klDivergence(p, q) = crossEntropy(p, q) − entropy(p)', () => {
    fc.assert(
      fc.property(pairWithPositiveQ, fc.constantFrom(Math.E, 2, 10, 0.5), ([p, q], base) => {
        const expected = crossEntropy(p, q, base) - entropy(p, base);
        const scale = Math.abs(crossEntropy(p, q, base));
        expectClose(klDivergence(p, q, base), expected, {
          rel: 1e-9,
          abs: 1e-14 * Math.max(1, scale),
        });
      }),
    );
  });
});

describe('entropy, crossEntropy and klDivergence reject bad input', () => {
  const twoArg = [
    ['crossEntropy', 'target', 'predicted', crossEntropy],
    ['klDivergence', 'p', 'q', klDivergence],
  ] as const;

  it('entropy rejects an empty, non-normalised, out-of-range or non-finite p', () => {
    expectRangeError(() => entropy([]), /^entropy: p must not be empty/);
    expectRangeError(() => entropy([0.5, 0.4]), /^entropy: p must sum to 1/);
    expectRangeError(() => entropy([0.5, 0.5 + 2e-6]), /^entropy: p must sum to 1/);
    expectRangeError(() => entropy([1.5, -0.5]), /^entropy: p\[0\] must be a probability/);
    expectRangeError(() => entropy([0.5, NaN]), /^entropy: p\[1\] must be a number/);
    expectRangeError(() => entropy([Infinity, 0]), /^entropy: p\[0\] must not be \+Infinity/);
    expectRangeError(() => entropy([-Infinity, 1]), /^entropy: p\[0\] must not be -Infinity/);
  });

  it.each([entropy])('entropy rejects a base ≤ 0, equal to 1, NaN or infinite', (f) => {
    for (const base of [0, -2, 1, NaN, Infinity]) {
      expectRangeError(() => f([0.5, 0.5], base), /^entropy: base must be > 0, finite and not 1/);
    }
  });

  it.each(twoArg)('%s rejects a bad %s or %s', (name, a, b, f) => {
    const ok = [0.5, 0.5];
    for (const [bad, problem] of [
      [[], 'must not be empty'],
      [[0.5, 0.4], 'must sum to 1'],
      [[1.5, -0.5], '\\[0\\] must be a probability'],
      [[NaN, 1], '\\[0\\] must be a number'],
      [[Infinity, 0], '\\[0\\] must not be \\+Infinity'],
      [[-Infinity, 1], '\\[0\\] must not be -Infinity'],
    ] as const) {
      expectRangeError(
        () => f(bad, ok),
        new RegExp(`^${name}: ${a}${problem}`.replace(`${a}m`, `${a} m`)),
      );
      expectRangeError(
        () => f(ok, bad),
        new RegExp(`^${name}: ${b}${problem}`.replace(`${b}m`, `${b} m`)),
      );
    }
  });

  it.each(twoArg)('%s rejects %s and %s of different lengths', (name, _a, b, f) => {
    expectRangeError(
      () => f([0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]),
      new RegExp(`^${name}: ${b} must have the same length`),
    );
  });

  it.each(twoArg)('%s rejects a base ≤ 0, equal to 1, NaN or infinite', (name, _a, _b, f) => {
    for (const base of [0, -2, 1, NaN, Infinity]) {
      expectRangeError(
        () => f([0.5, 0.5], [0.5, 0.5], base),
        new RegExp(`^${name}: base must be > 0`),
      );
    }
  });
});

describe('binaryEntropy', () => {
  it('binaryEntropy(p) on hand-derived cases, in nats and bits', () => {
    expectClose(binaryEntropy(0.5), Math.LN2, { rel: 1e-15 });
    expectClose(binaryEntropy(0.5, 2), 1, { rel: 1e-15 });
    // H(1/4) = −¼·log₂¼ − ¾·log₂¾ = ½ + ¾(2 − log₂3) = 2 − ¾·log₂3
    expectClose(binaryEntropy(0.25, 2), 2 - 0.75 * Math.log2(3), { rel: 1e-15 });
    expectClose(binaryEntropy(0.75, 2), 2 - 0.75 * Math.log2(3), { rel: 1e-15 });
    expectClose(binaryEntropy(0.1), -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9)), { rel: 1e-15 });
  });

  it('binaryEntropy is exactly 0 at p = 0 and p = 1', () => {
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0, 2)).toBe(0);
    expect(binaryEntropy(1, 10)).toBe(0);
  });

  it('binaryEntropy is accurate near 0 and near 1', () => {
    // −p log p − (1−p) log(1−p) = p(1 − log p) − p²/2 − O(p³) for small p
    for (const p of [1e-300, 1e-100, 1e-12, 1e-8]) {
      expectClose(binaryEntropy(p), p * (1 - Math.log(p)) - (p * p) / 2, { rel: 1e-15, abs: 0 });
    }
    // p = 1 − 2^−40 is exact, and q = 1 − p = 2^−40
    const q = 2 ** -40;
    expectClose(binaryEntropy(1 - q), q * (1 + 40 * Math.LN2) - (q * q) / 2, {
      rel: 1e-13,
      abs: 0,
    });
    expectClose(binaryEntropy(1 - q, 2), q * (40 + 1 / Math.LN2), { rel: 1e-11, abs: 0 });
  });

  it('binaryEntropy(p) = binaryEntropy(1 − p) = entropy([p, 1 − p]) and lies in [0, log 2]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.constantFrom(Math.E, 2, 10, 0.5),
        (p, base) => {
          const q = 1 - p; // exact for p in [1/2, 1]
          const h = binaryEntropy(p, base);
          expectClose(binaryEntropy(q, base), h, { rel: 1e-14, abs: 1e-300 });
          expectClose(entropy([p, q], base), h, { rel: 1e-14, abs: 1e-300 });
          const hNats = binaryEntropy(p);
          expect(hNats).toBeGreaterThanOrEqual(0);
          expect(hNats).toBeLessThanOrEqual(Math.LN2 * (1 + 1e-15));
          expectClose(h, hNats / Math.log(base), { rel: 1e-14, abs: 1e-300 });
        },
      ),
    );
  });

  it('binaryEntropy rejects p outside [0, 1] or NaN, and a bad base', () => {
    for (const bad of [-0.1, 1.1, NaN, Infinity, -Infinity]) {
      expectRangeError(() => binaryEntropy(bad), /^binaryEntropy: p must be a probability/);
    }
    for (const base of [0, -2, 1, NaN, Infinity]) {
      expectRangeError(
        () => binaryEntropy(0.5, base),
        /^binaryEntropy: base must be > 0, finite and not 1/,
      );
    }
  });
});

describe('perplexity', () => {
  it('perplexity of the uniform distribution over n choices is n', () => {
    for (let n = 1; n <= 50; n++) {
      expectClose(perplexity(new Array<number>(n).fill(1 / n)), n, { rel: 1e-13 });
    }
  });

  it('perplexity on hand-derived cases: one-hot 1, [½, ¼, ¼] 2√2, zeros count for nothing', () => {
    expect(perplexity([0, 1, 0])).toBe(1);
    // H = 1.5 bits, so e^H = 2^1.5
    expectClose(perplexity([0.5, 0.25, 0.25]), 2 * Math.SQRT2, { rel: 1e-15 });
    expectClose(perplexity([0.5, 0, 0.5, 0]), 2, { rel: 1e-15 });
    // H = −(0.9 ln 0.9 + 0.1 ln 0.1): e^H = 0.9^−0.9 · 0.1^−0.1
    expectClose(perplexity([0.9, 0.1]), 0.9 ** -0.9 * 0.1 ** -0.1, { rel: 1e-14 });
  });

  it('1 ≤ perplexity(p) ≤ the number of non-zero entries', () => {
    fc.assert(
      fc.property(distribution, (p) => {
        const pp = perplexity(p);
        expect(pp).toBeGreaterThanOrEqual(1 - 1e-15);
        expect(pp).toBeLessThanOrEqual(p.filter((v) => v > 0).length * (1 + 1e-12));
      }),
    );
  });

  it('perplexity rejects a p that is not a distribution', () => {
    expectRangeError(() => perplexity([]), /^perplexity: p must not be empty/);
    expectRangeError(() => perplexity([0.5, 0.4]), /^perplexity: p must sum to 1/);
    expectRangeError(() => perplexity([1.5, -0.5]), /^perplexity: p\[0\] must be a probability/);
    expectRangeError(() => perplexity([NaN, 1]), /^perplexity: p\[0\] must be a number/);
    expectRangeError(() => perplexity([Infinity, 0]), /^perplexity: p\[0\] must not be \+Infinity/);
  });
});
