import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { Curve, curvePath, sampleCurve } from '../../src/plots/Curve';
import type { ContinuousScale } from '../../src/plots/frame';
import { INNER, renderInFrame } from './kitRender';

const lin = (d: [number, number], r: [number, number]) =>
  scaleLinear().domain(d).range(r) as ContinuousScale;

describe('Curve', () => {
  it('<Curve f={Math.log}> over [0, 5] draws a path with no NaN, starting near x = 0', () => {
    const { container } = renderInFrame(<Curve f={Math.log} tone="sym2" />, {
      x: { domain: [0, 5] },
      y: { domain: [-4, 2] },
    });
    const path = container.querySelector('path.kit-line')!;
    const d = path.getAttribute('d')!;
    expect(d.length).toBeGreaterThan(10);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(path).toHaveClass('tone-sym2');
    expect(path.getAttribute('aria-hidden')).toBe('true');
  });

  it('sampleCurve breaks at non-finite values: log on [−2, 2] is drawn only for x > 0', () => {
    const x = lin([-2, 2], [0, 400]);
    const y = lin([-5, 2], [300, 0]);
    const pts = sampleCurve(Math.log, x, y, 300);
    const finite = pts.filter((p) => p !== null);
    expect(finite.every((p) => x.invert(p[0]) > 0)).toBe(true);
    expect(Math.min(...finite.map((p) => p[0]))).toBeLessThan(201);
    expect(curvePath(pts)).not.toMatch(/NaN/);
  });

  it('sampleCurve splits 1/x at its asymptote into two runs', () => {
    const x = lin([-1, 1], [0, 400]);
    const y = lin([-10, 10], [300, 0]);
    const d = curvePath(sampleCurve((v) => 1 / v, x, y, 300, { samples: 97 }));
    expect(d.match(/M/g)!.length).toBe(2);
    expect(d).not.toMatch(/NaN|Infinity/);
  });

  it('a curve that is nowhere finite draws an empty path', () => {
    const { container } = renderInFrame(<Curve f={() => NaN} />, {
      x: { domain: [0, 1] },
      y: { domain: [0, 1] },
    });
    expect(container.querySelector('path.kit-line')!.getAttribute('d')).toBe('');
  });

  it('samples more densely where the curve bends, and stays within tolerance of it', () => {
    const x = lin([0, 1], [0, INNER.width]);
    const y = lin([0, 1], [INNER.height, 0]);
    const f = (v: number) => v ** 8;
    const pts = sampleCurve(f, x, y, INNER.height, { samples: 16 }).filter((p) => p !== null);
    expect(pts.length).toBeGreaterThan(17);
    for (let i = 1; i < pts.length; i++) {
      const mid = (pts[i - 1][0] + pts[i][0]) / 2;
      const chord = (pts[i - 1][1] + pts[i][1]) / 2;
      expect(Math.abs(y(f(x.invert(mid))) - chord)).toBeLessThan(2);
    }
  });

  it('samples a log x axis evenly on screen', () => {
    const x = scaleLog().domain([1, 1000]).range([0, 300]) as ContinuousScale;
    const y = lin([0, 3], [100, 0]);
    const pts = sampleCurve(Math.log10, x, y, 100, { samples: 30 });
    expect(pts.length).toBe(31);
    expect(pts[10]![0]).toBeCloseTo(100);
  });
});
