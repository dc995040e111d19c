import { render } from '@testing-library/react';
import { scaleLinear, scaleLog } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Contour,
  contourLayout,
  contourPaths,
  contourThresholds,
  sampleGrid,
} from '../../src/plots/Contour';
import type { ContinuousScale } from '../../src/plots/frame';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { Trajectory, trajectoryLayout } from '../../src/plots/Trajectory';

const W = 300;
const H = 300;
const lin = (d: [number, number], r: [number, number]) =>
  scaleLinear().domain(d).range(r) as unknown as ContinuousScale;
const x = lin([-2, 2], [0, W]);
const y = lin([-2, 2], [H, 0]);

/** The points of path data, as [x, y] pixel pairs. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

const rosenbrock = (a: number, b: number) => (1 - a) ** 2 + 100 * (b - a * a) ** 2;

describe('contourPaths', () => {
  it('f = x² + y²: each level line is the circle of radius √t', () => {
    const f = (a: number, b: number) => a * a + b * b;
    const grid = sampleGrid(f, x, y, 121, 121);
    const thresholds = [0.25, 0.5, 1, 2, 3];
    const levels = contourPaths(grid, thresholds);
    expect(levels.map((l) => l.value)).toEqual(thresholds);
    // the grid step in data units bounds the error of the linear interpolation
    const step = 4 / 120;
    for (const { value, line, d } of levels) {
      const pts = points(line);
      expect(pts.length).toBeGreaterThan(20);
      for (const [px, py] of pts) {
        const r = Math.hypot(x.invert(px), y.invert(py));
        expect(Math.abs(r - Math.sqrt(value))).toBeLessThan(step);
      }
      // the filled region (f ≥ t) also has the frame's border as its outer ring
      expect(points(d).length).toBeGreaterThan(pts.length);
    }
  });

  it('a circle that leaves the grid is cut at the edge: no line along the border', () => {
    const f = (a: number, b: number) => a * a + b * b;
    const grid = sampleGrid(f, x, y, 81, 81);
    const [{ line }] = contourPaths(grid, [6]); // radius 2.45 > 2: only the corners are above
    for (const [px, py] of points(line)) {
      expect(Math.abs(Math.hypot(x.invert(px), y.invert(py)) - Math.sqrt(6))).toBeLessThan(0.06);
    }
  });

  it('never writes NaN, even where f is NaN or ±∞ over parts of the domain', () => {
    const fs = [
      (a: number, b: number) => Math.log(a) + b, // NaN for a < 0, −∞ at 0
      (a: number, b: number) => 1 / (a * a + b * b - 1), // ±∞ near the unit circle
      (a: number, b: number) => (a > 1 ? Infinity : a + b),
      () => NaN,
    ];
    for (const f of fs) {
      const { paths, levels } = contourLayout(f, x, y, { resolution: 40, thresholds: 8 });
      for (const p of paths) {
        expect(p.d).not.toMatch(/NaN|Infinity/);
        expect(p.line).not.toMatch(/NaN|Infinity/);
      }
      for (const t of levels) expect(Number.isFinite(t)).toBe(true);
    }
  });

  it('any function of a few shapes gives finite path data (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom<'linear' | 'log'>('linear', 'log'),
        (scale, shift, spacing) => {
          const f = (a: number, b: number) => scale * Math.exp(a * shift) * Math.sin(3 * b) ** 2;
          const { paths } = contourLayout(f, x, y, { resolution: 24, thresholds: 6, spacing });
          return paths.every((p) => !/NaN|Infinity/.test(p.d + p.line));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('contourThresholds', () => {
  it('log thresholds for Rosenbrock are increasing, finite, inside the range and geometric', () => {
    const grid = sampleGrid(rosenbrock, lin([-2, 2], [0, W]), lin([-1, 3], [H, 0]), 100, 100);
    const t = contourThresholds(grid.min, grid.max, 12, 'log');
    expect(t).toHaveLength(12);
    for (let i = 0; i < t.length; i++) {
      expect(Number.isFinite(t[i])).toBe(true);
      expect(t[i]).toBeGreaterThan(grid.min);
      expect(t[i]).toBeLessThan(grid.max);
      if (i > 0) expect(t[i]).toBeGreaterThan(t[i - 1]);
    }
    const ratios = t.slice(1).map((v, i) => v / t[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 9);
  });

  it('log thresholds stay finite for any range (a minimum of 0, negative values, tiny spans)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (min, span, count) => {
          const max = min + span;
          const t = contourThresholds(min, max, count, 'log');
          // positive wherever the range reaches above 0 (else the levels fall back to linear)
          return t.every(
            (v, i) =>
              Number.isFinite(v) &&
              (v > 0 || max <= 0) &&
              v > min &&
              v < max &&
              (i === 0 || v > t[i - 1]),
          );
        },
      ),
    );
  });

  it('linear thresholds are nice values strictly inside the range; an empty or NaN range has none', () => {
    expect(contourThresholds(0, 10, 5)).toEqual([2, 4, 6, 8]);
    expect(contourThresholds(3, 3)).toEqual([]);
    expect(contourThresholds(NaN, 1)).toEqual([]);
  });
});

describe('Contour', () => {
  it('draws one filled path per non-empty level, coloured increasingly, over a log-x frame too', () => {
    const { container } = render(
      <PlotFrame
        width={320}
        height={240}
        x={{ domain: [0.1, 10], scale: 'log' }}
        y={{ domain: [-1, 1] }}
      >
        <Contour f={(a, b) => Math.log10(a) ** 2 + b * b} thresholds={[0.1, 0.5, 1]} lines />
      </PlotFrame>,
    );
    const bands = [...container.querySelectorAll('path.kd-contour-band')];
    expect(bands.map((b) => b.getAttribute('data-value'))).toEqual(['0.1', '0.5', '1']);
    for (const b of bands) {
      expect(b.getAttribute('d')).not.toMatch(/NaN/);
      expect(b.getAttribute('fill')).toMatch(/^(#|rgb)/);
    }
    expect(new Set(bands.map((b) => b.getAttribute('fill'))).size).toBe(3);
    expect(container.querySelectorAll('path.kd-contour-line').length).toBe(3);
  });
});

describe('trajectoryLayout', () => {
  it('projects the points up to the current one, start and current marked', () => {
    const pts: [number, number][] = [
      [-1, -1],
      [0, 0],
      [1, 1],
    ];
    const t = trajectoryLayout(pts, x, y, 1);
    expect(t.points).toEqual([
      [75, 225],
      [150, 150],
    ]);
    expect(t.start).toEqual([75, 225]);
    expect(t.current).toEqual([150, 150]);
    expect(t.d).toBe('M75,225L150,150');
  });

  it('stops at a non-finite iterate (divergence) and pins far points, with no NaN', () => {
    const pts: [number, number][] = [
      [0, 0],
      [1e12, -1e12],
      [NaN, 0],
      [1, 1],
    ];
    const t = trajectoryLayout(pts, x, y, undefined, 1);
    expect(t.diverged).toBe(true);
    expect(t.clipped).toBe(true);
    expect(t.points).toHaveLength(2);
    expect(t.d + t.arrows).not.toMatch(/NaN|Infinity/);
    expect(Math.max(...t.points.flat().map(Math.abs))).toBeLessThanOrEqual(5 * W);
  });

  it('an arrowhead on every k-th segment long enough to carry one', () => {
    const pts: [number, number][] = [
      [-2, 0],
      [-1, 0],
      [0, 0],
      [0.001, 0],
      [1, 0],
    ];
    const t = trajectoryLayout(pts, x, y, undefined, 1);
    expect(t.arrows.match(/M/g)).toHaveLength(3); // the tiny third segment gets none
  });

  it('Trajectory draws over a frame with a log axis', () => {
    const { container } = render(
      <PlotFrame width={300} height={300} x={scaleLog().domain([1, 100])} y={{ domain: [0, 1] }}>
        <Trajectory
          points={[
            [1, 0],
            [10, 0.5],
            [100, 1],
          ]}
          arrowEvery={1}
          tone="sym3"
        />
      </PlotFrame>,
    );
    const path = container.querySelector('.kd-trajectory-path')!;
    const d = path.getAttribute('d')!;
    const [, mid] = points(d);
    expect(mid[0]).toBeCloseTo(points(d)[2][0] / 2, 6);
    expect(container.querySelector('.kd-trajectory.tone-sym3')).not.toBeNull();
    expect(container.querySelector('.kd-trajectory-start')).not.toBeNull();
    expect(container.querySelector('.kd-trajectory-current')).not.toBeNull();
  });

  it('a trajectory is dashed or dotted on its path alone (its start and current point stay whole)', () => {
    const pts: [number, number][] = [
      [0, 0],
      [1, 1],
    ];
    const { container } = render(
      <PlotFrame width={300} height={300} x={{ domain: [0, 1] }} y={{ domain: [0, 1] }}>
        <Trajectory points={pts} />
        <Trajectory points={pts} stroke="dashed" />
        <Trajectory points={pts} stroke="dotted" />
      </PlotFrame>,
    );
    const paths = [...container.querySelectorAll('.kd-trajectory-path')];
    expect(paths.map((p) => p.classList.contains('stroke-dashed'))).toEqual([false, true, false]);
    expect(paths.map((p) => p.classList.contains('stroke-dotted'))).toEqual([false, false, true]);
    expect(container.querySelectorAll('.kd-trajectory-start.stroke-dashed')).toHaveLength(0);
  });
});
