import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PointerEvent } from 'react';
import { useId, useMemo, useRef } from 'react';
import type { Bilingual, Lang, PlotProps } from '../../ui/card/types';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { formatNumber } from '../../plots/formatNumber';
import { legendLayout, type LegendItem, type LegendMetrics } from '../../plots/Legend';
import { PLOT_FONT, measureText, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, innerSize, PlotFrame } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Interval } from './vanishingIntervals';
import './activationPlot.css';

/** The numbers an activation page computes for the current x. */
export interface ActivationResult {
  x: number;
  /** f(x) */
  y: number;
  /** f′(x), the slope of the tangent */
  dy: number;
  /** |f′(x)| below the page's threshold */
  vanishing: boolean;
}

/** A faint comparison curve (another activation). */
export interface CompareCurve {
  name: string;
  f: (x: number) => number;
}

/** Everything fixed about one activation's plot: curves, ranges, shaded regions. */
export interface ActivationPlotConfig {
  /** Plain-text name for the legend, e.g. "σ" or "ReLU". */
  name: string;
  f: (x: number) => number;
  df: (x: number) => number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  /** Where |f′| is below the threshold (shaded). */
  regions: readonly Interval[];
  regionLabel: Bilingual;
  compare: readonly CompareCurve[];
  /** Slider step of x, for snapping when x is dragged in the plot. */
  step: number;
}

/** viewBox width when the column is not measured (tests, first paint), and its bounds. */
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 320;
const MAX_WIDTH = 760;
/** The legend's spacing: a 28 px line, its label 6 px after, entries 14 px apart, rows of 18 px. */
const LEGEND: LegendMetrics = { swatch: 28, gap: 6, spacing: 14, rowHeight: 18 };
const LEGEND_ROW = LEGEND.rowHeight;
const SAMPLES = 240;
/** Consecutive samples differing by more than this are a jump (ReLU′ at 0): the path breaks. */
const JUMP = 0.5;
const DASHES = ['1 4', '8 3 1 3'];

const AXIS_LABELS: Record<Lang, { x: string; y: string }> = {
  en: { x: 'input x', y: 'output and slope' },
  'zh-TW': { x: '輸入 x', y: '輸出值與斜率' },
};
const SLOPE: Bilingual = { en: 'slope', 'zh-TW': '斜率' };

type Pt = readonly [number, number];

/** Samples f on the domain (x = 0 included for symmetric domains), breaking the path at jumps. */
function sample(f: (x: number) => number, [a, b]: readonly [number, number]): (Pt | null)[] {
  const pts: (Pt | null)[] = [];
  let prev: number | null = null;
  for (let k = 0; k <= SAMPLES; k++) {
    const x = a + ((b - a) * k) / SAMPLES;
    const y = f(x);
    if (!Number.isFinite(y)) {
      pts.push(null);
      prev = null;
      continue;
    }
    if (prev !== null && Math.abs(y - prev) > JUMP) pts.push(null);
    pts.push([x, y]);
    prev = y;
  }
  return pts;
}

/** A legend entry and how its line is drawn. */
interface ActivationLegendItem extends LegendItem {
  className: string;
  dash?: string;
}

/** Where to label a comparison curve: where it first leaves the plot going right, else its right end. */
function labelAnchor(
  f: (x: number) => number,
  [a, b]: readonly [number, number],
  [lo, hi]: readonly [number, number],
  x: (v: number) => number,
  y: (v: number) => number,
): { x: number; y: number; anchor: 'start' | 'end' } {
  let inside = false;
  for (let k = 0; k <= SAMPLES; k++) {
    const t = a + ((b - a) * k) / SAMPLES;
    const v = f(t);
    if (v >= lo && v <= hi) inside = true;
    else if (inside) return { x: x(t) + 6, y: v > hi ? 14 : y(lo) - 6, anchor: 'start' };
  }
  return { x: x(b) - 4, y: y(Math.min(Math.max(f(b), lo), hi)) - 6, anchor: 'end' };
}

/** The point labels' font (bold, at the plots' 13px) for measuring them. */
const POINT_FONT = `600 ${PLOT_FONT}`;

/**
 * Whether the f(x) label is placed below its point rather than above: below when
 * a mark runs through the text band above (the curve, its tangent, f′ or a
 * comparison curve, each given as pixel y of pixel x) and the band below is clear
 * of them. A few samples of plain arithmetic per tick; nothing is measured.
 */
export function pointLabelBelow(
  marks: readonly ((sx: number) => number)[],
  py: number,
  span: readonly [number, number],
  innerHeight: number,
): boolean {
  const above: [number, number] = [py - 23, py - 7];
  const below: [number, number] = [py + 9, py + 25];
  if (py < 36) return true;
  if (below[1] > innerHeight - 2) return false;
  const xs = [0, 0.25, 0.5, 0.75, 1].map((t) => span[0] + (span[1] - span[0]) * t);
  const room = ([lo, hi]: [number, number]) => {
    let min = Infinity;
    for (const mark of marks)
      for (const sx of xs) {
        const v = mark(sx);
        if (Number.isFinite(v)) min = Math.min(min, v < lo ? lo - v : v > hi ? v - hi : 0);
      }
    return min;
  };
  // above, as ever, unless a mark runs through it and below is clear
  return room(above) < 2 && room(below) >= 6;
}

/** Legend entries laid out from their measured labels, left to right, wrapping to a new row past `width`. */
function legendItems(
  config: ActivationPlotConfig,
  showCompare: boolean,
  width: number,
  measure: (text: string) => number,
) {
  const items: ActivationLegendItem[] = [
    { label: `${config.name}(x)`, tone: 'sym2', className: 'series sym-2' },
    { label: `${config.name}′(x)`, tone: 'sym3', className: 'series series-derivative sym-3' },
  ];
  if (showCompare) {
    config.compare.forEach((c, i) =>
      items.push({
        label: `${c.name}(x)`,
        tone: 'faint',
        kind: 'dashed',
        className: 'series series-faint',
        dash: DASHES[i % DASHES.length],
      }),
    );
  }
  const layout = legendLayout(items, width, measure, LEGEND);
  return { ...layout, items: layout.items.map((placed, i) => ({ ...items[i], ...placed })) };
}

/** Everything a layout of the marker needs besides the result. */
interface MarkerContext {
  config: ActivationPlotConfig;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  innerWidth: number;
  innerHeight: number;
  showCompare: boolean;
  lang: Lang;
  /** The point labels' font as a CSS shorthand; default the plots' 13px, bold. */
  font?: string;
}

/** Where the parts that move with x go: the tangent, the guide, both points and their labels. */
export interface MarkerLayout {
  innerHeight: number;
  px: number;
  pyF: number;
  pyDf: number;
  tangent: { x1: number; y1: number; x2: number; y2: number };
  labelX: number;
  anchor: 'start' | 'end';
  pointY: number;
  pointText: string;
  slopeY: number;
  slopeText: string;
}

/**
 * The tangent through (x0, y0) of slope dy0, as the segment of it inside the plot box:
 * where the clip would cut it anyway. Its ends stay inside the frame, however steep it
 * is, so its paint chunk keeps its bounds on a tick (see ChunkBounds). A tangent that
 * misses the box is an empty segment at the point.
 */
export function tangentSegment(
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  xDomain: readonly [number, number],
  innerHeight: number,
  x0: number,
  y0: number,
  dy0: number,
) {
  let [lo, hi] = xDomain;
  const top = y.invert(0);
  const bottom = y.invert(innerHeight);
  if (dy0 !== 0) {
    // where the line crosses the top and the bottom of the box
    const a = x0 + (top - y0) / dy0;
    const b = x0 + (bottom - y0) / dy0;
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  } else if (y0 > Math.max(top, bottom) || y0 < Math.min(top, bottom)) {
    lo = hi = x0;
  }
  if (!(lo <= hi)) lo = hi = Math.min(Math.max(x0, xDomain[0]), xDomain[1]);
  const at = (v: number) => Math.min(Math.max(y(y0 + dy0 * (v - x0)), 0), innerHeight);
  return { x1: x(lo), y1: at(lo), x2: x(hi), y2: at(hi) };
}

/** The marker's layout for one result: arithmetic and one cached text measurement. */
export function markerLayout(ctx: MarkerContext, result: ActivationResult): MarkerLayout {
  const { config, x, y, innerWidth, innerHeight, showCompare, lang, font = POINT_FONT } = ctx;
  const x0 = Number.isFinite(result.x) ? result.x : 0;
  const y0 = Number.isFinite(result.y) ? result.y : 0;
  const dy0 = Number.isFinite(result.dy) ? result.dy : 0;
  const px = x(x0);
  const clampY = (v: number) => Math.min(Math.max(v, config.yDomain[0]), config.yDomain[1]);
  const pyF = y(clampY(y0));
  const pyDf = y(clampY(dy0));
  const slopeText = `${SLOPE[lang]} ${formatNumber(dy0, 3)}`;
  const pointText = `${config.name}(${formatNumber(x0, 2)}) = ${formatNumber(y0, 3)}`;
  // left of the point near the right edge, or when the text would run past it
  const textWidth = measureText(pointText, font);
  const labelLeft =
    px > innerWidth * 0.7 || (px > innerWidth / 2 && px + 10 + textWidth > innerWidth);
  const [ya, yb] = config.yDomain;
  const inPlot = (v: number) => (v >= ya && v <= yb ? y(v) : NaN);
  const at = (f: (v: number) => number) => (sx: number) => inPlot(f(x.invert(sx)));
  const labelSpan: [number, number] = labelLeft
    ? [px - 10 - textWidth, px - 10]
    : [px + 10, px + 10 + textWidth];
  const below = pointLabelBelow(
    [
      at(config.f),
      at((v) => y0 + dy0 * (v - x0)),
      at(config.df),
      () => pyDf + 6,
      () => pyDf + 18,
      ...(showCompare ? config.compare.map((c) => at(c.f)) : []),
    ],
    pyF,
    labelSpan,
    innerHeight,
  );
  const pointY = below ? pyF + 22 : pyF - 10;
  // the slope label goes under the f′ point, or over it where that would cover the f(x) label
  const slopeUnder = Math.min(pyDf + 18, innerHeight - 4);
  const slopeY =
    Math.abs(slopeUnder - pointY) < 16 && pyDf > 30 && Math.abs(pyDf - 10 - pointY) >= 16
      ? pyDf - 10
      : slopeUnder;
  return {
    innerHeight,
    px,
    pyF,
    pyDf,
    tangent: tangentSegment(x, y, config.xDomain, innerHeight, x0, y0, dy0),
    labelX: px + (labelLeft ? -10 : 10),
    anchor: labelLeft ? 'end' : 'start',
    pointY,
    pointText,
    slopeY,
    slopeText,
  };
}

const caretPath = (px: number, innerHeight: number) => `M${px},${innerHeight} l-6,9 h12 z`;

/**
 * An activation f and its derivative f′ over x, with the current x marked on
 * both curves, the tangent line of slope f′(x), the shaded regions where the
 * gradient vanishes, and faint curves of other activations for comparison.
 */
export function ActivationPlot({
  config,
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<ActivationResult> & { config: ActivationPlotConfig }) {
  const clipId = `act-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const boxRef = useRef<HTMLDivElement>(null);
  // The viewBox follows the column in presentation mode too (its height follows the screen).
  const { columnWidth: measured, presentHeight } = usePlotSize(boxRef);
  const width =
    measured === null ? DEFAULT_WIDTH : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, measured));
  const narrow = width < 480;
  const showCompare = values.compare !== false;
  // the legend's text is 13px on a page, 14px presenting (activationPlot.css)
  const legendFont = PLOT_FONT.replace('13px', presentHeight !== null ? '14px' : '13px');
  // the legend and the point's label are measured (`markerLayout` runs on every render)
  const measure = useMeasureText();
  const legend = useMemo(
    () => legendItems(config, showCompare, width - 76, (t) => measure(t, legendFont)),
    [config, showCompare, width, legendFont, measure],
  );
  const legendRows = Math.max(1, legend.rows);
  const margin = {
    top: 22 + LEGEND_ROW * legendRows,
    right: narrow ? 12 : 20,
    bottom: 44,
    left: 56,
  };
  const pageHeight = (narrow ? 300 : 340) + LEGEND_ROW * legendRows;
  // Presentation: as tall as the box allows (same viewBox width, so text keeps its size).
  const height =
    presentHeight !== null && measured !== null
      ? Math.max(pageHeight, Math.min(Math.round((width * presentHeight) / measured), width))
      : pageHeight;
  const { innerWidth, innerHeight } = innerSize(width, height, margin);

  // The curves depend on the x-range only: a slider tick moves the point and tangent.
  const fixed = useMemo(() => {
    const x = scaleLinear().domain(config.xDomain).range([0, innerWidth]);
    const y = scaleLinear().domain(config.yDomain).range([innerHeight, 0]);
    const path = line<Pt | null>()
      .defined((p) => p !== null)
      .x((p) => x(p![0]))
      .y((p) => y(p![1]));
    return {
      x,
      y,
      fPath: path(sample(config.f, config.xDomain)) ?? '',
      dfPath: path(sample(config.df, config.xDomain)) ?? '',
      comparePaths: config.compare.map((c) => ({
        name: c.name,
        d: path(sample(c.f, config.xDomain)) ?? '',
        end: labelAnchor(c.f, config.xDomain, config.yDomain, x, y),
      })),
    };
  }, [config, innerWidth, innerHeight]);
  const { x, y } = fixed;

  const [xa, xb] = config.xDomain;
  const pointFont =
    presentHeight !== null ? `600 ${PLOT_FONT.replace('13px', '14px')}` : POINT_FONT;
  const m = markerLayout(
    { config, x, y, innerWidth, innerHeight, showCompare, lang, font: pointFont },
    result,
  );
  const highlighted = highlight === 'x';

  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0)) return;
    const raw = x.invert(((e.clientX - r.left) / r.width) * innerWidth);
    const snapped = Math.round(raw / config.step) * config.step;
    const clamped = Math.min(Math.max(snapped, xa), xb);
    setValue('x', Number(clamped.toFixed(6)));
  };

  // The layers that do not move with x are built once per size, language and toggle, so a
  // tick reconciles only the tangent and the x marker.
  const behind = useMemo(
    () => (
      <>
        <defs>
          <clipPath id={clipId}>
            <rect width={innerWidth} height={innerHeight} />
          </clipPath>
        </defs>
        {config.regions.map(([a, b]) => (
          <rect
            key={`${a}-${b}`}
            className="region-vanishing"
            x={x(a)}
            y={0}
            width={x(b) - x(a)}
            height={innerHeight}
          />
        ))}
        <AxisLeft scale={y} size={innerWidth} label={AXIS_LABELS[lang].y} grid />
        <AxisBottom scale={x} size={innerHeight} label={AXIS_LABELS[lang].x} grid />
        {/* after the grid, so their halo hides the grid lines that cross them */}
        {config.regions.map(([a, b]) => {
          const left = x(a);
          const w = x(b) - left;
          return w > 60 ? (
            <text
              key={`${a}-${b}`}
              className="region-label plot-halo"
              x={left + w / 2}
              y={a <= xa ? 16 : innerHeight - 8}
              textAnchor="middle"
            >
              {config.regionLabel[lang]}
            </text>
          ) : null;
        })}
        {y.domain()[0] < 0 && (
          <line className="axis-line zero-line" x1={0} x2={innerWidth} y1={y(0)} y2={y(0)} />
        )}
      </>
    ),
    [clipId, config, innerWidth, innerHeight, x, y, xa, lang],
  );
  const curves = useMemo(
    () => (
      <>
        {showCompare &&
          fixed.comparePaths.map((c, i) => (
            <path
              key={c.name}
              className="series series-faint"
              d={c.d}
              strokeDasharray={DASHES[i % DASHES.length]}
            />
          ))}
        <path className="series series-derivative sym-3" d={fixed.dfPath} />
        <path className="series sym-2" d={fixed.fPath} />
      </>
    ),
    [fixed, showCompare],
  );
  const compareLabels = useMemo(
    () =>
      showCompare &&
      fixed.comparePaths.map((c) => (
        <text
          key={c.name}
          className="compare-label plot-halo"
          x={c.end.x}
          y={c.end.y}
          textAnchor={c.end.anchor}
        >
          {c.name}
        </text>
      )),
    [fixed, showCompare],
  );
  const legendLayer = useMemo(
    () => (
      <g className="legend" transform={`translate(0,${-margin.top + 14})`}>
        {legend.items.map((it) => (
          <g key={it.label} transform={`translate(${it.x},${it.row * LEGEND_ROW})`}>
            <line
              className={it.className}
              x1={0}
              x2={LEGEND.swatch}
              y1={0}
              y2={0}
              strokeDasharray={it.dash}
            />
            <text x={LEGEND.swatch + LEGEND.gap} dy="0.32em">
              {it.text}
            </text>
          </g>
        ))}
      </g>
    ),
    [legend, margin.top],
  );

  return (
    <div className="activation-plot" ref={boxRef}>
      <PlotFrame width={width} height={height} margin={margin}>
        {behind}
        <g clipPath={`url(#${clipId})`}>
          <ChunkBounds />
          {curves}
          <line className="tangent sym-2" {...m.tangent} />
        </g>
        <ChunkBounds />
        {compareLabels}
        <rect
          className="drag-surface"
          width={innerWidth}
          height={innerHeight}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            onPointer(e);
          }}
          onPointerMove={onPointer}
        />
        <g
          className={highlighted ? 'x-marker sym-1 is-highlighted' : 'x-marker sym-1'}
          onPointerEnter={() => setHighlight('x')}
          onPointerLeave={() => setHighlight(null)}
        >
          <line className="x-guide" x1={m.px} x2={m.px} y1={0} y2={innerHeight} />
          <path className="x-caret" d={caretPath(m.px, innerHeight)} />
          <circle
            className="current-point derivative-point sym-3"
            cx={m.px}
            cy={m.pyDf}
            r={highlighted ? 7 : 5}
          />
          <circle className="current-point sym-2" cx={m.px} cy={m.pyF} r={highlighted ? 8 : 6} />
          <text
            className="point-label plot-halo sym-2"
            x={m.labelX}
            y={m.pointY}
            textAnchor={m.anchor}
          >
            {m.pointText}
          </text>
          <text
            className="point-label slope-label plot-halo sym-3"
            x={m.labelX}
            y={m.slopeY}
            textAnchor={m.anchor}
          >
            {m.slopeText}
          </text>
        </g>
        {legendLayer}
      </PlotFrame>
    </div>
  );
}

/** Binds a plot component to one activation's fixed configuration. */
export function makeActivationPlot(config: ActivationPlotConfig) {
  function BoundActivationPlot(props: PlotProps<ActivationResult>) {
    return <ActivationPlot {...props} config={config} />;
  }
  BoundActivationPlot.displayName = `ActivationPlot(${config.name})`;
  return BoundActivationPlot;
}
