import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/sigmoid';
import type { ActivationResult } from '../../src/formulas/activation/ActivationPlot';
import { vanishingIntervals } from '../../src/formulas/activation/vanishingIntervals';
import { sigmoidDerivative } from '../../src/math';
import { texNum } from '../../src/ui/tex/sym';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { defaults, renderPlot, sharedActivationChecks } from './activation-checks';

const compute = (x: number) => def.compute({ ...defaults(def), x }) as ActivationResult;

describe('sigmoid page', () => {
  it('compute(x = 0) gives σ = 1/2 and σ′ = 1/4', () => {
    const r = compute(0);
    expectClose(r.y, 0.5);
    expectClose(r.dy, 0.25);
    expect(r.vanishing).toBe(false);
  });

  it('compute(x = ±ln 3) gives σ = 3/4 and 1/4, σ′ = 3/16 (e^{−ln 3} = 1/3 by hand)', () => {
    expectClose(compute(Math.log(3)).y, 0.75);
    expectClose(compute(Math.log(3)).dy, 3 / 16);
    expectClose(compute(-Math.log(3)).y, 0.25);
    expectClose(compute(-Math.log(3)).dy, 3 / 16);
  });

  it('compute(x = 6) is saturated: σ = 1/(1 + e^{−6}), σ′ < 0.05', () => {
    const e6 = 0.0024787521766663585; // e^{−6}
    const r = compute(6);
    expectClose(r.y, 1 / (1 + e6));
    expectClose(r.dy, e6 / (1 + e6) ** 2);
    expect(r.vanishing).toBe(true);
  });

  it('compute clamps x to the slider range and falls back to the default on bad input', () => {
    expect(compute(100).x).toBe(8);
    expect(def.compute({ x: Number.NaN, compare: true }).x).toBe(2);
  });

  it('shades |σ′| < 0.05: x < −x* and x > x*, x* = ln((1+√0.8)/(1−√0.8))', () => {
    const xs = Math.log((1 + Math.sqrt(0.8)) / (1 - Math.sqrt(0.8)));
    expectAllClose(vanishingIntervals(sigmoidDerivative, [-8, 8], 0.05).flat(), [-8, -xs, xs, 8], {
      abs: 1e-9,
    });
    expect(def.summary(defaults(def), compute(2), 'en')).toContain('x < −2.89 and x > 2.89');
  });

  it('worked() substitutes x and shows the numbers of the result', () => {
    const r = compute(2);
    const w = def.worked(defaults(def), r, 'en');
    expect(w).toContain('e^{-2.00}');
    expect(w).toContain(texNum(Math.exp(-2), 3)); // 0.135
    expect(w).toContain('0.881');
    expect(w).toContain('0.105');
    expect(w).toContain(texNum(r.y, 3));
    expect(w).toContain(texNum(r.dy, 3));
    expect(w).toContain('0.119'); // 1 − σ(2)
  });

  it('Plot at the "saturated" preset: point label σ(6.00) = 0.998, slope 0.002', () => {
    const { container } = renderPlot(def, { ...defaults(def), x: 6 });
    expect(container.textContent).toContain('σ(6.00) = 0.998');
    expect(container.textContent).toContain('slope 0.002');
  });

  it('Plot at x = 2: the point label has a halo and goes below the point, clear of the tanh curve above it', () => {
    const { container } = renderPlot(def, { ...defaults(def), x: 2 });
    const [label] = container.querySelectorAll('text.point-label');
    expect(label.getAttribute('class')).toContain('plot-halo');
    const point = container.querySelector('circle.current-point.sym-2')!;
    expect(Number(label.getAttribute('y'))).toBeGreaterThan(Number(point.getAttribute('cy')));
  });

  sharedActivationChecks(def, { name: 'σ', regions: 2, compareNames: ['tanh', 'ReLU'] });
});
