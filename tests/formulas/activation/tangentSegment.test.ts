import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tangentSegment } from '../../../src/formulas/activation/ActivationPlot';

const W = 600;
const H = 300;
const xDomain = [-6, 6] as const;
const x = scaleLinear().domain(xDomain).range([0, W]);
const y = scaleLinear().domain([-1.5, 1.5]).range([H, 0]);
const num = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });

describe('tangentSegment', () => {
  it('is the part of the tangent line inside the plot box: its ends in the box, on the line, and every visible point of the line between them', () => {
    fc.assert(
      fc.property(
        num(-6, 6),
        num(-3, 3),
        num(-50, 50),
        fc.double({ min: -6, max: 6 }),
        (x0, y0, dy0, v) => {
          const s = tangentSegment(x, y, xDomain, H, x0, y0, dy0);
          const eps = 1e-6;
          for (const [px, py] of [
            [s.x1, s.y1],
            [s.x2, s.y2],
          ]) {
            expect(px).toBeGreaterThanOrEqual(-eps);
            expect(px).toBeLessThanOrEqual(W + eps);
            expect(py).toBeGreaterThanOrEqual(-eps);
            expect(py).toBeLessThanOrEqual(H + eps);
          }
          expect(s.x1).toBeLessThanOrEqual(s.x2);
          // the line in screen space, from the data-space tangent y0 + dy0 (v − x0)
          const line = (sx: number) => y(y0 + dy0 * (x.invert(sx) - x0));
          if (s.x2 - s.x1 > eps) {
            expect(s.y1).toBeCloseTo(line(s.x1), 6);
            expect(s.y2).toBeCloseTo(line(s.x2), 6);
          }
          // any point of the line that shows in the box lies on the segment
          const sy = line(x(v));
          if (sy > eps && sy < H - eps) {
            expect(x(v)).toBeGreaterThanOrEqual(s.x1 - 1e-6);
            expect(x(v)).toBeLessThanOrEqual(s.x2 + 1e-6);
          }
        },
      ),
    );
  });

  it('a line missing the box is an empty segment inside it', () => {
    const s = tangentSegment(x, y, xDomain, H, 0, 5, 0);
    expect(s.x1).toBe(s.x2);
    expect(s.y1).toBe(s.y2);
    expect(s.y1).toBeGreaterThanOrEqual(0);
    expect(s.y1).toBeLessThanOrEqual(H);
  });

  it('a gentle tangent inside the box spans the whole x range, as the unclipped line did', () => {
    const s = tangentSegment(x, y, xDomain, H, 0, 0.5, 0.05);
    expect(s.x1).toBeCloseTo(0, 9);
    expect(s.x2).toBeCloseTo(W, 9);
    expect(s.y1).toBeCloseTo(y(0.5 - 0.05 * 6), 9);
    expect(s.y2).toBeCloseTo(y(0.5 + 0.05 * 6), 9);
  });
});
