import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/relu';
import type { ActivationResult } from '../../src/formulas/activation/ActivationPlot';
import { defaults, renderPlot, sharedActivationChecks } from './activation-checks';

const compute = (x: number) => def.compute({ ...defaults(def), x }) as ActivationResult;

describe('relu page', () => {
  it('compute passes positive x through with slope 1', () => {
    expect(compute(1.5)).toEqual({ x: 1.5, y: 1.5, dy: 1, vanishing: false });
    expect(compute(3)).toEqual({ x: 3, y: 3, dy: 1, vanishing: false });
  });

  it('compute of negative x and of the corner x = 0 gives output 0 and slope 0 (dead)', () => {
    expect(compute(-2)).toEqual({ x: -2, y: 0, dy: 0, vanishing: true });
    expect(compute(0)).toEqual({ x: 0, y: 0, dy: 0, vanishing: true });
  });

  it('worked() shows max(0, x) and which case of the derivative applies', () => {
    const pos = def.worked(defaults(def), compute(2), 'en');
    expect(pos).toContain('\\max(0,\\, 2.00) = 2.000');
    expect(pos).toMatch(/= 1 \\quad \(2\.00 > 0\)/);
    const neg = def.worked(defaults(def), compute(-2), 'en');
    expect(neg).toContain('\\max(0,\\, -2.00) = 0.000');
    expect(neg).toMatch(/= 0 \\quad \(-2\.00 \\le 0\)/);
  });

  it('the dead region is the whole left half, labelled in both languages', () => {
    const { container } = renderPlot(def, { ...defaults(def), x: -2 });
    const rect = container.querySelector('.region-vanishing')!;
    const x = Number(rect.getAttribute('x'));
    const w = Number(rect.getAttribute('width'));
    const surfaceWidth = Number(container.querySelector('.drag-surface')!.getAttribute('width'));
    expect(x).toBeCloseTo(0, 6);
    expect(w).toBeCloseTo(surfaceWidth / 2, 3);
    expect(container.textContent).toContain('dead: gradient = 0');
    expect(container.textContent).toContain('ReLU(−2.00) = 0.000');
    expect(container.textContent).toContain('slope 0.000');
    const zh = renderPlot(def, { ...defaults(def), x: -2 }, 'zh-TW');
    expect(zh.container.textContent).toContain('死區：梯度為 0');
    expect(zh.container.textContent).toContain('斜率 0.000');
  });

  it('the derivative curve breaks at the jump instead of drawing a vertical segment', () => {
    const { container } = renderPlot(def, defaults(def));
    const d = container.querySelector('path.series-derivative')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).toBe(2);
  });

  it('summary names the dead region x < 0', () => {
    expect(def.summary(defaults(def), compute(-2), 'en')).toContain('for x < 0.00');
  });

  sharedActivationChecks(def, { name: 'ReLU', regions: 1, compareNames: ['σ', 'tanh'] });
});
