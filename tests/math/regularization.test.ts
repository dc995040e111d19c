import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { l1Penalty, l2Penalty } from '../../src/math/regularization';
import { expectClose } from '../helpers/asserts';

const small = fc.integer({ min: -1000, max: 1000 });

describe('l1Penalty', () => {
  it('l1Penalty([1, −2, 3], 0.5) is 0.5·6 = 3', () => {
    expectClose(l1Penalty([1, -2, 3], 0.5), 3);
  });

  it('l1Penalty of integer weights equals λ times the sum of |w_i|', () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 10 }), small, (w, lambda) => {
        let s = 0;
        for (const x of w) s += x < 0 ? -x : x;
        expectClose(l1Penalty(w, lambda), lambda * s, { rel: 1e-14, abs: 1e-12 });
      }),
    );
  });

  it('l1Penalty of all-zero weights is 0, and λ = 0 gives 0', () => {
    expect(l1Penalty([0, 0], 3)).toBe(0);
    expect(l1Penalty([1, 2], 0)).toBe(0);
  });

  it('l1Penalty accepts a negative λ and scales the sum by it', () => {
    expectClose(l1Penalty([1, -2], -0.5), -1.5);
  });

  it('l1Penalty stays finite when Σ|w_i| overflows but λΣ|w_i| does not', () => {
    expectClose(l1Penalty([1.5e308, 1.5e308], 1e-10), 3e298);
  });
});

describe('l2Penalty', () => {
  it('l2Penalty([3, 4], 0.1) is 0.1·25 = 2.5', () => {
    expectClose(l2Penalty([3, 4], 0.1), 2.5);
  });

  it('l2Penalty of integer weights equals λ times the sum of squares', () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 10 }), small, (w, lambda) => {
        let s = 0;
        for (const x of w) s += x * x;
        expectClose(l2Penalty(w, lambda), lambda * s, { rel: 1e-14, abs: 1e-12 });
      }),
    );
  });

  it('l2Penalty of all-zero weights is 0', () => {
    expect(l2Penalty([0], 1)).toBe(0);
  });

  it('l2Penalty accepts a negative λ', () => {
    expectClose(l2Penalty([1, 2], -2), -10);
  });

  it('l2Penalty stays finite and accurate for weights near 1e±200', () => {
    // λ Σ w² = 1e-300 · 2e400 = 2e100 and 1e300 · 2e-400 = 2e-100.
    expectClose(l2Penalty([1e200, 1e200], 1e-300), 2e100);
    expectClose(l2Penalty([1e-200, 1e-200], 1e300), 2e-100, { rel: 1e-9, abs: 0 });
    expectClose(l2Penalty([3e200, 4e200], 1e-300), 25e100);
  });
});

describe('bad input', () => {
  it.each([
    ['l1Penalty', l1Penalty],
    ['l2Penalty', l2Penalty],
  ] as const)('%s rejects a NaN or infinite lambda naming lambda', (name, f) => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => f([1], bad)).toThrow(RangeError);
      expect(() => f([1], bad)).toThrow(new RegExp(`${name}: lambda must be a finite number`));
    }
  });

  it.each([
    ['l1Penalty', l1Penalty],
    ['l2Penalty', l2Penalty],
  ] as const)('%s rejects an empty or non-finite w naming w', (name, f) => {
    expect(() => f([], 1)).toThrow(RangeError);
    expect(() => f([], 1)).toThrow(new RegExp(`${name}: w must not be empty`));
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => f([0, bad], 1)).toThrow(new RegExp(`${name}: w\\[1\\]`));
    }
  });
});
