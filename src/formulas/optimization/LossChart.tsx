import { useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { formatNumber } from '../../plots/formatNumber';
import { legendLayout, type LegendItem } from '../../plots/Legend';
import { PLOT_FONT, useMeasureText } from '../../plots/measureText';
import { useFrame } from '../../plots/frame';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { cx, strokeClass, toneClass, type StrokeStyle, type Tone } from '../../plots/tones';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang } from '../../ui/card/types';
import { OPT_WORDS } from './words';

/** The smallest gap to the minimum drawn on the log axis: below it a run is at the floor. */
export const LOSS_FLOOR = 1e-12;

/** One series of a step chart: a value per step, drawn up to the current step. */
export interface StepSeries {
  /** Stable key (React) and legend label. */
  key: string;
  label: string;
  tone: Tone;
  stroke?: StrokeStyle;
  /** The values of steps 0 … values.length − 1 (a diverged run is shorter). */
  values: readonly number[];
  /** A run kept for comparison: drawn faint. */
  ghost?: boolean;
}

/** Props of `StepChart`. */
export interface StepChartProps {
  series: readonly StepSeries[];
  /** The last step on the axis. */
  steps: number;
  /** The current step, marked by a vertical rule and a dot on each series. */
  current: number;
  /** Axis titles. */
  xLabel: string;
  yLabel: string;
  /** Log axis (losses above the minimum) or linear (learning rates, step sizes). */
  log?: boolean;
  /** Draw every series in full, past the current step (schedules known in advance). */
  whole?: boolean;
  /** Fixed y domain; default from the data. */
  yDomain?: readonly [number, number];
  className?: string;
  /** viewBox height; default 240. */
  height?: number;
  /** Horizontal reference lines (a stability threshold), labelled at their right end. */
  rules?: readonly StepRule[];
}

/** A horizontal reference line of a step chart. */
export interface StepRule {
  key: string;
  value: number;
  label: string;
  tone: Tone;
}

const MARGIN: Margin = { top: 12, right: 14, bottom: 44, left: 80 };
const LEGEND_ROW = 18;
const LEGEND_FONT = PLOT_FONT.replace('13px', '12px');

const NO_RULES: readonly StepRule[] = [];

const clampLog = (v: number) => Math.max(LOSS_FLOOR, v);

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A log axis's tick: a power of ten as 10ⁿ (two characters fewer than 1×10ⁿ, which kept
 * the axis title off the ticks only at the plots' small type), any other to 3 digits.
 */
export function logTick(v: number): string {
  const e = Math.round(Math.log10(v));
  if (v > 0 && Math.abs(e) >= 3 && Math.abs(v / 10 ** e - 1) < 1e-9)
    return `10${e < 0 ? '⁻' : ''}${[...String(Math.abs(e))].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
  return formatNumber(v, { digits: 3, notation: 'significant' });
}

/** The y domain of some series: decades around their finite positive values, or their range. */
export function stepDomain(series: readonly StepSeries[], log: boolean): readonly [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const v0 of s.values) {
      const v = log ? clampLog(v0) : v0;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!(hi >= lo)) return log ? [1e-3, 1] : [0, 1];
  if (log) {
    const a = 10 ** Math.floor(Math.log10(lo));
    const b = 10 ** Math.ceil(Math.log10(hi));
    return a === b ? [a / 10, b * 10] : [a, b];
  }
  if (hi === lo) return [Math.min(0, lo), hi === 0 ? 1 : Math.max(0, hi) * 1.1 || 1];
  const pad = (hi - lo) * 0.06;
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/** A path through (step, value) in pixels, up to `last`; non-finite values break it. */
function seriesPath(
  values: readonly number[],
  last: number,
  x: (v: number) => number,
  y: (v: number) => number,
  log: boolean,
): string {
  let d = '';
  let pen = false;
  const n = Math.min(values.length - 1, last);
  // at most one vertex per half pixel column is enough for 1,000 steps
  for (let i = 0; i <= n; i++) {
    const v = log ? clampLog(values[i]) : values[i];
    const Y = y(v);
    if (!Number.isFinite(v) || !Number.isFinite(Y)) {
      pen = false;
      continue;
    }
    const X = Math.round(x(i) * 10) / 10;
    d += `${pen ? 'L' : 'M'}${X},${Math.round(Y * 10) / 10}`;
    pen = true;
  }
  return d;
}

/** The lines, the rule and the dots of a step chart, in its frame's scales. */
function StepMarks({
  series,
  k,
  whole,
  log,
  rules,
}: {
  series: readonly StepSeries[];
  k: number;
  whole: boolean;
  log: boolean;
  rules: readonly StepRule[];
}) {
  const { x, y, innerWidth, innerHeight } = useFrame();
  return (
    <g className="opt-step-series">
      <ChunkBounds />
      {rules.map((r) => {
        const Y = y(r.value);
        if (!Number.isFinite(Y) || Y < 0 || Y > innerHeight) return null;
        return (
          <g key={r.key} className={cx('opt-step-threshold', toneClass(r.tone))}>
            <line x1={0} x2={innerWidth} y1={Y} y2={Y} />
            <text className="plot-halo" x={innerWidth - 4} y={Y - 4} textAnchor="end">
              {r.label}
            </text>
          </g>
        );
      })}
      <line className="opt-step-rule" x1={x(k)} x2={x(k)} y1={0} y2={innerHeight} />
      {series.map((s) => {
        const d = seriesPath(s.values, whole ? s.values.length - 1 : k, x, y, log);
        const i = Math.min(k, s.values.length - 1);
        const Y = i >= 0 ? y(log ? clampLog(s.values[i]) : s.values[i]) : NaN;
        return (
          <g key={s.key} className={cx(toneClass(s.tone), s.ghost && 'is-ghost')}>
            <path
              className={cx('series', toneClass(s.tone), strokeClass(s.stroke ?? 'solid'))}
              d={d}
            />
            {Number.isFinite(Y) && <circle className="opt-step-dot" cx={x(i)} cy={Y} r={4} />}
          </g>
        );
      })}
    </g>
  );
}

/**
 * A chart of values per step (loss above the minimum on a log axis, learning rates,
 * step sizes): one line per series up to the current step, a vertical rule at the
 * current step and a dot on each series there; a legend above when there are several.
 */
export function StepChart({
  series,
  steps,
  current,
  xLabel,
  yLabel,
  log = true,
  whole = false,
  yDomain,
  className,
  height = 240,
  rules = NO_RULES,
}: StepChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, { fallback: 420, min: 260, max: 760 });
  const items = useMemo<LegendItem[]>(
    () =>
      series.length > 1
        ? series.map((s) => ({
            label: s.label,
            tone: s.tone,
            kind: s.stroke === 'dashed' ? 'dashed' : 'line',
          }))
        : [],
    [series],
  );
  const measure = useMeasureText();
  const legend = useMemo(
    () => legendLayout(items, width - 24, (t) => measure(t, LEGEND_FONT)),
    [items, width, measure],
  );
  const margin = { ...MARGIN, top: MARGIN.top + legend.rows * LEGEND_ROW };
  const h = height + legend.rows * LEGEND_ROW;
  const domain = useMemo(
    () =>
      yDomain ??
      stepDomain(
        rules.length > 0
          ? [
              ...series,
              { key: 'rules', label: '', tone: 'axis', values: rules.map((r) => r.value) },
            ]
          : series,
        log,
      ),
    [yDomain, series, log, rules],
  );
  const xSpec = useMemo(() => ({ domain: [0, Math.max(1, steps)] as const }), [steps]);
  const ySpec = useMemo(
    () => ({ domain: domain, scale: log ? ('log' as const) : ('linear' as const) }),
    [domain, log],
  );
  const k = Math.max(0, Math.min(steps, Math.round(current)));
  return (
    <div className={cx('opt-step-chart', className)} ref={boxRef}>
      <PlotFrame width={width} height={h} margin={margin} x={xSpec} y={ySpec}>
        <AxisBottom label={xLabel} ticks={5} />
        <AxisLeft label={yLabel} ticks={4} grid format={log ? logTick : undefined} />
        <StepMarks series={series} k={k} whole={whole} log={log} rules={rules} />
        {legend.items.length > 0 && (
          <g className="legend" transform={`translate(${-margin.left + 12},${-margin.top + 14})`}>
            {legend.items.map((it, i) => (
              <g
                key={series[i].key}
                className={cx(toneClass(it.tone), series[i].ghost && 'is-ghost')}
                transform={`translate(${it.x},${it.row * LEGEND_ROW})`}
              >
                <line
                  className={cx(
                    'series',
                    toneClass(it.tone),
                    strokeClass(series[i].stroke ?? 'solid'),
                  )}
                  x1={0}
                  x2={22}
                  y1={-4}
                  y2={-4}
                />
                <text x={28} y={0}>
                  {it.text}
                </text>
              </g>
            ))}
          </g>
        )}
      </PlotFrame>
    </div>
  );
}

/** A step chart's value as plain text (the log chart's floor reads "< 10⁻¹²"). */
export function formatStepValue(v: number, lang: 'en' | 'zh-TW', log = true): string {
  if (log && v < LOSS_FLOOR)
    return `< ${formatNumber(LOSS_FLOOR, { digits: 1, notation: 'significant', lang })}`;
  return formatNumber(v, { digits: 3, notation: 'significant', lang });
}

/** Props of `GapChart`: a step chart's, its axis titles given by the language. */
export type GapChartProps = Omit<StepChartProps, 'xLabel' | 'yLabel'> & { lang: Lang };

/** The chart every optimization page has: L − L* per step, on a log axis, with the shared axis titles. */
export function GapChart({ lang, ...props }: GapChartProps) {
  const w = OPT_WORDS[lang];
  return <StepChart {...props} xLabel={w.step} yLabel={w.gap} />;
}
