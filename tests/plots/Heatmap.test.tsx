import { render } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  drawMarks,
  readMarkStyle,
  type Mark,
  type RectMark,
  type TextMark,
} from '../../src/plots/canvasMarks';
import { ColorKey, colorKeyLayout } from '../../src/plots/ColorKey';
import { makeColorScale, parseRgb, wantsLightText } from '../../src/plots/colorScale';
import type { ContinuousScale } from '../../src/plots/frame';
import {
  HEATMAP_CANVAS_THRESHOLD,
  Heatmap,
  heatmapLayout,
  heatmapMarks,
  heatmapSummary,
} from '../../src/plots/Heatmap';
import { drawnMarks } from '../../src/plots/MarksCanvas';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { expectClose } from '../helpers/asserts';

const MARGIN = { top: 20, right: 70, bottom: 30, left: 40 };
const matrix = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i * cols + j) / (rows * cols)),
  );

function renderHeatmap(
  values: number[][],
  render_: 'auto' | 'svg' | 'canvas' = 'auto',
  showValues = false,
) {
  return render(
    <div>
      <PlotFrame
        width={400}
        height={300}
        margin={MARGIN}
        x={{ domain: [-1, 1] }}
        y={{ domain: [-1, 1] }}
      >
        <Heatmap
          values={values}
          color={{ kind: 'sequential', domain: [0, 1] }}
          origin="bottom"
          render={render_}
          showValues={showValues}
        />
      </PlotFrame>
    </div>,
  );
}

/** The SVG cells and value texts as the canvas marks they stand for. */
function svgMarks(container: HTMLElement): Mark[] {
  const rects: Mark[] = [...container.querySelectorAll('.kd-heatmap-cells rect')].map((r) => {
    const style = r.classList.contains('kd-heatmap-missing') ? 'heatmap-missing' : 'heatmap-cell';
    const m: RectMark = {
      type: 'rect',
      style,
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      width: Number(r.getAttribute('width')),
      height: Number(r.getAttribute('height')),
    };
    const fill = r.getAttribute('fill');
    if (fill) m.fill = fill;
    return m;
  });
  const texts: Mark[] = [...container.querySelectorAll('.kd-heatmap-values text')].map((t) => {
    const m: TextMark = {
      type: 'text',
      style: t.classList.contains('kd-on-dark') ? 'heatmap-value-light' : 'heatmap-value-dark',
      x: Number(t.getAttribute('x')),
      y: Number(t.getAttribute('y')),
      text: t.textContent ?? '',
      anchor: 'middle',
      dy: 0.32,
    };
    return m;
  });
  return [...rects, ...texts];
}

describe('heatmapLayout', () => {
  const x = scaleLinear().domain([0, 4]).range([0, 200]) as unknown as ContinuousScale;
  const y = scaleLinear().domain([0, 2]).range([100, 0]) as unknown as ContinuousScale;
  const color = makeColorScale({ kind: 'sequential', domain: [0, 1] });

  it('tiles the data rectangle with rows from the origin side, in drawing order top to bottom', () => {
    const values = [
      [0, 0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6, NaN],
    ];
    const top = heatmapLayout({ values, x, y, color, gap: 2 });
    expect(top).toHaveLength(8);
    expect(top[0]).toMatchObject({ row: 0, col: 0, x: 0, y: 0 });
    expect(top[4]).toMatchObject({ row: 1, col: 0 });
    const bottom = heatmapLayout({ values, x, y, color, origin: 'bottom' });
    // row 0 is at the bottom: drawn last
    expect(bottom[0].row).toBe(1);
    expect(bottom[7]).toMatchObject({ row: 0, col: 3 });
    expect(bottom[7].y + bottom[7].height).toBeCloseTo(100, 9);
    expect(bottom[7].x + bottom[7].width).toBeCloseTo(200, 9);
    const missing = top.find((c) => c.row === 1 && c.col === 3)!;
    expect(missing.fill).toBeNull();
    expect(missing.style).toBe('heatmap-missing');
  });

  it('value text only where it fits, light on dark cells and dark on light ones', () => {
    const big = heatmapLayout({ values: [[0, 1]], x, y, color, showValues: true });
    expect(big.map((c) => c.text)).toEqual(['0.00', '1.00']);
    expect(big[0].textStyle).toBe('heatmap-value-light'); // viridis starts dark purple
    expect(big[1].textStyle).toBe('heatmap-value-dark'); // and ends light yellow
    const small = heatmapLayout({ values: matrix(40, 40), x, y, color, showValues: true });
    expect(small.every((c) => c.text === null)).toBe(true);
  });

  it('the cells of an unbroken grid cover the extent with no gap between neighbours', () => {
    const cells = heatmapLayout({ values: matrix(3, 5), x, y, color });
    for (const c of cells) {
      const right = cells.find((d) => d.row === c.row && d.col === c.col + 1);
      if (right) expect(right.x).toBeLessThan(c.x + c.width);
    }
  });
});

describe('Heatmap', () => {
  it(`draws SVG rects up to ${HEATMAP_CANVAS_THRESHOLD} cells and a canvas past that`, () => {
    const small = renderHeatmap(matrix(10, 10));
    expect(small.container.querySelectorAll('.kd-heatmap-cells rect')).toHaveLength(100);
    expect(small.container.querySelector('canvas')).toBeNull();
    small.unmount();
    const big = renderHeatmap(matrix(10, 11));
    expect(big.container.querySelectorAll('.kd-heatmap-cells rect')).toHaveLength(0);
    const canvas = big.container.querySelector('canvas');
    expect(canvas).not.toBeNull();
    // the canvas lies next to the SVG, not inside it
    expect(canvas!.closest('svg')).toBeNull();
    expect(drawnMarks(canvas!)).toHaveLength(110);
  });

  it('the canvas draws the same marks as the SVG cells: positions, colours and value texts', () => {
    const values = matrix(6, 6).map((row, i) => row.map((v, j) => (i === 2 && j === 3 ? NaN : v)));
    const svg = renderHeatmap(values, 'svg', true);
    const fromSvg = svgMarks(svg.container);
    svg.unmount();
    const canvas = renderHeatmap(values, 'canvas', true);
    const drawn = drawnMarks(canvas.container.querySelector('canvas')!);
    expect(fromSvg.length).toBeGreaterThan(36);
    expect(drawn).toEqual(fromSvg);
  });

  it('canvas marks equal heatmapMarks of the layout, and the probes carry the styles they name', () => {
    const big = renderHeatmap(matrix(20, 20));
    const drawn = drawnMarks(big.container.querySelector('canvas')!)!;
    const x = scaleLinear()
      .domain([-1, 1])
      .range([0, 400 - 110]) as unknown as ContinuousScale;
    const y = scaleLinear()
      .domain([-1, 1])
      .range([300 - 50, 0]) as unknown as ContinuousScale;
    const color = makeColorScale({ kind: 'sequential', domain: [0, 1] });
    expect(drawn).toEqual(
      heatmapMarks(heatmapLayout({ values: matrix(20, 20), x, y, color, origin: 'bottom' })),
    );
    const probes = [...big.container.querySelectorAll('[data-mark-style]')].map((p) =>
      p.getAttribute('data-mark-style'),
    );
    for (const m of drawn) expect(probes).toContain(m.style);
  });

  it('row and column labels, and a highlighted row', () => {
    const { container } = render(
      <PlotFrame width={300} height={300}>
        <Heatmap
          values={matrix(3, 3)}
          color={{ kind: 'diverging', domain: [-1, 0, 1] }}
          rowLabels={['the', 'cat', 'sat']}
          colLabels={['k1', 'k2', 'k3']}
          highlight={{ row: 1 }}
        />
      </PlotFrame>,
    );
    expect(
      [...container.querySelectorAll('.kd-heatmap-row-labels text')].map((t) => t.textContent),
    ).toEqual(['the', 'cat', 'sat']);
    expect(container.querySelectorAll('.kd-heatmap-col-labels text')).toHaveLength(3);
    const hl = container.querySelector('.kd-heatmap-highlight')!;
    const row1 = container.querySelector('rect[data-row="1"][data-col="0"]')!;
    expect(hl.getAttribute('y')).toBe(row1.getAttribute('y'));
  });
});

describe('heatmapSummary', () => {
  it('names the size, the extremes with their rows and columns, the mean and the missing cells', () => {
    const values = [
      [0.1, 0.9],
      [NaN, 0.5],
    ];
    expect(heatmapSummary(values, { rowLabels: ['a', 'b'], colLabels: ['x', 'y'] })).toBe(
      '2×2 heatmap: lowest 0.10 (row a, column x), highest 0.90 (row a, column y), mean 0.50; 1 cell without a finite value.',
    );
    expect(heatmapSummary(values, { lang: 'zh-TW' })).toContain('2×2 的熱度圖');
    expect(heatmapSummary([[NaN]])).toBe('1×1 heatmap with no finite values.');
  });
});

describe('colour scales', () => {
  it('sequential and diverging scales give colours at the ends and null for non-finite values', () => {
    const seq = makeColorScale({ kind: 'sequential', domain: [0, 10] });
    expect(parseRgb(seq(0)!)).not.toBeNull();
    expect(seq(NaN)).toBeNull();
    expect(seq(-5)).toBe(seq(0)); // clamped
    const div = makeColorScale({ kind: 'diverging', domain: [-2, 0, 2] });
    expect(wantsLightText(div(0)!)).toBe(false); // a light middle
    expect(div(-2)).not.toBe(div(2));
  });

  it('a log scale puts 10 halfway between 1 and 100', () => {
    const s = makeColorScale({ kind: 'sequential', domain: [1, 100], log: true });
    expectClose(s.position(10), 0.5);
    expectClose(s.valueAt(0.5), 10, { rel: 1e-12 });
    expect(s.ticks(5)).toEqual(expect.arrayContaining([1, 10, 100]));
  });
});

describe('colorKeyLayout', () => {
  const cases = [
    makeColorScale({ kind: 'sequential', domain: [0, 3.7] }),
    makeColorScale({ kind: 'sequential', domain: [1e-3, 1e2], log: true, scheme: 'cividis' }),
    makeColorScale({ kind: 'diverging', domain: [-1, 0, 1], scheme: 'PuOr' }),
  ];

  it.each(
    cases.map((s) => [s.spec.kind + (s.spec.kind === 'sequential' && s.spec.log ? ' log' : ''), s]),
  )(
    'ticks of a %s key are the scale ticks, placed where the bar shows their colour',
    (_, scale) => {
      const k = colorKeyLayout(scale, 200, { stops: 201 });
      expect(k.ticks.map((t) => t.value)).toEqual(scale.ticks(5));
      for (const t of k.ticks) {
        expect(t.at).toBeGreaterThanOrEqual(0);
        expect(t.at).toBeLessThanOrEqual(200);
        expect(t.color).toBe(scale(t.value));
        // the stop nearest the tick has (about) the tick's colour
        const stop = k.stops[Math.round((t.at / 200) * 200)];
        const [a, b] = [parseRgb(stop.color)!, parseRgb(t.color)!];
        for (let c = 0; c < 3; c++) expect(Math.abs(a[c] - b[c])).toBeLessThanOrEqual(6);
      }
      expect(k.stops[0].color).toBe(scale(scale.valueAt(0)));
    },
  );

  it('ColorKey draws a gradient bar, a tick and a label per scale tick', () => {
    const { container } = render(
      <PlotFrame width={400} height={300} margin={MARGIN}>
        <ColorKey scale={{ kind: 'sequential', domain: [0, 1] }} title="p" />
      </PlotFrame>,
    );
    const scale = makeColorScale({ kind: 'sequential', domain: [0, 1] });
    expect(container.querySelectorAll('.kd-key-tick')).toHaveLength(scale.ticks(5).length);
    expect([...container.querySelectorAll('.kd-key-label')].map((t) => t.textContent)).toEqual(
      scale.ticks(5).map((v) => v.toFixed(1)),
    );
    const bar = container.querySelector('.kd-key-bar')!;
    const id = container.querySelector('linearGradient')!.id;
    expect(bar.getAttribute('fill')).toBe(`url(#${id})`);
    // the top tick (value 1) is at the top of a vertical bar
    const top = container.querySelector('.kd-key-tick-group[data-value="1"] line')!;
    expect(Number(top.getAttribute('y1'))).toBeCloseTo(0, 9);
  });
});

describe('drawMarks with a rect fill', () => {
  it("a rect mark's fill paints it instead of its style's, with the style's opacity", () => {
    const fills: { style: unknown; alpha: number }[] = [];
    const ctx = new Proxy({} as Record<PropertyKey, unknown>, {
      get: (t, k) =>
        k in t
          ? t[k]
          : k === 'fill'
            ? () => fills.push({ style: t.fillStyle, alpha: t.globalAlpha as number })
            : () => {},
      set: (t, k, v) => ((t[k] = v), true),
    }) as unknown as CanvasRenderingContext2D;
    const st = readMarkStyle({
      fill: 'none',
      stroke: 'none',
      strokeWidth: '0',
      fillOpacity: '0.5',
      strokeOpacity: '1',
      opacity: '1',
      strokeDasharray: 'none',
      strokeLinecap: 'butt',
      strokeLinejoin: 'miter',
      fontSize: '13px',
      fontWeight: '400',
      fontFamily: 'sans-serif',
      paintOrder: 'normal',
    });
    drawMarks(
      ctx,
      [
        { type: 'rect', style: 'cell', x: 0, y: 0, width: 1, height: 1, fill: '#123456' },
        { type: 'rect', style: 'cell', x: 1, y: 0, width: 1, height: 1 },
      ],
      new Map([['cell', st]]),
    );
    // the second rect has no fill of its own, and its style paints none
    expect(fills).toEqual([{ style: '#123456', alpha: 0.5 }]);
  });
});
