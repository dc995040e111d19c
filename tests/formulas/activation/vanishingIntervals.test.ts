import { describe, expect, it } from 'vitest';
import { vanishingIntervals } from '../../../src/formulas/activation/vanishingIntervals';
import { expectAllClose } from '../../helpers/asserts';

describe('vanishingIntervals', () => {
  it('vanishingIntervals(df, [a, b], t) is empty when |df| ≥ t everywhere', () => {
    expect(vanishingIntervals(() => 1, [-4, 4], 0.05)).toEqual([]);
  });

  it('covers the whole domain when |df| < t everywhere', () => {
    expect(vanishingIntervals(() => 0, [-4, 4], 0.05)).toEqual([[-4, 4]]);
  });

  it('finds an interior interval of a bump to 1e-9: |x| < 0.5 for df = |x|', () => {
    expectAllClose(vanishingIntervals(Math.abs, [-3, 3], 0.5).flat(), [-0.5, 0.5], { abs: 1e-9 });
  });

  it('finds both tails of a bell: 1/(1+x²) < 0.2 for |x| > 2', () => {
    const df = (x: number) => 1 / (1 + x * x);
    expectAllClose(vanishingIntervals(df, [-5, 5], 0.2).flat(), [-5, -2, 2, 5], { abs: 1e-9 });
  });

  it('a step at 0 (ReLU′) gives the left half, the boundary within 1e-9 of 0', () => {
    const [[a, b], ...rest] = vanishingIntervals((x) => (x > 0 ? 1 : 0), [-4, 4], 0.05);
    expect(rest).toEqual([]);
    expect(a).toBe(-4);
    expect(Math.abs(b)).toBeLessThan(1e-9);
  });
});
