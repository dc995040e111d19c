import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGEND_METRICS, Legend, legendLayout, type LegendItem } from '../../src/plots/Legend';
import { measureText, PLOT_FONT } from '../../src/plots/measureText';
import { TONES } from '../../src/plots/tones';
import { renderInFrame } from './kitRender';

const measure = (t: string) => measureText(t, PLOT_FONT);
const item = (label: string, kind: LegendItem['kind'] = 'line'): LegendItem => ({
  label,
  tone: 'sym1',
  kind,
});

describe('legendLayout', () => {
  it('puts entries on one row when they fit and wraps when the plot is narrow', () => {
    const items = [item('σ(x)'), item('σ′(x)', 'dashed'), item('tanh(x)', 'area')];
    expect(legendLayout(items, 600).rows).toBe(1);
    const narrow = legendLayout(items, 110);
    expect(narrow.rows).toBeGreaterThan(1);
    expect(narrow.height).toBe(narrow.rows * LEGEND_METRICS.rowHeight);
  });

  it('never lets a row pass the width, for random label sets and widths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }),
        fc.integer({ min: 40, max: 800 }),
        (labels, width) => {
          const layout = legendLayout(
            labels.map((l) => item(l)),
            width,
            measure,
          );
          for (const p of layout.items) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x + p.width).toBeLessThanOrEqual(width + 1e-9);
            // the width is the measured text's, not a guess
            expect(p.width).toBeCloseTo(
              LEGEND_METRICS.swatch + LEGEND_METRICS.gap + measure(p.text),
            );
          }
          // rows fill left to right: each row starts at 0 and rows only grow
          layout.items.forEach((p, i) => {
            if (i > 0) expect(p.row).toBeGreaterThanOrEqual(layout.items[i - 1].row);
            if (i === 0 || p.row !== layout.items[i - 1].row) expect(p.x).toBe(0);
          });
        },
      ),
    );
  });

  it('cuts a label too long for any row with an ellipsis', () => {
    const layout = legendLayout([item('a very long series name indeed')], 80, measure);
    expect(layout.items[0].text.endsWith('…')).toBe(true);
  });
});

describe('Legend', () => {
  it('<Legend> draws a swatch per entry by kind, decorative, in the frame width', () => {
    const { container } = renderInFrame(
      <Legend
        items={[
          { label: 'f', tone: TONES[0], kind: 'line' },
          { label: 'g', tone: 'sym2', kind: 'dashed' },
          { label: 'area', tone: 'sym3', kind: 'area' },
          { label: 'points', tone: 'accent', kind: 'point' },
        ]}
      />,
    );
    const g = container.querySelector('g.kit-legend')!;
    expect(g.getAttribute('aria-hidden')).toBe('true');
    expect(g.querySelectorAll('line.kit-legend-swatch')).toHaveLength(2);
    expect(g.querySelector('line.stroke-dashed')).not.toBeNull();
    expect(g.querySelector('rect.kit-area')).not.toBeNull();
    expect(g.querySelector('circle.kit-point')).not.toBeNull();
    expect([...g.querySelectorAll('text')].map((t) => t.textContent)).toEqual([
      'f',
      'g',
      'area',
      'points',
    ]);
  });

  it('works outside a frame with an explicit width', () => {
    const { container } = render(
      <svg>
        <Legend items={[item('x')]} width={100} />
      </svg>,
    );
    expect(container.querySelector('text')!.textContent).toBe('x');
  });
});
