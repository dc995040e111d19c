import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleIndex, topK, topP } from '../../src/math/sampling';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/** Arbitrary distributions of 1–12 entries, some exact zeros and some exact ties. */
const distribution = fc
  .array(
    fc.oneof(
      fc.constant(0),
      fc.constant(0.25),
      fc.constant(1),
      fc.double({ min: 1e-6, max: 1, noNaN: true }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .filter((w) => w.some((v) => v > 0))
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / total);
  });

const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/** The lowest index of the largest entry, by a plain scan. */
function argmax(p: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

/**
 * Reference top-k by repeated selection (another algorithm than a sort): pick
 * the largest not yet picked entry, lowest index on ties, k times.
 */
function topKBySelection(p: readonly number[], k: number): number[] {
  const picked = new Array<boolean>(p.length).fill(false);
  for (let r = 0; r < k; r++) {
    let best = -1;
    for (let i = 0; i < p.length; i++) {
      if (!picked[i] && (best < 0 || p[i] > p[best])) best = i;
    }
    picked[best] = true;
  }
  const kept = p.reduce((s, v, i) => (picked[i] ? s + v : s), 0);
  return p.map((v, i) => (picked[i] ? v / kept : 0));
}

/** Σ of the entries ranked before i (greater, or equal at a lower index), summed in index order. */
function massRankedBefore(p: readonly number[], i: number): number {
  let s = 0;
  for (let j = 0; j < p.length; j++) if (p[j] > p[i] || (p[j] === p[i] && j < i)) s += p[j];
  return s;
}

function expectDistribution(q: readonly number[]): void {
  for (const v of q) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expectClose(sum(q), 1, { rel: 1e-13 });
}

describe('topK', () => {
  it('topK(p, k) on hand-derived cases', () => {
    expectAllClose(topK([0.1, 0.2, 0.3, 0.4], 2), [0, 0, 3 / 7, 4 / 7], { rel: 1e-15 });
    expectAllClose(topK([0.5, 0.3, 0.2], 1), [1, 0, 0]);
    expectAllClose(topK([0.2, 0.5, 0.3], 2), [0, 0.625, 0.375], { rel: 1e-15 });
    expect(topK([1], 1)).toEqual([1]);
  });

  it('topK breaks ties by the lower index first', () => {
    expectAllClose(topK([0.25, 0.25, 0.25, 0.25], 2), [0.5, 0.5, 0, 0]);
    expectAllClose(topK([0.2, 0.4, 0.2, 0.2], 2), [1 / 3, 2 / 3, 0, 0], { rel: 1e-15 });
    expectAllClose(topK([0.1, 0.3, 0.3, 0.3], 2), [0, 0.5, 0.5, 0]);
    // a kept zero stays 0: [1, 0, 0] with k = 2 keeps index 0 and the first zero
    expectAllClose(topK([1, 0, 0], 2), [1, 0, 0]);
  });

  it('topK(p, k) matches top-k by repeated selection of the largest remaining entry', () => {
    fc.assert(
      fc.property(
        distribution.chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: 1, max: p.length }))),
        ([p, k]) => {
          expectAllClose(topK(p, k), topKBySelection(p, k), { rel: 1e-14, abs: 1e-16 });
        },
      ),
    );
  });

  it('topK(p, k) is a distribution that keeps the argmax and keeps k entries at most', () => {
    fc.assert(
      fc.property(
        distribution.chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: 1, max: p.length }))),
        ([p, k]) => {
          const q = topK(p, k);
          expect(q).toHaveLength(p.length);
          expectDistribution(q);
          expect(q[argmax(p)]).toBeGreaterThan(0);
          const kept = q.filter((v) => v > 0).length;
          expect(kept).toBeGreaterThanOrEqual(1);
          expect(kept).toBeLessThanOrEqual(k);
          // every entry it drops is ≤ every entry it keeps
          const keptMin = Math.min(...p.filter((_, i) => q[i] > 0));
          p.forEach((v, i) => {
            if (q[i] === 0) expect(v).toBeLessThanOrEqual(keptMin);
          });
        },
      ),
    );
  });

  it('topK(p, n) is p', () => {
    fc.assert(
      fc.property(distribution, (p) => {
        expectAllClose(topK(p, p.length), p, { rel: 1e-14, abs: 0 });
      }),
    );
    const loose = [0.5, 0.5 + 5e-7];
    // within the 1e-6 tolerance p is used as given, so the kept sum divides it
    expectAllClose(topK(loose, 2), [0.5 / (1 + 5e-7), (0.5 + 5e-7) / (1 + 5e-7)], { rel: 1e-15 });
  });

  it('topK throws a RangeError naming k for a k that is not an integer in 1…n', () => {
    for (const bad of [0, -1, 4, 1.5, NaN, Infinity]) {
      expectRangeError(() => topK([0.2, 0.3, 0.5], bad), /^topK: k must be an integer in 1…3/);
    }
  });

  it('topK throws a RangeError naming p when p is not a distribution', () => {
    expectRangeError(() => topK([], 1), /^topK: p must not be empty/);
    expectRangeError(() => topK([0.5, 0.4], 1), /^topK: p must sum to 1/);
    expectRangeError(() => topK([1.5, -0.5], 1), /^topK: p\[0\] must be a probability/);
    expectRangeError(() => topK([NaN, 1], 1), /^topK: p\[0\] must be a number/);
    expectRangeError(() => topK([Infinity, 0], 1), /^topK: p\[0\] must not be \+Infinity/);
  });
});

describe('topP', () => {
  it('topP(p, threshold) on hand-derived cases', () => {
    // ranked 0.5, 0.3, 0.2: before-sums 0, 0.5, 0.8
    expectAllClose(topP([0.2, 0.5, 0.3], 0.5), [0, 1, 0]);
    expectAllClose(topP([0.2, 0.5, 0.3], 0.6), [0, 0.625, 0.375], { rel: 1e-15 });
    expectAllClose(topP([0.2, 0.5, 0.3], 0.8), [0, 0.625, 0.375], { rel: 1e-15 });
    expectAllClose(topP([0.2, 0.5, 0.3], 0.81), [0.2, 0.5, 0.3], { rel: 1e-15 });
    expectAllClose(topP([0.2, 0.5, 0.3], 1), [0.2, 0.5, 0.3], { rel: 1e-15 });
  });

  it('topP always keeps the top entry, even for a tiny threshold', () => {
    expectAllClose(topP([0.2, 0.5, 0.3], 1e-300), [0, 1, 0]);
    expectAllClose(topP([0.9, 0.1], Number.MIN_VALUE), [1, 0]);
  });

  it('topP ranks ties by the lower index first', () => {
    // before-sums 0, 0.25, 0.5, 0.75 for indices 0, 1, 2, 3
    expectAllClose(topP([0.25, 0.25, 0.25, 0.25], 0.5), [0.5, 0.5, 0, 0]);
    expectAllClose(topP([0.25, 0.25, 0.25, 0.25], 0.5000001), [1 / 3, 1 / 3, 1 / 3, 0], {
      rel: 1e-15,
    });
    // the three 0.3 rank before 0.1 and among them index 1 first: before-sums 0, 0.3, 0.6
    expectAllClose(topP([0.1, 0.3, 0.3, 0.3], 0.6), [0, 0.5, 0.5, 0]);
  });

  it('topP(p, 1) keeps every non-zero entry', () => {
    fc.assert(
      fc.property(distribution, (p) => {
        const q = topP(p, 1);
        p.forEach((v, i) => expect(q[i] > 0).toBe(v > 0));
        expectAllClose(q, p, { rel: 1e-14, abs: 0 });
      }),
    );
  });

  it('topP(p, threshold) is a distribution keeping the argmax and exactly the entries ranked before the threshold', () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 1e-9, max: 1, noNaN: true }), (p, threshold) => {
        const q = topP(p, threshold);
        expect(q).toHaveLength(p.length);
        expectDistribution(q);
        expect(q[argmax(p)]).toBeGreaterThan(0);
        expect(q.filter((v) => v > 0).length).toBeGreaterThanOrEqual(1);
        p.forEach((v, i) => {
          if (v === 0) {
            expect(q[i]).toBe(0);
            return;
          }
          const before = massRankedBefore(p, i);
          // skip sums within rounding of the threshold (summed in another order here)
          if (Math.abs(before - threshold) < 1e-12) return;
          expect(q[i] > 0, `entry ${i}: mass ranked before it ${before}`).toBe(before < threshold);
        });
      }),
    );
  });

  it('topP keeps a nested set as the threshold grows', () => {
    fc.assert(
      fc.property(
        distribution,
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        (p, s, t) => {
          const small = topP(p, Math.min(s, t));
          const large = topP(p, Math.max(s, t));
          small.forEach((v, i) => {
            if (v > 0) expect(large[i]).toBeGreaterThan(0);
          });
        },
      ),
    );
  });

  it('topP throws a RangeError naming threshold outside (0, 1]', () => {
    for (const bad of [0, -0.1, 1.0000001, 2, NaN, Infinity, -Infinity]) {
      expectRangeError(() => topP([0.5, 0.5], bad), /^topP: threshold must be in \(0, 1\]/);
    }
  });

  it('topP throws a RangeError naming p when p is not a distribution', () => {
    expectRangeError(() => topP([], 0.9), /^topP: p must not be empty/);
    expectRangeError(() => topP([0.5, 0.6], 0.9), /^topP: p must sum to 1/);
    expectRangeError(() => topP([2, -1], 0.9), /^topP: p\[0\] must be a probability/);
    expectRangeError(() => topP([0.5, NaN], 0.9), /^topP: p\[1\] must be a number/);
  });
});

describe('sampleIndex', () => {
  it('sampleIndex(p, u) at hand-derived points of the CDF', () => {
    const p = [0.2, 0.3, 0.5];
    expect(sampleIndex(p, 0)).toBe(0);
    expect(sampleIndex(p, 0.1999)).toBe(0);
    expect(sampleIndex(p, 0.2)).toBe(1); // u < p0 is false at u = p0
    expect(sampleIndex(p, 0.4999)).toBe(1);
    expect(sampleIndex(p, 0.5)).toBe(2); // 0.2 + 0.3 is exactly 0.5 in float64
    expect(sampleIndex(p, 1 - 2 ** -53)).toBe(2);
    expect(sampleIndex([1], 0.7)).toBe(0);
  });

  it('sampleIndex never returns an index of mass 0', () => {
    expect(sampleIndex([0, 1], 0)).toBe(1);
    expect(sampleIndex([0, 0.5, 0, 0.5, 0], 0)).toBe(1);
    expect(sampleIndex([0, 0.5, 0, 0.5, 0], 0.5)).toBe(3);
    expect(sampleIndex([0, 0.5, 0, 0.5, 0], 0.9999)).toBe(3);
  });

  it('sampleIndex returns the last index of positive mass when u is at or above the total', () => {
    // sums to 1 − 1e-7 (within tolerance): u = 0.99999995 is past the total
    expect(sampleIndex([0.5, 0.5 - 1e-7, 0, 0], 0.99999995)).toBe(1);
    expect(sampleIndex([0.3, 0.3, 0.4 - 5e-7, 0, 0], 0.9999999)).toBe(2);
  });

  it('sampleIndex over a fine grid of u reproduces the masses of p and skips zeros', () => {
    const M = 4096;
    fc.assert(
      fc.property(distribution, (p) => {
        const counts = new Array<number>(p.length).fill(0);
        let previous = 0;
        let zeroMass = 0;
        let decreasing = 0;
        for (let m = 0; m < M; m++) {
          const i = sampleIndex(p, (m + 0.5) / M);
          if (!(p[i] > 0)) zeroMass++;
          if (i < previous) decreasing++; // it is non-decreasing in u
          previous = i;
          counts[i]++;
        }
        expect(zeroMass).toBe(0);
        expect(decreasing).toBe(0);
        // each index owns an interval of length p_i: the grid sees it within one step
        counts.forEach((c, i) => expect(Math.abs(c / M - p[i])).toBeLessThanOrEqual(1 / M + 1e-12));
      }),
      { numRuns: 50 },
    );
  });

  it('sampleIndex throws a RangeError naming u outside [0, 1)', () => {
    for (const bad of [1, -1e-300, 1.5, NaN, Infinity, -Infinity]) {
      expectRangeError(() => sampleIndex([0.5, 0.5], bad), /^sampleIndex: u must be in \[0, 1\)/);
    }
  });

  it('sampleIndex throws a RangeError naming p when p is not a distribution', () => {
    expectRangeError(() => sampleIndex([], 0.5), /^sampleIndex: p must not be empty/);
    expectRangeError(() => sampleIndex([0.5, 0.49], 0.5), /^sampleIndex: p must sum to 1/);
    expectRangeError(() => sampleIndex([-0.5, 1.5], 0.5), /^sampleIndex: p\[0\] must be/);
    expectRangeError(() => sampleIndex([NaN], 0.5), /^sampleIndex: p\[0\] must be a number/);
  });
});
