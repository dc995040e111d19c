import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, type ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { formatFixed } from '../../plots/formatNumber';
import { legendLayout, type LegendItem, type LegendMetrics } from '../../plots/Legend';
import { PLOT_FONT, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import type { MseResult } from './model';
import './mse.css';

/** Top of the value axis: the targets' and predictions' slider range is 0…Y_MAX. */
export const Y_MAX = 10;

/** viewBox width before the column is measured (tests, presentation), and its bounds. */
const WIDTH = { fallback: 640, min: 320, max: 760 };
const HEIGHT = 420;
const MARGIN: Margin = { top: 40, right: 16, bottom: 72, left: 60 };
/** Below this viewBox width the legend starts at the left edge and the squares row may stagger. */
const NARROW = 480;
/** The narrow margins leave room for a legend of two rows, the wide ones for one. */
const NARROW_MARGIN: Margin = { top: 58, right: 12, bottom: 86, left: 56 };
/** The legend's spacing (its labels are 12px): swatches in a 12 px slot, rows 18 px apart. */
const LEGEND: LegendMetrics = { swatch: 12, gap: 6, spacing: 24, rowHeight: 18 };
const LEGEND_FONT = PLOT_FONT.replace('13px', '12px');
/** Distance between neighbouring samples in value units, so squares up to this side do not overlap. */
export const SPACING = 1.6;
/** Room in px for the mean square's labels and the gap before it. */
const MEAN_ROOM = 120;
const NARROW_MEAN_ROOM = 84;
/** Below this distance in px between samples, every other value of the squares row drops a line. */
const ROW_STAGGER = 30;
/** Least distance in px between the sample numbers on a narrow column. */
const TICK_GAP = 14;

/**
 * The frame of the plot for a viewBox width: size, margins, drawing area and room for the
 * mean square. `legendRows` (default: two when narrow, else one) sets the room above.
 */
export function mseFrame(width: number, legendRows?: number) {
  const narrow = width < NARROW;
  const base = narrow ? NARROW_MARGIN : MARGIN;
  const rows = legendRows ?? (narrow ? 2 : 1);
  // rows beyond those the margins leave room for push the drawing down
  const extra = (rows - (narrow ? 2 : 1)) * LEGEND.rowHeight;
  const margin: Margin = { ...base, top: base.top + extra };
  const meanRoom = narrow ? NARROW_MEAN_ROOM : MEAN_ROOM;
  const innerWidth = width - margin.left - margin.right;
  // Narrow: only as tall as the width allows the drawing to be (one scale on both axes).
  const innerHeight = narrow
    ? Math.min(HEIGHT - base.top - base.bottom, Math.max(160, innerWidth - meanRoom))
    : HEIGHT - base.top - base.bottom;
  return {
    narrow,
    width,
    height: innerHeight + margin.top + margin.bottom,
    margin,
    /** Where the legend's first row stands, above the drawing. */
    legendY: -margin.top + 16,
    innerWidth,
    innerHeight,
    meanRoom,
  };
}

const FALLBACK_FRAME = mseFrame(WIDTH.fallback);

const WORDS = {
  en: {
    value: 'value',
    sample: 'sample i',
    target: 'target y',
    prediction: 'prediction ŷ',
    residual: 'residual',
    square: 'squared error',
    mean: 'mean square: area = MSE',
    squares: '(y − ŷ)²',
  },
  'zh-TW': {
    value: '數值',
    sample: '樣本 i',
    target: '目標 y',
    prediction: '預測 ŷ',
    residual: '殘差',
    square: '平方誤差',
    mean: '平均正方形：面積 = MSE',
    squares: '(y − ŷ)²',
  },
} satisfies Record<Lang, Record<string, string>>;

/** The legend's entries and how each swatch is drawn (in its slot, centred on the text's middle). */
function legendEntries(w: (typeof WORDS)[Lang]): { item: LegendItem; swatch: ReactNode }[] {
  const side = LEGEND.swatch;
  return [
    {
      item: { label: w.target, tone: 'sym1', kind: 'point' },
      swatch: <circle className="target sym-1" cx={side / 2} cy={-4} r={5} />,
    },
    {
      item: { label: w.prediction, tone: 'sym2', kind: 'point' },
      swatch: <circle className="prediction sym-2" cx={side / 2} cy={-4} r={5} />,
    },
    {
      item: { label: w.residual, tone: 'muted' },
      swatch: <line className="residual" x1={side / 2} x2={side / 2} y1={-11} y2={3} />,
    },
    {
      item: { label: w.square, tone: 'sym4', kind: 'area' },
      swatch: <rect className="error-square sym-4" x={0} y={-10} width={side} height={side} />,
    },
    {
      item: { label: w.mean, tone: 'sym4', kind: 'area' },
      swatch: <rect className="mse-square sym-4" x={0} y={-10} width={side} height={side} />,
    },
  ];
}

/** Pixel geometry with one scale factor for both axes, so a residual's square is drawn square. */
export function mseGeometry(result: MseResult, frame = FALLBACK_FRAME) {
  const { innerWidth, innerHeight, meanRoom } = frame;
  let xMax = SPACING * result.n + 0.8;
  result.residuals.forEach((r, i) => {
    xMax = Math.max(xMax, SPACING * (i + 1) + Math.abs(r) + 0.3);
  });
  // The largest scale that fits, taken down to the next of a few fixed steps (quarter
  // octaves below the full height): a drag then changes the scale only now and then, so
  // the drawing does not breathe with every tick (and its axes stay put).
  const full = innerHeight / Y_MAX;
  const fit = Math.min((innerWidth - meanRoom) / (xMax + result.rmse), full);
  let step = Math.max(0, Math.ceil(4 * Math.log2(full / fit) - 1e-9));
  if (full * 2 ** (-step / 4) > fit) step++;
  const unit = full * 2 ** (-step / 4);
  const x = scaleLinear()
    .domain([0, xMax])
    .range([0, xMax * unit]);
  const y = scaleLinear()
    .domain([0, Y_MAX])
    .range([Y_MAX * unit, 0]);
  const dy = innerHeight - Y_MAX * unit;
  const meanX = xMax * unit + 24;
  return { unit, x, y, dy, meanX, xMax };
}

type MseFrame = ReturnType<typeof mseFrame>;
type MseGeometry = ReturnType<typeof mseGeometry>;

/** The sample numbers on the x axis: every one, or every k-th on a narrow, crowded column. */
function sampleTicks(n: number, frame: MseFrame, unit: number): number[] {
  const spacing = SPACING * unit;
  const stride = frame.narrow ? Math.max(1, Math.ceil(TICK_GAP / spacing)) : 1;
  return Array.from({ length: n }, (_, i) => SPACING * (i + 1)).filter((_, i) => i % stride === 0);
}

/**
 * Where a result puts the marks that move with the values (samples, squares,
 * mean square and their labels), at a given geometry.
 */
function mseMarks(result: MseResult, g: MseGeometry, frame: MseFrame) {
  const { unit, x, y, meanX } = g;
  const side = result.rmse * unit;
  return {
    /** Narrow: the mean square's labels end at the right edge instead of running past it. */
    meanLabelX: frame.narrow ? frame.innerWidth + frame.margin.right - 2 : meanX,
    samples: result.residuals.map((r, i) => ({
      className: `sample${i === result.largest && r !== 0 ? ' is-largest' : ''}`,
      cx: x(SPACING * (i + 1)),
      side: Math.abs(r) * unit,
      top: y(Math.max(result.y[i], result.yhat[i])),
      target: y(result.y[i]),
      prediction: y(result.yhat[i]),
    })),
    mean: { x: meanX, y: y(0) - side, side },
    mseText: `MSE = ${formatFixed(result.mse, 3)}`,
    rmseText: `√MSE = ${formatFixed(result.rmse, 3)}`,
    squares: result.squares.map((s) => formatFixed(s, s >= 10 ? 1 : 2)),
    rowMean: `÷ ${result.n} = ${formatFixed(result.mse, 3)}`,
  };
}

/** Targets, predictions, residual segments and squared errors as squares, with the mean square beside them. */
export function MsePlot({ result, lang, highlight, setHighlight }: PlotProps<MseResult>) {
  const w = WORDS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  // Narrow: the legend starts at the left edge; its entries wrap to the rows they need.
  const entries = useMemo(() => legendEntries(w), [w]);
  const narrowLegend = width < NARROW;
  const legendX = narrowLegend ? -NARROW_MARGIN.left + 8 : 0;
  const legendWidth = narrowLegend ? width - 16 : width - MARGIN.left - MARGIN.right;
  const measure = useMeasureText();
  const legend = useMemo(
    () =>
      legendLayout(
        entries.map((e) => e.item),
        legendWidth,
        (t) => measure(t, LEGEND_FONT),
        LEGEND,
      ),
    [entries, legendWidth, measure],
  );
  const frame = useMemo(() => mseFrame(width, legend.rows), [width, legend.rows]);
  const { narrow, innerHeight, margin } = frame;
  const g = useMemo(() => mseGeometry(result, frame), [result, frame]);
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const enter = (name: string) => () => setHighlight(name);
  const leave = () => setHighlight(null);
  const { unit, x, y, dy, meanX } = g;
  const m = mseMarks(result, g, frame);
  const rowY = innerHeight + 58;
  const spacing = SPACING * unit;
  const stagger = narrow && spacing < ROW_STAGGER;
  // Staggered, the first value takes the lower line, clear of the row label.
  // Narrow and crowded (large residuals shrink the scale): label every k-th sample only.
  const rowStride = narrow
    ? Math.max(1, Math.ceil(ROW_STAGGER / (spacing * (stagger ? 2 : 1))))
    : 1;
  const ticks = sampleTicks(result.n, frame, unit);
  const meanAnchor = narrow ? 'end' : 'start';

  return (
    <div className="mse-plot-box" ref={boxRef}>
      <PlotFrame width={frame.width} height={frame.height} margin={margin} className="mse-plot">
        <g className="legend" transform={`translate(${legendX},${frame.legendY})`}>
          {legend.items.map((it, i) => (
            <g key={i} transform={`translate(${it.x},${it.row * LEGEND.rowHeight})`}>
              {entries[i].swatch}
              <text x={LEGEND.swatch + LEGEND.gap} y={0}>
                {it.text}
              </text>
            </g>
          ))}
        </g>
        <g transform={`translate(0,${dy})`}>
          <AxisLeft scale={y} size={g.xMax * unit} label={w.value} ticks={5} grid />
        </g>
        <AxisBottom
          scale={x}
          size={innerHeight}
          label={w.sample}
          tickValues={ticks}
          format={(d) => String(Math.round(d / SPACING))}
        />
        <g transform={`translate(0,${dy})`}>
          <ChunkBounds dy={dy} />
          {m.samples.map((s, i) => (
            <g key={i} className={s.className}>
              <rect
                className="error-square sym-4"
                x={s.cx}
                y={s.top}
                width={s.side}
                height={s.side}
                data-index={i}
              />
              <line className="residual" x1={s.cx} x2={s.cx} y1={s.target} y2={s.prediction} />
              <circle
                className={`target sym-1${hl('y')}`}
                cx={s.cx}
                cy={s.target}
                r={5}
                onMouseEnter={enter('y')}
                onMouseLeave={leave}
              />
              <circle
                className={`prediction sym-2${hl('yhat')}`}
                cx={s.cx}
                cy={s.prediction}
                r={5}
                onMouseEnter={enter('yhat')}
                onMouseLeave={leave}
              />
            </g>
          ))}
          <rect
            className="mse-square mean-square sym-4"
            x={m.mean.x}
            y={m.mean.y}
            width={m.mean.side}
            height={m.mean.side}
          />
          <text className="mean-label" x={m.meanLabelX} y={m.mean.y - 26} textAnchor={meanAnchor}>
            {m.mseText}
          </text>
          <text
            className="mean-label mean-side"
            x={m.meanLabelX}
            y={m.mean.y - 9}
            textAnchor={meanAnchor}
          >
            {m.rmseText}
          </text>
        </g>
        <g className="squares-row">
          <ChunkBounds />
          <text className="row-label" x={narrow ? -6 : -10} y={rowY} textAnchor="end">
            {w.squares}
          </text>
          {m.squares.map((s, i) =>
            i % rowStride === 0 ? (
              <text
                key={i}
                className="row-value"
                x={x(SPACING * (i + 1))}
                y={stagger && (i / rowStride) % 2 === 0 ? rowY + 14 : rowY}
                textAnchor="middle"
                data-index={i}
              >
                {s}
              </text>
            ) : null,
          )}
          <text className="row-value row-mean" x={meanX} y={rowY}>
            {m.rowMean}
          </text>
        </g>
      </PlotFrame>
    </div>
  );
}
