import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { cardAnswer } from '../../src/ui/card/answer';
import {
  guessRange,
  guessStep,
  guessText,
  guessTicks,
  revealSpan,
  snapGuess,
  spanFraction,
  stepDecimals,
  type Span,
} from '../../src/ui/card/guessScale';
import type { AnyFormulaDef, Lang } from '../../src/ui/card/types';
import { withDefaults } from '../helpers/formula';

/*
 * The number line a guess is marked on: its default span, its step, snapping, and the span
 * that shows a guess beside the answer; and on every page, the span it declares holds the
 * answer at the defaults and at every preset.
 */

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const span = fc
  .tuple(finite, fc.double({ min: 1e-6, max: 1e6, noNaN: true }))
  .map(([lo, width]): Span => [lo, lo + width])
  .filter(([lo, hi]) => lo < hi);

describe('the default span', () => {
  it('a percentage spans 0 to 100 whatever the answer', () => {
    fc.assert(
      fc.property(finite, (v) => {
        expect(guessRange({ value: v, unit: '%' })).toEqual([0, 100]);
      }),
    );
  });

  it('runs from 0 to the power of ten at or above the answer, and as far below 0 for a negative one', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.boolean(), (size, neg) => {
        const v = neg ? -size : size;
        const [lo, hi] = guessRange({ value: v });
        // the decade read off the decimal exponent, not from a logarithm
        const [mantissa, exp] = size.toExponential().split('e').map(Number);
        const expected = 10 ** (mantissa === 1 ? exp : exp + 1);
        expect(hi).toBeCloseTo(expected, 12 - Math.max(0, exp));
        expect(hi).toBeGreaterThanOrEqual(size);
        expect(hi / 10).toBeLessThan(size);
        expect(lo).toBe(neg ? -hi : 0);
      }),
    );
    expect(guessRange({ value: 0 })).toEqual([0, 1]);
    expect(guessRange({ value: 0.37 })).toEqual([0, 1]);
    expect(guessRange({ value: 1 })).toEqual([0, 1]);
    expect(guessRange({ value: 1.01 })).toEqual([0, 10]);
    expect(guessRange({ value: -0.002 })).toEqual([-0.01, 0.01]);
  });

  it("a page's own span wins unless it is empty or not finite", () => {
    expect(guessRange({ value: 3, range: [-1, 1] })).toEqual([-1, 1]);
    expect(guessRange({ value: 3, range: [1, 1] })).toEqual([0, 10]);
    expect(guessRange({ value: 3, range: [0, Infinity] })).toEqual([0, 10]);
    expect(guessRange({ value: 3, range: [2, 1] })).toEqual([0, 10]);
  });
});

describe('steps and snapping', () => {
  it('the step is 1, 2 or 5 times a power of ten, 100 to 500 of them across the span', () => {
    fc.assert(
      fc.property(span, (s) => {
        const step = guessStep(s);
        const [m] = step.toExponential().split('e').map(Number);
        expect([1, 2, 5]).toContain(Math.round(m));
        const n = (s[1] - s[0]) / step;
        expect(n).toBeGreaterThanOrEqual(80);
        expect(n).toBeLessThanOrEqual(500);
      }),
    );
  });

  it('a snapped guess is in the span, a whole step near the guess, and snaps to itself', () => {
    fc.assert(
      fc.property(span, fc.double({ min: -2e6, max: 2e6, noNaN: true }), (s, x) => {
        const g = snapGuess(x, s);
        const step = guessStep(s);
        expect(g).toBeGreaterThanOrEqual(s[0] - step / 2);
        expect(g).toBeLessThanOrEqual(s[1] + step / 2);
        // a whole number of steps, at most a step from the guess brought onto the line
        expect(Math.abs(g - Math.round(g / step) * step)).toBeLessThanOrEqual(
          Math.abs(g) * 1e-12 + step * 1e-9,
        );
        expect(Math.abs(g - Math.min(Math.max(x, s[0]), s[1]))).toBeLessThanOrEqual(
          step * (1 + 1e-9),
        );
        expect(snapGuess(g, s)).toBe(g);
        // the field's text reads back as the same number
        expect(Number(guessText(x, s))).toBe(g);
      }),
    );
  });

  it('shows a step with as many decimals as it needs', () => {
    expect(stepDecimals(5)).toBe(0);
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(0.5)).toBe(1);
    expect(stepDecimals(0.01)).toBe(2);
    expect(stepDecimals(0.005)).toBe(3);
    expect(stepDecimals(2e-6)).toBe(6);
    expect(guessText(0.3333, [0, 1])).toBe('0.335');
    expect(guessText(2, [0, 1])).toBe('1.000');
    // ends on the grid are reached exactly, whatever the float division makes of them
    expect(snapGuess(2, [-0.15, 1.15])).toBe(1.15);
    expect(snapGuess(-2, [-0.15, 1.15])).toBe(-0.15);
    expect(snapGuess(9, [-1, 4.2])).toBe(4.2);
  });

  it('a fraction of the span is clamped to the line', () => {
    fc.assert(
      fc.property(span, finite, (s, x) => {
        const f = spanFraction(x, s);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        if (x >= s[0] && x <= s[1]) expect(s[0] + f * (s[1] - s[0])).toBeCloseTo(x, 6);
      }),
    );
  });
});

describe('the revealed span', () => {
  it('holds the span, the guess and the answer; unchanged when both are on it', () => {
    fc.assert(
      fc.property(span, fc.option(finite), finite, (s, guess, answer) => {
        const r = revealSpan(s, guess, answer);
        expect(r[0]).toBeLessThan(r[1]);
        for (const x of [s[0], s[1], answer, ...(guess === null ? [] : [guess])]) {
          expect(x).toBeGreaterThanOrEqual(r[0]);
          expect(x).toBeLessThanOrEqual(r[1]);
        }
        const inside = (x: number) => x >= s[0] && x <= s[1];
        if (inside(answer) && (guess === null || inside(guess))) expect(r).toBe(s);
      }),
    );
    expect(revealSpan([0, 1], 1.3, 0.6)).toEqual([0, 1.4]);
    expect(revealSpan([0, 1], -0.2, 0.6)).toEqual([-0.2, 1]);
  });

  it('has round ticks inside the span', () => {
    fc.assert(
      fc.property(span, (s) => {
        const ticks = guessTicks(s);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(s[0]);
          expect(t).toBeLessThanOrEqual(s[1]);
        }
      }),
    );
  });
});

describe("every page's span holds its answer", () => {
  it('at the default values and at every preset, in both languages', async () => {
    const built = REGISTRY.filter((e) => e.load);
    for (const entry of built) {
      const def: AnyFormulaDef = (await entry.load!()).default;
      const states = [
        withDefaults(def),
        ...(def.presets ?? []).map((p) => withDefaults(def, p.values)),
      ];
      for (const values of states)
        for (const lang of ['en', 'zh-TW'] as Lang[]) {
          const a = cardAnswer(def, values, def.compute(values), lang);
          if (!a || !Number.isFinite(a.value)) continue;
          const [lo, hi] = guessRange(a);
          const where = `${entry.id} ${JSON.stringify(values).slice(0, 80)}`;
          expect(a.value, where).toBeGreaterThanOrEqual(lo);
          expect(a.value, where).toBeLessThanOrEqual(hi);
        }
    }
  });
});
