import { describe, expect, it } from 'vitest';
import { Bars, barLayout } from '../../src/plots/Bars';
import { Arrow, Line, Point, Segment, arrowGeometry, clipLine } from '../../src/plots/marks';
import { INNER, renderInFrame } from './kitRender';

const axes = { x: { domain: [0, 10] as const }, y: { domain: [0, 10] as const } };
const px = (v: number) => (v / 10) * INNER.width;
const py = (v: number) => INNER.height - (v / 10) * INNER.height;

describe('Point, Segment, Line, Arrow', () => {
  it('<Point> takes data coordinates from the frame', () => {
    const { container } = renderInFrame(<Point x={5} y={2} tone="sym3" />, axes);
    const c = container.querySelector('circle.kit-point')!;
    expect(Number(c.getAttribute('cx'))).toBeCloseTo(px(5));
    expect(Number(c.getAttribute('cy'))).toBeCloseTo(py(2));
    expect(c).toHaveClass('tone-sym3');
  });

  it('<Point> at a non-finite coordinate draws nothing', () => {
    const { container } = renderInFrame(<Point x={NaN} y={2} />, axes);
    expect(container.querySelector('circle.kit-point')).toBeNull();
  });

  it('<Segment> joins two data points, dashed on request', () => {
    const { container } = renderInFrame(
      <Segment from={[1, 1]} to={[9, 5]} stroke="dashed" tone="muted" />,
      axes,
    );
    const l = container.querySelector('line.kit-line')!;
    expect(Number(l.getAttribute('x2'))).toBeCloseTo(px(9));
    expect(Number(l.getAttribute('y2'))).toBeCloseTo(py(5));
    expect(l).toHaveClass('stroke-dashed', 'tone-muted');
  });

  it('<Line point slope> runs edge to edge of the frame', () => {
    const { container } = renderInFrame(<Line point={[0, 5]} slope={0} />, axes);
    const l = container.querySelector('line.kit-line')!;
    expect(Number(l.getAttribute('x1'))).toBeCloseTo(0);
    expect(Number(l.getAttribute('x2'))).toBeCloseTo(INNER.width);
    expect(Number(l.getAttribute('y1'))).toBeCloseTo(py(5));
  });

  it('clipLine clips to the box and misses when outside', () => {
    expect(clipLine([0, 0], [1, 1], 10, 10)).toEqual([
      [0, 0],
      [10, 10],
    ]);
    expect(clipLine([0, 20], [1, 20], 10, 10)).toBeNull();
  });

  it('<Arrow> ends its head at the head point with a shaft toward the tail', () => {
    const { container } = renderInFrame(<Arrow tail={[0, 0]} head={[5, 5]} tone="sym4" />, axes);
    const head = container.querySelector('path.kit-arrow-head')!.getAttribute('d')!;
    expect(
      head.startsWith(`M${Math.round(px(5) * 100) / 100},${Math.round(py(5) * 100) / 100}`),
    ).toBe(true);
    expect(container.querySelector('g.kit-arrow-group')).toHaveClass('tone-sym4');
  });

  it('arrowGeometry: the head is its given length; a zero vector has none', () => {
    const g = arrowGeometry([0, 0], [100, 0], 12)!;
    expect(g.head).toBe('M100,0L88,5.4L88,-5.4Z');
    expect(arrowGeometry([3, 3], [3, 3], 12)).toBeNull();
  });
});

describe('Bars', () => {
  const data = [
    { label: 'a', value: 2 },
    { label: 'b', value: 8 },
    { label: 'c', value: NaN },
  ];

  it('barLayout: heights follow the frame y scale from the baseline; NaN has no height', () => {
    const { container } = renderInFrame(<Bars data={data} labels highlight={1} />, axes);
    const rects = [...container.querySelectorAll('rect.kit-bar')];
    expect(rects).toHaveLength(3);
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[1] / h[0]).toBeCloseTo(4);
    expect(h[2]).toBe(0);
    expect(rects[1]).toHaveClass('is-highlighted');
    const labels = [...container.querySelectorAll('text.kit-bar-label')].map((t) => t.textContent);
    expect(labels).toEqual(['2.00', '8.00', '—']);
  });

  it('barLayout: bars fit the width and negative bars hang below the baseline', () => {
    const y = (v: number) => 100 - v * 10;
    const scale = Object.assign(y, {
      domain: () => [-5, 5],
      range: () => [150, 50],
      invert: (p: number) => (100 - p) / 10,
      ticks: () => [],
      tickFormat: () => String,
      copy: () => scale,
    });
    const r = barLayout(
      [
        { label: 'up', value: 3 },
        { label: 'down', value: -2 },
      ],
      scale,
      200,
    );
    expect(r[1].x + r[1].width).toBeLessThanOrEqual(200);
    expect(r[0].y).toBe(70);
    expect(r[1].y).toBe(100);
    expect(r[1].height).toBe(20);
    expect(r[1].labelY).toBeGreaterThan(120);
  });
});
