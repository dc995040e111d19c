import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Bars, barLayout } from '../../src/plots/Bars';
import type { CircleMark, Mark } from '../../src/plots/canvasMarks';
import { Marks } from '../../src/plots/MarkList';
import { drawnMarks, LayeredPlotFrame } from '../../src/plots/MarksCanvas';
import { MARKS_CANVAS_THRESHOLD, marksRenderer } from '../../src/plots/marksRender';
import { styleProbes, type MarkStyles } from '../../src/plots/markStyles';
import { Arrow, Line, Point, Segment, arrowGeometry, clipLine } from '../../src/plots/marks';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { SvgMarks } from '../../src/plots/SvgMarks';
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

type TestStyle = 'cell' | 'edge' | 'dot' | 'label' | 'label-dim';

const STYLES: MarkStyles<TestStyle> = {
  cell: { className: 't-cell' },
  edge: { className: 't-edge sym-3' },
  dot: { className: 't-dot' },
  label: { className: 't-label', text: true },
  'label-dim': { className: 't-label', text: true, group: 't-dim' },
};
const STYLE_OF_CLASS = new Map(
  styleProbes(STYLES)
    .filter((p) => !p.group)
    .map((p) => [p.className, p.name]),
);

/** A number that SVG attributes write and read back exactly (no −0, which an attribute writes as 0). */
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
const num = finite(-500, 500);
const size = finite(0, 500);
/** Any mark of the test styles, without a key. */
const anyMark: fc.Arbitrary<Mark<TestStyle>> = fc.oneof(
  fc.record(
    {
      type: fc.constant('rect' as const),
      style: fc.constant('cell' as const),
      x: num,
      y: num,
      width: size,
      height: size,
      fillOpacity: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
      fill: fc.constantFrom('red', 'rgb(1, 2, 3)'),
    },
    { requiredKeys: ['type', 'style', 'x', 'y', 'width', 'height'] },
  ),
  fc.record({
    type: fc.constant('path' as const),
    style: fc.constant('edge' as const),
    d: fc.tuple(num, num, num, num).map(([a, b, c, d]) => `M${a},${b}L${c},${d}`),
  }),
  fc.record({
    type: fc.constant('circle' as const),
    style: fc.constant('dot' as const),
    cx: num,
    cy: num,
    r: size,
  }),
  fc.record(
    {
      type: fc.constant('text' as const),
      style: fc.constantFrom('label' as const, 'label-dim' as const),
      x: num,
      y: num,
      text: fc.string({ minLength: 1, maxLength: 6 }).filter((t) => t.trim() === t && t !== ''),
      anchor: fc.constantFrom('start' as const, 'middle' as const, 'end' as const),
      dy: fc.constantFrom(0, 0.32, -1),
      size: fc.integer({ min: 6, max: 30 }),
    },
    { requiredKeys: ['type', 'style', 'x', 'y', 'text'] },
  ),
);
/** Lists of marks, each either keyed by a distinct key or keyed by its index. */
const markList = fc.oneof(
  fc.array(anyMark, { maxLength: 14 }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 14 })
    .chain((keys) =>
      fc.tuple(...keys.map((key) => anyMark.map((m) => ({ ...m, key })))).map((ms) => [...ms]),
    ),
);

const attr = (el: Element, name: string) => Number(el.getAttribute(name));

/** Reads `SvgMarks`'s elements back into marks: what the SVG draws, as data. */
function marksOfSvg(container: Element): Mark<TestStyle>[] {
  const root = container.querySelector('.svg-marks');
  expect(root).not.toBeNull();
  return [...root!.children].map((child) => {
    const grouped = child.tagName === 'g';
    const el = grouped ? child.firstElementChild! : child;
    const cls = el.getAttribute('class') ?? '';
    const style: TestStyle = grouped
      ? styleProbes(STYLES).find((p) => p.group === child.getAttribute('class'))!.name
      : STYLE_OF_CLASS.get(cls)!;
    expect(cls).toBe(STYLES[style].className);
    const css = (el as SVGElement).style;
    switch (el.tagName) {
      case 'rect':
        return {
          type: 'rect',
          style,
          x: attr(el, 'x'),
          y: attr(el, 'y'),
          width: attr(el, 'width'),
          height: attr(el, 'height'),
          ...(css.fillOpacity ? { fillOpacity: Number(css.fillOpacity) } : {}),
          ...(css.fill ? { fill: css.fill } : {}),
        };
      case 'path':
        return { type: 'path', style, d: el.getAttribute('d')! };
      case 'circle':
        return { type: 'circle', style, cx: attr(el, 'cx'), cy: attr(el, 'cy'), r: attr(el, 'r') };
      default: {
        return {
          type: 'text',
          style,
          x: attr(el, 'x'),
          y: attr(el, 'y'),
          text: el.textContent ?? '',
          anchor: el.getAttribute('text-anchor') as 'start' | 'middle' | 'end',
          dy: parseFloat(el.getAttribute('dy')!),
          ...(css.fontSize ? { size: parseFloat(css.fontSize) } : {}),
        };
      }
    }
  });
}

/** A mark without its key and with a text's defaults written out, field for field as drawn. */
const unkeyed = ({ key: _key, ...m }: Mark<TestStyle>) =>
  m.type === 'text' ? { ...m, dy: m.dy ?? 0, anchor: m.anchor ?? 'start' } : m;

const frameOf = (children: React.ReactNode) => (
  <PlotFrame width={400} height={300} margin={{ top: 20, right: 20, bottom: 20, left: 20 }}>
    {children}
  </PlotFrame>
);

describe('SvgMarks and Marks', () => {
  it('<SvgMarks> gives each mark its style’s classes, its group, and its own paint inline', () => {
    const { container } = renderInFrame(
      <SvgMarks
        styles={STYLES}
        marks={[
          {
            type: 'rect',
            style: 'cell',
            x: 1,
            y: 2,
            width: 3,
            height: 4,
            fill: 'red',
            fillOpacity: 0.5,
          },
          { type: 'path', style: 'edge', d: 'M0,0L5,5' },
          { type: 'circle', style: 'dot', cx: 5, cy: 6, r: 2 },
          {
            type: 'text',
            style: 'label-dim',
            x: 7,
            y: 8,
            text: 'v',
            dy: 0.32,
            anchor: 'end',
            size: 11,
          },
        ]}
      />,
    );
    const rect = container.querySelector('.svg-marks > rect')!;
    expect(rect).toHaveClass('t-cell');
    expect((rect as SVGElement).style.fill).toBe('red');
    expect((rect as SVGElement).style.fillOpacity).toBe('0.5');
    expect(container.querySelector('.svg-marks > path')).toHaveClass('t-edge', 'sym-3');
    const text = container.querySelector('.svg-marks > g.t-dim > text.t-label')!;
    expect(text.textContent).toBe('v');
    expect(text.getAttribute('dy')).toBe('0.32em');
    expect(text.getAttribute('text-anchor')).toBe('end');
    expect((text as SVGElement).style.fontSize).toBe('11px');
  });

  it('the same list drawn as SVG and on a canvas gives the same geometry (fast-check)', () => {
    fc.assert(
      fc.property(markList, (marks) => {
        const svg = render(frameOf(<Marks marks={marks} styles={STYLES} render="svg" />));
        const fromSvg = marksOfSvg(svg.container);
        expect(svg.container.querySelector('canvas')).toBeNull();
        svg.unmount();
        const canvas = render(frameOf(<Marks marks={marks} styles={STYLES} render="canvas" />));
        const el = canvas.container.querySelector('canvas');
        expect(el).not.toBeNull();
        expect(canvas.container.querySelector('.svg-marks')).toBeNull();
        const drawn = drawnMarks(el!)!;
        expect(drawn.map((m) => unkeyed(m as Mark<TestStyle>))).toEqual(fromSvg);
        expect(fromSvg).toEqual(marks.map(unkeyed));
        // every style the marks name has its probe in the SVG
        const probes = [...canvas.container.querySelectorAll('[data-mark-style]')].map((p) =>
          p.getAttribute('data-mark-style'),
        );
        expect(probes).toEqual(Object.keys(STYLES));
        canvas.unmount();
      }),
      { numRuns: 40 },
    );
  });

  it('a keyed update leaves what a fresh render of the new list leaves, SVG and canvas (fast-check)', () => {
    fc.assert(
      fc.property(
        markList,
        markList,
        fc.constantFrom('svg' as const, 'canvas' as const),
        (a, b, how) => {
          const view = render(frameOf(<Marks marks={a} styles={STYLES} render={how} />));
          view.rerender(frameOf(<Marks marks={b} styles={STYLES} render={how} />));
          const updated = view.container.innerHTML;
          const updatedMarks = [...view.container.querySelectorAll('canvas')].map((c) =>
            drawnMarks(c),
          );
          view.unmount();
          const fresh = render(frameOf(<Marks marks={b} styles={STYLES} render={how} />));
          expect(updated).toBe(fresh.container.innerHTML);
          expect(updatedMarks).toEqual(
            [...fresh.container.querySelectorAll('canvas')].map((c) => drawnMarks(c)),
          );
          fresh.unmount();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an element keeps its mark by key when the list reorders', () => {
    const dot = (key: string, cx: number): Mark<TestStyle> => ({
      type: 'circle',
      style: 'dot',
      key,
      cx,
      cy: 0,
      r: 1,
    });
    const view = renderInFrame(<SvgMarks styles={STYLES} marks={[dot('a', 1), dot('b', 2)]} />);
    const [a, b] = view.container.querySelectorAll('circle');
    view.rerender(
      frameOf(<SvgMarks styles={STYLES} marks={[dot('b', 2), dot('c', 3), dot('a', 5)]} />),
    );
    const after = [...view.container.querySelectorAll('circle')];
    expect(after[0]).toBe(b);
    expect(after[2]).toBe(a);
    expect(after[2].getAttribute('cx')).toBe('5');
  });

  it(`render "auto" draws SVG up to ${MARKS_CANVAS_THRESHOLD} marks and a canvas past that`, () => {
    expect(marksRenderer('auto', MARKS_CANVAS_THRESHOLD)).toBe('svg');
    expect(marksRenderer('auto', MARKS_CANVAS_THRESHOLD + 1)).toBe('canvas');
    expect(marksRenderer('svg', 10_000)).toBe('svg');
    expect(marksRenderer('canvas', 1)).toBe('canvas');
    const many = (n: number): Mark<TestStyle>[] =>
      Array.from({ length: n }, (_, i) => ({ type: 'circle', style: 'dot', cx: i, cy: 0, r: 1 }));
    const small = render(frameOf(<Marks marks={many(MARKS_CANVAS_THRESHOLD)} styles={STYLES} />));
    expect(small.container.querySelectorAll('.svg-marks circle')).toHaveLength(
      MARKS_CANVAS_THRESHOLD,
    );
    expect(small.container.querySelector('canvas')).toBeNull();
    small.unmount();
    const big = render(frameOf(<Marks marks={many(MARKS_CANVAS_THRESHOLD + 1)} styles={STYLES} />));
    expect(big.container.querySelector('.svg-marks')).toBeNull();
    expect(drawnMarks(big.container.querySelector('canvas')!)).toHaveLength(
      MARKS_CANVAS_THRESHOLD + 1,
    );
  });

  it('a canvas render with the same marks and styles paints nothing; new marks paint', () => {
    let clears = 0;
    const ctx = new Proxy({ measureText: () => ({ width: 0 }) } as Record<PropertyKey, unknown>, {
      get: (target, key) =>
        key in target ? target[key] : key === 'clearRect' ? () => void clears++ : () => {},
    });
    const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    try {
      const dot: CircleMark<TestStyle> = { type: 'circle', style: 'dot', cx: 1, cy: 2, r: 3 };
      const marks = [dot];
      const frame = (ms: Mark<TestStyle>[]) => (
        <LayeredPlotFrame
          width={100}
          height={100}
          margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
          styles={STYLES}
          marks={ms}
          lang="en"
        >
          {null}
        </LayeredPlotFrame>
      );
      const view = render(frame(marks));
      const painted = clears;
      expect(painted).toBeGreaterThan(0);
      view.rerender(frame(structuredClone(marks)));
      expect(clears).toBe(painted);
      view.rerender(frame([{ ...dot, cx: 9 }]));
      expect(clears).toBe(painted + 1);
      expect(drawnMarks(view.container.querySelector('canvas')!)).toEqual([{ ...dot, cx: 9 }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('style names are typed: a misspelt or undeclared style does not compile', () => {
    const misspelt: Mark<TestStyle> = {
      type: 'rect',
      // @ts-expect-error 'cel' is not a TestStyle
      style: 'cel',
      x: 0,
      y: 0,
      width: 1,
      height: 1,
    };
    // @ts-expect-error the table leaves out 'label-dim'
    const missing: MarkStyles<TestStyle> = {
      cell: { className: 'a' },
      edge: { className: 'b' },
      dot: { className: 'c' },
      label: { className: 'd', text: true },
    };
    const extra: MarkStyles<'cell'> = {
      cell: { className: 'a' },
      // @ts-expect-error a style the union does not name (misspelt) is not in the table
      cel: { className: 'b' },
    };
    const few: MarkStyles<'cell'> = { cell: { className: 'a' } };
    const marks: Mark<TestStyle>[] = [{ type: 'circle', style: 'dot', cx: 0, cy: 0, r: 1 }];
    // @ts-expect-error the marks name a style the table does not have
    const undeclared = <Marks marks={marks} styles={few} />;
    expect([misspelt, missing, extra, undeclared]).toHaveLength(4);
  });
});
