import { scaleBand, scaleLinear } from 'd3-scale';
import type { ScaleBand } from 'd3-scale';
import { useMemo } from 'react';
import type { SymbolSlot } from '../formulas/types';
import { AxisBottom, AxisLeft } from './Axes';
import type { AxisScale } from './Axes';

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

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Formats a probability for a bar label: two decimals, a power of ten when it would read 0.00, a dash for NaN. */
export function formatProbability(p: number): string {
  if (Number.isNaN(p)) return '—';
  if (!Number.isFinite(p)) return p > 0 ? '∞' : '−∞';
  if (p === 0) return '0';
  if (p >= 0.005) return p.toFixed(2);
  const [m, e] = p.toExponential(0).split('e');
  const sup = e
    .replace('+', '')
    .replace('-', '⁻')
    .replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]);
  return `${m}×10${sup}`;
}

const UNIT_DOMAIN: readonly [number, number] = [0, 1];

/** Props of `BarChart`. */
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
}

/** A labelled bar chart drawn inside a `PlotFrame`: bars, value labels, category and value axes. */
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
}: BarChartProps) {
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
  const slotClass = slot ? ` sym-${slot}` : '';
  const bw = band.bandwidth();
  return (
    <g className="bar-chart">
      <AxisLeft scale={y} size={width} label={yLabel} ticks={5} grid />
      <AxisBottom
        scale={centres}
        size={height}
        label={xLabel}
        tickValues={tickValues}
        format={(i) => labels[i] ?? ''}
      />
      {values.map((v, i) => {
        const finite = Number.isFinite(v);
        const clamped = finite ? Math.min(Math.max(v, yDomain[0]), yDomain[1]) : yDomain[0];
        const top = y(clamped);
        const x0 = band(i) ?? 0;
        const text = valueLabels?.[i] ?? formatProbability(v);
        return (
          <g
            key={i}
            className={`bar-group${i === emphasis ? ' is-emphasis' : ''}`}
            onMouseEnter={onHover ? () => onHover(i) : undefined}
            onMouseLeave={onHover ? () => onHover(null) : undefined}
          >
            {finite && (
              <rect
                className={`bar${slotClass}`}
                x={x0}
                y={top}
                width={bw}
                height={Math.max(0, height - top)}
                data-index={i}
              />
            )}
            <text
              className="bar-label"
              x={x0 + bw / 2}
              y={Math.min(top, height) - 6}
              textAnchor="middle"
              data-index={i}
            >
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
