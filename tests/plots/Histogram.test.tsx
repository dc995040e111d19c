import { render } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContinuousScale } from '../../src/plots/frame';
import {
  Histogram,
  binSamples,
  binValue,
  categoryBins,
  categoryDomain,
  histogramLayout,
  histogramMax,
} from '../../src/plots/Histogram';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { expectClose } from '../helpers/asserts';

describe('binSamples', () => {
  it('the bins hold every sample inside the domain: their counts sum to the sample count (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (samples, count) => {
          const b = binSamples(samples, [-3, 3], count);
          expect(b.bins.reduce((s, x) => s + x.count, 0)).toBe(samples.length);
          expect(b.outside).toBe(0);
          expect(b.bins[0].x0).toBe(-3);
          expect(b.bins[b.bins.length - 1].x1).toBe(3);
        },
      ),
    );
  });

  it('samples outside the domain and non-finite ones are counted apart', () => {
    const b = binSamples([0.1, 0.5, 0.9, 1, 2, -1, NaN, Infinity], [0, 1], [0.5]);
    expect(b.bins.map((x) => [x.x0, x.x1, x.count])).toEqual([
      [0, 0.5, 1],
      [0.5, 1, 3], // the last bin includes its upper edge
    ]);
    expect(b.outside).toBe(2);
    expect(b.nonFinite).toBe(2);
    expect(b.total).toBe(8);
  });
});

describe('histogramLayout', () => {
  const x = scaleLinear().domain([0, 4]).range([0, 400]) as unknown as ContinuousScale;
  const y = scaleLinear().domain([0, 1]).range([200, 0]) as unknown as ContinuousScale;

  it('frequencies sum to 1, densities integrate to 1, counts to the total', () => {
    const items = [
      { x0: 0, x1: 1, count: 3 },
      { x0: 1, x1: 2, count: 1 },
      { x0: 2, x1: 4, count: 4 },
    ];
    const total = 8;
    const sum = (n: 'count' | 'frequency' | 'density') =>
      items.reduce(
        (s, b) =>
          s + binValue(b.count, total, b.x1 - b.x0, n) * (n === 'density' ? b.x1 - b.x0 : 1),
        0,
      );
    expect(sum('count')).toBe(8);
    expectClose(sum('frequency'), 1);
    expectClose(sum('density'), 1);
  });

  it("bars stand on 0 at their bins, and expected probabilities are drawn in the bars' units", () => {
    const bars = histogramLayout(categoryBins([2, 6, 2]), 10, x, y, {
      normalize: 'frequency',
      expected: [0.25, 0.5, 0.25],
      gap: 0,
    });
    expect(bars.map((b) => b.value)).toEqual([0.2, 0.6, 0.2]);
    expect(bars[1].y + bars[1].height).toBeCloseTo(200, 9);
    expect(bars[1].height).toBeCloseTo(120, 9);
    expect(bars[1].expectedY).toBeCloseTo(100, 9);
    expect(bars[0].x).toBeCloseTo(x(-0.4), 9);
    expect(histogramMax(bars)).toBe(0.6);
    const counts = histogramLayout(categoryBins([2, 6, 2]), 10, x, y, {
      expected: [0.25, 0.5, 0.25],
    });
    expect(counts.map((b) => b.expected)).toEqual([2.5, 5, 2.5]);
  });
});

describe('Histogram', () => {
  it("bins samples over the frame's x domain, one rect per non-empty bin", () => {
    const samples = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 1000);
    const { container } = render(
      <PlotFrame width={400} height={300} x={{ domain: [0, 1] }} y={{ domain: [0, 0.2] }}>
        <Histogram
          samples={samples}
          thresholds={10}
          normalize="frequency"
          expected={Array(10).fill(0.1)}
        />
      </PlotFrame>,
    );
    const bars = container.querySelectorAll('rect.kd-hist-bar');
    expect(bars).toHaveLength(10);
    const heights = [...bars].map((b) => Number(b.getAttribute('height')));
    for (const h of heights) expectClose(h, heights[0], { rel: 1e-9 }); // 100 in each bin
    expect(container.querySelectorAll('.kd-hist-expected')).toHaveLength(10);
    expect(container.querySelectorAll('.kd-hist-expected-point')).toHaveLength(10);
  });

  it('categories: a bar per count at x = 0 … k−1', () => {
    const { container } = render(
      <PlotFrame width={400} height={300} x={{ domain: categoryDomain(4) }} y={{ domain: [0, 10] }}>
        <Histogram counts={[1, 0, 5, 10]} tone="sym2" />
      </PlotFrame>,
    );
    const bars = [...container.querySelectorAll('rect.kd-hist-bar')];
    expect(bars.map((b) => b.getAttribute('data-index'))).toEqual(['0', '2', '3']);
    expect(container.querySelector('.kd-histogram.tone-sym2')).not.toBeNull();
    expect(Number(bars[2].getAttribute('y'))).toBeCloseTo(0, 9);
  });
});
