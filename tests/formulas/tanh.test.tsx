import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/tanh';
import { tanhDerivative } from '../../src/math';
import type { ActivationResult } from '../../src/formulas/activation/ActivationPlot';
import { vanishingIntervals } from '../../src/formulas/activation/vanishingIntervals';
import { texNum } from '../../src/ui/tex/sym';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { defaults, renderPlot, sharedActivationChecks } from './activation-checks';

const compute = (x: number) => def.compute({ ...defaults(def), x }) as ActivationResult;

describe('tanh page', () => {
  it('compute(x = 0) gives tanh = 0 and tanh′ = 1', () => {
    const r = compute(0);
    expectClose(r.y, 0);
    expectClose(r.dy, 1);
  });

  it('compute(x = ln 2) gives (2 − 1/2)/(2 + 1/2) = 0.6 and 1 − 0.36 = 0.64', () => {
    const r = compute(Math.log(2));
    expectClose(r.y, 0.6);
    expectClose(r.dy, 0.64);
    const neg = compute(-Math.log(2));
    expectClose(neg.y, -0.6);
    expectClose(neg.dy, 0.64);
  });

  it('compute(x = 3) is saturated: 1 − tanh²(3) = 4/(e³ + e⁻³)² < 0.05', () => {
    const r = compute(3);
    const cosh3 = (Math.exp(3) + Math.exp(-3)) / 2;
    expectClose(r.dy, 1 / cosh3 ** 2);
    expect(r.vanishing).toBe(true);
  });

  it('shades |tanh′| < 0.05: |x| > atanh(√0.95) = ½ ln((1+√0.95)/(1−√0.95))', () => {
    const s = Math.sqrt(0.95);
    const xs = 0.5 * Math.log((1 + s) / (1 - s));
    expectAllClose(vanishingIntervals(tanhDerivative, [-5, 5], 0.05).flat(), [-5, -xs, xs, 5], {
      abs: 1e-9,
    });
    expect(def.summary(defaults(def), compute(1), 'zh-TW')).toContain('x < −2.18 以及 x > 2.18');
  });

  it('worked() shows eˣ and e⁻ˣ and the result numbers', () => {
    const r = compute(1);
    const w = def.worked(defaults(def), r, 'en');
    expect(w).toContain('e^{1.00}');
    expect(w).toContain('e^{-1.00}');
    expect(w).toContain('2.718');
    expect(w).toContain('0.368');
    expect(w).toContain(texNum(r.y, 3)); // 0.762
    expect(w).toContain(texNum(r.dy, 3)); // 0.420
    expect(w).toContain('0.762');
    expect(w).toContain('0.420');
  });

  it('worked() of a negative x squares the parenthesised value; near ±1 it shows enough digits', () => {
    const w = def.worked(defaults(def), compute(-1), 'en');
    expect(w).toContain('(-0.762)^2');
    const sat = def.worked(defaults(def), compute(5), 'en');
    // tanh(5) = 0.99991…: "1 − 1.000²" would contradict the slope 1.8×10⁻⁴.
    expect(sat).toContain('1-0.999909^2');
  });

  it('Plot at x = 0.5 shows tanh(0.50) = 0.462', () => {
    const { container } = renderPlot(def, { ...defaults(def), x: 0.5 });
    expect(container.textContent).toContain('tanh(0.50) = 0.462');
    expect(container.textContent).toContain('slope 0.786');
  });

  sharedActivationChecks(def, { name: 'tanh', regions: 2, compareNames: ['σ', 'ReLU'] });
});
