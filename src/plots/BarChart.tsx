import { scaleBand, scaleLinear } from 'd3-scale';
import type { ScaleBand } from 'd3-scale';
import { cloneElement, useCallback, useMemo } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { SymbolSlot } from '../ui/card/types';
import { AxisBottom, AxisLeft } from './Axes';
import type { AxisScale } from './Axes';
import { formatProbability } from './formatNumber';
import { measureText, useMeasureText } from './measureText';
import { ChunkBounds } from './PlotFrame';

/** A band scale over bar indices 0…n−1 spanning `width`, shared by a chart and rows drawn under it. */
export function barBand(count: number, width: number): ScaleBand<number> {
  return scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([0, width])
    .paddingInner(0.28)
    .paddingOuter(0.14);
}

/** The centre x of bar `i`. */
export function barCentre(band: ScaleBand<number>, i: number): number {
  return (band(i) ?? 0) + band.bandwidth() / 2;
}

const UNIT_DOMAIN: readonly [number, number] = [0, 1];
/** How far a crowded label is lifted above its neighbours' in px. */
const LABEL_LIFT = 15;
/** Gap between a bar's top and its value label's baseline in px. */
const LABEL_GAP = 6;
/** Height of one row of text above a value label (a marker's baseline sits this far above it), px. */
const MARKER_ROW = 16;

/**
 * For each bar, whether its label is lifted a row: on a narrow chart, where labels
 * (measured in the plots' font) wider than the bar step sit at about the same height as a neighbour's
 * (e.g. several "2×10⁻⁹"), every other one of them moves up so none overlap.
 */
export function liftedLabels(
  texts: readonly string[],
  tops: readonly number[],
  step: number,
): boolean[] {
  const lifted = texts.map(() => false);
  for (let i = 1; i < texts.length; i++) {
    const wide = (measureText(texts[i - 1]) + measureText(texts[i])) / 2 > step - 4;
    if (wide && !lifted[i - 1] && Math.abs(tops[i] - tops[i - 1]) < LABEL_LIFT) lifted[i] = true;
  }
  return lifted;
}

/** Props of `BarChart`. */
/** Where a bar chart's values put its bars and labels: shared by its render and its live update. */
function barGeometry(
  values: readonly number[],
  valueLabels: readonly string[] | undefined,
  band: ScaleBand<number>,
  y: (v: number) => number,
  height: number,
  yDomain: readonly [number, number],
) {
  const texts = values.map((v, i) => valueLabels?.[i] ?? formatProbability(v));
  const tops = values.map((v) =>
    y(Number.isFinite(v) ? Math.min(Math.max(v, yDomain[0]), yDomain[1]) : yDomain[0]),
  );
  const lifted = liftedLabels(texts, tops, band.step());
  const labelY = (i: number) =>
    Math.min(tops[i], height) - LABEL_GAP - (lifted[i] ? LABEL_LIFT : 0);
  return { texts, tops, labelY };
}

/**
 * Where a marker over bar `index` stands: one text row above its value label. Written as
 * the marker's x and y, not a transform of its group: a transform that changes on a tick
 * makes Chromium work out the page's compositing layers again.
 */
const markerAt = (band: ScaleBand<number>, index: number, labelY: (i: number) => number) => ({
  x: barCentre(band, index),
  y: labelY(index) - MARKER_ROW,
});

const barGroupClass = (i: number, emphasis: number | null) =>
  `bar-group${i === emphasis ? ' is-emphasis' : ''}`;

export interface BarChartProps {
  /** One label per bar (tokens, classes). */
  labels: readonly string[];
  /** Bar heights; a non-finite value draws no bar. */
  values: readonly number[];
  /** Text above each bar; defaults to `formatProbability(value)`. */
  valueLabels?: readonly string[];
  /** Inner width and height of the drawing area (after the frame's margins). */
  width: number;
  height: number;
  yDomain?: readonly [number, number];
  yLabel: string;
  xLabel: string;
  /** Colour slot of the bars (`.sym-N`). */
  slot?: SymbolSlot;
  /** Index of one bar to emphasise (a true class, the most likely token), or null. */
  emphasis?: number | null;
  /** Called with the bar index on hover/focus, null on leave. */
  onHover?: (index: number | null) => void;
  /** Marks drawn over the bars but under the value labels (reference lines), in the chart's coordinates. */
  guides?: ReactNode;
  /** A text stacked one text row above bar `index`'s value label (e.g. "true ▾"); its x and y are set. */
  marker?: { index: number; node: ReactElement<{ x?: number; y?: number }> } | null;
}

/**
 * A labelled bar chart drawn inside a `PlotFrame`: bars, value labels, category and value axes.
 * Value labels are drawn last, with a halo in the card colour, so guides crossing them stay readable.
 */
export function BarChart({
  labels,
  values,
  valueLabels,
  width,
  height,
  yDomain = UNIT_DOMAIN,
  yLabel,
  xLabel,
  slot,
  emphasis = null,
  onHover,
  guides,
  marker = null,
}: BarChartProps) {
  useMeasureText(); // drawn again once measured: `barGeometry` measures the value labels
  const band = useMemo(() => barBand(labels.length, width), [labels.length, width]);
  const y = useMemo(
    () => scaleLinear().domain([yDomain[0], yDomain[1]]).range([height, 0]),
    [yDomain, height],
  );
  const centres: AxisScale = useMemo(
    () => Object.assign((i: number) => barCentre(band, i), { range: () => band.range() }),
    [band],
  );
  const tickValues = useMemo(() => labels.map((_, i) => i), [labels]);
  const format = useCallback((i: number) => labels[i] ?? '', [labels]);
  const slotClass = slot ? ` sym-${slot}` : '';
  const bw = band.bandwidth();
  const { texts, tops, labelY } = barGeometry(values, valueLabels, band, y, height, yDomain);
  return (
    <g className="bar-chart">
      <AxisLeft scale={y} size={width} label={yLabel} ticks={5} grid />
      <AxisBottom
        scale={centres}
        size={height}
        label={xLabel}
        tickValues={tickValues}
        format={format}
      />
      <ChunkBounds />
      {values.map((v, i) => {
        if (!Number.isFinite(v)) return null;
        const top = tops[i];
        return (
          <g
            key={i}
            className={barGroupClass(i, emphasis)}
            onMouseEnter={onHover ? () => onHover(i) : undefined}
            onMouseLeave={onHover ? () => onHover(null) : undefined}
          >
            <rect
              className={`bar${slotClass}`}
              x={band(i) ?? 0}
              y={top}
              width={bw}
              height={Math.max(0, height - top)}
              data-index={i}
            />
          </g>
        );
      })}
      {guides}
      <g className="bar-labels">
        {texts.map((text, i) => (
          <text
            key={i}
            className="bar-label plot-halo"
            x={barCentre(band, i)}
            y={labelY(i)}
            textAnchor="middle"
            data-index={i}
            onMouseEnter={onHover ? () => onHover(i) : undefined}
            onMouseLeave={onHover ? () => onHover(null) : undefined}
          >
            {text}
          </text>
        ))}
      </g>
      {marker && marker.index >= 0 && marker.index < values.length && (
        <g className="bar-marker" data-index={marker.index}>
          {cloneElement(marker.node, markerAt(band, marker.index, labelY))}
        </g>
      )}
    </g>
  );
}
