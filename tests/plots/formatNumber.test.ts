import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatFixed,
  formatNumber,
  formatProbability,
  tickFormatter,
} from '../../src/plots/formatNumber';

describe('formatNumber', () => {
  it('formatNumber(x, 2) keeps two decimals with a true minus sign', () => {
    expect(formatNumber(1.5)).toBe('1.50');
    expect(formatNumber(-1.5)).toBe('−1.50');
    expect(formatNumber(-1234.5, 1)).toBe('−1234.5');
  });

  it('formatNumber(−0) and values that round to zero never read "−0"', () => {
    // fixed digits keep their decimals at zero too ("σ(0.00)" beside "σ(0.50)")
    expect(formatNumber(-0)).toBe('0.00');
    expect(formatNumber(0, { notation: 'significant' })).toBe('0');
    expect(formatNumber(-0.004, 2)).toBe('−4.0×10⁻³');
    expect(formatFixed(-0.004, 2)).toBe('0.00');
    expect(formatFixed(-0)).toBe('0.00');
    expect(formatNumber(-0.0001, { digits: 0 })).not.toMatch(/^−0$/);
  });

  it('formatNumber(NaN) and ±Infinity are words, never "NaN"', () => {
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(NaN, { nan: 'n/a' })).toBe('n/a');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatFixed(NaN)).toBe('—');
    expect(formatCell(NaN)).toBe('—');
  });

  it('tiny and huge values become powers of ten', () => {
    expect(formatNumber(3.2e-4, 2)).toBe('3.2×10⁻⁴');
    expect(formatNumber(-1e-12, 2)).toBe('−1.0×10⁻¹²');
    expect(formatNumber(2.5e12, 2)).toBe('2.5×10¹²');
    expect(formatCell(1.234e-7)).toBe('1.234×10⁻⁷');
    expect(formatCell(123456789)).toBe('123457000');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
  });

  it('significant digits drop trailing zeros', () => {
    expect(formatNumber(0.5, { digits: 3, notation: 'significant' })).toBe('0.5');
    expect(formatNumber(-2 / 3, { digits: 3, notation: 'significant' })).toBe('−0.667');
  });

  it('groups thousands for en and zh-TW on request', () => {
    expect(formatNumber(1234567.891, { digits: 1, group: true })).toBe('1,234,567.9');
    expect(formatNumber(-1234567.891, { digits: 1, group: true, lang: 'zh-TW' })).toBe(
      '−1,234,567.9',
    );
    expect(formatNumber(0.25, { lang: 'zh-TW' })).toBe('0.25');
  });

  it('formatProbability keeps the bar-label form', () => {
    expect(formatProbability(0.5)).toBe('0.50');
    expect(formatProbability(0.005)).toBe('0.01');
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(3.2e-4)).toBe('3×10⁻⁴');
    expect(formatProbability(1e-12)).toBe('1×10⁻¹²');
    expect(formatProbability(Infinity)).toBe('∞');
    expect(formatProbability(NaN)).toBe('—');
  });

  it('never shows NaN, a hyphen-minus or "−0" for any double', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), (x, digits) => {
        for (const s of [
          formatNumber(x, digits),
          formatFixed(x, digits),
          formatCell(x),
          formatNumber(x, { digits: Math.max(1, digits), notation: 'significant' }),
        ]) {
          expect(s).not.toMatch(/NaN|-|^−0(\.0*)?$/);
        }
      }),
    );
  });
});

describe('tickFormatter', () => {
  it('writes the digits Intl.NumberFormat writes, in both locales (fixed, significant, grouped)', () => {
    // Intl is the reference here: the formatter avoids it only for its start-up cost.
    const minus = (t: string) => t.replace(/[-\u2212]/g, '−');
    const noNegZero = (t: string) => (t.startsWith('−') && !/[1-9]/.test(t) ? t.slice(1) : t);
    fc.assert(
      fc.property(
        fc.double({ min: -1e9 + 1, max: 1e9 - 1, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        fc.constantFrom('en', 'zh-TW' as const),
        (x, digits, sig, group, lang) => {
          const abs = Math.abs(x);
          if (abs === 0 || abs >= 10 ** -digits) {
            const want = new Intl.NumberFormat(lang, {
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
              useGrouping: group,
            }).format(x);
            expect(formatNumber(x, { digits, group, lang })).toBe(noNegZero(minus(want)));
          }
          if (abs >= 1e-4) {
            const want = new Intl.NumberFormat(lang, {
              maximumSignificantDigits: sig,
              useGrouping: group,
            }).format(x);
            expect(formatNumber(x, { digits: sig, notation: 'significant', group, lang })).toBe(
              noNegZero(minus(want)),
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
    // ties of exact doubles round away from zero, as Intl's default does
    expect(formatNumber(0.125, 2)).toBe('0.13');
    expect(formatNumber(-2.5, 0)).toBe('−3');
    // and on the decimal a reader typed: 1.005 is the double 1.00499…, yet reads 1.01
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(9.995, 2)).toBe('10.00');
    expect(formatNumber(0.0995, { digits: 2, notation: 'significant' })).toBe('0.1');
    expect(formatNumber(1234567.891, { digits: 3, notation: 'significant', group: true })).toBe(
      '1,230,000',
    );
  });

  it('gives every tick the decimals its spacing needs', () => {
    const f = tickFormatter([-1, -0.5, 0, 0.5, 1]);
    expect([-1, -0.5, 0, 0.5, 1].map(f)).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0']);
    const g = tickFormatter([0, 0.25, 0.5]);
    expect(g(0.25)).toBe('0.25');
    expect(tickFormatter([0, 20, 40])(40)).toBe('40');
  });

  it('uses powers of ten for log ticks over decades of tiny values', () => {
    const f = tickFormatter([1e-6, 1e-5, 1e-4]);
    expect(f(1e-6)).toBe('1×10⁻⁶');
    const g = tickFormatter([0.001, 0.01, 0.1, 1]);
    expect([0.001, 0.01, 0.1, 1].map(g)).toEqual(['0.001', '0.01', '0.1', '1']);
  });
});
