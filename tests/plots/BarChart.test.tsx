import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, barBand, barCentre, liftedLabels } from '../../src/plots/BarChart';

describe('BarChart', () => {
  it('draws one bar per finite value with height proportional to the value, and labels each', () => {
    const { container } = render(
      <svg>
        <BarChart
          labels={['a', 'b', 'c']}
          values={[0.5, 0.25, NaN]}
          width={300}
          height={200}
          yLabel="p"
          xLabel="token"
          slot={4}
          emphasis={0}
        />
      </svg>,
    );
    const bars = [...container.querySelectorAll('rect.bar')];
    expect(bars).toHaveLength(2);
    expect(Number(bars[0].getAttribute('height'))).toBeCloseTo(100);
    expect(Number(bars[1].getAttribute('height'))).toBeCloseTo(50);
    expect(bars[0].getAttribute('class')).toContain('sym-4');
    const labels = [...container.querySelectorAll('text.bar-label')].map((t) => t.textContent);
    expect(labels).toEqual(['0.50', '0.25', '—']);
    expect(container.querySelector('.bar-group.is-emphasis rect')).toBe(bars[0]);
    expect(container.textContent).toContain('token');
  });

  it('draws value labels with a halo after the guides, and a marker one row above a label', () => {
    const { container } = render(
      <svg>
        <BarChart
          labels={['a', 'b']}
          values={[1, 0.2]}
          width={200}
          height={100}
          yLabel="p"
          xLabel="token"
          guides={<line className="guide" />}
          marker={{ index: 0, node: <text className="marker">true</text> }}
        />
      </svg>,
    );
    const labels = [...container.querySelectorAll('text.bar-label')];
    labels.forEach((t) => expect(t.getAttribute('class')).toContain('plot-halo'));
    const guide = container.querySelector('line.guide')!;
    // guides are painted before (under) the labels
    expect(
      guide.compareDocumentPosition(labels[0]) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const labelY = Number(labels[0].getAttribute('y'));
    const marker = container.querySelector('.bar-marker > text')!;
    const markerY = Number(marker.getAttribute('y'));
    expect(marker.getAttribute('x')).toBe(labels[0].getAttribute('x'));
    expect(labelY - markerY).toBeGreaterThanOrEqual(14);
  });

  it('shares its band scale with rows drawn under the chart', () => {
    const band = barBand(5, 500);
    const centres = [0, 1, 2, 3, 4].map((i) => barCentre(band, i));
    const gaps = centres.slice(1).map((c, i) => c - centres[i]);
    gaps.forEach((g) => expect(g).toBeCloseTo(gaps[0]));
    expect(centres[0]).toBeGreaterThan(0);
    expect(centres[4]).toBeLessThan(500);
  });
});

describe('liftedLabels', () => {
  it('lifts every other label only where wide labels of bars of about equal height would overlap', () => {
    const tiny = ['1.00', '2×10⁻⁹', '2×10⁻⁹', '2×10⁻⁹', '2×10⁻⁹'];
    const tops = [0, 200, 200, 200, 200];
    expect(liftedLabels(tiny, tops, 40)).toEqual([false, false, true, false, true]);
    // a wide step leaves every label on its bar
    expect(liftedLabels(tiny, tops, 120)).toEqual([false, false, false, false, false]);
    // short labels never need it, nor bars of different heights
    expect(liftedLabels(['0.50', '0.25', '0.25'], [100, 150, 150], 40)).toEqual([
      false,
      false,
      false,
    ]);
    expect(liftedLabels(tiny.slice(0, 2), [200, 150], 40)).toEqual([false, false]);
  });
});
